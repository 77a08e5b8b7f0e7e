"""Servers for the probe tests: the mocks (the one place the probe tests name their package) served
in-process, with every request the server receives recorded."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from importlib import import_module
from types import ModuleType
from typing import Any

import httpx
from starlette.types import ASGIApp, Receive, Scope, Send

from codegen.registry import Api

MOCKS = "tests.mocks"
"""Where the mock of API ``<name>`` lives: ``MOCKS.<name>`` with ``create_app()``, ``TOKEN`` and one
constant per client parameter (``org_id`` -> ``ORG_ID``)."""
SEEDS: dict[str, dict[str, Any]] = {"pilfer": {"spaces": 3}}
"""Arguments of a mock's ``create_app`` when its default is empty."""


def mock(api: Api) -> ModuleType:
    return import_module(f"{MOCKS}.{api.name}")


def mock_environment(api: Api) -> dict[str, str]:
    """The variables the API's client reads, set to what its mock accepts."""
    module = mock(api)
    scope = {variable: getattr(module, name.upper()) for name, variable in api.client_parameters.items()}
    return {api.token_env: module.TOKEN, api.base_url_env: "http://mock.test", **scope}


class Recorder:
    """An ASGI app recording the method, path and time (by ``clock``) of each request it passes on."""

    def __init__(self, app: ASGIApp, clock: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        self.clock = clock
        self.requests: list[tuple[str, str]] = []
        self.times: list[float] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            self.requests.append((scope["method"], scope["path"]))
            self.times.append(self.clock())
        await self.app(scope, receive, send)


class InProcess(httpx.BaseTransport):
    """A sync httpx transport into an ASGI app, answering like a network transport (a body stream)."""

    def __init__(self, app: ASGIApp) -> None:
        self._asgi = httpx.ASGITransport(app)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        async def send() -> httpx.Response:
            response = await self._asgi.handle_async_request(request)
            content = await response.aread()
            return httpx.Response(
                response.status_code, headers=response.headers, stream=httpx.ByteStream(content)
            )

        return asyncio.run(send())


def mock_server(api: Api, clock: Callable[[], float] = time.monotonic) -> tuple[InProcess, Recorder]:
    """The API's mock, recorded, behind an in-process transport."""
    recorder = Recorder(mock(api).create_app(**SEEDS.get(api.name, {})), clock)
    return InProcess(recorder), recorder
