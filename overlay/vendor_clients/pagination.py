"""Page and item iteration shared by both APIs: constant memory, repeat detection, ordered prefetch."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncGenerator, Awaitable, Callable, Hashable, Iterable, Iterator, Sequence
from contextlib import aclosing
from itertools import chain, islice
from typing import Generic, Protocol, TypeVar

from .errors import PaginationError

PageT = TypeVar("PageT")
ItemT = TypeVar("ItemT")
PageT_contra = TypeVar("PageT_contra", contravariant=True)


class PagePlan(Protocol[PageT_contra, ItemT]):
    """What differs per API: where a page's items are, where the next page starts, what is known ahead."""

    @property
    def operation(self) -> str: ...

    @property
    def position_param(self) -> str: ...

    def items(self, page: PageT_contra) -> Sequence[ItemT]: ...

    def key(self, item: ItemT) -> Hashable: ...

    def next_position(self, position: int, page: PageT_contra) -> int | None:
        """Where the page after ``page`` starts, or None when ``page`` is the last one."""
        ...

    def remaining_positions(self, position: int, page: PageT_contra) -> range | None:
        """Every position after the first page when its metadata tells them, for prefetching."""
        ...


class _RepeatGuard(Generic[PageT, ItemT]):
    """Raises when a page repeats the previous one: the server ignores the offset or page parameter."""

    def __init__(self, plan: PagePlan[PageT, ItemT]) -> None:
        self._plan = plan
        self._previous: tuple[Hashable, ...] = ()

    def check(self, position: int, page: PageT) -> PageT:
        keys = tuple(self._plan.key(item) for item in self._plan.items(page))
        if keys and keys == self._previous:
            raise PaginationError(
                f"{self._plan.operation}: the page at {self._plan.position_param}={position} repeats the "
                f"previous page; the server seems to ignore {self._plan.position_param!r}"
            )
        self._previous = keys
        return page


def page_size_for(page_size: int, max_items: int | None) -> int:
    """The page size to request: no larger than needed for ``max_items``."""
    return page_size if max_items is None else max(1, min(page_size, max_items))


def iter_pages(fetch: Callable[[int], PageT], plan: PagePlan[PageT, ItemT], start: int) -> Iterator[PageT]:
    """Fetch pages one by one from ``start`` until the plan says the last page was reached."""
    guard = _RepeatGuard(plan)
    position: int | None = start
    while position is not None:
        page = guard.check(position, fetch(position))
        yield page
        position = plan.next_position(position, page)


def iter_items(
    pages: Iterable[PageT], plan: PagePlan[PageT, ItemT], max_items: int | None
) -> Iterator[ItemT]:
    """The items of ``pages`` in order, at most ``max_items`` of them."""
    return islice(chain.from_iterable(plan.items(page) for page in pages), max_items)


async def aiter_pages(
    fetch: Callable[[int], Awaitable[PageT]], plan: PagePlan[PageT, ItemT], start: int, prefetch: int = 0
) -> AsyncGenerator[PageT]:
    """Async ``iter_pages``; with ``prefetch > 0`` and known remaining positions, fetches up to ``prefetch``
    pages concurrently ahead of the consumer and still yields them in order."""
    guard = _RepeatGuard(plan)
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
    pages: AsyncGenerator[PageT], plan: PagePlan[PageT, ItemT], max_items: int | None
) -> AsyncGenerator[ItemT]:
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
