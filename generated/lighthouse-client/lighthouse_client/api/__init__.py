"""PierCloud Lighthouse Workspaces API: ``LighthouseClient`` and ``AsyncLighthouseClient``, generated
from ``specs/lighthouse.yaml``. Each method checks its arguments against the spec, sends one request
and returns the validated pydantic model from ``lighthouse_models``."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from functools import cached_property
from typing import Literal, Unpack
from uuid import UUID

from lighthouse_models import (
    GetWorkspaceParameters,
    ListWorkspacesParameters,
    SortField,
    SortOrder,
    Workspace,
    WorkspaceDetail,
    WorkspaceDetailResponse,
    WorkspaceListResponse,
)
from vendor_clients.auth import Scheme
from vendor_clients.base_client import (
    DEFAULT_PAGE_SIZE,
    USE_DEFAULT,
    AsyncClient,
    AsyncOptions,
    CallDeadline,
    CallLimit,
    CallStrict,
    CallTimeout,
    ExtraBody,
    ExtraHeaders,
    ExtraQuery,
    SyncClient,
    SyncOptions,
    checked,
)
from vendor_clients.config import ApiSettings
from vendor_clients.operation import Operation, Paging
from vendor_clients.package import Package
from vendor_clients.raw import async_raw_method, async_raw_pages, raw_method, raw_pages

__all__ = [
    "API",
    "LIST_WORKSPACES",
    "GET_WORKSPACE",
    "LighthouseClient",
    "LighthouseClientWithRawResponse",
    "AsyncLighthouseClient",
    "AsyncLighthouseClientWithRawResponse",
]

API = ApiSettings(
    name="PierCloud Lighthouse Workspaces API",
    token_env="PIERCLOUD_TOKEN",
    base_url_env="PIERCLOUD_BASE_URL",
    default_base_url="https://api.piercloud.io",
    client_parameters={"business_id": "PIERCLOUD_BUSINESS_ID", "org_id": "PIERCLOUD_ORG_ID"},
    schemes={
        "bearerAuth": Scheme("bearer", "Authorization", ("PIERCLOUD_TOKEN",), token=True),
    },
)

LIST_WORKSPACES: Operation[WorkspaceListResponse] = Operation(
    "listWorkspaces",
    "GET",
    "/lighthouse/orgs/{org_id}/businesses/{business_id}/workspaces",
    response=WorkspaceListResponse,
    empty_statuses=frozenset(),
    parameters=ListWorkspacesParameters,
    body=None,
    path_params={"business_id": "business_id", "org_id": "org_id"},
    query_params={
        "context_id": "context_id",
        "page": "page",
        "page_size": "page_size",
        "search": "search",
        "sort_field": "sort_field",
        "sort_order": "sort_order",
        "workspace_group_id": "workspace_group_id",
    },
    body_fields={},
    paging=Paging("page", "page", "page_size", results=("data", "workspaces"), total=("meta", "total"), max_size=None),
    security=(("bearerAuth",),),
)

GET_WORKSPACE: Operation[WorkspaceDetail] = Operation(
    "getWorkspace",
    "GET",
    "/lighthouse/orgs/{org_id}/businesses/{business_id}/workspaces/{id}",
    response=WorkspaceDetailResponse,
    empty_statuses=frozenset(),
    parameters=GetWorkspaceParameters,
    body=None,
    path_params={"business_id": "business_id", "id": "id", "org_id": "org_id"},
    query_params={},
    body_fields={},
    paging=None,
    security=(("bearerAuth",),),
    unwrap="data",
)


class LighthouseClient(SyncClient):
    """PierCloud Lighthouse Workspaces API.

    Token from ``token`` or ``PIERCLOUD_TOKEN``; base URL from ``base_url``, ``PIERCLOUD_BASE_URL`` or
    ``https://api.piercloud.io``; ``org_id`` from the argument or ``PIERCLOUD_ORG_ID``; ``business_id`` from the argument or ``PIERCLOUD_BUSINESS_ID``.
    """

    api = API
    package = Package("lighthouse", "lighthouse-client", "2.0.0")

    def __init__(
        self,
        token: str | None = None,
        *,
        org_id: str | None = None,
        business_id: str | None = None,
        **options: Unpack[SyncOptions],
    ) -> None:
        self.client_parameters = API.scope({"org_id": org_id, "business_id": business_id})
        super().__init__(token, **options)

    @checked(LIST_WORKSPACES)
    def list_workspaces(
        self,
        *,
        page: int | None = None,
        page_size: int | None = None,
        search: str | None = None,
        context_id: UUID | str | None = None,
        workspace_group_id: UUID | str | None = None,
        sort_field: SortField | Literal["name", "created_at"] | None = None,
        sort_order: SortOrder | Literal["ASC", "DESC"] | None = None,
        timeout: CallTimeout = USE_DEFAULT,
        deadline: CallDeadline = USE_DEFAULT,
        max_response_bytes: CallLimit = USE_DEFAULT,
        extra_headers: ExtraHeaders = None,
        extra_query: ExtraQuery = None,
        extra_body: ExtraBody = None,
        strict: CallStrict = USE_DEFAULT,
    ) -> WorkspaceListResponse:
        """List Workspaces.

        Returns a list of all workspaces. Retrieves a paginated list of workspaces.

        ``GET /lighthouse/orgs/{org_id}/businesses/{business_id}/workspaces``

        Args:
            page: Page number (default: 1). Assumption: pages start at 1; a smaller value is rejected with
                400.
            page_size: Number of results per page (default: 10, max: 100). If the value provided is greater
                than 100, it will automatically be converted to this value (100), so larger values are valid
                input. Assumption: at least 1.
            search: Key used as search filter. Assumption: the page does not say what it matches; this
                document takes it as a case-insensitive substring match on the workspace `name` or
                `description`. An empty value matches everything.
            context_id: ID of the context to which the workspace belongs.
            workspace_group_id: ID of the group where the workspace belongs.
            sort_field: Field used to sort the results (default: created_at). Assumption: ties are broken by
                `id`, in the same direction.
            sort_order: Determines the sorting order of the results (default: ASC).
            timeout: Seconds or an ``httpx.Timeout`` per attempt, None for no limit; the client's by default.
            deadline: Seconds the whole call may take, retries included, None for none; the client's by
                default.
            max_response_bytes: The largest decompressed response body read; the client's by default.
            extra_headers: Headers sent after the operation's own (a same name replaces it).
            extra_query: Query parameters sent after the operation's own.
            extra_body: Fields merged into the JSON or form body.

        Returns:
            WorkspaceListResponse: Successful Response (200 OK).

        Raises:
            BadRequestError: 400: Error Response (400 Bad Request).
            AuthenticationError: 401: Error Response (401 Unauthorized).
            PermissionDeniedError: 403: Error Response (403 Forbidden).
            InvalidRequestError: The arguments do not fit the spec; nothing was sent.
        """
        return self._call(
            LIST_WORKSPACES,
            {
                "page": page,
                "page_size": page_size,
                "search": search,
                "context_id": context_id,
                "workspace_group_id": workspace_group_id,
                "sort_field": sort_field,
                "sort_order": sort_order,
            },
            timeout,
            deadline,
            max_response_bytes,
            extra_headers,
            extra_query,
            extra_body,
            strict,
        )

    @checked(LIST_WORKSPACES)
    def iter_workspace_pages(
        self,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        search: str | None = None,
        context_id: UUID | str | None = None,
        workspace_group_id: UUID | str | None = None,
        sort_field: SortField | Literal["name", "created_at"] | None = None,
        sort_order: SortOrder | Literal["ASC", "DESC"] | None = None,
        timeout: CallTimeout = USE_DEFAULT,
        deadline: CallDeadline = USE_DEFAULT,
        max_response_bytes: CallLimit = USE_DEFAULT,
        extra_headers: ExtraHeaders = None,
        extra_query: ExtraQuery = None,
        extra_body: ExtraBody = None,
        strict: CallStrict = USE_DEFAULT,
    ) -> Iterator[WorkspaceListResponse]:
        """Every page of ``list_workspaces`` (List Workspaces), fetched lazily.

        Returns a list of all workspaces. Retrieves a paginated list of workspaces.

        ``GET /lighthouse/orgs/{org_id}/businesses/{business_id}/workspaces``

        Args:
            page_size: Items asked for per page.
            search: Key used as search filter. Assumption: the page does not say what it matches; this
                document takes it as a case-insensitive substring match on the workspace `name` or
                `description`. An empty value matches everything.
            context_id: ID of the context to which the workspace belongs.
            workspace_group_id: ID of the group where the workspace belongs.
            sort_field: Field used to sort the results (default: created_at). Assumption: ties are broken by
                `id`, in the same direction.
            sort_order: Determines the sorting order of the results (default: ASC).
            timeout: Seconds or an ``httpx.Timeout`` per attempt, None for no limit; the client's by default.
            deadline: Seconds the whole call may take, retries included, None for none; the client's by
                default.
            max_response_bytes: The largest decompressed response body read; the client's by default.
            extra_headers: Headers sent after the operation's own (a same name replaces it).
            extra_query: Query parameters sent after the operation's own.
            extra_body: Fields merged into the JSON or form body.

        Yields:
            WorkspaceListResponse: Successful Response (200 OK).

        Raises:
            BadRequestError: 400: Error Response (400 Bad Request).
            AuthenticationError: 401: Error Response (401 Unauthorized).
            PermissionDeniedError: 403: Error Response (403 Forbidden).
            InvalidRequestError: The arguments do not fit the spec; nothing was sent.
        """
        return self._iter_pages(
            LIST_WORKSPACES,
            {
                "search": search,
                "context_id": context_id,
                "workspace_group_id": workspace_group_id,
                "sort_field": sort_field,
                "sort_order": sort_order,
            },
            page_size,
            (timeout, deadline, max_response_bytes, extra_headers, extra_query, extra_body, strict),
        )

    @checked(LIST_WORKSPACES)
    def iter_workspaces(
        self,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        max_items: int | None = None,
        search: str | None = None,
        context_id: UUID | str | None = None,
        workspace_group_id: UUID | str | None = None,
        sort_field: SortField | Literal["name", "created_at"] | None = None,
        sort_order: SortOrder | Literal["ASC", "DESC"] | None = None,
        timeout: CallTimeout = USE_DEFAULT,
        deadline: CallDeadline = USE_DEFAULT,
        max_response_bytes: CallLimit = USE_DEFAULT,
        extra_headers: ExtraHeaders = None,
        extra_query: ExtraQuery = None,
        extra_body: ExtraBody = None,
        strict: CallStrict = USE_DEFAULT,
    ) -> Iterator[Workspace]:
        """Every item of ``list_workspaces`` (List Workspaces), in server order, one page in memory at a time.

        Returns a list of all workspaces. Retrieves a paginated list of workspaces.

        ``GET /lighthouse/orgs/{org_id}/businesses/{business_id}/workspaces``

        Args:
            page_size: Items asked for per page.
            max_items: Stop after this many items; None for all of them.
            search: Key used as search filter. Assumption: the page does not say what it matches; this
                document takes it as a case-insensitive substring match on the workspace `name` or
                `description`. An empty value matches everything.
            context_id: ID of the context to which the workspace belongs.
            workspace_group_id: ID of the group where the workspace belongs.
            sort_field: Field used to sort the results (default: created_at). Assumption: ties are broken by
                `id`, in the same direction.
            sort_order: Determines the sorting order of the results (default: ASC).
            timeout: Seconds or an ``httpx.Timeout`` per attempt, None for no limit; the client's by default.
            deadline: Seconds the whole call may take, retries included, None for none; the client's by
                default.
            max_response_bytes: The largest decompressed response body read; the client's by default.
            extra_headers: Headers sent after the operation's own (a same name replaces it).
            extra_query: Query parameters sent after the operation's own.
            extra_body: Fields merged into the JSON or form body.

        Yields:
            Workspace: Each item of ``data.workspaces``.

        Raises:
            BadRequestError: 400: Error Response (400 Bad Request).
            AuthenticationError: 401: Error Response (401 Unauthorized).
            PermissionDeniedError: 403: Error Response (403 Forbidden).
            InvalidRequestError: The arguments do not fit the spec; nothing was sent.
        """
        return self._iter_items(
            LIST_WORKSPACES,
            {
                "search": search,
                "context_id": context_id,
                "workspace_group_id": workspace_group_id,
                "sort_field": sort_field,
                "sort_order": sort_order,
            },
            page_size,
            max_items,
            (timeout, deadline, max_response_bytes, extra_headers, extra_query, extra_body, strict),
        )

    @checked(GET_WORKSPACE)
    def get_workspace(
        self,
        id: int,
        *,
        timeout: CallTimeout = USE_DEFAULT,
        deadline: CallDeadline = USE_DEFAULT,
        max_response_bytes: CallLimit = USE_DEFAULT,
        extra_headers: ExtraHeaders = None,
        extra_query: ExtraQuery = None,
        extra_body: ExtraBody = None,
        strict: CallStrict = USE_DEFAULT,
    ) -> WorkspaceDetail:
        """Access Workspace Information.

        Returns information about a specific workspace. Returns information about a single workspace.

        ``GET /lighthouse/orgs/{org_id}/businesses/{business_id}/workspaces/{id}``

        Args:
            id: Workspace id. Assumption: an integer, as in the page's example (`/workspaces/1234`); any other
                value is rejected with 400.
            timeout: Seconds or an ``httpx.Timeout`` per attempt, None for no limit; the client's by default.
            deadline: Seconds the whole call may take, retries included, None for none; the client's by
                default.
            max_response_bytes: The largest decompressed response body read; the client's by default.
            extra_headers: Headers sent after the operation's own (a same name replaces it).
            extra_query: Query parameters sent after the operation's own.
            extra_body: Fields merged into the JSON or form body.

        Returns:
            WorkspaceDetail: Successful Response (200 OK).

        Raises:
            BadRequestError: 400: Error Response (400 Bad Request).
            AuthenticationError: 401: Error Response (401 Unauthorized).
            PermissionDeniedError: 403: Error Response (403 Forbidden).
            NotFoundError: 404: Error Response (404 Not Found).
            InvalidRequestError: The arguments do not fit the spec; nothing was sent.
        """
        return self._call(
            GET_WORKSPACE,
            {"id": id},
            timeout,
            deadline,
            max_response_bytes,
            extra_headers,
            extra_query,
            extra_body,
            strict,
        )

    @cached_property
    def with_raw_response(self) -> LighthouseClientWithRawResponse:
        """The methods and page iterators returning the ``RawResponse``: status, headers and body as received,
        ``parse()`` giving what the method returns."""
        return LighthouseClientWithRawResponse(self)


class LighthouseClientWithRawResponse:
    """``LighthouseClient.with_raw_response``: each method returns the ``RawResponse`` (each page
    iterator yields one per page), sharing the client's connections and settings."""

    def __init__(self, client: LighthouseClient) -> None:
        raw = client._raw_twin()
        self.list_workspaces = raw_method(raw.list_workspaces)
        self.iter_workspace_pages = raw_pages(raw.iter_workspace_pages)
        self.get_workspace = raw_method(raw.get_workspace)


class AsyncLighthouseClient(AsyncClient):
    """PierCloud Lighthouse Workspaces API (asyncio).

    Token from ``token`` or ``PIERCLOUD_TOKEN``; base URL from ``base_url``, ``PIERCLOUD_BASE_URL`` or
    ``https://api.piercloud.io``; ``org_id`` from the argument or ``PIERCLOUD_ORG_ID``; ``business_id`` from the argument or ``PIERCLOUD_BUSINESS_ID``.
    """

    api = API
    package = Package("lighthouse", "lighthouse-client", "2.0.0")

    def __init__(
        self,
        token: str | None = None,
        *,
        org_id: str | None = None,
        business_id: str | None = None,
        **options: Unpack[AsyncOptions],
    ) -> None:
        self.client_parameters = API.scope({"org_id": org_id, "business_id": business_id})
        super().__init__(token, **options)

    @checked(LIST_WORKSPACES)
    async def list_workspaces(
        self,
        *,
        page: int | None = None,
        page_size: int | None = None,
        search: str | None = None,
        context_id: UUID | str | None = None,
        workspace_group_id: UUID | str | None = None,
        sort_field: SortField | Literal["name", "created_at"] | None = None,
        sort_order: SortOrder | Literal["ASC", "DESC"] | None = None,
        timeout: CallTimeout = USE_DEFAULT,
        deadline: CallDeadline = USE_DEFAULT,
        max_response_bytes: CallLimit = USE_DEFAULT,
        extra_headers: ExtraHeaders = None,
        extra_query: ExtraQuery = None,
        extra_body: ExtraBody = None,
        strict: CallStrict = USE_DEFAULT,
    ) -> WorkspaceListResponse:
        """List Workspaces.

        Returns a list of all workspaces. Retrieves a paginated list of workspaces.

        ``GET /lighthouse/orgs/{org_id}/businesses/{business_id}/workspaces``

        Args:
            page: Page number (default: 1). Assumption: pages start at 1; a smaller value is rejected with
                400.
            page_size: Number of results per page (default: 10, max: 100). If the value provided is greater
                than 100, it will automatically be converted to this value (100), so larger values are valid
                input. Assumption: at least 1.
            search: Key used as search filter. Assumption: the page does not say what it matches; this
                document takes it as a case-insensitive substring match on the workspace `name` or
                `description`. An empty value matches everything.
            context_id: ID of the context to which the workspace belongs.
            workspace_group_id: ID of the group where the workspace belongs.
            sort_field: Field used to sort the results (default: created_at). Assumption: ties are broken by
                `id`, in the same direction.
            sort_order: Determines the sorting order of the results (default: ASC).
            timeout: Seconds or an ``httpx.Timeout`` per attempt, None for no limit; the client's by default.
            deadline: Seconds the whole call may take, retries included, None for none; the client's by
                default.
            max_response_bytes: The largest decompressed response body read; the client's by default.
            extra_headers: Headers sent after the operation's own (a same name replaces it).
            extra_query: Query parameters sent after the operation's own.
            extra_body: Fields merged into the JSON or form body.

        Returns:
            WorkspaceListResponse: Successful Response (200 OK).

        Raises:
            BadRequestError: 400: Error Response (400 Bad Request).
            AuthenticationError: 401: Error Response (401 Unauthorized).
            PermissionDeniedError: 403: Error Response (403 Forbidden).
            InvalidRequestError: The arguments do not fit the spec; nothing was sent.
        """
        return await self._call(
            LIST_WORKSPACES,
            {
                "page": page,
                "page_size": page_size,
                "search": search,
                "context_id": context_id,
                "workspace_group_id": workspace_group_id,
                "sort_field": sort_field,
                "sort_order": sort_order,
            },
            timeout,
            deadline,
            max_response_bytes,
            extra_headers,
            extra_query,
            extra_body,
            strict,
        )

    @checked(LIST_WORKSPACES)
    def iter_workspace_pages(
        self,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        search: str | None = None,
        context_id: UUID | str | None = None,
        workspace_group_id: UUID | str | None = None,
        sort_field: SortField | Literal["name", "created_at"] | None = None,
        sort_order: SortOrder | Literal["ASC", "DESC"] | None = None,
        prefetch: int = 0,
        timeout: CallTimeout = USE_DEFAULT,
        deadline: CallDeadline = USE_DEFAULT,
        max_response_bytes: CallLimit = USE_DEFAULT,
        extra_headers: ExtraHeaders = None,
        extra_query: ExtraQuery = None,
        extra_body: ExtraBody = None,
        strict: CallStrict = USE_DEFAULT,
    ) -> AsyncIterator[WorkspaceListResponse]:
        """Every page of ``list_workspaces`` (List Workspaces), fetched lazily.

        Returns a list of all workspaces. Retrieves a paginated list of workspaces.

        ``GET /lighthouse/orgs/{org_id}/businesses/{business_id}/workspaces``

        Args:
            page_size: Items asked for per page.
            search: Key used as search filter. Assumption: the page does not say what it matches; this
                document takes it as a case-insensitive substring match on the workspace `name` or
                `description`. An empty value matches everything.
            context_id: ID of the context to which the workspace belongs.
            workspace_group_id: ID of the group where the workspace belongs.
            sort_field: Field used to sort the results (default: created_at). Assumption: ties are broken by
                `id`, in the same direction.
            sort_order: Determines the sorting order of the results (default: ASC).
            prefetch: Pages fetched concurrently once the first page gives the total (still yielded in order).
            timeout: Seconds or an ``httpx.Timeout`` per attempt, None for no limit; the client's by default.
            deadline: Seconds the whole call may take, retries included, None for none; the client's by
                default.
            max_response_bytes: The largest decompressed response body read; the client's by default.
            extra_headers: Headers sent after the operation's own (a same name replaces it).
            extra_query: Query parameters sent after the operation's own.
            extra_body: Fields merged into the JSON or form body.

        Yields:
            WorkspaceListResponse: Successful Response (200 OK).

        Raises:
            BadRequestError: 400: Error Response (400 Bad Request).
            AuthenticationError: 401: Error Response (401 Unauthorized).
            PermissionDeniedError: 403: Error Response (403 Forbidden).
            InvalidRequestError: The arguments do not fit the spec; nothing was sent.
        """
        return self._iter_pages(
            LIST_WORKSPACES,
            {
                "search": search,
                "context_id": context_id,
                "workspace_group_id": workspace_group_id,
                "sort_field": sort_field,
                "sort_order": sort_order,
            },
            page_size,
            (timeout, deadline, max_response_bytes, extra_headers, extra_query, extra_body, strict),
            prefetch,
        )

    @checked(LIST_WORKSPACES)
    def iter_workspaces(
        self,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        max_items: int | None = None,
        search: str | None = None,
        context_id: UUID | str | None = None,
        workspace_group_id: UUID | str | None = None,
        sort_field: SortField | Literal["name", "created_at"] | None = None,
        sort_order: SortOrder | Literal["ASC", "DESC"] | None = None,
        prefetch: int = 0,
        timeout: CallTimeout = USE_DEFAULT,
        deadline: CallDeadline = USE_DEFAULT,
        max_response_bytes: CallLimit = USE_DEFAULT,
        extra_headers: ExtraHeaders = None,
        extra_query: ExtraQuery = None,
        extra_body: ExtraBody = None,
        strict: CallStrict = USE_DEFAULT,
    ) -> AsyncIterator[Workspace]:
        """Every item of ``list_workspaces`` (List Workspaces), in server order, one page in memory at a time.

        Returns a list of all workspaces. Retrieves a paginated list of workspaces.

        ``GET /lighthouse/orgs/{org_id}/businesses/{business_id}/workspaces``

        Args:
            page_size: Items asked for per page.
            max_items: Stop after this many items; None for all of them.
            search: Key used as search filter. Assumption: the page does not say what it matches; this
                document takes it as a case-insensitive substring match on the workspace `name` or
                `description`. An empty value matches everything.
            context_id: ID of the context to which the workspace belongs.
            workspace_group_id: ID of the group where the workspace belongs.
            sort_field: Field used to sort the results (default: created_at). Assumption: ties are broken by
                `id`, in the same direction.
            sort_order: Determines the sorting order of the results (default: ASC).
            prefetch: Pages fetched concurrently once the first page gives the total (still yielded in order).
            timeout: Seconds or an ``httpx.Timeout`` per attempt, None for no limit; the client's by default.
            deadline: Seconds the whole call may take, retries included, None for none; the client's by
                default.
            max_response_bytes: The largest decompressed response body read; the client's by default.
            extra_headers: Headers sent after the operation's own (a same name replaces it).
            extra_query: Query parameters sent after the operation's own.
            extra_body: Fields merged into the JSON or form body.

        Yields:
            Workspace: Each item of ``data.workspaces``.

        Raises:
            BadRequestError: 400: Error Response (400 Bad Request).
            AuthenticationError: 401: Error Response (401 Unauthorized).
            PermissionDeniedError: 403: Error Response (403 Forbidden).
            InvalidRequestError: The arguments do not fit the spec; nothing was sent.
        """
        return self._iter_items(
            LIST_WORKSPACES,
            {
                "search": search,
                "context_id": context_id,
                "workspace_group_id": workspace_group_id,
                "sort_field": sort_field,
                "sort_order": sort_order,
            },
            page_size,
            max_items,
            (timeout, deadline, max_response_bytes, extra_headers, extra_query, extra_body, strict),
            prefetch,
        )

    @checked(GET_WORKSPACE)
    async def get_workspace(
        self,
        id: int,
        *,
        timeout: CallTimeout = USE_DEFAULT,
        deadline: CallDeadline = USE_DEFAULT,
        max_response_bytes: CallLimit = USE_DEFAULT,
        extra_headers: ExtraHeaders = None,
        extra_query: ExtraQuery = None,
        extra_body: ExtraBody = None,
        strict: CallStrict = USE_DEFAULT,
    ) -> WorkspaceDetail:
        """Access Workspace Information.

        Returns information about a specific workspace. Returns information about a single workspace.

        ``GET /lighthouse/orgs/{org_id}/businesses/{business_id}/workspaces/{id}``

        Args:
            id: Workspace id. Assumption: an integer, as in the page's example (`/workspaces/1234`); any other
                value is rejected with 400.
            timeout: Seconds or an ``httpx.Timeout`` per attempt, None for no limit; the client's by default.
            deadline: Seconds the whole call may take, retries included, None for none; the client's by
                default.
            max_response_bytes: The largest decompressed response body read; the client's by default.
            extra_headers: Headers sent after the operation's own (a same name replaces it).
            extra_query: Query parameters sent after the operation's own.
            extra_body: Fields merged into the JSON or form body.

        Returns:
            WorkspaceDetail: Successful Response (200 OK).

        Raises:
            BadRequestError: 400: Error Response (400 Bad Request).
            AuthenticationError: 401: Error Response (401 Unauthorized).
            PermissionDeniedError: 403: Error Response (403 Forbidden).
            NotFoundError: 404: Error Response (404 Not Found).
            InvalidRequestError: The arguments do not fit the spec; nothing was sent.
        """
        return await self._call(
            GET_WORKSPACE,
            {"id": id},
            timeout,
            deadline,
            max_response_bytes,
            extra_headers,
            extra_query,
            extra_body,
            strict,
        )

    @cached_property
    def with_raw_response(self) -> AsyncLighthouseClientWithRawResponse:
        """The methods and page iterators returning the ``RawResponse``: status, headers and body as received,
        ``parse()`` giving what the method returns."""
        return AsyncLighthouseClientWithRawResponse(self)


class AsyncLighthouseClientWithRawResponse:
    """``AsyncLighthouseClient.with_raw_response``: each method returns the ``RawResponse`` (each page
    iterator yields one per page), sharing the client's connections and settings."""

    def __init__(self, client: AsyncLighthouseClient) -> None:
        raw = client._raw_twin()
        self.list_workspaces = async_raw_method(raw.list_workspaces)
        self.iter_workspace_pages = async_raw_pages(raw.iter_workspace_pages)
        self.get_workspace = async_raw_method(raw.get_workspace)
