"""The engine on the shapes of real documents (tests/fixtures/any_spec): each security scheme checked the
way a client sends it, ids of create bodies, trailing slashes, text that is not Unicode."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
from schemathesis.config import SchemathesisConfig

from mocks.auth import basic_login
from mocks.clients import environment
from mocks.contract import settings
from mocks.engine import MockApp
from tests.engine.conftest import FIXTURES

pytestmark = pytest.mark.anyio
SHELF, PETS, VAULT = FIXTURES["shelf"], FIXTURES["pets"], FIXTURES["vault"]
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
    ],
)
async def test_a_lone_surrogate_is_a_400_naming_the_field_and_nothing_is_stored(content, field):
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
