from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.space_list_response import SpaceListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    organization_id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    include: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["organizationId"] = organization_id

    params["projectId"] = project_id

    params["include"] = include

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/spaces",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | SpaceListResponse | None:
    if response.status_code == 200:
        response_200 = SpaceListResponse.from_dict(response.json())

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | SpaceListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    organization_id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    include: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = 0,
) -> Response[Error | SpaceListResponse]:
    """List spaces

     Lists the spaces visible to the token. The page documents no total count and no default
    page size. Assumption: without `limit` every matching space is returned; spaces are
    returned in creation order.

    Args:
        organization_id (str | Unset):
        project_id (str | Unset):
        include (str | Unset):
        limit (int | Unset):
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SpaceListResponse]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        project_id=project_id,
        include=include,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    organization_id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    include: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = 0,
) -> Error | SpaceListResponse | None:
    """List spaces

     Lists the spaces visible to the token. The page documents no total count and no default
    page size. Assumption: without `limit` every matching space is returned; spaces are
    returned in creation order.

    Args:
        organization_id (str | Unset):
        project_id (str | Unset):
        include (str | Unset):
        limit (int | Unset):
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SpaceListResponse
    """

    return sync_detailed(
        client=client,
        organization_id=organization_id,
        project_id=project_id,
        include=include,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    organization_id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    include: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = 0,
) -> Response[Error | SpaceListResponse]:
    """List spaces

     Lists the spaces visible to the token. The page documents no total count and no default
    page size. Assumption: without `limit` every matching space is returned; spaces are
    returned in creation order.

    Args:
        organization_id (str | Unset):
        project_id (str | Unset):
        include (str | Unset):
        limit (int | Unset):
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SpaceListResponse]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        project_id=project_id,
        include=include,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    organization_id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    include: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = 0,
) -> Error | SpaceListResponse | None:
    """List spaces

     Lists the spaces visible to the token. The page documents no total count and no default
    page size. Assumption: without `limit` every matching space is returned; spaces are
    returned in creation order.

    Args:
        organization_id (str | Unset):
        project_id (str | Unset):
        include (str | Unset):
        limit (int | Unset):
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SpaceListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            organization_id=organization_id,
            project_id=project_id,
            include=include,
            limit=limit,
            offset=offset,
        )
    ).parsed
