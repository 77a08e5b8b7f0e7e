"""Bounded under bad input: body cap (413, never read whole), slow bodies cut off (408), no 500s."""

from __future__ import annotations

import asyncio
import json
import socket
import time
from collections.abc import MutableMapping
from typing import Any

import httpx
import pytest

from codegen.registry import apis
from mocks import create_app
from mocks.engine import BODY_TIMEOUT, MockApp
from mocks.server import MAX_HEAD_BYTES, BoundedHead, serving_in_thread
from mocks.spec import DEFAULT_MAX_BODY
from tests.engine.conftest import TASKS, TASKS_PATH

CHUNK = 64 * 1024
TOKEN = f"Bearer {TASKS.mock.token}"


async def call_streaming(
    app: MockApp, chunks: int, headers: list[tuple[bytes, bytes]]
) -> tuple[int, int, Any]:
    """POST a body of ``chunks`` chunks through ASGI directly; (status, bytes the app pulled, JSON body)."""
    pulled = 0
    sent: list[MutableMapping[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        pulled += CHUNK
        return {"type": "http.request", "body": b"x" * CHUNK, "more_body": pulled < chunks * CHUNK}

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": TASKS_PATH,
        "raw_path": TASKS_PATH.encode(),
        "query_string": b"",
        "headers": [(b"authorization", TOKEN.encode()), (b"content-type", b"application/json"), *headers],
    }
    await app(scope, receive, send)
    return sent[0]["status"], pulled, json.loads(sent[1]["body"])


def test_the_default_cap_is_1_mib_and_the_timeout_a_few_seconds():
    assert DEFAULT_MAX_BODY == 1 << 20
    assert 1 <= BODY_TIMEOUT <= 5


def test_declared_length_over_the_cap_is_413_before_reading_anything():
    length = (b"content-length", str(300 * 1024 * 1024).encode())
    status, pulled, body = asyncio.run(call_streaming(MockApp(TASKS), chunks=4800, headers=[length]))
    assert (status, pulled) == (413, 0)
    assert body == {
        "error": "request_entity_too_large",
        "detail": f"body: larger than {DEFAULT_MAX_BODY} bytes",
    }


def test_chunked_body_over_the_cap_stops_being_read_at_the_cap():
    chunked = (b"transfer-encoding", b"chunked")
    status, pulled, body = asyncio.run(
        call_streaming(MockApp(TASKS), chunks=4800, headers=[chunked])
    )  # 300 MB
    assert status == 413
    assert pulled <= DEFAULT_MAX_BODY + CHUNK
    assert body["error"] == "request_entity_too_large"


def test_vendor_mocks_answer_413_in_their_own_error_vocabulary():
    app = create_app("pilfer")
    transport = httpx.ASGITransport(app)

    async def post() -> httpx.Response:
        async with httpx.AsyncClient(transport=transport, base_url="http://pilfer.test") as http:
            headers = {"Authorization": f"Bearer {app.api.mock.token}", "Content-Type": "application/json"}
            return await http.post("/api/v1/spaces", content=b" " * (DEFAULT_MAX_BODY + 1), headers=headers)

    response = asyncio.run(post())
    assert response.status_code == 413
    assert response.json() == {
        "code": "request_entity_too_large",
        "message": "body: larger than 1048576 bytes",
    }


def raw_exchange(url: str, request: bytes, wait: float) -> tuple[bytes, float]:
    """Send ``request`` on a fresh TCP connection; read until the server closes it (or ``wait`` s pass)."""
    host, port = url.removeprefix("http://").split(":")
    start = time.perf_counter()
    with socket.create_connection((host, int(port)), timeout=wait) as connection:
        connection.sendall(request)
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
    return received, time.perf_counter() - start


def test_a_client_sending_less_than_its_content_length_is_cut_off():
    head = (
        f"POST {TASKS_PATH} HTTP/1.1\r\nHost: mock\r\nAuthorization: {TOKEN}\r\n"
        "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"
    )
    with serving_in_thread(MockApp(TASKS)) as url:
        received, elapsed = raw_exchange(url, head.encode(), wait=BODY_TIMEOUT + 10)
    assert received.startswith(b"HTTP/1.1 408 ")
    assert b'"error":"request_timeout"' in received
    assert BODY_TIMEOUT <= elapsed < BODY_TIMEOUT + 2  # closed by the server, not by our timeout


def test_request_heads_are_capped_in_size_and_in_time(monkeypatch):
    monkeypatch.setattr(BoundedHead, "head_timeout", 1.0)
    huge = f"GET {TASKS_PATH} HTTP/1.1\r\nHost: mock\r\nX-Pad: {'x' * (MAX_HEAD_BYTES + 1024)}\r\n\r\n"
    fits = f"GET {TASKS_PATH} HTTP/1.1\r\nHost: mock\r\nX-Pad: {'x' * (MAX_HEAD_BYTES - 1024)}\r\n\r\n"
    slow = f"GET {TASKS_PATH} HTTP/1.1\r\nHost: mock\r\n"  # never ends its headers
    with serving_in_thread(MockApp(TASKS)) as url:
        try:
            received, _ = raw_exchange(url, huge.encode(), wait=10)
        except ConnectionResetError:  # refused while the rest of the head was still on its way
            received = b"HTTP/1.1 400 "
        assert received.startswith(b"HTTP/1.1 400 ")
        received, _ = raw_exchange(url, huge.encode()[: MAX_HEAD_BYTES + 512], wait=10)  # still arriving
        assert received.startswith(b"HTTP/1.1 400 ")
        received, _ = raw_exchange(url, fits.encode(), wait=10)
        assert received.startswith(b"HTTP/1.1 401 ")  # read whole: refused for its missing token
        received, elapsed = raw_exchange(url, slow.encode(), wait=10)
    assert received == b""
    assert 1.0 <= elapsed < 3  # closed by the server, not by our timeout


def test_over_tcp_a_huge_body_is_refused_and_the_connection_closed():
    head = (
        f"POST {TASKS_PATH} HTTP/1.1\r\nHost: mock\r\nAuthorization: {TOKEN}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {300 * 1024 * 1024}\r\n\r\n"
    )
    with serving_in_thread(MockApp(TASKS)) as url:
        received, elapsed = raw_exchange(url, head.encode() + b"x" * CHUNK, wait=10)
    assert received.startswith(b"HTTP/1.1 413 ")
    assert elapsed < 2


NASTY_PATHS = [
    "/%ff%fe/%00",
    "/api/v1/spaces/%ff",
    "/api/v1/spaces?limit=%ff&offset=-1",
    "/api/v1/spaces?limit=1e309&include=%00",
    "/api/v1/spaces?limit=" + "9" * 5000,
    "/lighthouse/orgs/a/businesses/b/workspaces/" + "9" * 5000,
    "/lighthouse/orgs/8f14e45f-ceea-4e67-a1c3-6b0a5c1d2e01/businesses/c9f0f895-fb98-4b91-8f1e-2d3c4b5a6f02"
    "/workspaces?page=99999999999999999999999&page_size=99999999999999999999&context_id=%ff",
    "/v2/boards/b/tasks?take=NaN&skip=Infinity&done=%ff",
    "/v2/boards/%2F%2F/tasks/" + "f" * 5000,
]
NASTY_BODIES = [
    b"[" * 100_000 + b"]" * 100_000,
    b'{"a":' * 900 + b"1" + b"}" * 900,
    b'{"name": "\\ud800", "title": "\\udfff"}',
    b'{"\\ud800": 1}',
    b'{"name": NaN, "title": Infinity}',
    b'{"name": 1' + b"0" * 5000 + b"}",
    b"\xff\xfe\x00",
    b'{"name": "x", "title": "x", "priority": 1e400}',
    b"null",
]


@pytest.mark.parametrize("served", [*apis(), TASKS], ids=lambda served: served.name)
def test_no_input_gives_a_500(served):
    app = create_app(served)
    token = {"Authorization": f"Bearer {served.mock.token}", "Content-Type": "application/json"}
    targets = [op.template.replace("{", "x").replace("}", "") for op in app.spec.operations]

    async def run() -> list[int]:
        statuses = []
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://mock.test") as http:
            for path in NASTY_PATHS:
                for method in ("GET", "POST", "PATCH", "DELETE", "FOO"):
                    statuses.append((await http.request(method, path, headers=token)).status_code)
            for target in targets:
                for body in NASTY_BODIES:
                    for method in ("POST", "PATCH", "PUT"):
                        response = await http.request(method, target, content=body, headers=token)
                        statuses.append(response.status_code)
                        if response.status_code >= 400 or "json" in response.headers.get("content-type", ""):
                            response.json()  # raises unless the body is JSON (a 2xx may be text or none)
        return statuses

    statuses = asyncio.run(run())
    assert statuses
    assert max(statuses) < 500
