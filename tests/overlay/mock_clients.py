"""Overlay clients wired to the mocks (tests/mocks): in-process through ASGI, or over loopback TCP."""

from __future__ import annotations

from collections.abc import Callable

import httpx
from starlette.applications import Starlette
from vendor_clients import (
    AsyncLighthouseClient,
    AsyncPilferClient,
    LighthouseClient,
    PilferClient,
    RetryPolicy,
)

from mocks import lighthouse as lighthouse_mock
from mocks import pilfer as pilfer_mock
from mocks.inprocess import SyncASGITransport

from .fakes import Sleeps, policy

MOCK_URL = "http://mock.test"


def retry() -> RetryPolicy:
    return policy(Sleeps())


def pilfer_client(
    app: Starlette | None = None, base_url: str = MOCK_URL, token: str = pilfer_mock.TOKEN
) -> PilferClient:
    transport = SyncASGITransport(app) if app is not None else None
    return PilferClient(token, base_url=base_url, transport=transport, retry=retry())


def lighthouse_client(app: Starlette | None = None, base_url: str = MOCK_URL) -> LighthouseClient:
    transport = SyncASGITransport(app) if app is not None else None
    return LighthouseClient(
        lighthouse_mock.TOKEN,
        org_id=lighthouse_mock.ORG_ID,
        business_id=lighthouse_mock.BUSINESS_ID,
        base_url=base_url,
        transport=transport,
        retry=retry(),
    )


def async_pilfer_client(app: Starlette) -> AsyncPilferClient:
    transport = httpx.ASGITransport(app)
    return AsyncPilferClient(pilfer_mock.TOKEN, base_url=MOCK_URL, transport=transport, retry=retry())


def async_lighthouse_client(
    app: Starlette, wrap: Callable[[httpx.AsyncBaseTransport], httpx.AsyncBaseTransport] | None = None
) -> AsyncLighthouseClient:
    """An async client on ``app``; ``wrap`` may put a transport around the ASGI one (latency, faults)."""
    transport: httpx.AsyncBaseTransport = httpx.ASGITransport(app)
    if wrap is not None:
        transport = wrap(transport)
    return AsyncLighthouseClient(
        lighthouse_mock.TOKEN,
        org_id=lighthouse_mock.ORG_ID,
        business_id=lighthouse_mock.BUSINESS_ID,
        base_url=MOCK_URL,
        transport=transport,
        retry=retry(),
    )
