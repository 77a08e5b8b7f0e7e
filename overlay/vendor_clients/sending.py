"""The httpx request of a call, built as ``httpx.Client.request`` builds it (the client's base URL, headers,
cookies and timeout merged in) with its URL parsed once instead of three times; the client's cookie jar
reading only responses that set cookies."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

import httpx
from httpx._client import UseClientDefault

HttpT = TypeVar("HttpT", httpx.Client, httpx.AsyncClient)


def url_prefix(http: httpx.Client | httpx.AsyncClient) -> str:
    """The client's base URL as the text every operation path is appended to (it ends with ``/``)."""
    base = http.base_url
    return f"{base.scheme}://{base.netloc.decode('ascii')}{base.raw_path.decode('ascii')}"


def built(http: httpx.Client | httpx.AsyncClient, prefix: str, sent: Mapping[str, Any]) -> httpx.Request:
    """The request of ``sent`` (``_ClientCore._request``'s keyword arguments, ``auth`` aside): a path is
    appended to ``prefix`` (``url_prefix(http)``) as httpx appends it to the base URL; an ``httpx.URL``
    (a next page's) is absolute and sent as it is."""
    url, headers, timeout = sent["url"], sent["headers"], sent["timeout"]
    if headers is not None:
        headers = httpx.Headers(http.headers)
        headers.update(sent["headers"])
    timeout = http.timeout if isinstance(timeout, UseClientDefault) else httpx.Timeout(timeout)
    return httpx.Request(
        sent["method"],
        url if isinstance(url, httpx.URL) else prefix + url.lstrip("/"),
        params=sent["params"],
        headers=http.headers if headers is None else headers,
        cookies=http.cookies,
        content=sent["content"],
        extensions={**sent["extensions"], "timeout": timeout.as_dict()},
    )


class ResponseCookies(httpx.Cookies):
    """httpx's cookie jar, which builds a urllib request and an email message of every response to look for
    cookies: here only of a response with a ``Set-Cookie`` or ``Set-Cookie2`` header (what the jar reads)."""

    def extract_cookies(self, response: httpx.Response) -> None:
        headers = response.headers
        if "set-cookie" in headers or "set-cookie2" in headers:
            super().extract_cookies(response)


def with_cookie_jar(http: HttpT) -> HttpT:
    """``http`` keeping its cookies in a ``ResponseCookies`` (httpx's setter would make it a plain jar)."""
    http._cookies = ResponseCookies(http.cookies)
    return http
