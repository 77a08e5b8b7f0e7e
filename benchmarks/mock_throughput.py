"""Section 5: every API's mock under load over loopback TCP, against Prism on the same spec in the same run.

For each API of the registry, two requests derived from its spec: the list operation (page size 10)
and the read of the first listed item. Each server runs in a process of its own: the mock as ``make
mock`` serves it (uvicorn), Prism (``@stoplight/prism-cli``, installed by ``make bench`` into
.bench/prism, logging at ``error`` level, its quickest) on the same spec. The load generator is ``wrk``
(1 thread, 16 connections), alternating mock and Prism runs so that machine noise hits both. Without
wrk or Prism the comparison is reported as skipped, and the mock is loaded by ``benchmarks.loadgen``.
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import statistics
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from benchmarks.harness import Figure
from codegen.registry import Api, apis
from mocks import create_app
from mocks.engine import MockApp
from mocks.server import free_port, wait_until_listening
from mocks.values import get_at

ROOT = Path(__file__).resolve().parent.parent
PRISM = ROOT / ".bench" / "prism" / "node_modules" / ".bin" / "prism"
SERVER_LIFETIME = 300.0
PAGE_SIZE = 10
CONNECTIONS = 16
RUN_SECONDS, ROUNDS = 3, 3
TARGET_RATIO = 2.0


def targets(served: Api) -> dict[str, str]:
    """``{"list": path, "get": path}`` of an API: its first list operation within the mock's scope that
    answers 2xx, with a page of PAGE_SIZE, and the read of the first item that list returns (when that
    answers 2xx too): a load of error answers would measure nothing."""
    app = create_app(served.name, **served.mock.options)
    scope = served.mock.scope
    for operation in app.spec.operations:
        resource = operation.resource
        if operation.action != "list" or resource is None:
            continue
        names = re.findall(r"{([^}]+)}", resource.collection)
        if not set(names) <= set(scope):
            continue
        collection = resource.collection.format_map(scope)
        query = f"?{operation.pagination.size}={PAGE_SIZE}" if operation.pagination else ""
        listed = answer(app, collection + query)
        if not listed.is_success:
            continue
        items = get_at(listed.json(), operation.located)
        read = [o for o in app.spec.operations if o.resource == resource and o.action == "read"]
        found = {"list": collection + query}
        if items and read:
            get = f"{collection.rstrip('/')}/{items[0][resource.id_property]}"
            if answer(app, get).is_success:
                found["get"] = get
        return found
    return {}


def answer(app: MockApp, path: str) -> httpx.Response:
    """The mock's answer to a GET of ``path`` with its token, asked in-process."""

    async def ask() -> httpx.Response:
        headers = {"Authorization": f"Bearer {app.api.mock.token}"}
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://mock") as http:
            return await http.get(path, headers=headers)

    return asyncio.run(ask())


@contextmanager
def mock_process(name: str) -> Iterator[str]:
    """Start ``benchmarks.serve_mock`` for an API; yield its base URL; stop it afterwards."""
    server = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.serve_mock", name, str(SERVER_LIFETIME)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        if not url.startswith("http://127.0.0.1:"):
            raise RuntimeError(f"the {name} mock did not start")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@contextmanager
def prism_process(served: Api) -> Iterator[str]:
    """Start Prism on the API's spec on a free loopback port; yield its base URL; stop it afterwards."""
    port = free_port()
    command = [str(PRISM), "mock", "-h", "127.0.0.1", "-p", str(port), "--verboseLevel", "error"]
    server = subprocess.Popen(
        [*command, str(served.spec_path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT
    )
    try:
        wait_until_listening(port, server)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def wrk(url: str, token: str, seconds: int) -> float:
    """Requests per second of one wrk run; any non-2xx answer or socket error fails the benchmark."""
    done = subprocess.run(
        ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "-H", f"Authorization: Bearer {token}", url],
        check=True,
        capture_output=True,
        text=True,
    )
    if "Non-2xx" in done.stdout or "Socket errors" in done.stdout:
        raise RuntimeError(f"wrk saw errors on {url}:\n{done.stdout}")
    found = re.search(r"Requests/sec:\s+([0-9.]+)", done.stdout)
    if found is None:
        raise RuntimeError(f"no Requests/sec in wrk's output:\n{done.stdout}")
    return float(found.group(1))


def loadgen(url: str, token: str, requests: int) -> dict[str, float]:
    """Run ``benchmarks.loadgen`` (async httpx) in its own process and return its figures."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.loadgen", url, token, str(requests), str(CONNECTIONS)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    result: dict[str, float] = json.loads(done.stdout)
    if result["errors"]:
        raise RuntimeError(f"{url}: {result['errors']} non-200 answers under load")
    return result


def skip_reason(smoke: bool) -> str | None:
    """Why the Prism comparison cannot run here, or None."""
    if smoke:
        return "smoke run"
    if shutil.which("wrk") is None:
        return "wrk not installed (make bench installs it with apt-get)"
    if not PRISM.exists():
        return "Prism not installed (make bench installs it with npm; is npm there?)"
    return None


def compare(served: Api, paths: dict[str, str]) -> list[Figure]:
    """wrk against the mock and Prism, alternating, ROUNDS runs each; medians and their ratio."""
    token = served.mock.token
    rates: dict[tuple[str, str], list[float]] = {}
    with mock_process(served.name) as mock_url, prism_process(served) as prism_url:
        for label, path in paths.items():
            for base in (mock_url, prism_url):
                wrk(base + path, token, 1)  # warm-up
            for _ in range(ROUNDS):
                for server, base in (("mock", mock_url), ("Prism", prism_url)):
                    rates.setdefault((label, server), []).append(wrk(base + path, token, RUN_SECONDS))
    figures = []
    for label in paths:
        mock, prism = (statistics.median(rates[label, server]) for server in ("mock", "Prism"))
        name = f"{served.name} {label}"
        figures += [
            Figure("mock throughput", f"{name}: mock, wrk {CONNECTIONS} connections", mock, "req/s"),
            Figure("mock throughput", f"{name}: Prism, same spec and requests", prism, "req/s"),
            Figure(
                "mock throughput",
                f"{name}: mock / Prism",
                mock / prism,
                "x",
                ">= 2",
                mock / prism >= TARGET_RATIO,
            ),
        ]
    return figures


def run(smoke: bool) -> list[Figure]:
    """The Prism comparison per API and operation, or, when it cannot run, the mock alone (loadgen)."""
    reason = skip_reason(smoke)
    figures = []
    for served in apis():
        paths = targets(served)
        if reason is None:
            figures += compare(served, paths)
            continue
        with mock_process(served.name) as base:
            for label, path in paths.items():
                result = loadgen(base + path, served.mock.token, 20 if smoke else 3000)
                name = f"{served.name} {label}: mock, httpx {CONNECTIONS} connections"
                figures.append(
                    Figure("mock throughput", name, result["requests"] / result["seconds"], "req/s")
                )
    if reason is not None:
        figures.append(
            Figure("mock throughput", f"mock / Prism: skipped, {reason}", 0.0, "x", skipped=reason)
        )
    return figures
