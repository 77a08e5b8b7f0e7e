"""Generated clients wired in-process to fresh mocks (httpx.ASGITransport, async API)."""

from __future__ import annotations

import httpx
import pytest
from lighthouse_client import AuthenticatedClient as LighthouseClient
from pilfer_client import AuthenticatedClient as PilferClient

from mocks import lighthouse, pilfer

SEEDED_SPACES = 6


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def pilfer_client() -> PilferClient:
    transport = httpx.ASGITransport(app=pilfer.create_app(spaces=SEEDED_SPACES))
    return PilferClient(
        base_url="http://pilfer.mock", token=pilfer.TOKEN, httpx_args={"transport": transport}
    )


@pytest.fixture
def lighthouse_client() -> LighthouseClient:
    transport = httpx.ASGITransport(app=lighthouse.create_app())
    return LighthouseClient(
        base_url="http://lighthouse.mock", token=lighthouse.TOKEN, httpx_args={"transport": transport}
    )
