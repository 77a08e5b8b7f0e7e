"""A load generator run as its own process: ``python -m benchmarks.loadgen URL TOKEN REQUESTS CONCURRENCY``.

Sends REQUESTS GETs to URL over CONCURRENCY keep-alive connections (bounded in count, and in time by a
60 s cap) and prints one JSON line: requests, errors, seconds, p50_ms, p99_ms.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time

import httpx

TIME_CAP = 60.0


async def drive(url: str, token: str, requests: int, concurrency: int) -> dict[str, float]:
    """Fire the requests from concurrency workers; return the counts and latency percentiles."""
    latencies: list[float] = []
    errors = 0
    remaining = requests
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(limits=limits, headers=headers, timeout=10.0) as client:
        deadline = time.perf_counter() + TIME_CAP

        async def worker() -> None:
            nonlocal remaining, errors
            while remaining > 0 and time.perf_counter() < deadline:
                remaining -= 1
                start = time.perf_counter()
                response = await client.get(url)
                latencies.append(time.perf_counter() - start)
                errors += response.status_code != 200

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - start
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "requests": len(latencies),
        "errors": errors,
        "seconds": elapsed,
        "p50_ms": cuts[49] * 1000,
        "p99_ms": cuts[98] * 1000,
    }


def main() -> None:
    """Entry point; arguments as in the module docstring."""
    url, token, requests, concurrency = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    print(json.dumps(asyncio.run(drive(url, token, requests, concurrency))))


if __name__ == "__main__":
    main()
