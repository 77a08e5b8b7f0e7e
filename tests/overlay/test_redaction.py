"""The token never shows in repr, str, log records or exception messages, whatever happens."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from pilfer_client import PilferClient
from vendor_clients import VendorClientError

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


def raises_timeout(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadTimeout("timed out", request=request)


def test_a_short_token_does_not_garble_messages() -> None:
    """With a one-letter token, replacing every substring turned messages into ``lis***Spaces: ...``."""
    with (
        PilferClient("e", transport=httpx.MockTransport(raises_timeout), retry=policy(Sleeps())) as client,
        pytest.raises(VendorClientError) as caught,
    ):
        client.list_spaces()
    assert (
        str(caught.value)
        == "listSpaces: ReadTimeout: timed out (GET https://api.getpilfer.com/api/v1/spaces)"
    )


def test_an_echoed_token_is_redacted_where_it_stands_whole() -> None:
    def echo(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, json={"code": "unauthorized", "message": "token e is not valid here"})

    with (
        PilferClient("e", transport=httpx.MockTransport(echo), retry=policy(Sleeps())) as client,
        pytest.raises(VendorClientError) as caught,
    ):
        client.list_spaces()
    assert "token *** is not valid here" in str(caught.value)


def test_the_generated_attrs_clients_keep_the_token_out_of_repr() -> None:
    from pilfer_client import AuthenticatedClient

    client = AuthenticatedClient("https://api.getpilfer.com", token=TOKEN)
    client.get_httpx_client()  # puts the Authorization header into the client's headers
    assert TOKEN not in repr(client)
    assert client.get_httpx_client().timeout == httpx.Timeout(30.0, connect=5.0)


def test_a_token_in_a_url_path_or_query_is_redacted() -> None:
    def echo(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with PilferClient(TOKEN, transport=httpx.MockTransport(echo), retry=policy(Sleeps())) as client:
        for call in (lambda: client.get_space(TOKEN), lambda: client.list_spaces(project_id=TOKEN)):
            with pytest.raises(VendorClientError) as caught:
                call()
            assert TOKEN not in str(caught.value)
            assert "***" in str(caught.value)
