"""The generated clients parse the vendor pages' example bodies, served verbatim."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeAlias

import httpx
import pytest
from lighthouse_client import AuthenticatedClient as LighthouseClient
from lighthouse_client.api.workspaces import get_workspace, list_workspaces
from lighthouse_client.models import Error as LighthouseError
from lighthouse_client.models import SortField, SortOrder, WorkspaceDetailResponse, WorkspaceListResponse
from pilfer_client import AuthenticatedClient as PilferClient
from pilfer_client.api.spaces import create_space, delete_space, get_space, list_spaces, update_space
from pilfer_client.models import (
    CreateSpaceRequest,
    DeleteSpaceResponse,
    SpaceListResponse,
    SpaceResponse,
    UpdateSpaceRequest,
)
from pilfer_client.models import Error as PilferError
from pilfer_client.types import Unset

PAGES = Path(__file__).parent / "fixtures" / "page_examples"
TOKEN = "page-example-token"


class Recorder:
    """An httpx transport that answers every request with one fixture file and keeps the requests."""

    def __init__(self, fixture: str, status: int = 200) -> None:
        self.body = (PAGES / fixture).read_bytes()
        self.status = status
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(self.status, content=self.body, headers={"content-type": "application/json"})

    @property
    def request(self) -> httpx.Request:
        (only,) = self.requests
        assert only.headers["authorization"] == f"Bearer {TOKEN}"
        return only


def lighthouse(recorder: Recorder) -> LighthouseClient:
    transport = httpx.MockTransport(recorder)
    return LighthouseClient("https://api.piercloud.io", token=TOKEN, httpx_args={"transport": transport})


def pilfer(recorder: Recorder) -> PilferClient:
    transport = httpx.MockTransport(recorder)
    return PilferClient("https://api.getpilfer.com", token=TOKEN, httpx_args={"transport": transport})


def test_lighthouse_list_example():
    recorder = Recorder("lighthouse_list_200.json")
    response = list_workspaces.sync_detailed(
        "org-1",
        "biz-1",
        client=lighthouse(recorder),
        page_size=150,
        sort_field=SortField.NAME,
        sort_order=SortOrder.DESC,
    )
    body = response.parsed
    assert isinstance(body, WorkspaceListResponse)
    assert body.code == "success"
    (workspace,) = body.data.workspaces
    assert workspace.id == 1
    assert workspace.name == "Workspace name"
    assert workspace.description is None
    assert workspace.access_scope == "public"
    assert workspace.created_at == datetime(2022, 1, 1, 0, 1, 45, 941000, tzinfo=UTC)
    assert workspace.created_at.tzinfo is not None
    assert workspace.workspace_group_id == "uuid"
    assert workspace.count_views == 1
    assert (body.meta.total, body.meta.page, body.meta.page_size) == (1, 1, 10)
    assert (body.meta.sort_by.field, body.meta.sort_by.order) == ("created_at", "ASC")
    url = recorder.request.url
    assert url.path == "/lighthouse/orgs/org-1/businesses/biz-1/workspaces"
    assert dict(url.params) == {"page": "1", "page_size": "150", "sort_field": "name", "sort_order": "DESC"}


def test_lighthouse_get_example():
    recorder = Recorder("lighthouse_get_200.json")
    body = get_workspace.sync_detailed("org-1", "biz-1", 1234, client=lighthouse(recorder)).parsed
    assert isinstance(body, WorkspaceDetailResponse)
    detail = body.data
    assert (detail.id, detail.name, detail.description) == (1234, "Workspace name", "Workspace description")
    assert (detail.access_scope, detail.workspace_group_id) == ("public", "uuid")
    (view,) = detail.views
    assert (view.id, view.name, view.description, view.workspace_id) == (
        123,
        "View name",
        "Description",
        1234,
    )
    assert view.created_at == datetime(2025, 1, 1, 0, 0, 0, 911000, tzinfo=UTC)
    assert recorder.request.url.path == "/lighthouse/orgs/org-1/businesses/biz-1/workspaces/1234"


@pytest.mark.parametrize(
    ("status", "code", "message"),
    [
        (400, "bad-request/invalid-parameters", "error message"),
        (401, "failed", "invalid or expired token"),
        (403, "authorization/forbidden", "Unable to give access to the user"),
        (404, "workspace/not-found", "Workspace not found"),
    ],
)
def test_lighthouse_error_examples(status, code, message):
    recorder = Recorder(f"lighthouse_{status}.json", status)
    response = get_workspace.sync_detailed("o", "b", 1, client=lighthouse(recorder))
    assert response.status_code == status
    assert isinstance(response.parsed, LighthouseError)
    assert (response.parsed.code, response.parsed.message) == (code, message)
    if status != 404:  # listWorkspaces documents every status but 404
        listed = list_workspaces.sync_detailed("o", "b", client=lighthouse(recorder)).parsed
        assert isinstance(listed, LighthouseError)
        assert listed.code == code


def assert_page_space(space: Any) -> None:
    assert (space.id, space.name, space.project_id, space.status, space.priority) == ("string",) * 5
    assert isinstance(space.project, Unset)


def test_pilfer_list_example():
    recorder = Recorder("pilfer_list_200.json")
    body = list_spaces.sync_detailed(
        client=pilfer(recorder), organization_id="", project_id="p", include="all", limit=5, offset=10
    ).parsed
    assert isinstance(body, SpaceListResponse)
    (space,) = body.data
    assert_page_space(space)
    url = recorder.request.url
    assert url.path == "/api/v1/spaces"
    # An empty organizationId (personal scope) must reach the server, not be dropped.
    assert dict(url.params) == {
        "organizationId": "",
        "projectId": "p",
        "include": "all",
        "limit": "5",
        "offset": "10",
    }


RequestBody: TypeAlias = CreateSpaceRequest | UpdateSpaceRequest


@pytest.mark.parametrize(
    ("call", "fixture", "request_fixture", "method", "status"),
    [
        (lambda c, b: create_space.sync_detailed(client=c, body=b), "pilfer_space_200.json",
         "pilfer_create_request.json", "POST", 201),
        (lambda c, b: get_space.sync_detailed("abc", client=c), "pilfer_space_200.json", None, "GET", 200),
        (lambda c, b: update_space.sync_detailed("abc", client=c, body=b), "pilfer_space_200.json",
         "pilfer_update_request.json", "PATCH", 200),
    ],
)  # fmt: skip
def test_pilfer_single_space_examples(
    call: Callable[[PilferClient, Any], Any], fixture, request_fixture, method, status
):
    recorder = Recorder(fixture, status)
    body: RequestBody | None = None
    if request_fixture:
        model = CreateSpaceRequest if method == "POST" else UpdateSpaceRequest
        body = model.from_dict(json.loads((PAGES / request_fixture).read_text()))
    parsed = call(pilfer(recorder), body).parsed
    if request_fixture:
        assert json.loads(recorder.request.content) == json.loads((PAGES / request_fixture).read_text())
    assert isinstance(parsed, SpaceResponse)
    assert_page_space(parsed.data)
    assert recorder.request.method == method


def test_pilfer_delete_example():
    recorder = Recorder("pilfer_delete_200.json")
    body = delete_space.sync_detailed("abc", client=pilfer(recorder)).parsed
    assert isinstance(body, DeleteSpaceResponse)
    assert body.data.to_dict() == {}
    assert recorder.request.url.path == "/api/v1/spaces/abc"


def test_pilfer_assumed_error_body():
    """Pilfer documents no error body; the spec assumes {code, message}."""
    body = b'{"code": "not_found", "message": "Space not found"}'
    transport = httpx.MockTransport(lambda _: httpx.Response(404, content=body))
    client = PilferClient("https://api.getpilfer.com", token=TOKEN, httpx_args={"transport": transport})
    parsed = get_space.sync_detailed("missing", client=client).parsed
    assert isinstance(parsed, PilferError)
    assert (parsed.code, parsed.message) == ("not_found", "Space not found")
