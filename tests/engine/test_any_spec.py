"""The engine on the shapes of real documents (tests/fixtures/any_spec): each security scheme checked the
way a client sends it, ids of create bodies, trailing slashes, text that is not Unicode."""

from __future__ import annotations

import base64
import re
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import jsonschema_rs
import pytest
from schemathesis.config import SchemathesisConfig

from mocks import served_apis
from mocks.auth import basic_login
from mocks.clients import environment
from mocks.contract import settings
from mocks.engine import MAX_DEPTH, MockApp, error_body
from mocks.spec import bounded
from mocks.values import sample
from tests.engine.conftest import FIXTURES, HERE

pytestmark = pytest.mark.anyio
SHELF, PETS, VAULT, NOTES = (FIXTURES[name] for name in ("shelf", "pets", "vault", "notes"))
KEY = {"api_key": PETS.mock.token}


@asynccontextmanager
async def mock(name: str) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=MockApp(FIXTURES[name]))
    async with httpx.AsyncClient(transport=transport, base_url="http://mock.test") as http:
        yield http


def basic(username: str, password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()}


async def test_an_api_key_in_the_query_is_the_token_and_nothing_else_is():
    async with mock("pets") as http:
        assert (await http.get("/pets", params=KEY)).status_code == 200
        assert (await http.get("/pets")).status_code == 401
        assert (await http.get("/pets", params={"api_key": "wrong"})).status_code == 401
        bearer = {"Authorization": f"Bearer {PETS.mock.token}"}  # not a scheme of this spec
        assert (await http.get("/pets", headers=bearer)).status_code == 401
        assert (await http.get("/pets", headers={"api_key": PETS.mock.token})).status_code == 401


async def test_basic_auth_is_the_apis_name_and_token():
    assert basic_login(VAULT) == ("vault", VAULT.mock.token)
    async with mock("vault") as http:
        assert (await http.get("/secrets", headers=basic(*basic_login(VAULT)))).json() == ["alpha", "beta"]
        for wrong in (basic("vault", "wrong"), basic("other", VAULT.mock.token)):
            assert (await http.get("/secrets", headers=wrong)).status_code == 401
        bearer = {"Authorization": f"Bearer {VAULT.mock.token}"}
        assert (await http.get("/secrets", headers=bearer)).status_code == 401


async def test_an_api_key_in_a_cookie_is_read_from_the_cookie_only():
    async with mock("vault") as http:
        cookie = {"Cookie": f"theme=dark; session={VAULT.mock.token}"}
        assert (await http.get("/session", headers=cookie)).status_code == 200
        assert (await http.get("/session", params={"session": VAULT.mock.token})).status_code == 401
        assert (await http.get("/session", headers=basic(*basic_login(VAULT)))).status_code == 401


async def test_security_empty_and_no_security_are_open():
    async with mock("vault") as http:
        assert (await http.get("/health")).status_code == 200
    async with mock("shelf") as http:
        assert (await http.get("/books/")).status_code == 200


async def test_trailing_slash_paths_route_as_written_and_make_a_resource():
    async with mock("shelf") as http:
        created = await http.post("/books/", json={"title": "Dune"})
        assert created.status_code == 201
        book = created.json()
        assert (await http.get(f"/books/{book['id']}/")).json() == book
        assert (await http.get("/books")).status_code == 404
        assert (await http.delete(f"/books/{book['id']}/")).status_code == 204
        assert (await http.get(f"/books/{book['id']}/")).status_code == 404


async def test_a_list_filtered_by_an_array_is_its_page_until_the_collection_changes():
    async with mock("shelf") as http:
        for title, genres in (("Dune", ["sf"]), ("Emma", ["classic"]), ("Solaris", ["sf", "classic"])):
            assert (await http.post("/books/", json={"title": title, "genres": genres})).status_code == 201
        sf = await http.get("/books/", params={"genres": ["sf"]})
        assert [book["title"] for book in sf.json()] == ["Dune"]
        both = await http.get("/books/", params={"genres": ["sf", "classic"]})
        assert [book["title"] for book in both.json()] == ["Solaris"]
        assert (await http.get("/books/", params={"genres": ["sf"]})).json() == sf.json()  # kept
        await http.post("/books/", json={"title": "Hyperion", "genres": ["sf"]})
        again = await http.get("/books/", params={"genres": ["sf"]})
        assert [book["title"] for book in again.json()] == ["Dune", "Hyperion"]  # not the kept page
        await http.delete(f"/books/{sf.json()[0]['id']}/")
        assert [book["title"] for book in (await http.get("/books/", params={"genres": ["sf"]})).json()] == [
            "Hyperion"
        ]


async def test_an_id_in_the_create_body_does_not_break_delete():
    async with mock("pets") as http:
        created = (await http.post("/pets", params=KEY, json={"id": 10, "name": "Rex"})).json()
        assert (await http.get(f"/pets/{created['id']}", params=KEY)).json() == created
        deleted = await http.delete(f"/pets/{created['id']}", params=KEY)
        assert deleted.status_code == 204
        assert (await http.get(f"/pets/{created['id']}", params=KEY)).status_code == 404
        assert created not in (await http.get("/pets", params=KEY)).json()


@pytest.mark.parametrize(
    ("content", "field"),
    [
        (b'{"id": 1, "name": "\\ud800"}', "name"),
        (b'{"id": 1, "name": "Rex", "tag": "a\\udfffb"}', "tag"),
        (b'{"id": 1, "name": "Rex", "\\ud800": 1}', "body"),
        (b'{"id": 1, "name": "Rex", "tag": ' + b"[" * MAX_DEPTH + b"]" * MAX_DEPTH + b"}", "body"),
    ],
)
async def test_a_lone_surrogate_or_deep_nesting_is_a_400_and_nothing_is_stored(content, field):
    async with mock("pets") as http:
        stored = (await http.get("/pets", params=KEY)).json()
        headers = {"Content-Type": "application/json"}
        response = await http.post("/pets", params=KEY, content=content, headers=headers)
        assert response.status_code == 400
        assert response.json()["message"].startswith(f"{field}: "), response.json()
        assert (await http.get("/pets", params=KEY)).json() == stored


def test_fuzz_settings_send_each_scheme_as_the_mock_checks_it():
    by_title = {project["title"]: project for project in settings(list(FIXTURES.values()))["project"]}
    assert "auth" not in by_title[SHELF.spec["info"]["title"]]
    assert by_title[PETS.spec["info"]["title"]]["auth"] == {
        "openapi": {"queryKey": {"api_key": PETS.mock.token}}
    }
    assert by_title[VAULT.spec["info"]["title"]]["auth"] == {
        "openapi": {
            "basicAuth": {"username": "vault", "password": VAULT.mock.token},
            "sessionCookie": {"api_key": VAULT.mock.token},
        }
    }
    SchemathesisConfig.from_dict(settings(list(FIXTURES.values())))  # no ConfigError for the open spec


def test_make_mock_exports_the_basic_login_of_a_spec_with_basic_auth():
    assert environment(VAULT, "http://127.0.0.1:1") == {
        "VAULT_TOKEN": VAULT.mock.token,
        "VAULT_BASE_URL": "http://127.0.0.1:1",
        "VAULT_USERNAME": "vault",
        "VAULT_PASSWORD": VAULT.mock.token,
    }
    assert "PETS_USERNAME" not in environment(PETS, "http://127.0.0.1:1")


async def test_ids_match_the_id_parameters_pattern_and_the_item_is_found():
    async with mock("notes") as http:
        note = (await http.post("/notes", json={"text": "a"})).json()
        assert re.fullmatch("n_[0-9]+", note["note_id"]), note
        assert (await http.get(f"/notes/{note['note_id']}")).json() == note
        listed = (await http.get("/notes")).json()
        assert all(re.fullmatch("n_[0-9]+", row["note_id"]) for row in listed)  # seeded ones too


@pytest.mark.parametrize(
    ("url", "params", "status", "field"),
    [
        ("/notes", {"cursor": str(1 << 63)}, 422, "cursor"),
        ("/notes", {"since": "yesterday"}, 422, "since"),
        ("/notes", {"tag": "A1"}, 422, "tag"),
        ("/notes/x_1", {}, 400, "note_id"),  # answered as the spec's `default` response
        ("/days/2022-02-30", {}, 400, "day"),
        ("/days/2022-02-03", {"count": str(1 << 31)}, 400, "count"),
    ],
)
async def test_formats_ranges_and_patterns_are_the_operations_own_4xx(url, params, status, field):
    async with mock("notes") as http:
        response = await http.get(url, params=params)
    assert response.status_code == status
    body = response.json()
    assert body["code"] == status  # the spec's error code is an integer
    assert body["message"].startswith(f"{field}: "), body


async def test_an_undocumented_status_is_answered_with_a_documented_one():
    async with mock("notes") as http:
        response = await http.delete("/notes/n_99")
        assert (response.status_code, response.json()["code"]) == (404, 404)
        response = await http.post("/notes", json={})  # 400 is not documented: 422 is
        assert response.status_code == 422


async def test_a_2xx_range_is_a_200_with_its_content_and_required_headers():
    async with mock("notes") as http:
        response = await http.get("/notes")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert uuid.UUID(response.headers["x-request-id"])
    assert int(response.headers["x-total"]) >= 0
    assert len(response.json()) == NOTES.mock.seed


async def test_a_text_response_is_sent_as_text():
    async with mock("notes") as http:
        response = await http.get("/days/2022-02-03")
    assert (response.status_code, response.headers["content-type"]) == (200, "text/plain")
    assert response.text == "nothing planned"


async def test_a_full_collection_refuses_creates_with_the_specs_4xx_or_507():
    async with mock("notes") as http:
        for _ in range(NOTES.spec["x-max-items"] - NOTES.mock.seed):
            assert (await http.post("/notes", json={"text": "a"})).status_code == 201
        full = await http.post("/notes", json={"text": "a"})
        assert full.status_code == 409
        assert (
            full.json()["message"]
            == f"/notes: holds at most {NOTES.spec['x-max-items']} items; delete some first"
        )
        for _ in range(NOTES.spec["x-max-items"] - NOTES.mock.seed):
            assert (await http.post("/tags")).status_code == 201
        full = await http.post("/tags")  # its operation documents no 4xx
        assert (full.status_code, full.json()["code"]) == (507, 507)
    transport = httpx.ASGITransport(app=MockApp(SHELF, max_items=SHELF.mock.seed + 1))
    async with httpx.AsyncClient(transport=transport, base_url="http://mock.test") as http:
        assert (await http.post("/books/", json={"title": "A"})).status_code == 201
        assert (await http.post("/books/", json={"title": "B"})).status_code == 400  # its only 4xx


MEDIA = {served.name: served for served in served_apis(HERE.parent / "fixtures" / "media")}


@pytest.mark.parametrize(
    ("request_options", "status", "message"),
    [
        ({"data": {"to": "a@example.com", "count": "2", "tags": ["x", "y"]}}, 200, None),
        ({"data": {"to": "a@example.com", "count": "0"}}, 400, "count: 0 is less than the minimum of 1"),
        (
            {"data": {"to": "a@example.com", "count": ["1", "1"]}},
            400,
            "count: sent 2 times, but it takes one",
        ),
        ({"data": {"to": "a@example.com", "count": "1"}, "files": {"attachment": b"\x00\xff"}}, 200, None),
        ({"data": {"to": "nobody", "count": "1"}, "files": {"attachment": b"x"}}, 400, 'to: "nobody" is not'),
        (
            {"content": b"<a/>", "headers": {"Content-Type": "application/xml"}},
            400,
            "body: Content-Type must",
        ),
        (  # an empty form is a form without fields, not a missing body
            {"content": b"", "headers": {"Content-Type": "application/x-www-form-urlencoded"}},
            400,
            'body: "to" is a required property',
        ),
        ({}, 400, "body: required"),
    ],
)
async def test_form_and_multipart_bodies_are_read_and_validated(request_options, status, message):
    transport = httpx.ASGITransport(app=MockApp(MEDIA["forms"]))
    async with httpx.AsyncClient(transport=transport, base_url="http://mock.test") as http:
        response = await http.post("/messages", **request_options)
    assert response.status_code == status, response.text
    if message is not None:
        assert response.json()["message"].startswith(message)


@pytest.mark.parametrize(
    ("content", "media_type", "status"),
    [
        (b"short", "text/plain", 204),
        (b"far too long a note", "text/plain", 400),
        (b"\xff\xfe", "text/plain", 400),
        (b"\x00\x01\xff", "application/octet-stream", 204),
    ],
)
async def test_text_and_binary_bodies_are_read_as_their_media_type(content, media_type, status):
    transport = httpx.ASGITransport(app=MockApp(MEDIA["forms"]))
    async with httpx.AsyncClient(transport=transport, base_url="http://mock.test") as http:
        response = await http.post("/notes", content=content, headers={"Content-Type": media_type})
    assert response.status_code == status, response.text


def test_a_default_or_example_of_the_wrong_type_is_not_a_sample():
    assert sample({"type": "string", "default": "kept"}) == "kept"
    assert isinstance(sample({"type": "string", "default": 1}), str)
    assert isinstance(sample({"type": "integer", "example": "7"}), int)
    assert sample({"type": "integer", "default": True}) is not True  # a boolean is no JSON integer
    assert sample({"type": ["string", "null"], "example": None}) is None


async def test_an_object_query_parameter_is_read_from_its_exploded_keys():
    async with mock("finder") as http:
        found = await http.get("/search", params={"tag": "a", "min": "1", "since": "null"})
        assert (found.status_code, found.text) != (400, "")
        assert found.status_code == 200
        checks = [  # each property against the object's schema, a nullable format
            ({"tag": "a", "min": "-1", "since": "null"}, 400),
            ({"since": "null"}, 200),  # a required object without any of its keys is {}
            ({"tag": "a", "since": "2022-01-01T00:00:00Z"}, 200),
            ({"tag": "a", "since": "later"}, 400),
            ({"tag": "a", "since": "null", "color": "red"}, 400),  # not a property of the closed object
            ({"since": "null", "size": "3"}, 200),  # a union's members' types: an integer
            ({"since": "null", "size": "all"}, 200),
            ({"since": "null", "size": "9"}, 400),
        ]
        for params, status in checks:
            assert (await http.get("/search", params=params)).status_code == status, params


async def test_a_multipart_body_of_only_its_closing_delimiter_has_no_fields():
    headers = {"Content-Type": "multipart/form-data; boundary=b0"}
    async with mock("finder") as http:
        assert (await http.post("/notes", content=b"--b0--\r\n", headers=headers)).status_code == 204
        assert (await http.post("/notes", content=b"--b1--\r\n", headers=headers)).status_code == 400


async def test_a_cookie_parameter_is_read_from_the_cookie_header_and_checked():
    async with mock("finder") as http:
        assert (await http.get("/theme", headers={"Cookie": "a=1; theme=dark"})).status_code == 200
        for sent in ({}, {"Cookie": "theme=blue"}, {"Cookie": "a=1"}):
            assert (await http.get("/theme", headers=sent)).status_code == 400, sent
        assert (await http.get("/theme", params={"theme": "dark"})).status_code == 400  # not a cookie


async def test_a_multipart_part_of_an_object_property_is_json():
    async with mock("finder") as http:
        for meta, status in (('{"n": 1}', 204), ('{"n": "x"}', 400), ("n=1", 400)):
            sent = await http.post("/notes", files={"meta": (None, meta, "application/json")})
            assert sent.status_code == status, meta


async def test_a_multipart_part_of_json_is_the_value_it_holds():
    async with mock("finder") as http:
        for rows, status in (("[[1, 2], [3]]", 204), ('[["x"]]', 400), ("[1]", 400)):
            sent = await http.post("/notes", files={"rows": (None, rows, "application/json")})
            assert sent.status_code == status, rows
        two = [("rows", (None, "[1]", "application/json")), ("rows", (None, "[2, 3]", "application/json"))]
        assert (await http.post("/notes", files=two)).status_code == 204  # a JSON part per item


@pytest.mark.parametrize(
    "schema",
    [
        {"oneOf": [{"type": "object"}, {"type": "object", "additionalProperties": False}]},  # {} fits both
        {"oneOf": [{}, {"type": "object"}]},  # any object fits both
        {"oneOf": [{"type": "string"}, {"type": "integer"}]},
    ],
)
def test_a_sample_of_a_one_of_fits_exactly_one_member(schema):
    value = sample(schema)
    assert sum(jsonschema_rs.is_valid(member, value) for member in schema["oneOf"]) == 1, value


def test_openapi_30_nullable_takes_null_and_a_property_named_nullable_is_kept():
    assert bounded({"type": "string", "nullable": True}) == {"type": ["string", "null"]}
    assert bounded({"enum": ["a"], "nullable": True}) == {"anyOf": [{"type": "null"}, {"enum": ["a", None]}]}
    named = {"type": "object", "properties": {"nullable": {"type": "integer"}}, "required": ["nullable"]}
    assert bounded(named) == named


def test_an_error_shape_without_code_or_message_still_says_why():
    assert error_body({}, 400, "body: not valid", documented=False) == {"message": "body: not valid"}
    assert error_body({"code": 0}, 404, None, documented=False) == {"code": 404}
    assert error_body({}, 400, "body: not valid", documented=True) == {}


async def test_an_integer_id_is_found_through_a_path_parameter_typed_as_a_string():
    async with mock("kennel") as http:
        listed = (await http.get("/dogs")).json()
        assert listed
        for dog in listed:
            assert (await http.get(f"/dogs/{dog['id']}")).json() == dog
        assert (await http.get("/dogs/0")).status_code == 404


async def test_an_item_whose_id_is_declared_in_an_all_of_is_a_stored_resource():
    [served] = served_apis(HERE.parent / "fixtures" / "all_of")
    transport = httpx.ASGITransport(app=MockApp(served))
    async with httpx.AsyncClient(transport=transport, base_url="http://mock.test") as http:
        made = (await http.post("/burrows", json={"name": "Under the oak"})).json()
        assert made == {"name": "Under the oak", "id": made["id"]}
        assert (await http.get(f"/burrows/{made['id']}")).json() == made
        assert (await http.get("/burrows")).json()[-1] == made  # after the seeded burrows
        assert (await http.get(f"/burrows/{made['id'] + 1}")).status_code == 404
