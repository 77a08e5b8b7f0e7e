"""Generated clients wired to the mocks (``mocks.clients``), typed, with a retry policy that never sleeps."""

from __future__ import annotations

from typing import Any

from lighthouse_client import AsyncLighthouseClient, LighthouseClient
from pilfer_client import AsyncPilferClient, PilferClient
from starlette.types import ASGIApp

from mocks.clients import MOCK_URL, AsyncWrap, client_for

from .fakes import Sleeps, policy


def wired(name: str, app: ASGIApp | None, **options: Any) -> Any:
    return client_for(name, app, retry=policy(Sleeps()), **options)


def pilfer_client(app: ASGIApp | None = None, base_url: str = MOCK_URL, **options: Any) -> PilferClient:
    client: PilferClient = wired("pilfer", app, base_url=base_url, **options)
    return client


def lighthouse_client(app: ASGIApp | None = None, base_url: str = MOCK_URL) -> LighthouseClient:
    client: LighthouseClient = wired("lighthouse", app, base_url=base_url)
    return client


def async_pilfer_client(app: ASGIApp) -> AsyncPilferClient:
    client: AsyncPilferClient = wired("pilfer", app, asynchronous=True)
    return client


def async_lighthouse_client(app: ASGIApp, wrap: AsyncWrap | None = None) -> AsyncLighthouseClient:
    """An async client on ``app``; ``wrap`` may put a transport around the ASGI one (latency, faults)."""
    client: AsyncLighthouseClient = wired("lighthouse", app, asynchronous=True, wrap=wrap)
    return client
