"""The mocks under uvicorn on an ephemeral loopback port, reached over real TCP by the generated clients."""

from __future__ import annotations

import httpx
import pytest
from lighthouse_client import AuthenticatedClient as LighthouseClient
from lighthouse_client.api.workspaces import list_workspaces
from lighthouse_client.models import WorkspaceListResponse
from pilfer_client import AuthenticatedClient as PilferClient
from pilfer_client.api.spaces import list_spaces
from pilfer_client.models import SpaceListResponse

from mocks import lighthouse, pilfer
from mocks.server import serving_in_thread


def test_pilfer_over_tcp_then_the_server_stops():
    with serving_in_thread(pilfer.create_app(spaces=3)) as url:
        assert url.startswith("http://127.0.0.1:")
        with PilferClient(base_url=url, token=pilfer.TOKEN) as client:
            response = list_spaces.sync_detailed(client=client, limit=2)
        assert isinstance(response.parsed, SpaceListResponse)
        assert len(response.parsed.data) == 2
    with pytest.raises(httpx.ConnectError):
        httpx.get(url + "/api/v1/spaces", timeout=2)


def test_lighthouse_over_tcp():
    with (
        serving_in_thread(lighthouse.create_app(size=30)) as url,
        LighthouseClient(base_url=url, token=lighthouse.TOKEN) as client,
    ):
        response = list_workspaces.sync_detailed(
            lighthouse.ORG_ID, lighthouse.BUSINESS_ID, client=client, page=3, page_size=12
        )
    assert isinstance(response.parsed, WorkspaceListResponse)
    assert (len(response.parsed.data.workspaces), response.parsed.meta.total) == (6, 30)
