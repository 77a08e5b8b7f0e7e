"""Section: one client shared by many callers against the Pilfer mock served in another process over
loopback: 500 concurrent async ``create_space`` tasks and 32 threads on one sync client, each against the
same client's sequential calls measured in the same run (client CPU per call, calls/s, p99)."""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import partial

from pilfer_client import AsyncPilferClient, PilferClient

from benchmarks.harness import Figure
from codegen.registry import api

TASKS = 500
THREADS = 32


@contextmanager
def served_mock(seconds: float) -> Iterator[str]:
    """The Pilfer mock in a child process (its CPU is not the client's); yields its base URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.serve_mock", "pilfer", str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        yield process.stdout.readline().strip()
    finally:
        process.terminate()
        process.wait(timeout=10)


class Sample:
    """Wall time, client CPU time and per-call latencies of one batch of calls."""

    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.failures = 0
        self.wall = self.cpu = 0.0

    def timed(self, call: Callable[[], object]) -> None:
        start = time.perf_counter()
        try:
            call()
        except Exception:
            self.failures += 1
        self.latencies.append(time.perf_counter() - start)

    @contextmanager
    def measuring(self) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.process_time()
        yield
        self.wall, self.cpu = time.perf_counter() - wall, time.process_time() - cpu

    def figures(self, label: str, baseline: Sample | None = None) -> list[Figure]:
        calls = len(self.latencies)
        succeeded = 100 * (calls - self.failures) / calls
        p99 = statistics.quantiles(self.latencies, n=100)[98] if calls >= 2 else self.latencies[0]
        rows = [
            Figure("concurrency", f"{label}: calls/s", calls / self.wall, "1/s"),
            Figure("concurrency", f"{label}: p99 latency", p99 * 1000, "ms"),
            Figure("concurrency", f"{label}: client CPU per call", self.cpu / calls * 1000, "ms"),
            Figure("concurrency", f"{label}: calls that succeeded", succeeded, "%", "100", succeeded == 100),
        ]
        if baseline is not None:
            ratio = (self.cpu / calls) / (baseline.cpu / len(baseline.latencies))
            rows.append(
                Figure("concurrency", f"{label}: CPU per call / sequential", ratio, "x", "<= 2", ratio <= 2)
            )
        return rows


async def async_samples(url: str, tasks: int) -> tuple[Sample, Sample]:
    """Sequential calls, then ``tasks`` concurrent ones, on one fresh async client."""
    token = api("pilfer").mock.token
    sequential, concurrent = Sample(), Sample()

    async def timed(sample: Sample, client: AsyncPilferClient, number: int) -> None:
        start = time.perf_counter()
        try:
            await client.create_space(name=f"bench {number}")
        except Exception:
            sample.failures += 1
        sample.latencies.append(time.perf_counter() - start)

    async with AsyncPilferClient(token, base_url=url) as client:
        with sequential.measuring():
            for number in range(tasks // 5):
                await timed(sequential, client, number)
    async with AsyncPilferClient(token, base_url=url) as client:
        with concurrent.measuring():
            await asyncio.gather(*(timed(concurrent, client, number) for number in range(tasks)))
    return sequential, concurrent


def thread_samples(url: str, threads: int, per_thread: int) -> tuple[Sample, Sample]:
    """Sequential calls, then ``threads`` threads sharing one sync client."""
    token = api("pilfer").mock.token
    sequential, shared = Sample(), Sample()
    with PilferClient(token, base_url=url) as client:
        with sequential.measuring():
            for number in range(per_thread * 4):
                sequential.timed(partial(_create, client, f"seq {number}"))

        def work(thread: int) -> None:
            for number in range(per_thread):
                shared.timed(partial(_create, client, f"t{thread} {number}"))

        with shared.measuring(), ThreadPoolExecutor(threads) as pool:
            list(pool.map(work, range(threads)))
    return sequential, shared


def _create(client: PilferClient, name: str) -> None:
    got = client.create_space(name=name).name
    if got != name:
        raise RuntimeError(f"a response of another call: {got!r} for {name!r}")


def run(smoke: bool) -> list[Figure]:
    tasks, threads, per_thread = (20, 4, 2) if smoke else (TASKS, THREADS, 10)
    with served_mock(600) as url:
        sequential, concurrent = asyncio.run(async_samples(url, tasks))
        alone, shared = thread_samples(url, threads, per_thread)
    return [
        *sequential.figures("async, sequential"),
        *concurrent.figures(f"async, {tasks} concurrent tasks", sequential),
        *alone.figures("sync, sequential"),
        *shared.figures(f"sync, {threads} threads", alone),
    ]
