"""The runtime builds each httpx request itself (``vendor_clients.sending``): it must be the request
``httpx.Client.request`` would have built, and the cookie jar must still keep what servers set."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from vendor_clients.sending import ResponseCookies, built, url_prefix, with_cookie_jar

from .fakes import pilfer, space

BASE_URLS = [
    "https://api.example.com",
    "https://api.example.com/",
    "https://api.example.com:8443/pre/fix",
    "http://[::1]:8000",
    "https://bücher.example/v1/",
    "http://127.0.0.1:9/p%20q/",
]
SENT: list[dict[str, Any]] = [
    {
        "url": "/api/v1/spaces",
        "params": {},
        "headers": None,
        "content": None,
        "timeout": httpx.USE_CLIENT_DEFAULT,
    },
    {
        "url": "/a/%2F%20b/ü c/caf%C3%A9",
        "params": {"a": 1, "b": [True, "x y"], "c": "ü&=", "d": 1.5},
        "headers": {"X-Trace-Id": "t1", "Accept": "text/csv"},
        "content": b'{"name": "x"}',
        "timeout": 2.5,
    },
    {
        "url": httpx.URL("https://other.example/next?ignored=1"),
        "params": {"cursor": "c2"},
        "headers": httpx.Headers({"Cookie": "k=v"}),
        "content": None,
        "timeout": None,
    },
]


def described(request: httpx.Request) -> tuple[Any, ...]:
    return (
        request.method,
        str(request.url),
        request.url.raw_path,
        request.headers.multi_items(),
        request.content,
        request.extensions,
    )


@pytest.mark.parametrize("base_url", BASE_URLS)
@pytest.mark.parametrize("sent", SENT, ids=["plain", "query-headers-body", "next-page"])
def test_built_is_what_httpx_builds(base_url: str, sent: dict[str, Any]) -> None:
    http = httpx.Client(base_url=base_url, headers={"User-Agent": "ua", "Accept": "application/json"})
    http.cookies.set("session", "s1", domain=http.base_url.host)
    full = {"method": "PATCH", **sent, "extensions": {"limits": object()}}
    expected = http.build_request(**full)
    assert described(built(http, url_prefix(http), full)) == described(expected)


def test_cookies_a_server_sets_are_sent_back() -> None:
    seen: list[str | None] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("cookie"))
        headers = {"set-cookie": "lb=node-2; Path=/"} if len(seen) == 1 else {}
        return httpx.Response(200, json={"data": [space(1)]}, headers=headers)

    with pilfer(handle) as client:
        client.list_spaces()
        client.list_spaces()
        client.list_spaces()
    assert seen == [None, "lb=node-2", "lb=node-2"]


def test_a_response_without_cookies_skips_the_jar(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[httpx.Response] = []
    monkeypatch.setattr(httpx.Cookies, "extract_cookies", lambda _, response: read.append(response))
    http = with_cookie_jar(httpx.Client(transport=httpx.MockTransport(lambda _: httpx.Response(200))))
    assert isinstance(http.cookies, ResponseCookies)
    http.get("https://api.example.com/")
    assert read == []
    set_cookie = httpx.MockTransport(lambda _: httpx.Response(200, headers={"Set-Cookie2": "a=1"}))
    with_cookie_jar(httpx.Client(transport=set_cookie)).get("https://api.example.com/")
    assert len(read) == 1
