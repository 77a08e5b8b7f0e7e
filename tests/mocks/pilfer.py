"""Stateful mock of the Pilfer Spaces API (``/api/v1/spaces``), behaving as ``specs/pilfer.yaml`` says.

One token, ``TOKEN``, acts in the organizations ``ORGANIZATIONS`` (default ``ORG_ID``) and in its
owner's personal scope (``organizationId`` empty); ``FOREIGN_ORG_ID`` and any other organization
answer 403. Order of checks: auth (401), then request validation (400), then scope (403) and lookup (404).
"""

from __future__ import annotations

from pilfer_models import (
    CreateSpaceRequest,
    DeleteSpaceResponse,
    Error,
    GetSpaceParameters,
    ListSpacesParameters,
    SpaceListResponse,
    SpaceResponse,
    UpdateSpaceRequest,
)
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from tests.mocks.errors import ApiError, ErrorVocabulary
from tests.mocks.ids import convex_id
from tests.mocks.parsing import bearer_token, parse_json_body, parse_query
from tests.mocks.pilfer_store import PERSONAL_SCOPE, Seed, SpaceRecord, SpaceStore
from tests.mocks.routing import Resource, build_app

TOKEN = "pilfer_test_key_0123456789"
ORG_ID = convex_id("organizations", 1)
SECOND_ORG_ID = convex_id("organizations", 2)
FOREIGN_ORG_ID = convex_id("organizations", 99)
ORGANIZATIONS = {ORG_ID: "Acme Research", SECOND_ORG_ID: "Acme Labs"}
PROJECTS = {convex_id("projects", n): f"Project {n}" for n in (1, 2, 3)}
FOREIGN_SPACE_ID = convex_id("foreign-spaces", 1)
"""A space that always exists in FOREIGN_ORG_ID: reading it with TOKEN answers 403."""

ERRORS = ErrorVocabulary(
    Error,
    {
        "bad_request": ("bad_request", "Invalid request"),
        "unauthorized": ("unauthorized", "Missing or invalid API key"),
        "forbidden": ("forbidden", "Not allowed in this organization"),
        "not_found": ("not_found", "Space not found"),
        "method_not_allowed": ("method_not_allowed", "Method not allowed"),
    },
)
RELATIONS = ("project", "organization")


def authenticate(request: Request) -> None:
    """401 unless the request carries TOKEN."""
    if bearer_token(request) != TOKEN:
        raise ApiError("unauthorized")


def scope_of(organization_id: str | None) -> str:
    """The organization a request acts in: omitted means ORG_ID, empty means personal; else 403."""
    if organization_id is None:
        return ORG_ID
    if organization_id == PERSONAL_SCOPE or organization_id in ORGANIZATIONS:
        return organization_id
    raise ApiError("forbidden")


def find(store: SpaceStore, space_id: str) -> SpaceRecord:
    """The space, 404 when there is none, 403 when it lies outside the token's scope."""
    space = store.spaces.get(space_id)
    if space is None:
        raise ApiError("not_found")
    scope_of(space.organization_id)
    return space


def relations(include: str | None) -> set[str]:
    """The relation names an ``include`` value asks for (already checked against the spec's pattern)."""
    if include is None:
        return set()
    return set(RELATIONS) if include == "all" else set(include.split(","))


def space_json(space: SpaceRecord, include: set[str]) -> dict[str, object]:
    """The API's view of a space (``currentStrength`` is stored but not part of the documented Space)."""
    body: dict[str, object] = {"_id": space.id, "name": space.name}
    optional = {"projectId": space.project_id, "status": space.status, "priority": space.priority}
    body.update({key: value for key, value in optional.items() if value is not None})
    if "project" in include:
        project = space.project_id
        body["project"] = (
            None if project is None else {"_id": project, "name": PROJECTS.get(project, project)}
        )
    if "organization" in include:
        org = space.organization_id
        body["organization"] = None if org == PERSONAL_SCOPE else {"_id": org, "name": ORGANIZATIONS[org]}
    return body


def respond(
    model: type[SpaceResponse | SpaceListResponse | DeleteSpaceResponse], data: object, status: int = 200
) -> Response:
    """Serialise ``{data: ...}`` through the generated response model."""
    body = model.model_validate({"data": data}).model_dump(mode="json", by_alias=True, exclude_unset=True)
    return JSONResponse(body, status_code=status)


def store_of(request: Request) -> SpaceStore:
    """The app's SpaceStore."""
    store: SpaceStore = request.app.state.store
    return store


async def list_spaces(request: Request, params: dict[str, str]) -> Response:
    authenticate(request)
    query = parse_query(request, ListSpacesParameters, params)
    store = store_of(request)
    ids = store.list_ids(scope_of(query.organization_id), query.project_id, query.offset or 0, query.limit)
    include = relations(query.include)
    return respond(SpaceListResponse, [space_json(store.spaces[i], include) for i in ids])


async def create_space(request: Request, _: dict[str, str]) -> Response:
    authenticate(request)
    body = await parse_json_body(request, CreateSpaceRequest)
    record = SpaceRecord(
        "",
        body.name,
        scope_of(body.organization_id),
        body.project_id,
        body.status,
        body.priority,
        body.current_strength,
    )
    return respond(SpaceResponse, space_json(store_of(request).create(record), set()), status=201)


async def get_space(request: Request, params: dict[str, str]) -> Response:
    authenticate(request)
    query = parse_query(request, GetSpaceParameters, params)
    space = find(store_of(request), params["id"])
    return respond(SpaceResponse, space_json(space, relations(query.include)))


async def update_space(request: Request, params: dict[str, str]) -> Response:
    authenticate(request)
    body = await parse_json_body(request, UpdateSpaceRequest)
    store = store_of(request)
    space = find(store, params["id"])
    changes = {name: getattr(body, name) for name in body.model_fields_set}
    return respond(SpaceResponse, space_json(store.update(space.id, changes), set()))


async def delete_space(request: Request, params: dict[str, str]) -> Response:
    authenticate(request)
    store = store_of(request)
    store.delete(find(store, params["id"]).id)
    return respond(DeleteSpaceResponse, {})


def create_app(spaces: int = 0) -> Starlette:
    """The Pilfer mock, seeded with ``spaces`` spaces in ORG_ID (deterministic ids) plus FOREIGN_SPACE_ID."""
    foreign = SpaceRecord(FOREIGN_SPACE_ID, "Someone else's space", FOREIGN_ORG_ID)
    store = SpaceStore(Seed(spaces, ORG_ID, tuple(PROJECTS), (foreign,)))
    resources = [
        Resource("/api/v1/spaces", {"GET": list_spaces, "POST": create_space}),
        Resource("/api/v1/spaces/{id}", {"GET": get_space, "PATCH": update_space, "DELETE": delete_space}),
    ]
    return build_app(resources, ERRORS, store)
