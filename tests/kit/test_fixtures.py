"""The pytest plugin's fixtures: one set per API of the registry, wired in-process or over loopback."""

from __future__ import annotations

import asyncio
import importlib

import httpx
import pytest

from codegen.registry import Api, apis
from mocks.api_mock import ApiMock

APIS = apis()


@pytest.mark.parametrize("api", APIS, ids=lambda api: api.name)
def test_every_api_has_its_fixtures_of_the_generated_types(api: Api, request):
    package = importlib.import_module(api.client_package)
    mock = request.getfixturevalue(f"{api.name}_mock")
    assert isinstance(mock, ApiMock)
    assert mock.api.name == api.name
    assert type(request.getfixturevalue(f"{api.name}_client")) is getattr(package, f"{api.title}Client")
    async_client = request.getfixturevalue(f"async_{api.name}_client")
    assert type(async_client) is getattr(package, f"Async{api.title}Client")
    url = request.getfixturevalue(f"{api.name}_server")
    assert url.startswith("http://127.0.0.1:")
    assert httpx.get(f"{url}/no/such/path").status_code == 404
    assert [call.status for call in mock.calls] == [404]


def test_each_test_gets_a_fresh_mock_and_the_clients_call_it(pilfer_mock, pilfer_client):
    assert pilfer_mock.seed(spaces=[{"name": "Kept"}])["spaces"][0]["name"] == "Kept"
    assert [space.name for space in pilfer_client.list_spaces().data] == ["Kept"]


def test_the_next_test_does_not_see_it(pilfer_client):
    assert pilfer_client.list_spaces().data == []


def test_the_async_client_calls_the_same_mock(pilfer_mock, async_pilfer_client):
    created = asyncio.run(async_pilfer_client.create_space(name="Async"))
    assert [item["_id"] for item in pilfer_mock.items("spaces")][-1] == created.id


def test_seeding_checks_items_against_the_create_body(pilfer_mock):
    with pytest.raises(ValueError, match="createSpace: name"):
        pilfer_mock.seed(spaces=[{"name": ""}])
    with pytest.raises(ValueError, match="no collection 'rooms'"):
        pilfer_mock.seed(rooms=[{}])
