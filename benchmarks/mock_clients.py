"""Overlay clients wired in-process to the mocks, for the benchmarks that time the clients."""

from __future__ import annotations

from collections.abc import Callable

import httpx
from starlette.applications import Starlette
from vendor_clients import AsyncLighthouseClient, LighthouseClient, PilferClient

from mocks import lighthouse, pilfer
from mocks.inprocess import SyncASGITransport

MOCK_URL = "http://mock.test"


def pilfer_client(app: Starlette) -> PilferClient:
    return PilferClient(pilfer.TOKEN, base_url=MOCK_URL, transport=SyncASGITransport(app))


def lighthouse_client(app: Starlette) -> LighthouseClient:
    return LighthouseClient(
        lighthouse.TOKEN,
        org_id=lighthouse.ORG_ID,
        business_id=lighthouse.BUSINESS_ID,
        base_url=MOCK_URL,
        transport=SyncASGITransport(app),
    )


def async_lighthouse_client(
    app: Starlette, wrap: Callable[[httpx.AsyncBaseTransport], httpx.AsyncBaseTransport]
) -> AsyncLighthouseClient:
    """An async client on ``app`` with ``wrap`` around the ASGI transport (latency)."""
    transport = wrap(httpx.ASGITransport(app))
    return AsyncLighthouseClient(
        lighthouse.TOKEN,
        org_id=lighthouse.ORG_ID,
        business_id=lighthouse.BUSINESS_ID,
        base_url=MOCK_URL,
        transport=transport,
    )
