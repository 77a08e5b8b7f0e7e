from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.sort_field import SortField
from ...models.sort_order import SortOrder
from ...models.workspace_list_response import WorkspaceListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org_id: str,
    business_id: str,
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 10,
    search: str | Unset = UNSET,
    context_id: UUID | Unset = UNSET,
    workspace_group_id: UUID | Unset = UNSET,
    sort_field: SortField | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params["search"] = search

    json_context_id: str | Unset = UNSET
    if not isinstance(context_id, Unset):
        json_context_id = str(context_id)
    params["context_id"] = json_context_id

    json_workspace_group_id: str | Unset = UNSET
    if not isinstance(workspace_group_id, Unset):
        json_workspace_group_id = str(workspace_group_id)
    params["workspace_group_id"] = json_workspace_group_id

    json_sort_field: str | Unset = UNSET
    if not isinstance(sort_field, Unset):
        json_sort_field = sort_field.value

    params["sort_field"] = json_sort_field

    json_sort_order: str | Unset = UNSET
    if not isinstance(sort_order, Unset):
        json_sort_order = sort_order.value

    params["sort_order"] = json_sort_order

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/lighthouse/orgs/{org_id}/businesses/{business_id}/workspaces".format(
            org_id=quote(str(org_id), safe=""),
            business_id=quote(str(business_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | WorkspaceListResponse | None:
    if response.status_code == 200:
        response_200 = WorkspaceListResponse.from_dict(response.json())

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
) -> Response[Error | WorkspaceListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org_id: str,
    business_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    page_size: int | Unset = 10,
    search: str | Unset = UNSET,
    context_id: UUID | Unset = UNSET,
    workspace_group_id: UUID | Unset = UNSET,
    sort_field: SortField | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
) -> Response[Error | WorkspaceListResponse]:
    """List Workspaces

     Returns a list of all workspaces. Retrieves a paginated list of workspaces.

    Args:
        org_id (str):
        business_id (str):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 10.
        search (str | Unset):
        context_id (UUID | Unset):
        workspace_group_id (UUID | Unset):
        sort_field (SortField | Unset): name or created_at
        sort_order (SortOrder | Unset): ASC or DESC

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WorkspaceListResponse]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        business_id=business_id,
        page=page,
        page_size=page_size,
        search=search,
        context_id=context_id,
        workspace_group_id=workspace_group_id,
        sort_field=sort_field,
        sort_order=sort_order,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org_id: str,
    business_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    page_size: int | Unset = 10,
    search: str | Unset = UNSET,
    context_id: UUID | Unset = UNSET,
    workspace_group_id: UUID | Unset = UNSET,
    sort_field: SortField | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
) -> Error | WorkspaceListResponse | None:
    """List Workspaces

     Returns a list of all workspaces. Retrieves a paginated list of workspaces.

    Args:
        org_id (str):
        business_id (str):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 10.
        search (str | Unset):
        context_id (UUID | Unset):
        workspace_group_id (UUID | Unset):
        sort_field (SortField | Unset): name or created_at
        sort_order (SortOrder | Unset): ASC or DESC

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WorkspaceListResponse
    """

    return sync_detailed(
        org_id=org_id,
        business_id=business_id,
        client=client,
        page=page,
        page_size=page_size,
        search=search,
        context_id=context_id,
        workspace_group_id=workspace_group_id,
        sort_field=sort_field,
        sort_order=sort_order,
    ).parsed


async def asyncio_detailed(
    org_id: str,
    business_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    page_size: int | Unset = 10,
    search: str | Unset = UNSET,
    context_id: UUID | Unset = UNSET,
    workspace_group_id: UUID | Unset = UNSET,
    sort_field: SortField | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
) -> Response[Error | WorkspaceListResponse]:
    """List Workspaces

     Returns a list of all workspaces. Retrieves a paginated list of workspaces.

    Args:
        org_id (str):
        business_id (str):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 10.
        search (str | Unset):
        context_id (UUID | Unset):
        workspace_group_id (UUID | Unset):
        sort_field (SortField | Unset): name or created_at
        sort_order (SortOrder | Unset): ASC or DESC

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WorkspaceListResponse]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        business_id=business_id,
        page=page,
        page_size=page_size,
        search=search,
        context_id=context_id,
        workspace_group_id=workspace_group_id,
        sort_field=sort_field,
        sort_order=sort_order,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org_id: str,
    business_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    page_size: int | Unset = 10,
    search: str | Unset = UNSET,
    context_id: UUID | Unset = UNSET,
    workspace_group_id: UUID | Unset = UNSET,
    sort_field: SortField | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
) -> Error | WorkspaceListResponse | None:
    """List Workspaces

     Returns a list of all workspaces. Retrieves a paginated list of workspaces.

    Args:
        org_id (str):
        business_id (str):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 10.
        search (str | Unset):
        context_id (UUID | Unset):
        workspace_group_id (UUID | Unset):
        sort_field (SortField | Unset): name or created_at
        sort_order (SortOrder | Unset): ASC or DESC

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WorkspaceListResponse
    """

    return (
        await asyncio_detailed(
            org_id=org_id,
            business_id=business_id,
            client=client,
            page=page,
            page_size=page_size,
            search=search,
            context_id=context_id,
            workspace_group_id=workspace_group_id,
            sort_field=sort_field,
            sort_order=sort_order,
        )
    ).parsed
