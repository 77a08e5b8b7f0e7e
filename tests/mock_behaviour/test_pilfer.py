"""Documented Pilfer behaviour, through the generated client against the mock."""

from __future__ import annotations

from typing import Any

import pytest
from pilfer_client import AuthenticatedClient
from pilfer_client.api.spaces import create_space, delete_space, get_space, list_spaces, update_space
from pilfer_client.models import (
    CreateSpaceRequest,
    Error,
    RelatedEntity,
    SpaceListResponse,
    SpaceResponse,
    UpdateSpaceRequest,
)
from pilfer_client.types import Unset

from mocks import pilfer
from tests.mock_behaviour.conftest import SEEDED_SPACES

pytestmark = pytest.mark.anyio


async def create(client: AuthenticatedClient, **fields: Any) -> SpaceResponse:
    response = await create_space.asyncio_detailed(client=client, body=CreateSpaceRequest(**fields))
    assert response.status_code == 201, response.content
    assert isinstance(response.parsed, SpaceResponse)
    return response.parsed


async def list_ids(client: AuthenticatedClient, **query: str | int) -> list[str]:
    response = await list_spaces.asyncio_detailed(client=client, **query)  # type: ignore[arg-type]
    assert isinstance(response.parsed, SpaceListResponse), response.content
    return [space.id for space in response.parsed.data]


async def test_create_get_patch_list_delete_then_404(pilfer_client):
    created = (await create(pilfer_client, name="Roadmap", project_id="p1", status="Draft")).data
    got = await get_space.asyncio_detailed(created.id, client=pilfer_client)
    assert isinstance(got.parsed, SpaceResponse)
    assert (got.parsed.data.name, got.parsed.data.status) == ("Roadmap", "Draft")

    patched = await update_space.asyncio_detailed(
        created.id, client=pilfer_client, body=UpdateSpaceRequest(priority="urgent")
    )
    assert isinstance(patched.parsed, SpaceResponse)
    data = patched.parsed.data
    assert (data.name, data.project_id, data.status, data.priority) == ("Roadmap", "p1", "Draft", "urgent")
    assert (await list_ids(pilfer_client))[-1] == created.id

    deleted = await delete_space.asyncio_detailed(created.id, client=pilfer_client)
    assert (deleted.status_code, deleted.content) == (200, b'{"data":{}}')
    gone = await get_space.asyncio_detailed(created.id, client=pilfer_client)
    assert gone.status_code == 404
    assert isinstance(gone.parsed, Error)
    assert (gone.parsed.code, gone.parsed.message) == ("not_found", "Space not found")
    assert created.id not in await list_ids(pilfer_client)


async def test_ids_are_opaque_convex_like_strings(pilfer_client):
    ids = await list_ids(pilfer_client)
    assert len(ids) == SEEDED_SPACES == len(set(ids))
    assert all(len(i) == 32 and i.isalnum() and i.islower() for i in ids)


async def test_include_all_hydrates_project_and_organization(pilfer_client):
    project = next(iter(pilfer.PROJECTS))
    space = (await create(pilfer_client, name="Hydrated", project_id=project)).data
    response = await get_space.asyncio_detailed(space.id, client=pilfer_client, include="all")
    assert isinstance(response.parsed, SpaceResponse)
    hydrated = response.parsed.data
    assert isinstance(hydrated.project, RelatedEntity)
    assert isinstance(hydrated.organization, RelatedEntity)
    assert (hydrated.project.id, hydrated.project.name) == (project, pilfer.PROJECTS[project])
    assert (hydrated.organization.id, hydrated.organization.name) == (
        pilfer.ORG_ID,
        pilfer.ORGANIZATIONS[pilfer.ORG_ID],
    )


async def test_include_names_only_the_requested_relation(pilfer_client):
    response = await list_spaces.asyncio_detailed(client=pilfer_client, include="project", limit=1)
    assert isinstance(response.parsed, SpaceListResponse)
    [space] = response.parsed.data
    assert not isinstance(space.project, Unset)
    assert isinstance(space.organization, Unset)


async def test_unknown_include_relation_is_400(pilfer_client):
    response = await list_spaces.asyncio_detailed(client=pilfer_client, include="owner")
    assert response.status_code == 400
    assert isinstance(response.parsed, Error)
    assert response.parsed.code == "bad_request"


async def test_empty_organization_id_is_the_personal_scope(pilfer_client):
    personal = (await create(pilfer_client, name="Mine", organization_id="")).data
    assert await list_ids(pilfer_client, organization_id="") == [personal.id]
    assert personal.id not in await list_ids(pilfer_client)
    response = await get_space.asyncio_detailed(personal.id, client=pilfer_client, include="organization")
    assert isinstance(response.parsed, SpaceResponse)
    assert response.parsed.data.organization is None


async def test_second_organization_in_scope_is_listed_separately(pilfer_client):
    space = (await create(pilfer_client, name="Labs", organization_id=pilfer.SECOND_ORG_ID)).data
    assert await list_ids(pilfer_client, organization_id=pilfer.SECOND_ORG_ID) == [space.id]


async def test_project_filter(pilfer_client):
    project = next(iter(pilfer.PROJECTS))
    response = await list_spaces.asyncio_detailed(client=pilfer_client, project_id=project)
    assert isinstance(response.parsed, SpaceListResponse)
    assert response.parsed.data
    assert {space.project_id for space in response.parsed.data} == {project}
    assert len(response.parsed.data) < SEEDED_SPACES


async def test_limit_and_offset_page_in_creation_order(pilfer_client):
    everything = await list_ids(pilfer_client)
    pages = [await list_ids(pilfer_client, limit=4, offset=offset) for offset in (0, 4, 8)]
    assert [len(page) for page in pages] == [4, SEEDED_SPACES - 4, 0]
    assert pages[0] + pages[1] == everything


@pytest.mark.parametrize("organization_id", [pilfer.FOREIGN_ORG_ID, "not-an-organization"])
async def test_foreign_organization_is_403(pilfer_client, organization_id):
    listed = await list_spaces.asyncio_detailed(client=pilfer_client, organization_id=organization_id)
    body = CreateSpaceRequest(name="x", organization_id=organization_id)
    created = await create_space.asyncio_detailed(client=pilfer_client, body=body)
    for response in (listed, created):
        assert response.status_code == 403
        assert isinstance(response.parsed, Error)
        assert response.parsed.code == "forbidden"


async def test_space_of_a_foreign_organization_is_403(pilfer_client):
    response = await get_space.asyncio_detailed(pilfer.FOREIGN_SPACE_ID, client=pilfer_client)
    assert response.status_code == 403


async def test_missing_token_is_401_before_validation(pilfer_client):
    http = pilfer_client.get_async_httpx_client()
    response = await http.get("/api/v1/spaces?limit=abc", headers={"Authorization": ""})
    assert (response.status_code, response.json()["code"]) == (401, "unauthorized")


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b'{"name": "x"', "application/json"),
        (b"{}", "application/json"),
        (b'{"name": ""}', "application/json"),
        (b'{"name": "x", "colour": "red"}', "application/json"),
        (b'{"name": "x", "currentStrength": "3"}', "application/json"),
        (b'{"name": null}', "application/json"),
        (b"[]", "application/json"),
        (b"name=x", "application/x-www-form-urlencoded"),
    ],
)
async def test_invalid_create_body_is_400(pilfer_client, content, content_type):
    http = pilfer_client.get_async_httpx_client()
    response = await http.post("/api/v1/spaces", content=content, headers={"Content-Type": content_type})
    assert response.status_code == 400, response.text
    assert response.json()["code"] == "bad_request"


async def test_repeated_query_parameter_is_400(pilfer_client):
    http = pilfer_client.get_async_httpx_client()
    response = await http.get("/api/v1/spaces?limit=1&limit=2")
    assert (response.status_code, response.json()["code"]) == (400, "bad_request")
