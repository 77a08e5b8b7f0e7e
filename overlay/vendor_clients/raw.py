"""Raw responses: what ``client.with_raw_response.<method>(...)`` returns and its page iterators yield."""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Iterable, Iterator
from contextlib import aclosing
from datetime import timedelta
from typing import Any, Generic, ParamSpec, TypeVar, cast

import httpx

T = TypeVar("T")
P = ParamSpec("P")
_UNPARSED: Any = object()


class RawResponse(Generic[T]):
    """One response as received: ``status``, ``headers``, ``url`` (credentials redacted), ``http_version``,
    ``elapsed`` (the whole call, retries included) and the body, ``content``; ``parse()`` gives what the
    method returns, validated as the method validates it (once). Its repr names no credential."""

    __slots__ = ("_parse", "_parsed", "_response", "elapsed", "url")

    def __init__(
        self, response: httpx.Response, parse: Callable[[], T], url: str, elapsed: timedelta
    ) -> None:
        self._response = response
        self._parse = parse
        self._parsed: T = _UNPARSED
        self.url = url
        self.elapsed = elapsed

    @property
    def status(self) -> int:
        return self._response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self._response.headers

    @property
    def http_version(self) -> str:
        return self._response.http_version

    @property
    def content(self) -> bytes:
        return self._response.content

    def parse(self) -> T:
        """What the method returns for this response (``ResponseValidationError`` when it is off the spec)."""
        if self._parsed is _UNPARSED:
            self._parsed = self._parse()
        return self._parsed

    def __repr__(self) -> str:
        return f"<RawResponse [{self.status}] {self._response.request.method} {self.url}>"


class PageResponses:
    """The raw response of each page an iteration fetched, kept until that page is yielded: the pagination
    reads the parsed page, the caller gets its response (in order, prefetched pages too)."""

    def __init__(self) -> None:
        self._kept: dict[int, RawResponse[Any]] = {}

    def parsed(self, raw: RawResponse[T]) -> T:
        page = raw.parse()
        self._kept[id(page)] = raw
        return page

    def responses(self, pages: Iterable[Any]) -> Iterator[RawResponse[Any]]:
        return map(self._pop, pages)

    async def async_responses(self, pages: AsyncGenerator[Any]) -> AsyncGenerator[RawResponse[Any]]:
        async with aclosing(pages):  # stopping early cancels any prefetch at once
            async for page in pages:
                yield self._pop(page)

    def _pop(self, page: object) -> RawResponse[Any]:
        return self._kept.pop(id(page))


# What a generated ``...WithRawResponse`` class holds: a raw twin's methods (``_raw_twin``), typed as what
# they return there; each is the method itself.


def raw_method(method: Callable[P, T]) -> Callable[P, RawResponse[T]]:
    return cast(Callable[P, RawResponse[T]], method)


def async_raw_method(method: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[RawResponse[T]]]:
    return cast(Callable[P, Awaitable[RawResponse[T]]], method)


def raw_pages(method: Callable[P, Iterator[T]]) -> Callable[P, Iterator[RawResponse[T]]]:
    return cast(Callable[P, Iterator[RawResponse[T]]], method)


def async_raw_pages(method: Callable[P, AsyncIterator[T]]) -> Callable[P, AsyncIterator[RawResponse[T]]]:
    return cast(Callable[P, AsyncIterator[RawResponse[T]]], method)
