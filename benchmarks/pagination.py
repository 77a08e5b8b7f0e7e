"""Section 3: iterating 1k, 10k and 100k items in-process against the mocks: time per item, peak memory."""

from __future__ import annotations

import gc
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial

from benchmarks.harness import Figure, median_seconds
from mocks import lighthouse, pilfer
from mocks.clients import client_for

PAGE_SIZE = 100


def lighthouse_items(size: int) -> Callable[[], Iterator[object]]:
    """A fresh iteration over every workspace of a mock seeded with size of them."""
    client = client_for("lighthouse", lighthouse.create_app(size=size))
    return lambda: client.iter_workspaces(page_size=PAGE_SIZE)


def pilfer_items(size: int) -> Callable[[], Iterator[object]]:
    """A fresh iteration over every space of a mock seeded with size of them."""
    client = client_for("pilfer", pilfer.create_app(spaces=size))
    return lambda: client.iter_spaces(page_size=PAGE_SIZE)


def consume(items: Callable[[], Iterator[object]], size: int) -> None:
    """Iterate to the end, keeping nothing, and check that every item came."""
    count = sum(1 for _ in items())
    if count != size:
        raise RuntimeError(f"iterated {count} items, expected {size}")


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Hide what exists now (the mock's seeded records) from the cyclic GC while the block runs.

    The mock lives in the benchmark's process; without this, every full collection walks its 100k
    records, and the figure would grow with the mock's data rather than with the client's work.
    """
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def peak_traced_bytes(fn: Callable[[], None]) -> int:
    """The peak of memory newly allocated while fn runs (tracemalloc)."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def run(smoke: bool) -> list[Figure]:
    """Per-item time and peak memory at each size, and how both grow from the smallest to the largest."""
    sizes = (50, 100, 200) if smoke else (1_000, 10_000, 100_000)
    figures = []
    for api, factory in (("lighthouse", lighthouse_items), ("pilfer", pilfer_items)):
        per_item, peak = {}, {}
        for size in sizes:
            items = factory(size)  # the mock is seeded before anything is timed or traced
            run_once = partial(consume, items, size)
            run_once()  # warm the mock's cached orders
            repeats = 1 if smoke else max(1, 100_000 // size // 10) + 2
            with frozen_heap():
                per_item[size] = median_seconds(run_once, repeats=repeats) / size
                peak[size] = peak_traced_bytes(run_once)
            figures += [
                Figure("pagination", f"{api}, {size:,} items: time per item", per_item[size] * 1e6, "us"),
                Figure("pagination", f"{api}, {size:,} items: peak traced memory", peak[size] / 1e6, "MB"),
            ]
        small, large = sizes[0], sizes[-1]
        ratio = per_item[large] / per_item[small]
        growth = (peak[large] - peak[small]) / 1e6
        figures += [
            Figure(
                "pagination",
                f"{api}: per-item time {large:,} / {small:,}",
                ratio,
                "x",
                "<= 1.1",
                ratio <= 1.1,
            ),
            Figure(
                "pagination",
                f"{api}: peak memory growth {small:,} -> {large:,}",
                growth,
                "MB",
                "<= 5",
                growth <= 5,
            ),
        ]
    return figures
