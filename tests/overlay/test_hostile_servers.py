"""Hostile servers on 127.0.0.1 against the generated clients, sync and async: every outcome is a result or a
``VendorClientError``, bodies are read under the cap, and drips are cut off at the deadline."""

from __future__ import annotations

import asyncio
import json
import tracemalloc
from collections.abc import Callable
from itertools import chain, repeat
from typing import Any

import pytest
from pilfer_client import AsyncPilferClient, PilferClient
from vendor_clients import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    BadRequestError,
    ResponseTooLargeError,
    ResponseValidationError,
    ServerError,
    VendorClientError,
)

from .fakes import TOKEN, Sleeps, policy, space
from .hostile import Behaviour, Connection, elapsed, head, hostile_server, respond, zeros_gzip

MiB = 1024 * 1024
SPACES = json.dumps({"data": [space(1)]}).encode()


def endless(status: int) -> Behaviour:
    """A body that never ends (no Content-Length, never closed)."""
    return lambda connection: connection.send_all(
        chain([head(status, Content_Type="application/json")], repeat(b"x" * 65536))
    )


def gzip_bomb(connection: Connection) -> None:
    connection.send_all(
        chain([head(200, Content_Type="application/json", Content_Encoding="gzip")], zeros_gzip())
    )


def drip_head(connection: Connection) -> None:
    connection.drip(head(200, len(SPACES), Content_Type="application/json") + SPACES, 0.02)


def drip_body(connection: Connection) -> None:
    if connection.send(head(200, len(SPACES) + 4000, Content_Type="application/json")):
        connection.drip(SPACES + b" " * 4000, 0.02)


def stall(connection: Connection) -> None:
    connection.stopping.wait(5)


def short_body(connection: Connection, reset: bool = False) -> None:
    connection.send_all([head(200, 100, Content_Type="application/json"), b'{"data": ['])
    connection.close(reset)


def reset_mid_body(connection: Connection) -> None:
    short_body(connection, reset=True)


def redirect(connection: Connection) -> None:
    connection.send_all([head(302, 0, Location="http://127.0.0.2:1/api/v1/spaces")])


# name, behaviour, the exception expected (None: a result); drips and stalls have a test of their own
MATRIX: list[tuple[str, Behaviour, type[BaseException] | None]] = [
    ("ok", respond(200, SPACES), None),
    ("gzip bomb", gzip_bomb, ResponseTooLargeError),
    ("endless body", endless(200), ResponseTooLargeError),
    ("endless error body", endless(500), ResponseTooLargeError),
    ("invalid gzip", respond(200, b"not gzip at all", Content_Encoding="gzip"), APIConnectionError),
    ("Retry-After nan", respond(503, b"{}", Retry_After="nan"), ServerError),
    ("Retry-After inf", respond(429, b"{}", Retry_After="inf"), APIStatusError),
    ("Retry-After huge", respond(429, b"{}", Retry_After="1" * 400), APIStatusError),
    ("deep 400 body", respond(400, b"[" * 100_000), BadRequestError),
    ("deep 500 body", respond(500, b"[" * 100_000), ServerError),
    ("deep 200 body", respond(200, b"[" * 1_000_000), ResponseValidationError),
    ("huge number", respond(200, b'{"data": [{"_id": ' + b"9" * 1_000_000 + b"}]}"), ResponseValidationError),
    ("invalid UTF-8", respond(200, b'{"data": [{"_id": "\xff\xfe", "name": "x"}]}'), ResponseValidationError),
    ("invalid UTF-8 error", respond(400, b'{"code": "\xff", "message": "\xfe"}'), BadRequestError),
    ("HTML error page", respond(502, b"<html>Bad Gateway</html>", Content_Type="text/html"), ServerError),
    ("empty 200", respond(200, b""), ResponseValidationError),
    ("Content-Length lies", short_body, APIConnectionError),
    ("reset mid-body", reset_mid_body, APIConnectionError),
    ("redirect elsewhere", redirect, APIStatusError),
]
MATRIX_LIMITS: dict[str, Any] = {"timeout": 3.0, "deadline": 6.0}
DRIP_LIMITS: dict[str, Any] = {"timeout": 0.4, "deadline": 1.0}
"""Small limits so the drips and stalls end fast; the body cap stays the default."""


def sync_call(url: str, limits: dict[str, Any] = MATRIX_LIMITS) -> Callable[[], object]:
    def call() -> object:
        with PilferClient(
            TOKEN, base_url=url, retry=policy(Sleeps(), backoff=0, jitter=0), **limits
        ) as client:
            return client.list_spaces()

    return call


def async_call(url: str, limits: dict[str, Any] = MATRIX_LIMITS) -> Callable[[], object]:
    async def call() -> object:
        retry = policy(Sleeps(), backoff=0, jitter=0)
        async with AsyncPilferClient(TOKEN, base_url=url, retry=retry, **limits) as client:
            return await client.list_spaces()

    return lambda: asyncio.run(call())


@pytest.mark.parametrize("make_call", [sync_call, async_call], ids=["sync", "async"])
@pytest.mark.parametrize(("name", "behaviour", "expected"), MATRIX, ids=[case[0] for case in MATRIX])
def test_every_outcome_is_a_result_or_a_vendor_client_error(
    make_call: Callable[[str], Callable[[], object]],
    name: str,
    behaviour: Behaviour,
    expected: type[BaseException] | None,
) -> None:
    with hostile_server(behaviour) as server:
        seconds, raised = elapsed(make_call(server.url))
    if expected is None:
        assert raised is None
    else:
        assert isinstance(raised, VendorClientError), f"{name}: {raised!r}"
        assert isinstance(raised, expected), f"{name}: {raised!r}"
        assert TOKEN not in str(raised)
    assert seconds < MATRIX_LIMITS["deadline"], f"{name} took {seconds:.2f}s"


@pytest.mark.parametrize("make_call", [sync_call, async_call], ids=["sync", "async"])
@pytest.mark.parametrize("behaviour", [drip_head, drip_body, stall], ids=["head", "body", "stall"])
def test_a_dripping_or_stalled_server_is_cut_off_at_the_call_deadline(
    make_call: Callable[[str, dict[str, Any]], Callable[[], object]], behaviour: Behaviour
) -> None:
    with hostile_server(behaviour) as server:
        seconds, raised = elapsed(make_call(server.url, DRIP_LIMITS))
    assert isinstance(raised, APITimeoutError)
    # The first two attempts end at their 0.4 s read timeout, the third at the 1 s deadline (on a loaded
    # machine the second may end too late for a third to fit before the deadline).
    assert server.counters["requests"] in (2, 3)
    assert 1.0 <= seconds < 1.5


def test_a_gzip_bomb_stops_at_the_cap_in_bounded_memory() -> None:
    tracemalloc.start()
    try:
        with hostile_server(gzip_bomb) as server:
            _, raised = elapsed(sync_call(server.url))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(raised, ResponseTooLargeError)
    assert "max_response_bytes=33554432" in str(raised)
    assert server.counters["sent"] < 4 * MiB  # about 32 KiB of gzip makes 32 MiB; socket buffers aside
    assert peak < 3 * 32 * MiB


@pytest.mark.parametrize("limit", [1, 1000, MiB])
def test_the_cap_is_per_call_and_nothing_past_it_is_read(limit: int) -> None:
    with (
        hostile_server(endless(200)) as server,
        PilferClient(TOKEN, base_url=server.url, retry=policy(Sleeps())) as client,
        pytest.raises(ResponseTooLargeError, match=f"max_response_bytes={limit}"),
    ):
        client.list_spaces(max_response_bytes=limit)
    assert server.counters["requests"] == 1
    assert server.counters["sent"] < limit + 16 * MiB


def test_a_body_within_the_cap_is_read_whole_and_decompressed() -> None:
    import gzip

    body = gzip.compress(SPACES)
    with (
        hostile_server(respond(200, body, Content_Encoding="gzip")) as server,
        PilferClient(TOKEN, base_url=server.url, max_response_bytes=len(SPACES)) as client,
    ):
        assert [item.id for item in client.list_spaces().data] == ["sp00001"]
        with pytest.raises(ResponseTooLargeError):
            client.list_spaces(max_response_bytes=len(SPACES) - 1)
