"""Pilfer Spaces: ``{data: ...}`` envelopes and limit/offset pagination without a total."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Iterator
from dataclasses import dataclass
from typing import TypedDict, Unpack
from urllib.parse import quote

from pilfer_models import (
    CreateSpaceRequest,
    DeleteSpaceResponse,
    GetSpaceParameters,
    ListSpacesParameters,
    Space,
    SpaceListResponse,
    SpaceResponse,
    UpdateSpaceRequest,
)

from .base_client import USE_DEFAULT, AsyncClient, Call, CallTimeout, SyncClient, arguments, wire
from .config import ApiSettings
from .pagination import aiter_items, aiter_pages, iter_items, iter_pages, page_size_for

PILFER = ApiSettings("Pilfer", "PILFER_API_KEY", "PILFER_BASE_URL", "https://api.getpilfer.com")
SPACES = "/api/v1/spaces"
DEFAULT_PAGE_SIZE = 100


class SpaceFilters(TypedDict, total=False):
    """Filters of ``listSpaces`` (``organization_id=""`` selects the personal scope)."""

    organization_id: str
    project_id: str
    include: str


class SpaceFields(TypedDict, total=False):
    """Optional fields of a space in ``createSpace`` and ``updateSpace``."""

    project_id: str
    status: str
    priority: str
    current_strength: int


class NewSpaceFields(SpaceFields, total=False):
    organization_id: str


class SpaceChanges(SpaceFields, total=False):
    name: str


def _space_path(space_id: str) -> str:
    return f"{SPACES}/{quote(space_id, safe='')}"


def _list(limit: int | None, offset: int | None, filters: SpaceFilters) -> Call[SpaceListResponse]:
    query = arguments(ListSpacesParameters, {**filters, "limit": limit, "offset": offset}, "listSpaces")
    return Call("listSpaces", "GET", SPACES, SpaceListResponse, params=wire(query))


def _get(space_id: str, include: str | None) -> Call[SpaceResponse]:
    params = (
        None
        if include is None
        else wire(arguments(GetSpaceParameters, {"id": space_id, "include": include}, "getSpace"), "id")
    )
    return Call("getSpace", "GET", _space_path(space_id), SpaceResponse, params=params)


def _create(name: str, fields: NewSpaceFields) -> Call[SpaceResponse]:
    body = wire(arguments(CreateSpaceRequest, {"name": name, **fields}, "createSpace"))
    return Call("createSpace", "POST", SPACES, SpaceResponse, body=body)


def _update(space_id: str, changes: SpaceChanges) -> Call[SpaceResponse]:
    body = wire(arguments(UpdateSpaceRequest, changes, "updateSpace"))
    return Call("updateSpace", "PATCH", _space_path(space_id), SpaceResponse, body=body)


def _delete(space_id: str) -> Call[DeleteSpaceResponse]:
    return Call("deleteSpace", "DELETE", _space_path(space_id), DeleteSpaceResponse)


@dataclass(frozen=True, slots=True)
class SpacePages:
    """Offset pagination: the next offset follows the items received; a short page is the last."""

    limit: int
    operation: str = "listSpaces"
    position_param: str = "offset"

    def items(self, page: SpaceListResponse) -> list[Space]:
        return page.data

    def key(self, item: Space) -> str:
        return item.id

    def next_position(self, position: int, page: SpaceListResponse) -> int | None:
        return position + len(page.data) if len(page.data) >= self.limit else None

    def remaining_positions(self, position: int, page: SpaceListResponse) -> range | None:
        return None  # no total: the pages ahead are unknown


class PilferClient(SyncClient):
    """Pilfer Spaces API. Token from ``token`` or ``PILFER_API_KEY``; base URL from ``base_url``,
    ``PILFER_BASE_URL`` or the vendor's default."""

    api = PILFER

    def list_spaces(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        timeout: CallTimeout = USE_DEFAULT,
        **filters: Unpack[SpaceFilters],
    ) -> SpaceListResponse:
        """One page of spaces (``GET /api/v1/spaces``)."""
        return self._send(_list(limit, offset, filters), timeout)

    def iter_space_pages(
        self,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        timeout: CallTimeout = USE_DEFAULT,
        **filters: Unpack[SpaceFilters],
    ) -> Iterator[SpaceListResponse]:
        """Every page of spaces, fetched lazily."""
        return iter_pages(
            lambda offset: self.list_spaces(limit=page_size, offset=offset, timeout=timeout, **filters),
            SpacePages(page_size),
            0,
        )

    def iter_spaces(
        self,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        max_items: int | None = None,
        timeout: CallTimeout = USE_DEFAULT,
        **filters: Unpack[SpaceFilters],
    ) -> Iterator[Space]:
        """Every space (at most ``max_items``), in server order, streaming page by page."""
        size = page_size_for(page_size, max_items)
        pages = self.iter_space_pages(page_size=size, timeout=timeout, **filters)
        return iter_items(pages, SpacePages(size), max_items)

    def get_space(
        self, space_id: str, *, include: str | None = None, timeout: CallTimeout = USE_DEFAULT
    ) -> Space:
        return self._send(_get(space_id, include), timeout).data

    def create_space(
        self, name: str, *, timeout: CallTimeout = USE_DEFAULT, **fields: Unpack[NewSpaceFields]
    ) -> Space:
        """Create a space. Not retried unless the client's ``RetryPolicy`` opts POST in."""
        return self._send(_create(name, fields), timeout).data

    def update_space(
        self, space_id: str, *, timeout: CallTimeout = USE_DEFAULT, **changes: Unpack[SpaceChanges]
    ) -> Space:
        """Change the given fields. Not retried unless the client's ``RetryPolicy`` opts PATCH in."""
        return self._send(_update(space_id, changes), timeout).data

    def delete_space(self, space_id: str, *, timeout: CallTimeout = USE_DEFAULT) -> None:
        self._send(_delete(space_id), timeout)


class AsyncPilferClient(AsyncClient):
    """Asyncio twin of ``PilferClient``."""

    api = PILFER

    async def list_spaces(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        timeout: CallTimeout = USE_DEFAULT,
        **filters: Unpack[SpaceFilters],
    ) -> SpaceListResponse:
        return await self._send(_list(limit, offset, filters), timeout)

    def iter_space_pages(
        self,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        timeout: CallTimeout = USE_DEFAULT,
        **filters: Unpack[SpaceFilters],
    ) -> AsyncGenerator[SpaceListResponse]:
        return aiter_pages(
            lambda offset: self.list_spaces(limit=page_size, offset=offset, timeout=timeout, **filters),
            SpacePages(page_size),
            0,
        )

    def iter_spaces(
        self,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        max_items: int | None = None,
        timeout: CallTimeout = USE_DEFAULT,
        **filters: Unpack[SpaceFilters],
    ) -> AsyncGenerator[Space]:
        size = page_size_for(page_size, max_items)
        pages = self.iter_space_pages(page_size=size, timeout=timeout, **filters)
        return aiter_items(pages, SpacePages(size), max_items)

    async def get_space(
        self, space_id: str, *, include: str | None = None, timeout: CallTimeout = USE_DEFAULT
    ) -> Space:
        return (await self._send(_get(space_id, include), timeout)).data

    async def create_space(
        self, name: str, *, timeout: CallTimeout = USE_DEFAULT, **fields: Unpack[NewSpaceFields]
    ) -> Space:
        return (await self._send(_create(name, fields), timeout)).data

    async def update_space(
        self, space_id: str, *, timeout: CallTimeout = USE_DEFAULT, **changes: Unpack[SpaceChanges]
    ) -> Space:
        return (await self._send(_update(space_id, changes), timeout)).data

    async def delete_space(self, space_id: str, *, timeout: CallTimeout = USE_DEFAULT) -> None:
        await self._send(_delete(space_id), timeout)
