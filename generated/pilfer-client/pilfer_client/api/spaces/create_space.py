from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_space_request import CreateSpaceRequest
from ...models.error import Error
from ...models.space_response import SpaceResponse
from ...types import Response


def _get_kwargs(
    *,
    body: CreateSpaceRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/spaces",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | SpaceResponse | None:
    if response.status_code == 201:
        response_201 = SpaceResponse.from_dict(response.json())

        return response_201

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
) -> Response[Error | SpaceResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateSpaceRequest,
) -> Response[Error | SpaceResponse]:
    """Create space

    Args:
        body (CreateSpaceRequest): Body of `createSpace`. Assumption: the page marks no field
            required; `name` is required here, the rest optional. `organizationId` omitted means the
            token's default scope, empty means personal scope (as for `listSpaces`).
             Example: {'name': 'string', 'organizationId': 'string', 'projectId': 'string', 'status':
            'Draft', 'priority': 'urgent', 'currentStrength': 0}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SpaceResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateSpaceRequest,
) -> Error | SpaceResponse | None:
    """Create space

    Args:
        body (CreateSpaceRequest): Body of `createSpace`. Assumption: the page marks no field
            required; `name` is required here, the rest optional. `organizationId` omitted means the
            token's default scope, empty means personal scope (as for `listSpaces`).
             Example: {'name': 'string', 'organizationId': 'string', 'projectId': 'string', 'status':
            'Draft', 'priority': 'urgent', 'currentStrength': 0}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SpaceResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateSpaceRequest,
) -> Response[Error | SpaceResponse]:
    """Create space

    Args:
        body (CreateSpaceRequest): Body of `createSpace`. Assumption: the page marks no field
            required; `name` is required here, the rest optional. `organizationId` omitted means the
            token's default scope, empty means personal scope (as for `listSpaces`).
             Example: {'name': 'string', 'organizationId': 'string', 'projectId': 'string', 'status':
            'Draft', 'priority': 'urgent', 'currentStrength': 0}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SpaceResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateSpaceRequest,
) -> Error | SpaceResponse | None:
    """Create space

    Args:
        body (CreateSpaceRequest): Body of `createSpace`. Assumption: the page marks no field
            required; `name` is required here, the rest optional. `organizationId` omitted means the
            token's default scope, empty means personal scope (as for `listSpaces`).
             Example: {'name': 'string', 'organizationId': 'string', 'projectId': 'string', 'status':
            'Draft', 'priority': 'urgent', 'currentStrength': 0}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SpaceResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
