"""Pagination logic against stateless fake servers: stop conditions, repeats, max_items, memory, prefetch."""

from __future__ import annotations

import asyncio
import tracemalloc

import httpx
import pytest
from vendor_clients import PaginationError
from vendor_clients.transports import POOL

from .fakes import (
    Handler,
    async_lighthouse,
    async_pilfer,
    lighthouse,
    lighthouse_server,
    pilfer,
    pilfer_server,
    workspace,
    workspace_page,
)


def counting(handler: Handler) -> tuple[list[httpx.Request], Handler]:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return handler(request)

    return seen, handle


@pytest.mark.parametrize(("count", "requests"), [(0, 1), (7, 1), (10, 1), (25, 3), (30, 3)])
def test_lighthouse_stops_on_a_short_page_or_at_meta_total(count: int, requests: int) -> None:
    seen, handler = counting(lighthouse_server(count))
    with lighthouse(handler) as client:
        assert [item.id for item in client.iter_workspaces(page_size=10)] == list(range(1, count + 1))
    assert [request.url.params["page"] for request in seen] == [str(page) for page in range(1, requests + 1)]


@pytest.mark.parametrize(("count", "requests"), [(0, 1), (7, 1), (25, 3), (30, 4)])
def test_pilfer_stops_on_a_short_or_empty_page(count: int, requests: int) -> None:
    seen, handler = counting(pilfer_server(count))
    with pilfer(handler) as client:
        assert [item.id for item in client.iter_spaces(page_size=10)] == [f"sp{n:05d}" for n in range(count)]
    assert [request.url.params["offset"] for request in seen] == [str(10 * n) for n in range(requests)]


def test_lighthouse_stops_at_meta_total_even_if_the_server_keeps_sending() -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        return httpx.Response(
            200, json=workspace_page([workspace(page * 10 + n) for n in range(10)], 20, page)
        )

    with lighthouse(handle) as client:
        assert len(list(client.iter_workspaces(page_size=10))) == 20


def test_a_server_that_ignores_page_is_detected() -> None:
    with (
        lighthouse(lighthouse_server(50, ignore_page=True)) as client,
        pytest.raises(PaginationError) as caught,
    ):
        list(client.iter_workspaces(page_size=10))
    assert "listWorkspaces: the page at page=2 repeats the page at page=1" in str(caught.value)


def looping_lighthouse(cycle: int) -> Handler:
    """Pages 1..cycle, then the same pages again and again, with a total that never ends the list (until a
    thousand pages, so a client that misses the cycle fails instead of hanging)."""

    def handle(request: httpx.Request) -> httpx.Response:
        if int(request.url.params["page"]) > 1000:
            return httpx.Response(400, json={"code": "no-cycle-detected", "message": "gave up"})
        page = (int(request.url.params["page"]) - 1) % cycle + 1
        chunk = [workspace(page * 100 + n) for n in range(10)]
        return httpx.Response(200, json=workspace_page(chunk, 10**9, page))

    return handle


@pytest.mark.parametrize("cycle", [2, 3, 17])
def test_a_cycle_of_pages_of_any_length_is_detected(cycle: int) -> None:
    seen, handler = counting(looping_lighthouse(cycle))
    with lighthouse(handler) as client, pytest.raises(PaginationError) as caught:
        list(client.iter_workspaces(page_size=10))
    assert len(seen) == cycle + 1
    assert f"the page at page={cycle + 1} repeats the page at page=1" in str(caught.value)


@pytest.mark.anyio
async def test_async_iteration_detects_a_cycle_too() -> None:
    async with async_lighthouse(looping_lighthouse(2)) as client:
        with pytest.raises(PaginationError, match="page=3 repeats the page at page=1"):
            [item async for item in client.iter_workspaces(page_size=10, prefetch=4)]


def short_pages(count: int, short_every: int) -> Handler:
    """A Lighthouse list of ``count`` whose every ``short_every``-th page holds one item fewer."""
    items = [workspace(number) for number in range(1, count + 1)]

    def handle(request: httpx.Request) -> httpx.Response:
        page, size = int(request.url.params["page"]), int(request.url.params["page_size"])
        start = (page - 1) * size
        chunk = items[start : start + size]
        if page % short_every == 0:
            chunk = chunk[:-1]
        return httpx.Response(200, json=workspace_page(chunk, count, page, size))

    return handle


def test_a_short_page_does_not_end_iteration_while_the_total_says_more_remain() -> None:
    seen, handler = counting(short_pages(100, short_every=2))
    with lighthouse(handler) as client:
        ids = [item.id for item in client.iter_workspaces(page_size=10)]
    assert len(seen) == 11  # the tenth page is short of the total too: the eleventh, empty, ends it
    assert set(ids) == set(range(1, 101)) - {20, 40, 60, 80, 100}


def test_an_empty_page_ends_iteration_even_when_the_total_says_more_remain() -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        chunk = [workspace(n) for n in range(1, 11)] if page == 1 else []
        return httpx.Response(200, json=workspace_page(chunk, 900, page))

    seen, handler = counting(handle)
    with lighthouse(handler) as client:
        assert len(list(client.iter_workspaces(page_size=10))) == 10
    assert len(seen) == 2


def test_a_server_that_ignores_offset_is_detected() -> None:
    with (
        pilfer(pilfer_server(50, ignore_offset=True)) as client,
        pytest.raises(PaginationError, match="'offset'"),
    ):
        list(client.iter_spaces(page_size=10))


def test_max_items_asks_for_no_more_than_needed() -> None:
    seen, handler = counting(lighthouse_server(500))
    with lighthouse(handler) as client:
        assert [item.id for item in client.iter_workspaces(max_items=5)] == [1, 2, 3, 4, 5]
        assert len(list(client.iter_workspaces(page_size=10, max_items=25))) == 25
    assert [request.url.params["page_size"] for request in seen] == ["5", "10", "10", "10"]


def test_pages_carry_their_meta_and_filters_reach_every_request() -> None:
    seen, handler = counting(lighthouse_server(25))
    with lighthouse(handler) as client:
        pages = list(
            client.iter_workspace_pages(page_size=500, search="x", sort_field="name", sort_order="DESC")
        )
    assert [page.meta.page for page in pages] == [1]
    assert {request.url.query.decode() for request in seen} == {
        "page=1&page_size=500&search=x&sort_field=name&sort_order=DESC"
    }


@pytest.mark.parametrize("count", [100, 250, 300])
def test_a_server_that_clamps_the_page_size_is_followed(count: int) -> None:
    """The server answers at most 100 per page: the first page, short of meta.total, sets the step."""
    seen, handler = counting(lighthouse_server(count))
    with lighthouse(handler) as client:
        assert [item.id for item in client.iter_workspaces(page_size=500)] == list(range(1, count + 1))
    assert [request.url.params["page"] for request in seen] == [
        str(n) for n in range(1, -(-count // 100) + 1)
    ]


@pytest.mark.anyio
async def test_prefetch_follows_a_clamped_page_size() -> None:
    async with async_lighthouse(lighthouse_server(250)) as client:
        ids = [item.id async for item in client.iter_workspaces(page_size=500, prefetch=3)]
    assert ids == list(range(1, 251))


def test_items_stream_in_constant_memory() -> None:
    with lighthouse(lighthouse_server(20_000)) as client:
        tracemalloc.start()
        try:
            count = sum(1 for _ in client.iter_workspaces())
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert count == 20_000
    assert peak < 4_000_000  # 20k workspaces held at once would take well over 10 MB


@pytest.mark.anyio
async def test_async_iteration_matches_sync_and_detects_repeats() -> None:
    async with async_pilfer(pilfer_server(25)) as client:
        assert [item.id async for item in client.iter_spaces(page_size=10)] == [
            f"sp{n:05d}" for n in range(25)
        ]
        assert len([item async for item in client.iter_spaces(page_size=10, max_items=12)]) == 12
    async with async_pilfer(pilfer_server(25, ignore_offset=True)) as client:
        with pytest.raises(PaginationError):
            [item async for item in client.iter_spaces(page_size=10)]


def slow_lighthouse(count: int, in_flight: list[int]) -> object:
    """A Lighthouse server where later pages answer faster, recording concurrent requests."""
    server = lighthouse_server(count)
    active: list[int] = []

    async def handle(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        active.append(page)
        in_flight.append(len(active))
        await asyncio.sleep(0.002 * (count // 10 - page))
        active.remove(page)
        return server(request)

    return handle


@pytest.mark.anyio
@pytest.mark.parametrize("prefetch", [1, 4, 50])
async def test_prefetch_yields_in_order_with_bounded_concurrency(prefetch: int) -> None:
    in_flight: list[int] = []
    async with async_lighthouse(slow_lighthouse(200, in_flight)) as client:
        ids = [item.id async for item in client.iter_workspaces(page_size=10, prefetch=prefetch)]
    assert ids == list(range(1, 201))
    assert len(in_flight) == 20
    assert max(in_flight) == min(prefetch, 19, POOL.max_connections or 0)  # the client's in-flight cap


@pytest.mark.anyio
async def test_stopping_early_cancels_the_pages_fetched_ahead() -> None:
    in_flight: list[int] = []
    async with async_lighthouse(slow_lighthouse(200, in_flight)) as client:
        ids = [item.id async for item in client.iter_workspaces(page_size=10, max_items=15, prefetch=5)]
        started = len(in_flight)
        await asyncio.sleep(0.1)
    assert ids == list(range(1, 16))
    assert started == len(in_flight) <= 1 + 5 + 1


@pytest.mark.anyio
async def test_prefetch_still_detects_a_server_that_ignores_page() -> None:
    async with async_lighthouse(lighthouse_server(50, ignore_page=True)) as client:
        with pytest.raises(PaginationError, match="page=2"):
            [item async for item in client.iter_workspaces(page_size=10, prefetch=3)]
