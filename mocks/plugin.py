"""The pytest plugin of the testing kit (entry point ``pytest11``): per API of the installed clients
(``mocks.registry``), the fixtures

- ``<name>_mock``: a fresh in-process mock per test (``mocks.api_mock.ApiMock``);
- ``<name>_client`` / ``async_<name>_client``: the generated ``<Name>Client`` / ``Async<Name>Client``
  calling that mock in-process (no socket; the real runtime, retries included, in the path);
- ``<name>_server``: the base URL of that mock served on 127.0.0.1 for the test (stopped after it).
"""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from mocks import create_app
from mocks.api_mock import ApiMock
from mocks.apis import Api
from mocks.clients import client_for
from mocks.registry import apis
from mocks.server import serving_in_thread


def fixtures(served: Api) -> ModuleType:
    """The four fixtures of one API, on a plugin module of its own (pytest collects a module's fixtures)."""
    name = served.name

    @pytest.fixture(name=f"{name}_mock")
    def mock() -> ApiMock:
        return ApiMock(create_app(served))

    @pytest.fixture(name=f"{name}_client")
    def client(request: pytest.FixtureRequest) -> Iterator[Any]:
        with client_for(served, request.getfixturevalue(f"{name}_mock").app) as sync_client:
            yield sync_client

    @pytest.fixture(name=f"async_{name}_client")
    def async_client(request: pytest.FixtureRequest) -> Any:
        return client_for(served, request.getfixturevalue(f"{name}_mock").app, asynchronous=True)

    @pytest.fixture(name=f"{name}_server")
    def server(request: pytest.FixtureRequest) -> Iterator[str]:
        with serving_in_thread(request.getfixturevalue(f"{name}_mock").app) as url:
            yield url

    plugin = ModuleType(f"{__name__}.{name}")
    plugin.__dict__.update(mock=mock, client=client, async_client=async_client, server=server)
    return plugin


def pytest_configure(config: pytest.Config) -> None:
    """Register every API's fixtures."""
    for served in apis():
        config.pluginmanager.register(fixtures(served), f"vendor-clients-{served.name}")
