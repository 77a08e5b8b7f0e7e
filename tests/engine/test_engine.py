"""The engine serves a spec it has never seen (tasks.yaml) statefully, with no code for it."""

from __future__ import annotations

import uuid

import httpx
import pytest
import yaml

from codegen.registry import apis
from mocks.engine import MockApp
from tests.engine.conftest import BOARD, HERE, TASKS, TASKS_PATH, assert_documented

pytestmark = pytest.mark.anyio
ITEM = "/v2/boards/{boardId}/tasks/{taskId}"
COLLECTION = "/v2/boards/{boardId}/tasks"


async def test_defaults_come_from_the_name():
    assert (TASKS.name, TASKS.mock.token, TASKS.mock.port, TASKS.mock.scope) == (
        "tasks",
        "tasks-test-token",
        4010,
        {},
    )


async def test_create_get_update_replace_list_delete_then_404(client):
    created = await client.post(TASKS_PATH, json={"title": "Write tests", "priority": 2})
    assert created.status_code == 201
    assert_documented(TASKS, COLLECTION, "post", created)
    task = created.json()
    assert uuid.UUID(task["taskId"]).version == 5
    assert task == {"taskId": task["taskId"], "title": "Write tests", "priority": 2, "done": False}
    url = f"{TASKS_PATH}/{task['taskId']}"

    got = await client.get(url)
    assert_documented(TASKS, ITEM, "get", got)
    assert got.json() == task

    edited = await client.patch(url, json={"done": True})
    assert_documented(TASKS, ITEM, "patch", edited)
    assert edited.json() == {**task, "done": True}

    replaced = await client.put(url, json={"title": "Rewritten"})
    assert_documented(TASKS, ITEM, "put", replaced)
    assert replaced.json() == {"taskId": task["taskId"], "title": "Rewritten", "done": False}

    listed = await client.get(TASKS_PATH)
    assert_documented(TASKS, COLLECTION, "get", listed)
    assert listed.json() == {"items": [replaced.json()], "count": 1, "take": 20}

    deleted = await client.delete(url)
    assert (deleted.status_code, deleted.content) == (204, b"")
    assert_documented(TASKS, ITEM, "delete", deleted)
    gone = await client.get(url)
    assert gone.status_code == 404
    assert_documented(TASKS, ITEM, "get", gone)
    assert gone.json() == {"error": "not_found", "detail": "Not Found"}
    assert (await client.get(TASKS_PATH)).json()["count"] == 0


async def test_collections_are_kept_per_parent(client):
    await client.post(TASKS_PATH, json={"title": "here"})
    other = await client.get("/v2/boards/elsewhere/tasks")
    assert other.json()["count"] == 0


async def test_list_honours_x_pagination_and_filters(client):
    ids = []
    for number in range(7):
        response = await client.post(TASKS_PATH, json={"title": f"t{number}", "done": number % 2 == 1})
        ids.append(response.json()["taskId"])
    page = await client.get(TASKS_PATH, params={"skip": 2, "take": 3})
    assert_documented(TASKS, COLLECTION, "get", page)
    body = page.json()
    assert [item["taskId"] for item in body["items"]] == ids[2:5]
    assert (body["count"], body["take"]) == (7, 3)
    done = (await client.get(TASKS_PATH, params={"done": "true", "take": 50})).json()
    assert [item["taskId"] for item in done["items"]] == ids[1::2]
    assert done["count"] == 3
    await client.post(TASKS_PATH, json={"title": "done left out"})  # shown, and filtered, as false
    assert (await client.get(TASKS_PATH, params={"done": "false"})).json()["count"] == 5


async def test_without_the_token_is_401_with_the_apis_error_body(client):
    for method, url in (("GET", TASKS_PATH), ("POST", TASKS_PATH), ("GET", "/v2/stats")):
        response = await client.request(method, url, headers={"Authorization": "Bearer wrong"})
        assert response.status_code == 401
        assert response.json() == {"error": "unauthorized", "detail": "Unauthorized"}


@pytest.mark.parametrize(
    ("method", "url", "body", "field"),
    [
        ("GET", TASKS_PATH + "?take=abc", None, "take"),
        ("GET", TASKS_PATH + "?take=51", None, "take"),
        ("GET", TASKS_PATH + "?done=maybe", None, "done"),
        ("GET", TASKS_PATH + "/not-a-uuid", None, "taskId"),
        ("POST", TASKS_PATH, {"title": ""}, "title"),
        ("POST", TASKS_PATH, {"title": "x", "priority": 9}, "priority"),
        ("POST", TASKS_PATH, {"priority": 1}, "body"),
        ("POST", TASKS_PATH, {"title": "x", "colour": "red"}, "body"),
    ],
)
async def test_invalid_input_is_400_naming_the_field(client, method, url, body, field):
    response = await client.request(method, url, json=body)
    assert response.status_code == 400
    problem = response.json()
    assert problem["error"] == "bad_request"
    assert problem["detail"].startswith(f"{field}: "), problem


async def test_other_operations_answer_their_example_or_a_valid_sample(client):
    status = await client.get("/v2/status", headers={"Authorization": ""})  # security: [] here
    assert (status.status_code, status.json()) == (200, {"state": "up"})
    stats = await client.get("/v2/stats")
    assert_documented(TASKS, "/v2/stats", "get", stats)


async def test_unknown_path_and_method(client):
    missing = await client.get("/v2/nothing")
    assert (missing.status_code, missing.json()["error"]) == (404, "not_found")
    wrong = await client.post("/v2/status")
    assert (wrong.status_code, wrong.headers["allow"]) == (405, "GET")
    assert wrong.json()["error"] == "method_not_allowed"


async def test_reset_forgets_what_was_created(app, client):
    await client.post(TASKS_PATH, json={"title": "temporary"})
    app.state.store.reset()
    assert (await client.get(TASKS_PATH)).json()["count"] == 0
    assert BOARD in TASKS_PATH


async def test_without_x_pagination_the_list_is_found_by_its_items_and_returned_whole(tmp_path):
    # Pilfer's spec without its extension and without its registry entry: items at data, id `_id`.
    spec = yaml.safe_load((HERE.parents[1] / "specs" / "pilfer.yaml").read_text(encoding="utf-8"))
    del spec["paths"]["/api/v1/spaces"]["get"]["x-pagination"]
    (tmp_path / "plain.yaml").write_text(yaml.safe_dump(spec), encoding="utf-8")
    [plain] = apis(specs=tmp_path, pyproject=tmp_path / "no-pyproject.toml")
    headers = {"Authorization": f"Bearer {plain.mock.token}"}
    transport = httpx.ASGITransport(app=MockApp(plain))
    async with httpx.AsyncClient(transport=transport, base_url="http://t", headers=headers) as http:
        created = [(await http.post("/api/v1/spaces", json={"name": f"s{n}"})).json() for n in range(2)]
        listed = (await http.get("/api/v1/spaces", params={"limit": 1})).json()
    seeded = plain.mock.seed
    assert [space["name"] for space in listed["data"][seeded:]] == ["s0", "s1"]
    assert listed["data"][seeded]["_id"] == created[0]["data"]["_id"]
