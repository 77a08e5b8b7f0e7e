"""Section 2: the cost of one 100-item list call through an in-process transport, as ratios to raw httpx."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import lighthouse_client
import lighthouse_models
import pilfer_client
import pilfer_models
from lighthouse_client import LighthouseClient
from lighthouse_client import models as lighthouse_attrs
from lighthouse_client.api.workspaces import list_workspaces
from pilfer_client import PilferClient
from pilfer_client import models as pilfer_attrs
from pilfer_client.api.spaces import list_spaces

from benchmarks.harness import Figure, calls_per_repeat, interleaved_ratio, median_seconds

TOKEN = "bench-token"
ITEMS = 100


def workspace(i: int) -> dict[str, Any]:
    """A workspace shaped like the vendor page's example."""
    return {
        "id": i,
        "name": f"Workspace {i}",
        "description": None if i % 2 else f"Description {i}",
        "access_scope": "public",
        "created_at": f"2022-01-01T00:{i // 60 % 60:02d}:{i % 60:02d}.941Z",
        "workspace_group_id": "6f1c2a4e-0000-4000-8000-000000000001",
        "count_views": i % 7,
    }


def space(i: int) -> dict[str, Any]:
    """A space shaped like the vendor page's example."""
    return {
        "_id": f"jd7{i:029d}",
        "name": f"Space {i}",
        "projectId": "p1",
        "status": "Draft",
        "priority": "low",
    }


@dataclass(frozen=True)
class Api:
    """One API's list call, made each way."""

    name: str
    base_url: str
    path: str
    params: dict[str, Any]
    body: bytes
    generated: Callable[[httpx.MockTransport], Callable[[], object]]
    overlay: Callable[[httpx.MockTransport], Callable[[], object]]
    pydantic_model: Any
    attrs_model: Any


def lighthouse_api() -> Api:
    meta = {"total": ITEMS, "page": 1, "pageSize": ITEMS, "sortBy": {"field": "created_at", "order": "ASC"}}
    body = {"code": "success", "data": {"workspaces": [workspace(i) for i in range(ITEMS)]}, "meta": meta}
    base_url = "https://api.piercloud.io"

    def generated(transport: httpx.MockTransport) -> Callable[[], object]:
        client = lighthouse_client.AuthenticatedClient(
            base_url, token=TOKEN, httpx_args={"transport": transport}
        )
        return lambda: list_workspaces.sync_detailed("org", "biz", client=client, page_size=ITEMS).parsed

    def overlay(transport: httpx.MockTransport) -> Callable[[], object]:
        client = LighthouseClient(
            TOKEN, org_id="org", business_id="biz", base_url=base_url, transport=transport
        )
        return lambda: client.list_workspaces(page_size=ITEMS)

    return Api(
        "lighthouse",
        base_url,
        "/lighthouse/orgs/org/businesses/biz/workspaces",
        {"page": 1, "page_size": ITEMS},
        json.dumps(body).encode(),
        generated,
        overlay,
        lighthouse_models.WorkspaceListResponse,
        lighthouse_attrs.WorkspaceListResponse,
    )


def pilfer_api() -> Api:
    body = {"data": [space(i) for i in range(ITEMS)]}
    base_url = "https://api.getpilfer.com"

    def generated(transport: httpx.MockTransport) -> Callable[[], object]:
        client = pilfer_client.AuthenticatedClient(base_url, token=TOKEN, httpx_args={"transport": transport})
        return lambda: list_spaces.sync_detailed(client=client, limit=ITEMS).parsed

    def overlay(transport: httpx.MockTransport) -> Callable[[], object]:
        client = PilferClient(TOKEN, base_url=base_url, transport=transport)
        return lambda: client.list_spaces(limit=ITEMS)

    return Api(
        "pilfer",
        base_url,
        "/api/v1/spaces",
        {"limit": ITEMS, "offset": 0},
        json.dumps(body).encode(),
        generated,
        overlay,
        pilfer_models.SpaceListResponse,
        pilfer_attrs.SpaceListResponse,
    )


def transport(body: bytes) -> httpx.MockTransport:
    """An in-process transport that answers every request with body."""
    headers = {"content-type": "application/json"}
    return httpx.MockTransport(lambda _: httpx.Response(200, content=body, headers=headers))


def contenders(api: Api) -> dict[str, Callable[[], object]]:
    """label -> one list call; every contender fetches and parses the same body (the last parses only)."""
    raw = httpx.Client(
        base_url=api.base_url, transport=transport(api.body), headers={"Authorization": f"Bearer {TOKEN}"}
    )
    decoded = json.loads(api.body)
    return {
        "floor": lambda: json.loads(raw.get(api.path, params=api.params).content),
        "generated attrs client": api.generated(transport(api.body)),
        "overlay (vendor_clients)": api.overlay(transport(api.body)),
        "httpx + generated pydantic model": lambda: api.pydantic_model.model_validate_json(
            raw.get(api.path, params=api.params).content
        ),
        "attrs from_dict alone, no HTTP": lambda: api.attrs_model.from_dict(decoded),
    }


def run(smoke: bool) -> list[Figure]:
    """Each contender's per-call time as a ratio to raw httpx + json.loads (the floor), measured
    interleaved with the floor (median of the rounds' ratios, with its spread)."""
    figures = []
    for api in (lighthouse_api(), pilfer_api()):
        calls = contenders(api)
        floor = calls.pop("floor")
        number = 1 if smoke else calls_per_repeat(floor, budget=0.02)
        seconds = median_seconds(floor, repeats=1 if smoke else 15, number=number)
        figures.append(Figure("call cost", f"{api.name}: floor, raw httpx + json.loads", seconds * 1e6, "us"))
        for label, call in calls.items():
            ratio, spread = interleaved_ratio(call, floor, rounds=3 if smoke else 41, number=number)
            target, met = ("<= 1.2", ratio <= 1.2) if label.startswith("overlay") else ("", None)
            figures.append(Figure("call cost", f"{api.name}: {label}", ratio, "x floor", target, met))
            figures.append(Figure("call cost", f"{api.name}: {label}, spread", spread * 100, "± %"))
    return figures
