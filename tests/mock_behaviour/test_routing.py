"""Routing shared by both mocks: 405 with a correct Allow header, JSON 404 for unknown paths."""

from __future__ import annotations

import pytest

from mocks import lighthouse, pilfer

pytestmark = pytest.mark.anyio
WORKSPACES = f"/lighthouse/orgs/{lighthouse.ORG_ID}/businesses/{lighthouse.BUSINESS_ID}/workspaces"


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("PUT", "/api/v1/spaces", "GET, POST"),
        ("POST", "/api/v1/spaces/abc", "GET, PATCH, DELETE"),
        ("TRACE", "/api/v1/spaces/abc", "GET, PATCH, DELETE"),
    ],
)
async def test_pilfer_unknown_method_is_405_with_allow(pilfer_client, method, path, allow):
    response = await pilfer_client.get_async_httpx_client().request(method, path)
    assert (response.status_code, response.headers["allow"]) == (405, allow)
    assert response.json()["code"] == "method_not_allowed"


@pytest.mark.parametrize(("method", "path"), [("DELETE", WORKSPACES), ("PATCH", WORKSPACES + "/1")])
async def test_lighthouse_unknown_method_is_405_with_allow(lighthouse_client, method, path):
    response = await lighthouse_client.get_async_httpx_client().request(method, path)
    assert (response.status_code, response.headers["allow"]) == (405, "GET")


async def test_unknown_path_is_a_json_404(pilfer_client):
    response = await pilfer_client.get_async_httpx_client().get("/api/v1/spaces/a/b")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


async def test_encoded_slash_stays_inside_the_id(pilfer_client):
    response = await pilfer_client.get_async_httpx_client().get("/api/v1/spaces/a%2Fb")
    assert response.status_code == 404
    assert response.json()["message"] == "Space not found"


async def test_reset_restores_the_seeded_state():
    app = pilfer.create_app(spaces=2)
    store = app.state.store
    before = list(store.spaces)
    store.delete(before[-1])
    store.reset()
    assert list(store.spaces) == before
