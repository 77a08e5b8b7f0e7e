"""Page and item iteration over any operation with ``x-pagination``: constant memory, cycle detection,
ordered prefetch."""

from __future__ import annotations

import asyncio
import hashlib
from collections import deque
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterable, Iterator, Sequence
from contextlib import aclosing
from itertools import chain, islice
from math import ceil
from typing import Any, TypeVar

import httpx
from pydantic import MISSING
from pydantic_core import to_json

from .config import integer_problem
from .errors import PaginationError
from .operation import Operation, Paging

PageT = TypeVar("PageT")
Position = Any
"""Where a page starts: an offset or page number (int), a cursor or a ``Link`` URL (None for the first
page)."""
LINK_PAGE = "<link page>"
"""The argument (no Python name can clash with it) by which a Link-paginated page's request carries its plan
and URL: ``_request`` sends it to that URL, and hands the response to ``PagePlan.saw``."""
DEFAULT_PAGE_SIZE = 100
"""Items per request unless the caller or the size parameter's ``maximum`` says otherwise."""
REMEMBERED_PAGES = 100_000
"""Pages whose digest an iteration keeps to detect a cycle (16 bytes each; later pages are still checked)."""


class PagePlan:
    """One iteration over a paginated operation: where a page's items are, where the next page starts
    and which positions are known ahead. A server that clamps the page size is followed: the first
    page's length, when short of the total, becomes the step."""

    def __init__(self, operation: Operation[Any], page_size: int, max_items: int | None = None) -> None:
        paging = operation.paging
        if paging is None:
            raise TypeError(f"{operation.operation_id} has no x-pagination")
        self.paging: Paging = paging
        self.operation = operation.operation_id
        self.position_param = operation.query_params.get(paging.position, "")
        for name, value, least in (("page_size", page_size, 1), ("max_items", max_items, 0)):
            if value is not None and (problem := integer_problem(value, least)) is not None:
                raise operation.invalid(name, problem)
        limit = paging.max_size or page_size
        self.size = min(page_size, limit) if max_items is None else max(1, min(page_size, limit, max_items))
        self.start: Position = {"offset": 0, "page": 1}.get(paging.kind)
        self._step = self.size
        self._link: str | None = None
        """The ``rel="next"`` URL of the last page's ``Link`` header (link)."""
        self._stray: str | None = None
        """The origin of a next URL off the page's own origin, which is not followed."""

    def arguments(self, position: Position) -> dict[str, Any]:
        """The position and size arguments of the request for ``position`` (for link: the size on the first
        page; after it, the URL carries every argument)."""
        if self.paging.kind == "link":
            first = {} if position is not None or self.paging.size is None else {self.paging.size: self.size}
            return {LINK_PAGE: (self, position), **first}
        arguments = {} if position is None else {self.paging.position: position}
        return arguments if self.paging.size is None else {**arguments, self.paging.size: self.size}

    def saw(self, response: httpx.Response) -> None:
        """Take the ``rel="next"`` URL of a page's ``Link`` header, resolved against the page's URL."""
        found = response.links.get("next", {}).get("url")
        here = response.url
        url = here.join(found) if found else None
        self._link = None if url is None else str(url)
        stray = url is not None and (url.scheme, url.host, url.port) != (here.scheme, here.host, here.port)
        self._stray = f"{url.scheme}://{url.host}" if url is not None and stray else None

    def items(self, page: Any) -> Sequence[Any]:
        items: Sequence[Any] = _follow(page, self.paging.results)
        return items

    def total(self, page: Any) -> int | None:
        total: int | None = None if self.paging.total is None else _follow(page, self.paging.total)
        return total

    def next_position(self, position: Position, page: Any) -> Position:
        """Where the page after ``page`` starts, or None when ``page`` is the last one: an empty page, the
        page that reaches the total, or, when there is no total, a short page (for a cursor: a page
        without a next cursor)."""
        count, total = len(self.items(page)), self.total(page)
        if self.paging.kind == "link":
            if count and self._stray is not None:
                raise PaginationError(
                    f"{self.operation}: the Link header's next page is on another origin ({self._stray}); "
                    "it is not followed"
                )
            return self._link if count else None
        if self.paging.next is not None:
            following = _follow(page, self.paging.next)
            ended = count == 0 or following is None or following is MISSING or following == ""
            return None if ended else following
        if position == self.start and total is not None and 0 < count < min(self.size, total):
            self._step = count  # the server clamped the page size
        offset = position if self.paging.kind == "offset" else (position - 1) * self._step
        if count == 0 or (offset + count >= total if total is not None else count < self._step):
            return None
        return position + count if self.paging.kind == "offset" else position + 1

    def remaining_positions(self, position: Position, page: Any) -> range | None:
        """Every position after the first page when its total tells them, for prefetching."""
        total = self.total(page)
        if total is None or self.paging.kind in ("cursor", "link"):
            return None
        if self.paging.kind == "offset":
            return range(position + self._step, total, self._step)
        return range(position + 1, ceil(total / self._step) + 1)


def linked(request: dict[str, Any], plan: PagePlan, url: str | None) -> dict[str, Any]:
    """A Link-paginated page's request: carrying its plan (``saw`` reads the response's ``Link`` header)
    and, for a next page, sent to the server's URL, whose query holds every argument."""
    sent = {**request, "extensions": {**request["extensions"], LINK_PAGE: plan}}
    if url is None:
        return sent
    target = httpx.URL(url)
    query: dict[str, list[str]] = {}
    for key, value in target.params.multi_items():
        query.setdefault(key, []).append(value)
    params = {key: values[0] if len(values) == 1 else values for key, values in query.items()}
    return {**sent, "url": target.copy_with(query=None, fragment=None), "params": params}


def _follow(page: Any, attributes: tuple[str, ...]) -> Any:
    for attribute in attributes:
        page = getattr(page, attribute)
    return page


class _CycleGuard:
    """Raises when a page repeats any earlier page of the iteration (the server ignores the offset or page
    parameter, or its pages loop): every page's items are remembered as a 16-byte digest."""

    def __init__(self, plan: PagePlan) -> None:
        self._plan = plan
        self._seen: dict[bytes, Position] = {}
        self._pages = 0

    def check(self, position: Position, page: PageT) -> PageT:
        self._pages += 1
        items = self._plan.items(page)
        if not items:
            return page
        digest = hashlib.blake2b(to_json(items), digest_size=16).digest()
        # A Link URL is named by its page's number: it may hold what the server put in it.
        shown = self._pages if self._plan.paging.kind == "link" else position
        earlier = self._seen.get(digest)
        if earlier is not None:
            name = self._plan.position_param or "page"
            raise PaginationError(
                f"{self._plan.operation}: the page at {name}={shown} repeats the page at "
                f"{name}={earlier}; the server seems to ignore {name!r} or its pages loop"
            )
        if len(self._seen) < REMEMBERED_PAGES:
            self._seen[digest] = shown
        return page


def iter_pages(fetch: Callable[[Position], PageT], plan: PagePlan) -> Iterator[PageT]:
    """Fetch pages one by one from the first until the plan says the last page was reached."""
    guard = _CycleGuard(plan)
    position = plan.start
    while True:
        page = guard.check(position, fetch(position))
        yield page
        position = plan.next_position(position, page)
        if position is None:
            return


def iter_items(pages: Iterable[Any], plan: PagePlan, max_items: int | None) -> Iterator[Any]:
    """The items of ``pages`` in order, at most ``max_items`` of them."""
    return islice(chain.from_iterable(plan.items(page) for page in pages), max_items)


async def aiter_pages(
    fetch: Callable[[Position], Awaitable[PageT]], plan: PagePlan, prefetch: int = 0
) -> AsyncGenerator[PageT]:
    """Async ``iter_pages``; with ``prefetch > 0`` and known remaining positions, fetches up to ``prefetch``
    pages concurrently ahead of the consumer and still yields them in order."""
    guard = _CycleGuard(plan)
    start = plan.start
    page = guard.check(start, await fetch(start))
    yield page
    following = plan.next_position(start, page)
    ahead = plan.remaining_positions(start, page) if prefetch > 0 and following is not None else None
    if ahead is not None:
        async with aclosing(_prefetched(fetch, ahead, prefetch)) as prefetched:
            async for position, page in prefetched:
                yield guard.check(position, page)
                following = plan.next_position(position, page)
                if following is None:
                    return
    while following is not None:
        page = guard.check(following, await fetch(following))
        yield page
        following = plan.next_position(following, page)


async def _prefetched(
    fetch: Callable[[int], Awaitable[PageT]], positions: range, concurrency: int
) -> AsyncGenerator[tuple[int, PageT]]:
    """``(position, page)`` in order, with at most ``concurrency`` requests in flight; cancels the rest
    when the consumer stops early."""
    todo = iter(positions)
    window: deque[tuple[int, asyncio.Future[PageT]]] = deque()

    def schedule(count: int) -> None:
        for position in islice(todo, count):
            window.append((position, asyncio.ensure_future(fetch(position))))

    schedule(concurrency)
    try:
        while window:
            position, task = window.popleft()
            page = await task
            schedule(1)
            yield position, page
    finally:
        for _, task in window:
            task.cancel()
        await asyncio.gather(*(task for _, task in window), return_exceptions=True)


async def aiter_items(
    pages: AsyncGenerator[Any], plan: PagePlan, max_items: int | None
) -> AsyncGenerator[Any]:
    """The items of ``pages`` in order, at most ``max_items`` of them; stopping early closes ``pages``
    (and cancels any prefetch) at once."""
    if max_items is not None and max_items <= 0:
        return
    count = 0
    async with aclosing(pages):
        async for page in pages:
            for item in plan.items(page):
                yield item
                count += 1
                if count == max_items:
                    return
