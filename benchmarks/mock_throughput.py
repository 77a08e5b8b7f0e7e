"""Section 5: the mocks' list operations under concurrent load over loopback TCP.

The server (uvicorn) and the load generator (async httpx) each run in a process of their own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from benchmarks.harness import Figure
from mocks import lighthouse, pilfer

SERVER_LIFETIME = 120.0
TARGETS = {
    "pilfer": (
        pilfer.TOKEN,
        f"/api/v1/spaces?organizationId={pilfer.ORG_ID}&limit=100",
    ),
    "lighthouse": (
        lighthouse.TOKEN,
        f"/lighthouse/orgs/{lighthouse.ORG_ID}/businesses/{lighthouse.BUSINESS_ID}/workspaces?page_size=100",
    ),
}


@contextmanager
def mock_process(api: str) -> Iterator[str]:
    """Start ``benchmarks.serve_mock`` for api; yield its base URL; stop it afterwards."""
    server = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.serve_mock", api, str(SERVER_LIFETIME)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        if not url.startswith("http://127.0.0.1:"):
            raise RuntimeError(f"the {api} mock did not start")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def load(url: str, token: str, requests: int, concurrency: int) -> dict[str, float]:
    """Run ``benchmarks.loadgen`` in its own process and return its figures."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.loadgen", url, token, str(requests), str(concurrency)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def run(smoke: bool) -> list[Figure]:
    """Requests per second and p50/p99 latency of each list operation (100 items per page)."""
    requests, concurrency = (20, 2) if smoke else (3000, 16)
    figures = []
    for api, (token, path) in TARGETS.items():
        with mock_process(api) as base:
            load(base + path, token, max(requests // 10, 2), concurrency)  # warm-up
            result = load(base + path, token, requests, concurrency)
        if result["errors"]:
            raise RuntimeError(f"{api}: {result['errors']} non-200 answers under load")
        label = f"{api} list, 100 items, {concurrency} connections"
        figures += [
            Figure(
                "mock throughput", f"{label}: throughput", result["requests"] / result["seconds"], "req/s"
            ),
            Figure("mock throughput", f"{label}: p50 latency", result["p50_ms"], "ms"),
            Figure("mock throughput", f"{label}: p99 latency", result["p99_ms"], "ms"),
        ]
    return figures
