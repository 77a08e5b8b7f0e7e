"""Against the mocks, for any dataset size and page size: every item exactly once, in the server's order."""

from __future__ import annotations

import asyncio

from hypothesis import given, settings
from hypothesis import strategies as st
from lighthouse_models import SortField, SortOrder

from mocks import lighthouse as lighthouse_mock
from mocks import pilfer as pilfer_mock
from mocks.lighthouse_store import ListQuery

from .mock_clients import async_lighthouse_client, async_pilfer_client, lighthouse_client, pilfer_client

SIZES = st.integers(min_value=0, max_value=230)
PAGE_SIZES = st.integers(min_value=1, max_value=130)
SORT_FIELDS = st.sampled_from(SortField)
SORT_ORDERS = st.sampled_from(SortOrder)


def server_order(app: object, sort_field: SortField, sort_order: SortOrder) -> list[int]:
    store = app.state.store  # type: ignore[attr-defined]
    return [w.id for w in store.select(ListQuery("", None, None, sort_field, sort_order))]


@settings(max_examples=60, deadline=None)
@given(SIZES, PAGE_SIZES, SORT_FIELDS, SORT_ORDERS, st.integers(0, 6), st.integers(0, 3))
def test_lighthouse_async_iteration_yields_every_workspace_once_in_order(
    size: int, page_size: int, sort_field: SortField, sort_order: SortOrder, prefetch: int, seed: int
) -> None:
    app = lighthouse_mock.create_app(size=size, seed=seed)

    async def collect() -> list[int]:
        async with async_lighthouse_client(app) as client:
            pages = client.iter_workspaces(
                page_size=page_size,
                prefetch=prefetch,
                sort_field=sort_field,
                sort_order=sort_order,
            )
            return [item.id async for item in pages]

    assert asyncio.run(collect()) == server_order(app, sort_field, sort_order)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 120), st.integers(min_value=5, max_value=130), SORT_FIELDS, SORT_ORDERS)
def test_lighthouse_sync_iteration_yields_every_workspace_once_in_order(
    size: int, page_size: int, sort_field: SortField, sort_order: SortOrder
) -> None:
    app = lighthouse_mock.create_app(size=size)
    with lighthouse_client(app) as client:
        ids = [
            item.id
            for item in client.iter_workspaces(
                page_size=page_size,
                sort_field=sort_field,
                sort_order=sort_order,
            )
        ]
    assert ids == server_order(app, sort_field, sort_order)


@settings(max_examples=60, deadline=None)
@given(SIZES, PAGE_SIZES)
def test_pilfer_async_iteration_yields_every_space_once_in_order(size: int, page_size: int) -> None:
    app = pilfer_mock.create_app(spaces=size)

    async def collect() -> list[str]:
        async with async_pilfer_client(app) as client:
            return [space.id async for space in client.iter_spaces(page_size=page_size)]

    assert asyncio.run(collect()) == app.state.store.list_ids(pilfer_mock.ORG_ID, None, 0, None)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 120), st.integers(min_value=5, max_value=130), st.none() | st.integers(0, 150))
def test_pilfer_sync_iteration_yields_every_space_once_in_order(
    size: int, page_size: int, max_items: int | None
) -> None:
    app = pilfer_mock.create_app(spaces=size)
    with pilfer_client(app) as client:
        ids = [space.id for space in client.iter_spaces(page_size=page_size, max_items=max_items)]
    assert ids == app.state.store.list_ids(pilfer_mock.ORG_ID, None, 0, max_items)
