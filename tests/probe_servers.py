"""Servers for the probe tests: the mocks served in-process, with every request the server receives
recorded."""

from __future__ import annotations

import time
from collections.abc import Callable

from starlette.types import ASGIApp, Receive, Scope, Send

from codegen.registry import Api
from mocks import create_app
from mocks.clients import environment
from mocks.inprocess import SyncASGITransport


def mock_environment(api: Api) -> dict[str, str]:
    """The variables the API's client reads, set to what its mock accepts."""
    return environment(api, "http://mock.test")


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


def mock_server(api: Api, clock: Callable[[], float] = time.monotonic) -> tuple[SyncASGITransport, Recorder]:
    """The API's mock (as ``make mock`` serves it), recorded, behind an in-process transport."""
    recorder = Recorder(create_app(api.name, **api.mock.options), clock)
    return SyncASGITransport(recorder), recorder
