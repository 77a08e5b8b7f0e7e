"""Documented Lighthouse behaviour, through the generated client against the mock."""

from __future__ import annotations

import uuid
from functools import partial

import pytest
from lighthouse_client import AuthenticatedClient
from lighthouse_client.api.workspaces import get_workspace, list_workspaces
from lighthouse_client.models import (
    Error,
    SortField,
    SortOrder,
    Workspace,
    WorkspaceDetailResponse,
    WorkspaceListResponse,
)

from mocks import lighthouse
from mocks.lighthouse_store import WorkspaceStore
from mocks.memo import CACHED_QUERIES

pytestmark = pytest.mark.anyio
SEEDED = 250
SCOPE = {"org_id": lighthouse.ORG_ID, "business_id": lighthouse.BUSINESS_ID}


async def page(client: AuthenticatedClient, **query: object) -> WorkspaceListResponse:
    response = await list_workspaces.asyncio_detailed(**SCOPE, client=client, **query)  # type: ignore[arg-type]
    assert isinstance(response.parsed, WorkspaceListResponse), response.content
    return response.parsed


async def everything(client: AuthenticatedClient, **query: object) -> list[Workspace]:
    """All pages of a query, 100 at a time."""
    rows: list[Workspace] = []
    number = 1
    while True:
        batch = (await page(client, page=number, page_size=100, **query)).data.workspaces
        if not batch:
            return rows
        rows += batch
        number += 1


async def test_page_size_above_100_is_clamped(lighthouse_client):
    listed = await page(lighthouse_client, page_size=150)
    assert len(listed.data.workspaces) == 100
    assert (listed.meta.page_size, listed.meta.total, listed.meta.page) == (100, SEEDED, 1)


async def test_defaults_are_page_1_size_10_created_at_asc(lighthouse_client):
    listed = await page(lighthouse_client)
    assert (len(listed.data.workspaces), listed.meta.page_size) == (10, 10)
    assert (listed.meta.sort_by.field, listed.meta.sort_by.order) == ("created_at", "ASC")


@pytest.mark.parametrize("field", list(SortField))
@pytest.mark.parametrize("order", list(SortOrder))
async def test_sort_orders_with_id_tie_break(lighthouse_client, field, order):
    rows = await everything(lighthouse_client, sort_field=field, sort_order=order)
    keys = [(getattr(row, field.value), row.id) for row in rows]
    assert len(keys) == SEEDED
    assert keys == sorted(keys, reverse=order is SortOrder.DESC)
    assert len({key[0] for key in keys}) < SEEDED, "the seed should contain ties to break"


async def test_search_is_case_insensitive_substring_of_name_or_description(lighthouse_client):
    rows = await everything(lighthouse_client)
    expected = [r.id for r in rows if "ads" in r.name.lower() or "ads" in (r.description or "").lower()]
    found = await everything(lighthouse_client, search="aDs")
    assert 0 < len(found) < SEEDED
    assert sorted(r.id for r in found) == sorted(expected)


async def test_workspace_group_filter(lighthouse_client):
    rows = await everything(lighthouse_client)
    group = rows[0].workspace_group_id
    found = await page(lighthouse_client, workspace_group_id=uuid.UUID(group), page_size=100)
    assert found.meta.total == sum(r.workspace_group_id == group for r in rows) < SEEDED
    assert {r.workspace_group_id for r in found.data.workspaces} == {group}


async def test_context_filter_partitions_the_workspaces(lighthouse_client):
    contexts = WorkspaceStore(SEEDED, 0).contexts
    totals = [(await page(lighthouse_client, context_id=uuid.UUID(c))).meta.total for c in contexts]
    assert all(0 < total < SEEDED for total in totals)
    assert sum(totals) == SEEDED


@pytest.mark.parametrize("parameter", ["context_id", "workspace_group_id"])
async def test_non_uuid_filter_is_400(lighthouse_client, parameter):
    http = lighthouse_client.get_async_httpx_client()
    url = f"/lighthouse/orgs/{lighthouse.ORG_ID}/businesses/{lighthouse.BUSINESS_ID}/workspaces"
    response = await http.get(url, params={parameter: "not-a-uuid"})
    assert response.status_code == 400
    assert response.json()["code"] == "bad-request/invalid-parameters"


@pytest.mark.parametrize(
    "scope",
    [
        {"org_id": lighthouse.FOREIGN_ORG_ID, "business_id": lighthouse.BUSINESS_ID},
        {"org_id": lighthouse.ORG_ID, "business_id": "someone-elses-business"},
    ],
)
async def test_foreign_org_or_business_is_403(lighthouse_client, scope):
    for response in (
        await list_workspaces.asyncio_detailed(**scope, client=lighthouse_client),
        await get_workspace.asyncio_detailed(**scope, id=1, client=lighthouse_client),
    ):
        assert response.status_code == 403
        assert isinstance(response.parsed, Error)
        assert (response.parsed.code, response.parsed.message) == (
            "authorization/forbidden",
            "Unable to give access to the user",
        )


async def test_bad_token_is_401_with_documented_body(lighthouse_client):
    http = lighthouse_client.get_async_httpx_client()
    url = f"/lighthouse/orgs/{lighthouse.FOREIGN_ORG_ID}/businesses/x/workspaces/1"
    response = await http.get(url, headers={"Authorization": "Bearer  "})
    assert response.status_code == 401
    assert response.json() == {"code": "failed", "message": "invalid or expired token"}


async def test_detail_has_the_listed_number_of_views(lighthouse_client):
    listed = (await page(lighthouse_client, page_size=20)).data.workspaces
    for row in listed:
        response = await get_workspace.asyncio_detailed(**SCOPE, id=row.id, client=lighthouse_client)
        assert isinstance(response.parsed, WorkspaceDetailResponse)
        detail = response.parsed.data
        assert (detail.id, detail.name, len(detail.views)) == (row.id, row.name, row.count_views)
        assert {view.workspace_id for view in detail.views} <= {row.id}


async def test_unknown_workspace_is_404_with_documented_body(lighthouse_client):
    response = await get_workspace.asyncio_detailed(**SCOPE, id=SEEDED + 1, client=lighthouse_client)
    assert response.status_code == 404
    assert isinstance(response.parsed, Error)
    assert (response.parsed.code, response.parsed.message) == ("workspace/not-found", "Workspace not found")


async def test_non_integer_workspace_id_is_400(lighthouse_client):
    http = lighthouse_client.get_async_httpx_client()
    url = f"/lighthouse/orgs/{lighthouse.ORG_ID}/businesses/{lighthouse.BUSINESS_ID}/workspaces/1.5"
    response = await http.get(url)
    assert (response.status_code, response.json()["code"]) == (400, "bad-request/invalid-parameters")


async def test_a_kept_page_is_the_one_its_query_asks_for(lighthouse_client):
    """Pages are kept per query until reset: the same query gives the same page, another query its own."""
    first, again = await page(lighthouse_client, page=2), await page(lighthouse_client, page=2)
    assert first == again
    assert (await page(lighthouse_client, page=3)).data.workspaces != first.data.workspaces
    clamped = await page(lighthouse_client, page=2, page_size=150)
    assert (len(clamped.data.workspaces), clamped.meta.page_size) == (100, 100)


def test_the_store_keeps_at_most_its_cap_of_derived_values_and_none_after_reset():
    store, made = WorkspaceStore(5, 0), []

    def make(key: int) -> int:
        made.append(key)
        return key

    for key in range(CACHED_QUERIES + 1):
        store.kept(key, partial(make, key))
    assert store.kept(CACHED_QUERIES, lambda: "made again") == CACHED_QUERIES  # the newest is kept
    assert store.kept(0, lambda: "made again") == "made again"  # the oldest went over the cap
    store.reset()
    assert store.kept(CACHED_QUERIES, lambda: "after reset") == "after reset"
    assert made == list(range(CACHED_QUERIES + 1))
