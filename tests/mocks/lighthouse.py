"""Stateful mock of the PierCloud Lighthouse Workspaces API, behaving as ``specs/lighthouse.yaml`` says.

``TOKEN`` may act for exactly one org/business pair, ``ORG_ID``/``BUSINESS_ID``; any other pair
(``FOREIGN_ORG_ID`` for instance) answers 403. Order of checks: auth (401 for a bad token, 403 for
a pair outside the token's scope), then validation (400), then lookup (404).
"""

from __future__ import annotations

import re
from datetime import timedelta

from lighthouse_models import (
    Error,
    ListWorkspacesParameters,
    SortField,
    SortOrder,
    WorkspaceDetailResponse,
    WorkspaceListResponse,
)
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from tests.mocks.errors import ApiError, ErrorVocabulary
from tests.mocks.lighthouse_store import ListQuery, WorkspaceRecord, WorkspaceStore
from tests.mocks.parsing import bearer_token, parse_query
from tests.mocks.routing import Resource, build_app

TOKEN = "lighthouse-test-token-0123456789"
ORG_ID = "8f14e45f-ceea-4e67-a1c3-6b0a5c1d2e01"
BUSINESS_ID = "c9f0f895-fb98-4b91-8f1e-2d3c4b5a6f02"
FOREIGN_ORG_ID = "45c48cce-2e2d-4fbd-9a7c-1e2f3a4b5c03"
MAX_PAGE_SIZE = 100

ERRORS = ErrorVocabulary(
    Error,
    {
        "bad_request": ("bad-request/invalid-parameters", "error message"),
        "unauthorized": ("failed", "invalid or expired token"),
        "forbidden": ("authorization/forbidden", "Unable to give access to the user"),
        "not_found": ("workspace/not-found", "Workspace not found"),
        "method_not_allowed": ("method-not-allowed", "Method not allowed"),
    },
)
INTEGER = re.compile(r"-?[0-9]+")
MAX_ID_DIGITS = 4000


def authorize(request: Request, params: dict[str, str]) -> None:
    """401 unless the request carries TOKEN; 403 unless the path names the token's org and business."""
    if bearer_token(request) != TOKEN:
        # The page documents one message for every token failure.
        raise ApiError("unauthorized")
    if (params["org_id"], params["business_id"]) != (ORG_ID, BUSINESS_ID):
        raise ApiError("forbidden")


def store_of(request: Request) -> WorkspaceStore:
    """The app's WorkspaceStore."""
    store: WorkspaceStore = request.app.state.store
    return store


def listed(workspace: WorkspaceRecord) -> dict[str, object]:
    """A workspace as ``listWorkspaces`` shows it."""
    return {
        "id": workspace.id,
        "name": workspace.name,
        "description": workspace.description,
        "access_scope": workspace.access_scope,
        "created_at": workspace.created_at,
        "workspace_group_id": workspace.workspace_group_id,
        "count_views": workspace.count_views,
    }


def detailed(workspace: WorkspaceRecord) -> dict[str, object]:
    """A workspace as ``getWorkspace`` shows it, with its views (derived, so seeding stays cheap)."""
    views = [
        {
            "id": workspace.id * 10 + number,
            "name": f"View {number}",
            "description": f"View {number} of {workspace.name}" if number % 2 else None,
            "created_at": workspace.created_at + timedelta(days=number),
            "workspace_id": workspace.id,
        }
        for number in range(1, workspace.count_views + 1)
    ]
    fields = ("id", "name", "description", "access_scope", "workspace_group_id")
    return {key: getattr(workspace, key) for key in fields} | {"views": views}


def respond(
    model: type[WorkspaceListResponse | WorkspaceDetailResponse], body: dict[str, object]
) -> Response:
    """Serialise a success body through the generated response model."""
    parsed = model.model_validate({"code": "success", **body})
    return JSONResponse(parsed.model_dump(mode="json", by_alias=True))


async def list_workspaces(request: Request, params: dict[str, str]) -> Response:
    authorize(request, params)
    query = parse_query(request, ListWorkspacesParameters, params)
    page, page_size = query.page or 1, min(query.page_size or 10, MAX_PAGE_SIZE)
    sort_field, sort_order = query.sort_field or SortField.created_at, query.sort_order or SortOrder.asc
    rows = store_of(request).select(
        ListQuery(
            search=(query.search or "").lower(),
            context_id=None if query.context_id is None else str(query.context_id),
            workspace_group_id=None if query.workspace_group_id is None else str(query.workspace_group_id),
            sort_field=sort_field.value,
            sort_order=sort_order.value,
        )
    )
    start = (page - 1) * page_size
    meta = {
        "total": len(rows),
        "page": page,
        "pageSize": page_size,
        "sortBy": {"field": sort_field.value, "order": sort_order.value},
    }
    return respond(
        WorkspaceListResponse,
        {"data": {"workspaces": [listed(w) for w in rows[start : start + page_size]]}, "meta": meta},
    )


async def get_workspace(request: Request, params: dict[str, str]) -> Response:
    authorize(request, params)
    raw_id = params["id"]
    if not INTEGER.fullmatch(raw_id):
        raise ApiError("bad_request", "id: must be an integer")
    # An integer too long for int() (over MAX_ID_DIGITS digits) cannot name a stored workspace.
    workspace = store_of(request).by_id.get(int(raw_id)) if len(raw_id) <= MAX_ID_DIGITS else None
    if workspace is None:
        raise ApiError("not_found")
    return respond(WorkspaceDetailResponse, {"data": detailed(workspace)})


def create_app(size: int = 250, seed: int = 0) -> Starlette:
    """The Lighthouse mock with ``size`` workspaces in ORG_ID/BUSINESS_ID, drawn from ``seed``."""
    base = "/lighthouse/orgs/{org_id}/businesses/{business_id}/workspaces"
    resources = [
        Resource(base, {"GET": list_workspaces}),
        Resource(base + "/{id}", {"GET": get_workspace}),
    ]
    return build_app(resources, ERRORS, WorkspaceStore(size, seed))
