"""PierCloud Lighthouse Workspaces: org/business scope, page/page_size pagination with ``meta.total``."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Iterator
from dataclasses import dataclass
from math import ceil
from typing import Literal, TypedDict, Unpack
from urllib.parse import quote
from uuid import UUID

from lighthouse_models import (
    ListWorkspacesParameters,
    SortField,
    SortOrder,
    Workspace,
    WorkspaceDetail,
    WorkspaceDetailResponse,
    WorkspaceListResponse,
)

from .base_client import (
    USE_DEFAULT,
    AsyncClient,
    AsyncOptions,
    Call,
    CallTimeout,
    SyncClient,
    SyncOptions,
    arguments,
    wire,
)
from .config import ApiSettings, required
from .errors import InvalidRequestError
from .pagination import aiter_items, aiter_pages, iter_items, iter_pages, page_size_for

LIGHTHOUSE = ApiSettings("Lighthouse", "PIERCLOUD_TOKEN", "PIERCLOUD_BASE_URL", "https://api.piercloud.io")
MAX_PAGE_SIZE = 100
"""The server turns any larger ``page_size`` into 100."""


class WorkspaceFilters(TypedDict, total=False):
    """Filters and sort of ``listWorkspaces``."""

    search: str
    context_id: UUID | str
    workspace_group_id: UUID | str
    sort_field: SortField | Literal["name", "created_at"]
    sort_order: SortOrder | Literal["ASC", "DESC"]


@dataclass(frozen=True, slots=True)
class WorkspacePages:
    """Page-number pagination: the last page is short, empty, or reaches ``meta.total``."""

    page_size: int
    operation: str = "listWorkspaces"
    position_param: str = "page"

    def items(self, page: WorkspaceListResponse) -> list[Workspace]:
        return page.data.workspaces

    def key(self, item: Workspace) -> int:
        return item.id

    def next_position(self, position: int, page: WorkspaceListResponse) -> int | None:
        count = len(page.data.workspaces)
        if count < self.page_size or (position - 1) * self.page_size + count >= page.meta.total:
            return None
        return position + 1

    def remaining_positions(self, position: int, page: WorkspaceListResponse) -> range:
        return range(position + 1, ceil(page.meta.total / self.page_size) + 1)


class _Workspaces:
    """The org/business scope every Lighthouse call needs, and the calls built on it."""

    def _set_scope(self, org_id: str | None, business_id: str | None) -> None:
        self.org_id = required(org_id, "PIERCLOUD_ORG_ID", "Lighthouse organization id")
        self.business_id = required(business_id, "PIERCLOUD_BUSINESS_ID", "Lighthouse business id")
        self._scope = {"org_id": self.org_id, "business_id": self.business_id}
        org, business = quote(self.org_id, safe=""), quote(self.business_id, safe="")
        self._path = f"/lighthouse/orgs/{org}/businesses/{business}/workspaces"

    def _list(
        self, page: int | None, page_size: int | None, filters: WorkspaceFilters
    ) -> Call[WorkspaceListResponse]:
        data = {**filters, "page": page, "page_size": page_size, **self._scope}
        query = arguments(ListWorkspacesParameters, data, "listWorkspaces")
        params = wire(query, *self._scope)
        return Call("listWorkspaces", "GET", self._path, WorkspaceListResponse, params=params)

    def _get(self, workspace_id: int) -> Call[WorkspaceDetailResponse]:
        if isinstance(workspace_id, bool) or not isinstance(workspace_id, int):
            raise InvalidRequestError("getWorkspace", "id", "must be an integer")
        return Call("getWorkspace", "GET", f"{self._path}/{workspace_id}", WorkspaceDetailResponse)


def _plan(page_size: int, max_items: int | None) -> WorkspacePages:
    return WorkspacePages(min(page_size_for(page_size, max_items), MAX_PAGE_SIZE))


class LighthouseClient(_Workspaces, SyncClient):
    """Lighthouse Workspaces API. Token, base URL, org and business id from the arguments or
    ``PIERCLOUD_TOKEN``, ``PIERCLOUD_BASE_URL``, ``PIERCLOUD_ORG_ID``, ``PIERCLOUD_BUSINESS_ID``."""

    api = LIGHTHOUSE

    def __init__(
        self,
        token: str | None = None,
        *,
        org_id: str | None = None,
        business_id: str | None = None,
        **options: Unpack[SyncOptions],
    ) -> None:
        super().__init__(token, **options)
        self._set_scope(org_id, business_id)

    def list_workspaces(
        self,
        *,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = USE_DEFAULT,
        **filters: Unpack[WorkspaceFilters],
    ) -> WorkspaceListResponse:
        """One page of workspaces with its ``meta`` (total, page, pageSize, sortBy)."""
        return self._send(self._list(page, page_size, filters), timeout)

    def iter_workspace_pages(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        timeout: CallTimeout = USE_DEFAULT,
        **filters: Unpack[WorkspaceFilters],
    ) -> Iterator[WorkspaceListResponse]:
        """Every page of workspaces, fetched lazily."""
        plan = _plan(page_size, None)
        return iter_pages(
            lambda page: self.list_workspaces(
                page=page, page_size=plan.page_size, timeout=timeout, **filters
            ),
            plan,
            1,
        )

    def iter_workspaces(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        max_items: int | None = None,
        timeout: CallTimeout = USE_DEFAULT,
        **filters: Unpack[WorkspaceFilters],
    ) -> Iterator[Workspace]:
        """Every workspace (at most ``max_items``), in server order, streaming page by page."""
        plan = _plan(page_size, max_items)
        pages = self.iter_workspace_pages(page_size=plan.page_size, timeout=timeout, **filters)
        return iter_items(pages, plan, max_items)

    def get_workspace(self, workspace_id: int, *, timeout: CallTimeout = USE_DEFAULT) -> WorkspaceDetail:
        """One workspace with its views."""
        return self._send(self._get(workspace_id), timeout).data


class AsyncLighthouseClient(_Workspaces, AsyncClient):
    """Asyncio twin of ``LighthouseClient``, with optional concurrent prefetch of pages."""

    api = LIGHTHOUSE

    def __init__(
        self,
        token: str | None = None,
        *,
        org_id: str | None = None,
        business_id: str | None = None,
        **options: Unpack[AsyncOptions],
    ) -> None:
        super().__init__(token, **options)
        self._set_scope(org_id, business_id)

    async def list_workspaces(
        self,
        *,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = USE_DEFAULT,
        **filters: Unpack[WorkspaceFilters],
    ) -> WorkspaceListResponse:
        return await self._send(self._list(page, page_size, filters), timeout)

    def iter_workspace_pages(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        prefetch: int = 0,
        timeout: CallTimeout = USE_DEFAULT,
        **filters: Unpack[WorkspaceFilters],
    ) -> AsyncGenerator[WorkspaceListResponse]:
        """Every page in order; once page 1 gives ``meta.total``, up to ``prefetch`` pages are fetched
        concurrently ahead of the consumer (0: one request at a time)."""
        plan = _plan(page_size, None)
        return aiter_pages(
            lambda page: self.list_workspaces(
                page=page, page_size=plan.page_size, timeout=timeout, **filters
            ),
            plan,
            1,
            prefetch,
        )

    def iter_workspaces(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        max_items: int | None = None,
        prefetch: int = 0,
        timeout: CallTimeout = USE_DEFAULT,
        **filters: Unpack[WorkspaceFilters],
    ) -> AsyncGenerator[Workspace]:
        plan = _plan(page_size, max_items)
        pages = self.iter_workspace_pages(
            page_size=plan.page_size, prefetch=prefetch, timeout=timeout, **filters
        )
        return aiter_items(pages, plan, max_items)

    async def get_workspace(
        self, workspace_id: int, *, timeout: CallTimeout = USE_DEFAULT
    ) -> WorkspaceDetail:
        return (await self._send(self._get(workspace_id), timeout)).data
