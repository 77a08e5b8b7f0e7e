"""Section 2: the cost of one 100-item list call through an in-process transport, as ratios to raw httpx."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
from lighthouse_client import AuthenticatedClient
from lighthouse_client.api.workspaces import list_workspaces
from lighthouse_client.models import WorkspaceListResponse as AttrsListResponse
from lighthouse_models import WorkspaceListResponse as PydanticListResponse

from benchmarks.harness import Figure, calls_per_repeat, median_seconds

BASE_URL = "https://api.piercloud.io"
PATH = "/lighthouse/orgs/org/businesses/biz/workspaces"
TOKEN = "bench-token"


def list_body(items: int = 100) -> bytes:
    """A listWorkspaces 200 body with items workspaces shaped like the vendor page's example."""
    workspaces = [
        {
            "id": i,
            "name": f"Workspace {i}",
            "description": None if i % 2 else f"Description {i}",
            "access_scope": "public",
            "created_at": f"2022-01-01T00:{i // 60 % 60:02d}:{i % 60:02d}.941Z",
            "workspace_group_id": "6f1c2a4e-0000-4000-8000-000000000001",
            "count_views": i % 7,
        }
        for i in range(items)
    ]
    meta = {"total": items, "page": 1, "pageSize": items, "sortBy": {"field": "created_at", "order": "ASC"}}
    return json.dumps({"code": "success", "data": {"workspaces": workspaces}, "meta": meta}).encode()


def transport(body: bytes) -> httpx.MockTransport:
    """An in-process transport that answers every request with body."""
    headers = {"content-type": "application/json"}
    return httpx.MockTransport(lambda _: httpx.Response(200, content=body, headers=headers))


def contenders(body: bytes) -> dict[str, Callable[[], object]]:
    """name -> one list call, each fetching and parsing the same body."""
    raw = httpx.Client(
        base_url=BASE_URL, transport=transport(body), headers={"Authorization": f"Bearer {TOKEN}"}
    )
    generated = AuthenticatedClient(BASE_URL, token=TOKEN, httpx_args={"transport": transport(body)})
    decoded = json.loads(body)

    def floor() -> object:
        return json.loads(raw.get(PATH, params={"page": 1, "page_size": 100}).content)

    def generated_client() -> object:
        return list_workspaces.sync_detailed("org", "biz", client=generated, page_size=100).parsed

    def pydantic_models() -> object:
        return PydanticListResponse.model_validate_json(
            raw.get(PATH, params={"page": 1, "page_size": 100}).content
        )

    return {
        "raw httpx + json.loads (floor)": floor,
        "generated client (attrs)": generated_client,
        "httpx + pydantic models": pydantic_models,
        "attrs from_dict alone (no HTTP)": lambda: AttrsListResponse.from_dict(decoded),
    }


def run(smoke: bool) -> list[Figure]:
    """Median per-call time of each contender and its ratio to the floor."""
    body = list_body()
    calls = contenders(body)
    repeats = 1 if smoke else 15
    seconds = {}
    for name, fn in calls.items():
        number = 1 if smoke else calls_per_repeat(fn)
        seconds[name] = median_seconds(fn, repeats=repeats, number=number)
    floor = seconds["raw httpx + json.loads (floor)"]
    figures = [Figure("call cost", "floor: raw httpx + json.loads, 100 items", floor * 1e6, "us/call")]
    figures += [
        Figure("call cost", name, s / floor, "x floor") for name, s in seconds.items() if s is not floor
    ]
    return figures
