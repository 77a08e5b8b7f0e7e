from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.workspace_detail_response import WorkspaceDetailResponse
from ...types import Response


def _get_kwargs(
    org_id: str,
    business_id: str,
    id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/lighthouse/orgs/{org_id}/businesses/{business_id}/workspaces/{id}".format(
            org_id=quote(str(org_id), safe=""),
            business_id=quote(str(business_id), safe=""),
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | WorkspaceDetailResponse | None:
    if response.status_code == 200:
        response_200 = WorkspaceDetailResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | WorkspaceDetailResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org_id: str,
    business_id: str,
    id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Error | WorkspaceDetailResponse]:
    """Access Workspace Information

     Returns information about a specific workspace. Returns information about a single workspace.

    Args:
        org_id (str):
        business_id (str):
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WorkspaceDetailResponse]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        business_id=business_id,
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org_id: str,
    business_id: str,
    id: int,
    *,
    client: AuthenticatedClient,
) -> Error | WorkspaceDetailResponse | None:
    """Access Workspace Information

     Returns information about a specific workspace. Returns information about a single workspace.

    Args:
        org_id (str):
        business_id (str):
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WorkspaceDetailResponse
    """

    return sync_detailed(
        org_id=org_id,
        business_id=business_id,
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    org_id: str,
    business_id: str,
    id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Error | WorkspaceDetailResponse]:
    """Access Workspace Information

     Returns information about a specific workspace. Returns information about a single workspace.

    Args:
        org_id (str):
        business_id (str):
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WorkspaceDetailResponse]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        business_id=business_id,
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org_id: str,
    business_id: str,
    id: int,
    *,
    client: AuthenticatedClient,
) -> Error | WorkspaceDetailResponse | None:
    """Access Workspace Information

     Returns information about a specific workspace. Returns information about a single workspace.

    Args:
        org_id (str):
        business_id (str):
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WorkspaceDetailResponse
    """

    return (
        await asyncio_detailed(
            org_id=org_id,
            business_id=business_id,
            id=id,
            client=client,
        )
    ).parsed
