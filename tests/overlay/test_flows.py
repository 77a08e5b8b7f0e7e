"""User flows against the stateful mocks: in-process (ASGI) and once over real TCP (uvicorn)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import pytest
from lighthouse_client import LighthouseClient
from pilfer_client import PilferClient
from starlette.applications import Starlette
from vendor_clients import AuthenticationError, NotFoundError, PermissionDeniedError

from mocks import lighthouse as lighthouse_mock
from mocks import pilfer as pilfer_mock
from mocks.lighthouse_store import ListQuery, WorkspaceStore
from mocks.server import serving_in_thread

from .mock_clients import (
    async_lighthouse_client,
    async_pilfer_client,
    lighthouse_client,
    pilfer_client,
)

SORTS: list[tuple[Literal["name", "created_at"], Literal["ASC", "DESC"]]] = [
    ("name", "ASC"),
    ("name", "DESC"),
    ("created_at", "ASC"),
    ("created_at", "DESC"),
]


@pytest.fixture(scope="module")
def tcp_mocks() -> Iterator[tuple[str, str]]:
    with (
        serving_in_thread(pilfer_mock.create_app(spaces=30)) as pilfer_url,
        serving_in_thread(lighthouse_mock.create_app(size=250)) as lighthouse_url,
    ):
        yield pilfer_url, lighthouse_url


def pilfer_flow(client: PilferClient) -> None:
    """Create, iterate all, update, get, delete; the space is gone afterwards."""
    before = [space.id for space in client.iter_spaces(page_size=7)]
    created = client.create_space(name="Flow space", status="Draft", priority="low")
    after = [space.id for space in client.iter_spaces(page_size=7)]
    assert after == [*before, created.id]
    updated = client.update_space(created.id, name="Renamed", priority="urgent")
    assert (updated.name, updated.priority, updated.status) == ("Renamed", "urgent", "Draft")
    assert client.get_space(created.id).name == "Renamed"
    client.delete_space(created.id)
    with pytest.raises(NotFoundError) as caught:
        client.get_space(created.id)
    assert caught.value.code == "not_found"
    assert [space.id for space in client.iter_spaces(page_size=7)] == before


def expected(store: WorkspaceStore, **query: str | None) -> list[int]:
    settings = {"search": "", "context_id": None, "workspace_group_id": None, **query}
    return [workspace.id for workspace in store.select(ListQuery(**settings))]  # type: ignore[arg-type]


def lighthouse_flow(client: LighthouseClient, store: WorkspaceStore) -> None:
    """Iterate everything with each sort, a search and each filter: the mock's totals and order."""
    for field, order in SORTS:
        ids = [item.id for item in client.iter_workspaces(page_size=30, sort_field=field, sort_order=order)]
        assert ids == expected(store, sort_field=field, sort_order=order)
        assert len(ids) == store.size
    searched = [item.id for item in client.iter_workspaces(search="SALES")]
    assert searched == expected(store, search="sales", sort_field="created_at", sort_order="ASC")
    assert 0 < len(searched) < store.size
    group, context = store.groups[0], store.contexts[0]
    by_group = [item.id for item in client.iter_workspaces(page_size=9, workspace_group_id=group)]
    assert by_group == expected(store, workspace_group_id=group, sort_field="created_at", sort_order="ASC")
    by_context = client.list_workspaces(page_size=100, context_id=context).meta.total
    assert by_context == len(expected(store, context_id=context, sort_field="created_at", sort_order="ASC"))
    assert client.get_workspace(by_group[0]).workspace_group_id == group


@pytest.fixture
def pilfer_app() -> Starlette:
    return pilfer_mock.create_app(spaces=23)


@pytest.fixture
def lighthouse_app() -> Starlette:
    return lighthouse_mock.create_app(size=250, seed=3)


def test_pilfer_flow_in_process(pilfer_app: Starlette) -> None:
    with pilfer_client(pilfer_app) as client:
        pilfer_flow(client)


def test_lighthouse_flow_in_process(lighthouse_app: Starlette) -> None:
    with lighthouse_client(lighthouse_app) as client:
        lighthouse_flow(client, lighthouse_app.state.store)


def test_flows_over_real_tcp(tcp_mocks: tuple[str, str]) -> None:
    pilfer_url, lighthouse_url = tcp_mocks
    with pilfer_client(base_url=pilfer_url) as client:
        pilfer_flow(client)
    with lighthouse_client(base_url=lighthouse_url) as client:
        lighthouse_flow(client, WorkspaceStore(250, 0))


def test_mock_errors_arrive_typed(pilfer_app: Starlette) -> None:
    with pilfer_client(pilfer_app) as client, pytest.raises(PermissionDeniedError) as caught:
        client.list_spaces(organization_id=pilfer_mock.FOREIGN_ORG_ID)
    assert (caught.value.status, caught.value.code) == (403, "forbidden")
    with pilfer_client(pilfer_app, token="wrong") as client, pytest.raises(AuthenticationError) as rejected:
        client.list_spaces()
    assert (rejected.value.status, rejected.value.code) == (401, "unauthorized")


@pytest.mark.anyio
async def test_async_flows_in_process(pilfer_app: Starlette, lighthouse_app: Starlette) -> None:
    async with async_pilfer_client(pilfer_app) as pilfer:
        created = await pilfer.create_space(name="Async space")
        assert (await pilfer.get_space(created.id)).name == "Async space"
        assert [space.id async for space in pilfer.iter_spaces(page_size=5)][-1] == created.id
        await pilfer.delete_space(created.id)
    store: WorkspaceStore = lighthouse_app.state.store
    async with async_lighthouse_client(lighthouse_app) as lighthouse:
        for field, order in SORTS:
            ids = [
                item.id
                async for item in lighthouse.iter_workspaces(
                    page_size=20, prefetch=4, sort_field=field, sort_order=order
                )
            ]
            assert ids == expected(store, sort_field=field, sort_order=order)
