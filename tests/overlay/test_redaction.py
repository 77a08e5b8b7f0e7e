"""The token never shows in repr, str, log records or exception messages, whatever happens."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from vendor_clients import PilferClient, VendorClientError

from .fakes import TOKEN, Sleeps, pilfer, policy

OUTCOMES: list[Callable[[httpx.Request], httpx.Response]] = [
    lambda request: httpx.Response(401, json={"code": "unauthorized", "message": f"bad key {TOKEN}"}),
    lambda request: httpx.Response(403, json={"code": TOKEN, "message": "forbidden"}),
    lambda request: httpx.Response(429, json={}, headers={"Retry-After": "1"}),
    lambda request: httpx.Response(503, text=f"<html>{TOKEN}</html>", headers={"content-type": "text/html"}),
    lambda request: httpx.Response(200, text=f"<html>{request.headers['Authorization']}</html>"),
    lambda request: httpx.Response(200, json={"data": [{"_id": 1, "name": TOKEN}]}),
    lambda request: httpx.Response(200, json={"data": [{"_id": "a", "name": "ok"}]}),
]


def raises_connect(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("[Errno 111] Connection refused")


def texts_of(error: BaseException) -> list[str]:
    texts = [str(error), repr(error), *map(str, error.args), "".join(traceback.format_exception(error))]
    return texts + [str(value) for value in vars(error).values()]


@pytest.mark.parametrize("handler", [*OUTCOMES, raises_connect])
def test_the_token_is_nowhere_to_be_seen(handler: Any, caplog: pytest.LogCaptureFixture) -> None:
    texts: list[str] = []
    with caplog.at_level(logging.DEBUG), pilfer(handler, Sleeps()) as client:
        texts += [repr(client), str(client), repr(client.retry), repr(vars(client))]
        try:
            list(client.iter_spaces())
        except VendorClientError as error:
            texts += [text for text in texts_of(error) if "Traceback" not in text or "Error" in text]
    texts += [record.getMessage() for record in caplog.records]
    assert texts
    assert not [text for text in texts if TOKEN in text]


def test_the_auth_header_is_still_sent() -> None:
    seen: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["Authorization"])
        return httpx.Response(200, json={"data": []})

    with PilferClient(TOKEN, transport=httpx.MockTransport(handle), retry=policy(Sleeps())) as client:
        client.list_spaces()
    assert seen == [f"Bearer {TOKEN}"]
