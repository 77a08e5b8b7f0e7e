"""Pilfer Spaces API: ``PilferClient`` and ``AsyncPilferClient``, generated
from ``specs/pilfer.yaml``. Each method checks its arguments against the spec, sends one request
and returns the validated pydantic model from ``pilfer_models``."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from functools import cached_property
from typing import Unpack

from pilfer_models import (
    CreateSpaceRequest,
    DeleteResult,
    DeleteSpaceParameters,
    DeleteSpaceResponse,
    GetSpaceParameters,
    ListSpacesParameters,
    Space,
    SpaceListResponse,
    SpaceResponse,
    UpdateSpaceParameters,
    UpdateSpaceRequest,
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
    "LIST_SPACES",
    "CREATE_SPACE",
    "GET_SPACE",
    "UPDATE_SPACE",
    "DELETE_SPACE",
    "PilferClient",
    "PilferClientWithRawResponse",
    "AsyncPilferClient",
    "AsyncPilferClientWithRawResponse",
]

API = ApiSettings(
    name="Pilfer Spaces API",
    token_env="PILFER_API_KEY",
    base_url_env="PILFER_BASE_URL",
    default_base_url="https://api.getpilfer.com",
    client_parameters={},
    schemes={
        "bearerAuth": Scheme("bearer", "Authorization", ("PILFER_API_KEY",), token=True),
    },
)

LIST_SPACES: Operation[SpaceListResponse] = Operation(
    "listSpaces",
    "GET",
    "/api/v1/spaces",
    response=SpaceListResponse,
    empty_statuses=frozenset(),
    parameters=ListSpacesParameters,
    body=None,
    path_params={},
    query_params={
        "include": "include",
        "limit": "limit",
        "offset": "offset",
        "organization_id": "organizationId",
        "project_id": "projectId",
    },
    body_fields={},
    paging=Paging("offset", "offset", "limit", results=("data",), total=None, max_size=None),
    security=(("bearerAuth",),),
)

CREATE_SPACE: Operation[Space] = Operation(
    "createSpace",
    "POST",
    "/api/v1/spaces",
    response=SpaceResponse,
    empty_statuses=frozenset(),
    parameters=None,
    body=CreateSpaceRequest,
    path_params={},
    query_params={},
    body_fields={
        "current_strength": "currentStrength",
        "name": "name",
        "organization_id": "organizationId",
        "priority": "priority",
        "project_id": "projectId",
        "status": "status",
    },
    paging=None,
    security=(("bearerAuth",),),
    unwrap="data",
)

GET_SPACE: Operation[Space] = Operation(
    "getSpace",
    "GET",
    "/api/v1/spaces/{id}",
    response=SpaceResponse,
    empty_statuses=frozenset(),
    parameters=GetSpaceParameters,
    body=None,
    path_params={"id": "id"},
    query_params={"include": "include"},
    body_fields={},
    paging=None,
    security=(("bearerAuth",),),
    unwrap="data",
)

UPDATE_SPACE: Operation[Space] = Operation(
    "updateSpace",
    "PATCH",
    "/api/v1/spaces/{id}",
    response=SpaceResponse,
    empty_statuses=frozenset(),
    parameters=UpdateSpaceParameters,
    body=UpdateSpaceRequest,
    path_params={"id": "id"},
    query_params={},
    body_fields={
        "current_strength": "currentStrength",
        "name": "name",
        "priority": "priority",
        "project_id": "projectId",
        "status": "status",
    },
    paging=None,
    security=(("bearerAuth",),),
    unwrap="data",
)

DELETE_SPACE: Operation[DeleteResult] = Operation(
    "deleteSpace",
    "DELETE",
    "/api/v1/spaces/{id}",
    response=DeleteSpaceResponse,
    empty_statuses=frozenset(),
    parameters=DeleteSpaceParameters,
    body=None,
    path_params={"id": "id"},
    query_params={},
    body_fields={},
    paging=None,
    security=(("bearerAuth",),),
    unwrap="data",
)


class PilferClient(SyncClient):
    """Pilfer Spaces API.

    Token from ``token`` or ``PILFER_API_KEY``; base URL from ``base_url``, ``PILFER_BASE_URL`` or
    ``https://api.getpilfer.com``.
    """

    api = API
    package = Package("pilfer", "pilfer-client", "2.0.0")

    @checked(LIST_SPACES)
    def list_spaces(
        self,
        *,
        organization_id: str | None = None,
        project_id: str | None = None,
        include: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        timeout: CallTimeout = USE_DEFAULT,
        deadline: CallDeadline = USE_DEFAULT,
        max_response_bytes: CallLimit = USE_DEFAULT,
        extra_headers: ExtraHeaders = None,
        extra_query: ExtraQuery = None,
        extra_body: ExtraBody = None,
        strict: CallStrict = USE_DEFAULT,
    ) -> SpaceListResponse:
        """List spaces.

        Lists the spaces visible to the token. The page documents no total count and no default page size.
        Assumption: without `limit` every matching space is returned; spaces are returned in creation order.

        ``GET /api/v1/spaces``

        Args:
            organization_id: Organization scope id. Omit for token default; pass an empty value for personal
                scope where supported.
            project_id: Assumption: the page gives no description; filters spaces to this project id.
            include: Comma-separated relation names to hydrate, or all. Assumption: the page does not name the
                relations; this document defines `project` and `organization` (see `Space`), `all` hydrates
                both, and any other name is rejected with 400.
            limit: Maximum number of items to return. Assumption: at least 1; the page names no maximum and no
                default (omitted means no limit).
            offset: Number of items to skip. Assumption: at least 0, default 0.
            timeout: Seconds or an ``httpx.Timeout`` per attempt, None for no limit; the client's by default.
            deadline: Seconds the whole call may take, retries included, None for none; the client's by
                default.
            max_response_bytes: The largest decompressed response body read; the client's by default.
            extra_headers: Headers sent after the operation's own (a same name replaces it).
            extra_query: Query parameters sent after the operation's own.
            extra_body: Fields merged into the JSON or form body.

        Returns:
            SpaceListResponse: The spaces in scope.

        Raises:
            BadRequestError: 400: Assumption: the page does not list 400 for this operation; a query parameter
                that does not fit its schema (for example `limit=abc` or an unknown `include` relation) is
                rejected with 400 and an `Error` body rather than ignored.
            AuthenticationError: 401: Missing or invalid token. Assumption: the page lists the status but no
                body; see `Error`.
            PermissionDeniedError: 403: The token may not act in that organization or personal scope.
                Assumption: the page lists the status but no body; see `Error`.
            InvalidRequestError: The arguments do not fit the spec; nothing was sent.
        """
        return self._call(
            LIST_SPACES,
            {
                "organization_id": organization_id,
                "project_id": project_id,
                "include": include,
                "limit": limit,
                "offset": offset,
            },
            timeout,
            deadline,
            max_response_bytes,
            extra_headers,
            extra_query,
            extra_body,
            strict,
        )

    @checked(LIST_SPACES)
    def iter_space_pages(
        self,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        organization_id: str | None = None,
        project_id: str | None = None,
        include: str | None = None,
        timeout: CallTimeout = USE_DEFAULT,
        deadline: CallDeadline = USE_DEFAULT,
        max_response_bytes: CallLimit = USE_DEFAULT,
        extra_headers: ExtraHeaders = None,
        extra_query: ExtraQuery = None,
        extra_body: ExtraBody = None,
        strict: CallStrict = USE_DEFAULT,
    ) -> Iterator[SpaceListResponse]:
        """Every page of ``list_spaces`` (List spaces), fetched lazily.

        Lists the spaces visible to the token. The page documents no total count and no default page size.
        Assumption: without `limit` every matching space is returned; spaces are returned in creation order.

        ``GET /api/v1/spaces``

        Args:
            page_size: Items asked for per page.
            organization_id: Organization scope id. Omit for token default; pass an empty value for personal
                scope where supported.
            project_id: Assumption: the page gives no description; filters spaces to this project id.
            include: Comma-separated relation names to hydrate, or all. Assumption: the page does not name the
                relations; this document defines `project` and `organization` (see `Space`), `all` hydrates
                both, and any other name is rejected with 400.
            timeout: Seconds or an ``httpx.Timeout`` per attempt, None for no limit; the client's by default.
            deadline: Seconds the whole call may take, retries included, None for none; the client's by
                default.
            max_response_bytes: The largest decompressed response body read; the client's by default.
            extra_headers: Headers sent after the operation's own (a same name replaces it).
            extra_query: Query parameters sent after the operation's own.
            extra_body: Fields merged into the JSON or form body.

        Yields:
            SpaceListResponse: The spaces in scope.

        Raises:
            BadRequestError: 400: Assumption: the page does not list 400 for this operation; a query parameter
                that does not fit its schema (for example `limit=abc` or an unknown `include` relation) is
                rejected with 400 and an `Error` body rather than ignored.
            AuthenticationError: 401: Missing or invalid token. Assumption: the page lists the status but no
                body; see `Error`.
            PermissionDeniedError: 403: The token may not act in that organization or personal scope.
                Assumption: the page lists the status but no body; see `Error`.
            InvalidRequestError: The arguments do not fit the spec; nothing was sent.
        """
        return self._iter_pages(
            LIST_SPACES,
            {"organization_id": organization_id, "project_id": project_id, "include": include},
            page_size,
            (timeout, deadline, max_response_bytes, extra_headers, extra_query, extra_body, strict),
        )

    @checked(LIST_SPACES)
    def iter_spaces(
        self,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        max_items: int | None = None,
        organization_id: str | None = None,
        project_id: str | None = None,
        include: str | None = None,
        timeout: CallTimeout = USE_DEFAULT,
        deadline: CallDeadline = USE_DEFAULT,
        max_response_bytes: CallLimit = USE_DEFAULT,
        extra_headers: ExtraHeaders = None,
        extra_query: ExtraQuery = None,
        extra_body: ExtraBody = None,
        strict: CallStrict = USE_DEFAULT,
    ) -> Iterator[Space]:
        """Every item of ``list_spaces`` (List spaces), in server order, one page in memory at a time.

        Lists the spaces visible to the token. The page documents no total count and no default page size.
        Assumption: without `limit` every matching space is returned; spaces are returned in creation order.

        ``GET /api/v1/spaces``

        Args:
            page_size: Items asked for per page.
            max_items: Stop after this many items; None for all of them.
            organization_id: Organization scope id. Omit for token default; pass an empty value for personal
                scope where supported.
            project_id: Assumption: the page gives no description; filters spaces to this project id.
            include: Comma-separated relation names to hydrate, or all. Assumption: the page does not name the
                relations; this document defines `project` and `organization` (see `Space`), `all` hydrates
                both, and any other name is rejected with 400.
            timeout: Seconds or an ``httpx.Timeout`` per attempt, None for no limit; the client's by default.
            deadline: Seconds the whole call may take, retries included, None for none; the client's by
                default.
            max_response_bytes: The largest decompressed response body read; the client's by default.
            extra_headers: Headers sent after the operation's own (a same name replaces it).
            extra_query: Query parameters sent after the operation's own.
            extra_body: Fields merged into the JSON or form body.

        Yields:
            Space: Each item of ``data``.

        Raises:
            BadRequestError: 400: Assumption: the page does not list 400 for this operation; a query parameter
                that does not fit its schema (for example `limit=abc` or an unknown `include` relation) is
                rejected with 400 and an `Error` body rather than ignored.
            AuthenticationError: 401: Missing or invalid token. Assumption: the page lists the status but no
                body; see `Error`.
            PermissionDeniedError: 403: The token may not act in that organization or personal scope.
                Assumption: the page lists the status but no body; see `Error`.
            InvalidRequestError: The arguments do not fit the spec; nothing was sent.
        """
        return self._iter_items(
            LIST_SPACES,
            {"organization_id": organization_id, "project_id": project_id, "include": include},
            page_size,
            max_items,
            (timeout, deadline, max_response_bytes, extra_headers, extra_query, extra_body, strict),
        )

    @checked(CREATE_SPACE)
    def create_space(
        self,
        *,
        name: str,
        organization_id: str | None = None,
        project_id: str | None = None,
        status: str | None = None,
        priority: str | None = None,
        current_strength: int | None = None,
        timeout: CallTimeout = USE_DEFAULT,
        deadline: CallDeadline = USE_DEFAULT,
        max_response_bytes: CallLimit = USE_DEFAULT,
        extra_headers: ExtraHeaders = None,
        extra_query: ExtraQuery = None,
        extra_body: ExtraBody = None,
        strict: CallStrict = USE_DEFAULT,
    ) -> Space:
        """Create space.

        ``POST /api/v1/spaces``

        Args:
            name:
            organization_id:
            project_id:
            status: Open string; the page's example is "Draft".
            priority: Open string; the page's example is "urgent".
            current_strength: Assumption: an integer (the page's example is 0); it is not part of the
                documented `Space` response.
            timeout: Seconds or an ``httpx.Timeout`` per attempt, None for no limit; the client's by default.
            deadline: Seconds the whole call may take, retries included, None for none; the client's by
                default.
            max_response_bytes: The largest decompressed response body read; the client's by default.
            extra_headers: Headers sent after the operation's own (a same name replaces it).
            extra_query: Query parameters sent after the operation's own.
            extra_body: Fields merged into the JSON or form body.

        Returns:
            Space: The created space.

        Raises:
            BadRequestError: 400: Invalid request. Assumption: the page lists the status but no body; see
                `Error`.
            AuthenticationError: 401: Missing or invalid token. Assumption: the page lists the status but no
                body; see `Error`.
            PermissionDeniedError: 403: The token may not act in that organization or personal scope.
                Assumption: the page lists the status but no body; see `Error`.
            InvalidRequestError: The arguments do not fit the spec; nothing was sent.
        """
        return self._call(
            CREATE_SPACE,
            {
                "name": name,
                "organization_id": organization_id,
                "project_id": project_id,
                "status": status,
                "priority": priority,
                "current_strength": current_strength,
            },
            timeout,
            deadline,
            max_response_bytes,
            extra_headers,
            extra_query,
            extra_body,
            strict,
        )

    @checked(GET_SPACE)
    def get_space(
        self,
        id: str,
        *,
        include: str | None = None,
        timeout: CallTimeout = USE_DEFAULT,
        deadline: CallDeadline = USE_DEFAULT,
        max_response_bytes: CallLimit = USE_DEFAULT,
        extra_headers: ExtraHeaders = None,
        extra_query: ExtraQuery = None,
        extra_body: ExtraBody = None,
        strict: CallStrict = USE_DEFAULT,
    ) -> Space:
        """Get space.

        ``GET /api/v1/spaces/{id}``

        Args:
            id: Convex document id (an opaque string).
            include: Comma-separated relation names to hydrate, or all. Assumption: the page does not name the
                relations; this document defines `project` and `organization` (see `Space`), `all` hydrates
                both, and any other name is rejected with 400.
            timeout: Seconds or an ``httpx.Timeout`` per attempt, None for no limit; the client's by default.
            deadline: Seconds the whole call may take, retries included, None for none; the client's by
                default.
            max_response_bytes: The largest decompressed response body read; the client's by default.
            extra_headers: Headers sent after the operation's own (a same name replaces it).
            extra_query: Query parameters sent after the operation's own.
            extra_body: Fields merged into the JSON or form body.

        Returns:
            Space: The space.

        Raises:
            BadRequestError: 400: Assumption: the page does not list 400 for this operation; a query parameter
                that does not fit its schema (for example `limit=abc` or an unknown `include` relation) is
                rejected with 400 and an `Error` body rather than ignored.
            AuthenticationError: 401: Missing or invalid token. Assumption: the page lists the status but no
                body; see `Error`.
            PermissionDeniedError: 403: The token may not act in that organization or personal scope.
                Assumption: the page lists the status but no body; see `Error`.
            NotFoundError: 404: No space with that id. Assumption: the page lists the status but no body; see
                `Error`.
            InvalidRequestError: The arguments do not fit the spec; nothing was sent.
        """
        return self._call(
            GET_SPACE,
            {"id": id, "include": include},
            timeout,
            deadline,
            max_response_bytes,
            extra_headers,
            extra_query,
            extra_body,
            strict,
        )

    @checked(UPDATE_SPACE)
    def update_space(
        self,
        id: str,
        *,
        name: str | None = None,
        project_id: str | None = None,
        status: str | None = None,
        priority: str | None = None,
        current_strength: int | None = None,
        timeout: CallTimeout = USE_DEFAULT,
        deadline: CallDeadline = USE_DEFAULT,
        max_response_bytes: CallLimit = USE_DEFAULT,
        extra_headers: ExtraHeaders = None,
        extra_query: ExtraQuery = None,
        extra_body: ExtraBody = None,
        strict: CallStrict = USE_DEFAULT,
    ) -> Space:
        """Update space.

        Partial update; fields left out keep their value.

        ``PATCH /api/v1/spaces/{id}``

        Args:
            id: Convex document id (an opaque string).
            name:
            project_id:
            status: Open string; the page's example is "Draft".
            priority: Open string; the page's example is "urgent".
            current_strength: Assumption: an integer (the page's example is 0).
            timeout: Seconds or an ``httpx.Timeout`` per attempt, None for no limit; the client's by default.
            deadline: Seconds the whole call may take, retries included, None for none; the client's by
                default.
            max_response_bytes: The largest decompressed response body read; the client's by default.
            extra_headers: Headers sent after the operation's own (a same name replaces it).
            extra_query: Query parameters sent after the operation's own.
            extra_body: Fields merged into the JSON or form body.

        Returns:
            Space: The updated space.

        Raises:
            BadRequestError: 400: Invalid request. Assumption: the page lists the status but no body; see
                `Error`.
            AuthenticationError: 401: Missing or invalid token. Assumption: the page lists the status but no
                body; see `Error`.
            PermissionDeniedError: 403: The token may not act in that organization or personal scope.
                Assumption: the page lists the status but no body; see `Error`.
            NotFoundError: 404: No space with that id. Assumption: the page lists the status but no body; see
                `Error`.
            InvalidRequestError: The arguments do not fit the spec; nothing was sent.
        """
        return self._call(
            UPDATE_SPACE,
            {
                "id": id,
                "name": name,
                "project_id": project_id,
                "status": status,
                "priority": priority,
                "current_strength": current_strength,
            },
            timeout,
            deadline,
            max_response_bytes,
            extra_headers,
            extra_query,
            extra_body,
            strict,
        )

    @checked(DELETE_SPACE)
    def delete_space(
        self,
        id: str,
        *,
        timeout: CallTimeout = USE_DEFAULT,
        deadline: CallDeadline = USE_DEFAULT,
        max_response_bytes: CallLimit = USE_DEFAULT,
        extra_headers: ExtraHeaders = None,
        extra_query: ExtraQuery = None,
        extra_body: ExtraBody = None,
        strict: CallStrict = USE_DEFAULT,
    ) -> DeleteResult:
        """Delete space.

        ``DELETE /api/v1/spaces/{id}``

        Args:
            id: Convex document id (an opaque string).
            timeout: Seconds or an ``httpx.Timeout`` per attempt, None for no limit; the client's by default.
            deadline: Seconds the whole call may take, retries included, None for none; the client's by
                default.
            max_response_bytes: The largest decompressed response body read; the client's by default.
            extra_headers: Headers sent after the operation's own (a same name replaces it).
            extra_query: Query parameters sent after the operation's own.
            extra_body: Fields merged into the JSON or form body.

        Returns:
            DeleteResult: The space was deleted.

        Raises:
            AuthenticationError: 401: Missing or invalid token. Assumption: the page lists the status but no
                body; see `Error`.
            PermissionDeniedError: 403: The token may not act in that organization or personal scope.
                Assumption: the page lists the status but no body; see `Error`.
            NotFoundError: 404: No space with that id. Assumption: the page lists the status but no body; see
                `Error`.
            InvalidRequestError: The arguments do not fit the spec; nothing was sent.
        """
        return self._call(
            DELETE_SPACE,
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
    def with_raw_response(self) -> PilferClientWithRawResponse:
        """The methods and page iterators returning the ``RawResponse``: status, headers and body as received,
        ``parse()`` giving what the method returns."""
        return PilferClientWithRawResponse(self)


class PilferClientWithRawResponse:
    """``PilferClient.with_raw_response``: each method returns the ``RawResponse`` (each page
    iterator yields one per page), sharing the client's connections and settings."""

    def __init__(self, client: PilferClient) -> None:
        raw = client._raw_twin()
        self.list_spaces = raw_method(raw.list_spaces)
        self.iter_space_pages = raw_pages(raw.iter_space_pages)
        self.create_space = raw_method(raw.create_space)
        self.get_space = raw_method(raw.get_space)
        self.update_space = raw_method(raw.update_space)
        self.delete_space = raw_method(raw.delete_space)


class AsyncPilferClient(AsyncClient):
    """Pilfer Spaces API (asyncio).

    Token from ``token`` or ``PILFER_API_KEY``; base URL from ``base_url``, ``PILFER_BASE_URL`` or
    ``https://api.getpilfer.com``.
    """

    api = API
    package = Package("pilfer", "pilfer-client", "2.0.0")

    @checked(LIST_SPACES)
    async def list_spaces(
        self,
        *,
        organization_id: str | None = None,
        project_id: str | None = None,
        include: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        timeout: CallTimeout = USE_DEFAULT,
        deadline: CallDeadline = USE_DEFAULT,
        max_response_bytes: CallLimit = USE_DEFAULT,
        extra_headers: ExtraHeaders = None,
        extra_query: ExtraQuery = None,
        extra_body: ExtraBody = None,
        strict: CallStrict = USE_DEFAULT,
    ) -> SpaceListResponse:
        """List spaces.

        Lists the spaces visible to the token. The page documents no total count and no default page size.
        Assumption: without `limit` every matching space is returned; spaces are returned in creation order.

        ``GET /api/v1/spaces``

        Args:
            organization_id: Organization scope id. Omit for token default; pass an empty value for personal
                scope where supported.
            project_id: Assumption: the page gives no description; filters spaces to this project id.
            include: Comma-separated relation names to hydrate, or all. Assumption: the page does not name the
                relations; this document defines `project` and `organization` (see `Space`), `all` hydrates
                both, and any other name is rejected with 400.
            limit: Maximum number of items to return. Assumption: at least 1; the page names no maximum and no
                default (omitted means no limit).
            offset: Number of items to skip. Assumption: at least 0, default 0.
            timeout: Seconds or an ``httpx.Timeout`` per attempt, None for no limit; the client's by default.
            deadline: Seconds the whole call may take, retries included, None for none; the client's by
                default.
            max_response_bytes: The largest decompressed response body read; the client's by default.
            extra_headers: Headers sent after the operation's own (a same name replaces it).
            extra_query: Query parameters sent after the operation's own.
            extra_body: Fields merged into the JSON or form body.

        Returns:
            SpaceListResponse: The spaces in scope.

        Raises:
            BadRequestError: 400: Assumption: the page does not list 400 for this operation; a query parameter
                that does not fit its schema (for example `limit=abc` or an unknown `include` relation) is
                rejected with 400 and an `Error` body rather than ignored.
            AuthenticationError: 401: Missing or invalid token. Assumption: the page lists the status but no
                body; see `Error`.
            PermissionDeniedError: 403: The token may not act in that organization or personal scope.
                Assumption: the page lists the status but no body; see `Error`.
            InvalidRequestError: The arguments do not fit the spec; nothing was sent.
        """
        return await self._call(
            LIST_SPACES,
            {
                "organization_id": organization_id,
                "project_id": project_id,
                "include": include,
                "limit": limit,
                "offset": offset,
            },
            timeout,
            deadline,
            max_response_bytes,
            extra_headers,
            extra_query,
            extra_body,
            strict,
        )

    @checked(LIST_SPACES)
    def iter_space_pages(
        self,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        organization_id: str | None = None,
        project_id: str | None = None,
        include: str | None = None,
        timeout: CallTimeout = USE_DEFAULT,
        deadline: CallDeadline = USE_DEFAULT,
        max_response_bytes: CallLimit = USE_DEFAULT,
        extra_headers: ExtraHeaders = None,
        extra_query: ExtraQuery = None,
        extra_body: ExtraBody = None,
        strict: CallStrict = USE_DEFAULT,
    ) -> AsyncIterator[SpaceListResponse]:
        """Every page of ``list_spaces`` (List spaces), fetched lazily.

        Lists the spaces visible to the token. The page documents no total count and no default page size.
        Assumption: without `limit` every matching space is returned; spaces are returned in creation order.

        ``GET /api/v1/spaces``

        Args:
            page_size: Items asked for per page.
            organization_id: Organization scope id. Omit for token default; pass an empty value for personal
                scope where supported.
            project_id: Assumption: the page gives no description; filters spaces to this project id.
            include: Comma-separated relation names to hydrate, or all. Assumption: the page does not name the
                relations; this document defines `project` and `organization` (see `Space`), `all` hydrates
                both, and any other name is rejected with 400.
            timeout: Seconds or an ``httpx.Timeout`` per attempt, None for no limit; the client's by default.
            deadline: Seconds the whole call may take, retries included, None for none; the client's by
                default.
            max_response_bytes: The largest decompressed response body read; the client's by default.
            extra_headers: Headers sent after the operation's own (a same name replaces it).
            extra_query: Query parameters sent after the operation's own.
            extra_body: Fields merged into the JSON or form body.

        Yields:
            SpaceListResponse: The spaces in scope.

        Raises:
            BadRequestError: 400: Assumption: the page does not list 400 for this operation; a query parameter
                that does not fit its schema (for example `limit=abc` or an unknown `include` relation) is
                rejected with 400 and an `Error` body rather than ignored.
            AuthenticationError: 401: Missing or invalid token. Assumption: the page lists the status but no
                body; see `Error`.
            PermissionDeniedError: 403: The token may not act in that organization or personal scope.
                Assumption: the page lists the status but no body; see `Error`.
            InvalidRequestError: The arguments do not fit the spec; nothing was sent.
        """
        return self._iter_pages(
            LIST_SPACES,
            {"organization_id": organization_id, "project_id": project_id, "include": include},
            page_size,
            (timeout, deadline, max_response_bytes, extra_headers, extra_query, extra_body, strict),
        )

    @checked(LIST_SPACES)
    def iter_spaces(
        self,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        max_items: int | None = None,
        organization_id: str | None = None,
        project_id: str | None = None,
        include: str | None = None,
        timeout: CallTimeout = USE_DEFAULT,
        deadline: CallDeadline = USE_DEFAULT,
        max_response_bytes: CallLimit = USE_DEFAULT,
        extra_headers: ExtraHeaders = None,
        extra_query: ExtraQuery = None,
        extra_body: ExtraBody = None,
        strict: CallStrict = USE_DEFAULT,
    ) -> AsyncIterator[Space]:
        """Every item of ``list_spaces`` (List spaces), in server order, one page in memory at a time.

        Lists the spaces visible to the token. The page documents no total count and no default page size.
        Assumption: without `limit` every matching space is returned; spaces are returned in creation order.

        ``GET /api/v1/spaces``

        Args:
            page_size: Items asked for per page.
            max_items: Stop after this many items; None for all of them.
            organization_id: Organization scope id. Omit for token default; pass an empty value for personal
                scope where supported.
            project_id: Assumption: the page gives no description; filters spaces to this project id.
            include: Comma-separated relation names to hydrate, or all. Assumption: the page does not name the
                relations; this document defines `project` and `organization` (see `Space`), `all` hydrates
                both, and any other name is rejected with 400.
            timeout: Seconds or an ``httpx.Timeout`` per attempt, None for no limit; the client's by default.
            deadline: Seconds the whole call may take, retries included, None for none; the client's by
                default.
            max_response_bytes: The largest decompressed response body read; the client's by default.
            extra_headers: Headers sent after the operation's own (a same name replaces it).
            extra_query: Query parameters sent after the operation's own.
            extra_body: Fields merged into the JSON or form body.

        Yields:
            Space: Each item of ``data``.

        Raises:
            BadRequestError: 400: Assumption: the page does not list 400 for this operation; a query parameter
                that does not fit its schema (for example `limit=abc` or an unknown `include` relation) is
                rejected with 400 and an `Error` body rather than ignored.
            AuthenticationError: 401: Missing or invalid token. Assumption: the page lists the status but no
                body; see `Error`.
            PermissionDeniedError: 403: The token may not act in that organization or personal scope.
                Assumption: the page lists the status but no body; see `Error`.
            InvalidRequestError: The arguments do not fit the spec; nothing was sent.
        """
        return self._iter_items(
            LIST_SPACES,
            {"organization_id": organization_id, "project_id": project_id, "include": include},
            page_size,
            max_items,
            (timeout, deadline, max_response_bytes, extra_headers, extra_query, extra_body, strict),
        )

    @checked(CREATE_SPACE)
    async def create_space(
        self,
        *,
        name: str,
        organization_id: str | None = None,
        project_id: str | None = None,
        status: str | None = None,
        priority: str | None = None,
        current_strength: int | None = None,
        timeout: CallTimeout = USE_DEFAULT,
        deadline: CallDeadline = USE_DEFAULT,
        max_response_bytes: CallLimit = USE_DEFAULT,
        extra_headers: ExtraHeaders = None,
        extra_query: ExtraQuery = None,
        extra_body: ExtraBody = None,
        strict: CallStrict = USE_DEFAULT,
    ) -> Space:
        """Create space.

        ``POST /api/v1/spaces``

        Args:
            name:
            organization_id:
            project_id:
            status: Open string; the page's example is "Draft".
            priority: Open string; the page's example is "urgent".
            current_strength: Assumption: an integer (the page's example is 0); it is not part of the
                documented `Space` response.
            timeout: Seconds or an ``httpx.Timeout`` per attempt, None for no limit; the client's by default.
            deadline: Seconds the whole call may take, retries included, None for none; the client's by
                default.
            max_response_bytes: The largest decompressed response body read; the client's by default.
            extra_headers: Headers sent after the operation's own (a same name replaces it).
            extra_query: Query parameters sent after the operation's own.
            extra_body: Fields merged into the JSON or form body.

        Returns:
            Space: The created space.

        Raises:
            BadRequestError: 400: Invalid request. Assumption: the page lists the status but no body; see
                `Error`.
            AuthenticationError: 401: Missing or invalid token. Assumption: the page lists the status but no
                body; see `Error`.
            PermissionDeniedError: 403: The token may not act in that organization or personal scope.
                Assumption: the page lists the status but no body; see `Error`.
            InvalidRequestError: The arguments do not fit the spec; nothing was sent.
        """
        return await self._call(
            CREATE_SPACE,
            {
                "name": name,
                "organization_id": organization_id,
                "project_id": project_id,
                "status": status,
                "priority": priority,
                "current_strength": current_strength,
            },
            timeout,
            deadline,
            max_response_bytes,
            extra_headers,
            extra_query,
            extra_body,
            strict,
        )

    @checked(GET_SPACE)
    async def get_space(
        self,
        id: str,
        *,
        include: str | None = None,
        timeout: CallTimeout = USE_DEFAULT,
        deadline: CallDeadline = USE_DEFAULT,
        max_response_bytes: CallLimit = USE_DEFAULT,
        extra_headers: ExtraHeaders = None,
        extra_query: ExtraQuery = None,
        extra_body: ExtraBody = None,
        strict: CallStrict = USE_DEFAULT,
    ) -> Space:
        """Get space.

        ``GET /api/v1/spaces/{id}``

        Args:
            id: Convex document id (an opaque string).
            include: Comma-separated relation names to hydrate, or all. Assumption: the page does not name the
                relations; this document defines `project` and `organization` (see `Space`), `all` hydrates
                both, and any other name is rejected with 400.
            timeout: Seconds or an ``httpx.Timeout`` per attempt, None for no limit; the client's by default.
            deadline: Seconds the whole call may take, retries included, None for none; the client's by
                default.
            max_response_bytes: The largest decompressed response body read; the client's by default.
            extra_headers: Headers sent after the operation's own (a same name replaces it).
            extra_query: Query parameters sent after the operation's own.
            extra_body: Fields merged into the JSON or form body.

        Returns:
            Space: The space.

        Raises:
            BadRequestError: 400: Assumption: the page does not list 400 for this operation; a query parameter
                that does not fit its schema (for example `limit=abc` or an unknown `include` relation) is
                rejected with 400 and an `Error` body rather than ignored.
            AuthenticationError: 401: Missing or invalid token. Assumption: the page lists the status but no
                body; see `Error`.
            PermissionDeniedError: 403: The token may not act in that organization or personal scope.
                Assumption: the page lists the status but no body; see `Error`.
            NotFoundError: 404: No space with that id. Assumption: the page lists the status but no body; see
                `Error`.
            InvalidRequestError: The arguments do not fit the spec; nothing was sent.
        """
        return await self._call(
            GET_SPACE,
            {"id": id, "include": include},
            timeout,
            deadline,
            max_response_bytes,
            extra_headers,
            extra_query,
            extra_body,
            strict,
        )

    @checked(UPDATE_SPACE)
    async def update_space(
        self,
        id: str,
        *,
        name: str | None = None,
        project_id: str | None = None,
        status: str | None = None,
        priority: str | None = None,
        current_strength: int | None = None,
        timeout: CallTimeout = USE_DEFAULT,
        deadline: CallDeadline = USE_DEFAULT,
        max_response_bytes: CallLimit = USE_DEFAULT,
        extra_headers: ExtraHeaders = None,
        extra_query: ExtraQuery = None,
        extra_body: ExtraBody = None,
        strict: CallStrict = USE_DEFAULT,
    ) -> Space:
        """Update space.

        Partial update; fields left out keep their value.

        ``PATCH /api/v1/spaces/{id}``

        Args:
            id: Convex document id (an opaque string).
            name:
            project_id:
            status: Open string; the page's example is "Draft".
            priority: Open string; the page's example is "urgent".
            current_strength: Assumption: an integer (the page's example is 0).
            timeout: Seconds or an ``httpx.Timeout`` per attempt, None for no limit; the client's by default.
            deadline: Seconds the whole call may take, retries included, None for none; the client's by
                default.
            max_response_bytes: The largest decompressed response body read; the client's by default.
            extra_headers: Headers sent after the operation's own (a same name replaces it).
            extra_query: Query parameters sent after the operation's own.
            extra_body: Fields merged into the JSON or form body.

        Returns:
            Space: The updated space.

        Raises:
            BadRequestError: 400: Invalid request. Assumption: the page lists the status but no body; see
                `Error`.
            AuthenticationError: 401: Missing or invalid token. Assumption: the page lists the status but no
                body; see `Error`.
            PermissionDeniedError: 403: The token may not act in that organization or personal scope.
                Assumption: the page lists the status but no body; see `Error`.
            NotFoundError: 404: No space with that id. Assumption: the page lists the status but no body; see
                `Error`.
            InvalidRequestError: The arguments do not fit the spec; nothing was sent.
        """
        return await self._call(
            UPDATE_SPACE,
            {
                "id": id,
                "name": name,
                "project_id": project_id,
                "status": status,
                "priority": priority,
                "current_strength": current_strength,
            },
            timeout,
            deadline,
            max_response_bytes,
            extra_headers,
            extra_query,
            extra_body,
            strict,
        )

    @checked(DELETE_SPACE)
    async def delete_space(
        self,
        id: str,
        *,
        timeout: CallTimeout = USE_DEFAULT,
        deadline: CallDeadline = USE_DEFAULT,
        max_response_bytes: CallLimit = USE_DEFAULT,
        extra_headers: ExtraHeaders = None,
        extra_query: ExtraQuery = None,
        extra_body: ExtraBody = None,
        strict: CallStrict = USE_DEFAULT,
    ) -> DeleteResult:
        """Delete space.

        ``DELETE /api/v1/spaces/{id}``

        Args:
            id: Convex document id (an opaque string).
            timeout: Seconds or an ``httpx.Timeout`` per attempt, None for no limit; the client's by default.
            deadline: Seconds the whole call may take, retries included, None for none; the client's by
                default.
            max_response_bytes: The largest decompressed response body read; the client's by default.
            extra_headers: Headers sent after the operation's own (a same name replaces it).
            extra_query: Query parameters sent after the operation's own.
            extra_body: Fields merged into the JSON or form body.

        Returns:
            DeleteResult: The space was deleted.

        Raises:
            AuthenticationError: 401: Missing or invalid token. Assumption: the page lists the status but no
                body; see `Error`.
            PermissionDeniedError: 403: The token may not act in that organization or personal scope.
                Assumption: the page lists the status but no body; see `Error`.
            NotFoundError: 404: No space with that id. Assumption: the page lists the status but no body; see
                `Error`.
            InvalidRequestError: The arguments do not fit the spec; nothing was sent.
        """
        return await self._call(
            DELETE_SPACE,
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
    def with_raw_response(self) -> AsyncPilferClientWithRawResponse:
        """The methods and page iterators returning the ``RawResponse``: status, headers and body as received,
        ``parse()`` giving what the method returns."""
        return AsyncPilferClientWithRawResponse(self)


class AsyncPilferClientWithRawResponse:
    """``AsyncPilferClient.with_raw_response``: each method returns the ``RawResponse`` (each page
    iterator yields one per page), sharing the client's connections and settings."""

    def __init__(self, client: AsyncPilferClient) -> None:
        raw = client._raw_twin()
        self.list_spaces = async_raw_method(raw.list_spaces)
        self.iter_space_pages = async_raw_pages(raw.iter_space_pages)
        self.create_space = async_raw_method(raw.create_space)
        self.get_space = async_raw_method(raw.get_space)
        self.update_space = async_raw_method(raw.update_space)
        self.delete_space = async_raw_method(raw.delete_space)
