"""Section 4: async Lighthouse iteration over 100 pages with injected latency, sequential vs prefetch."""

from __future__ import annotations

import asyncio
import time

import httpx

from benchmarks.harness import Figure
from mocks import lighthouse
from mocks.clients import client_for

PAGE_SIZE = 10
PREFETCH = 10


class Latency(httpx.AsyncBaseTransport):
    """Adds a fixed delay before every request, like a distant server."""

    def __init__(self, inner: httpx.AsyncBaseTransport, seconds: float) -> None:
        self._inner = inner
        self._seconds = seconds

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(self._seconds)
        return await self._inner.handle_async_request(request)


async def iterate(pages: int, latency: float, prefetch: int) -> float:
    """Seconds to iterate every workspace of pages pages; checks that all came, in server order."""
    app = lighthouse.create_app(size=pages * PAGE_SIZE)
    async with client_for(
        "lighthouse", app, asynchronous=True, wrap=lambda inner: Latency(inner, latency)
    ) as client:
        start = time.perf_counter()
        ids = [w.id async for w in client.iter_workspaces(page_size=PAGE_SIZE, prefetch=prefetch)]
        elapsed = time.perf_counter() - start
    expected = [w.id for w in app.state.store.ordered("created_at", "ASC")]
    if ids != expected:
        raise RuntimeError("prefetch changed the order or lost items")
    return elapsed


def run(smoke: bool) -> list[Figure]:
    """Wall time of both ways and the speed-up of prefetching."""
    pages, latency = (5, 0.001) if smoke else (100, 0.020)
    sequential = asyncio.run(iterate(pages, latency, prefetch=0))
    prefetched = asyncio.run(iterate(pages, latency, prefetch=PREFETCH))
    speedup = sequential / prefetched
    label = f"{pages} pages, {latency * 1000:g} ms latency"
    return [
        Figure("prefetch", f"sequential, {label}", sequential, "s"),
        Figure("prefetch", f"prefetch={PREFETCH}, {label}", prefetched, "s"),
        Figure("prefetch", "speed-up", speedup, "x", ">= 6", None if smoke else speedup >= 6),
    ]
