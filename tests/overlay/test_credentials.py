"""Credentials and base URLs are checked when a client is built, and no form of a credential reaches an
error, its chained causes or the DEBUG logs of httpx and httpcore."""

from __future__ import annotations

import logging
import traceback
from typing import Any

import httpx
import pytest
from lighthouse_client import AsyncLighthouseClient
from pilfer_client import AsyncPilferClient, PilferClient
from vendor_clients import APIConnectionError, ConfigurationError
from vendor_clients.auth import Secret

from .fakes import TOKEN, Sleeps, pilfer, policy, space

SECRET = "sekrit-TOKEN-7f3a9c1e"
BAD_TOKENS = {
    "trailing newline": SECRET + "\n",
    "trailing CRLF": SECRET + "\r\n",
    "NUL inside": "sekrit\x00TOKEN-7f3a9c1e",
    "trailing space": SECRET + " ",
    "leading tab": "\t" + SECRET,
    "whitespace only": " \t ",
    "non-ASCII": SECRET + "é",
    "DEL": SECRET + "\x7f",
}


@pytest.mark.parametrize("token", BAD_TOKENS.values(), ids=BAD_TOKENS.keys())
@pytest.mark.parametrize("build", [PilferClient, AsyncPilferClient])
def test_a_token_unfit_for_a_header_is_refused_at_once_without_showing_it(build: Any, token: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        build(token)
    message = str(caught.value)
    assert "PILFER_API_KEY" in message
    assert "argument token" in message
    assert "sekrit" not in message
    assert "TOKEN-7f3a9c1e" not in "".join(traceback.format_exception(caught.value))


@pytest.mark.parametrize("token", [SECRET + "\n", "  "], ids=["newline", "blank"])
def test_a_token_from_the_environment_is_checked_too(monkeypatch: pytest.MonkeyPatch, token: str) -> None:
    monkeypatch.setenv("PIERCLOUD_TOKEN", token)
    with pytest.raises(ConfigurationError, match="PIERCLOUD_TOKEN") as caught:
        AsyncLighthouseClient(org_id="o", business_id="b")
    assert "sekrit" not in str(caught.value)


def test_redaction_covers_escaped_and_percent_encoded_forms() -> None:
    secret = Secret("a+b/c'd\\e")
    texts = [
        "a+b/c'd\\e",
        repr("a+b/c'd\\e"),
        repr(b"a+b/c'd\\e"),
        "?key=a%2Bb%2Fc%27d%5Ce",
        "?key=a%2Bb%2Fc%27d%5Ce&x=1",
        "key=a%2Bb%2Fc%27d%5Ce",
    ]
    for text in texts:
        assert secret.redact(text).count("***") == 1, text


BAD_URLS = {
    "user info": ("https://user:pw-0123456789@api.test", "user name or password"),
    "query": ("https://api.test/prefix?tenant=acme", "query or fragment"),
    "empty query": ("https://api.test/prefix?", "query or fragment"),
    "fragment": ("https://api.test/#top", "query or fragment"),
    "unparsable": ("http://[::1", "not a valid URL"),
    "relative": ("api.test/prefix", "absolute"),
    "no host": ("https:///path", "absolute"),
    "other scheme": ("ftp://api.test", "absolute"),
}


@pytest.mark.parametrize(("url", "problem"), BAD_URLS.values(), ids=BAD_URLS.keys())
def test_a_base_url_that_would_leak_or_misroute_is_refused(url: str, problem: str) -> None:
    with pytest.raises(ConfigurationError, match=problem) as caught:
        PilferClient(TOKEN, base_url=url)
    assert "base_url" in str(caught.value)
    assert "PILFER_BASE_URL" in str(caught.value)
    assert "pw-0123456789" not in str(caught.value)


@pytest.mark.parametrize("prefix", ["https://api.test/prefix", "https://api.test/prefix/"])
def test_a_base_url_path_prefix_is_kept_for_every_operation(prefix: str) -> None:
    seen: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(f"{request.method} {request.url}")
        deleted = {"deleted": True, "_id": "space-123"}
        return httpx.Response(200, json={"data": deleted if request.method == "DELETE" else []})

    with pilfer(handle, base_url=prefix) as client:
        client.delete_space("space-123")
        client.list_spaces(limit=5)
    assert seen == [
        "DELETE https://api.test/prefix/api/v1/spaces/space-123",
        "GET https://api.test/prefix/api/v1/spaces?limit=5",
    ]


def test_no_form_of_the_token_reaches_debug_logs_or_chained_causes(caplog: pytest.LogCaptureFixture) -> None:
    """A token echoed in a query (a user passing it as a filter) and in a transport error's message."""

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.params.get("organizationId") == TOKEN:
            raise httpx.ConnectError(f"refused for {request.url} with {TOKEN!r} and {TOKEN.encode()!r}")
        return httpx.Response(200, json={"data": [space(1)]})

    with caplog.at_level(logging.DEBUG), pilfer(handle, Sleeps()) as client:
        client.list_spaces(organization_id="plain")
        with pytest.raises(APIConnectionError) as caught:
            client.list_spaces(organization_id=TOKEN)
    shown = "".join(traceback.format_exception(caught.value))
    logged = [record.getMessage() for record in caplog.records]
    assert "refused for" in shown
    assert "HTTP Request" in " ".join(logged)
    assert TOKEN not in shown
    assert not [message for message in logged if TOKEN in message]


def test_httpcore_debug_logs_of_a_real_request_hold_no_token(caplog: pytest.LogCaptureFixture) -> None:
    from .hostile import hostile_server, respond

    body = b'{"data": [{"_id": "sp1", "name": "' + TOKEN.encode() + b'", "status": "Draft"}]}'
    with (
        caplog.at_level(logging.DEBUG),
        hostile_server(respond(200, body)) as server,
        PilferClient(TOKEN, base_url=server.url, retry=policy(Sleeps())) as client,
    ):
        client.list_spaces(organization_id=TOKEN)
    logged = [record.getMessage() for record in caplog.records]
    assert any(record.name.startswith("httpcore") for record in caplog.records)
    assert not [message for message in logged if TOKEN in message]
