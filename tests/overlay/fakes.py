"""Canned vendor responses and clients wired to ``httpx.MockTransport`` with a recorded, never-real sleep."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
from lighthouse_client import AsyncLighthouseClient, LighthouseClient
from pilfer_client import AsyncPilferClient, PilferClient
from vendor_clients import RetryPolicy

TOKEN = "tok-5ecret-value-never-shown"
Handler = Callable[[httpx.Request], httpx.Response]


class Sleeps(list[float]):
    """Records every wait a retry asks for, instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)

    async def asleep(self, seconds: float) -> None:
        self.append(seconds)


def policy(sleeps: Sleeps, **overrides: Any) -> RetryPolicy:
    return RetryPolicy(sleep=sleeps, async_sleep=sleeps.asleep, **overrides)


def workspace(number: int, **overrides: Any) -> dict[str, Any]:
    return {
        "id": number,
        "name": f"Workspace {number}",
        "description": None,
        "access_scope": "public",
        "created_at": "2022-01-01T00:01:45.941Z",
        "workspace_group_id": "uuid",
        "count_views": number % 7,
        **overrides,
    }


def workspace_page(
    items: list[dict[str, Any]], total: int, page: int = 1, page_size: int = 10
) -> dict[str, Any]:
    return {
        "code": "success",
        "data": {"workspaces": items},
        "meta": {
            "total": total,
            "page": page,
            "pageSize": page_size,
            "sortBy": {"field": "created_at", "order": "ASC"},
        },
    }


def space(number: int, **overrides: Any) -> dict[str, Any]:
    return {"_id": f"sp{number:05d}", "name": f"Space {number}", "status": "Draft", **overrides}


def lighthouse_server(count: int, *, ignore_page: bool = False) -> Handler:
    """A stateless Lighthouse list endpoint over ``count`` workspaces (optionally ignoring ``page``)."""
    items = [workspace(number) for number in range(1, count + 1)]

    def handle(request: httpx.Request) -> httpx.Response:
        page = 1 if ignore_page else int(request.url.params.get("page", "1"))
        size = min(int(request.url.params.get("page_size", "10")), 100)
        chunk = items[(page - 1) * size : page * size]
        return httpx.Response(200, json=workspace_page(chunk, count, page, size))

    return handle


def pilfer_server(count: int, *, ignore_offset: bool = False) -> Handler:
    """A stateless Pilfer list endpoint over ``count`` spaces (optionally ignoring ``offset``)."""
    items = [space(number) for number in range(count)]

    def handle(request: httpx.Request) -> httpx.Response:
        offset = 0 if ignore_offset else int(request.url.params.get("offset", "0"))
        limit = int(request.url.params.get("limit", str(count)))
        return httpx.Response(200, json={"data": items[offset : offset + limit]})

    return handle


def lighthouse(handler: Handler, sleeps: Sleeps | None = None, **options: Any) -> LighthouseClient:
    options.setdefault("retry", policy(sleeps if sleeps is not None else Sleeps()))
    return LighthouseClient(
        TOKEN, org_id="org-1", business_id="biz-1", transport=httpx.MockTransport(handler), **options
    )


def async_lighthouse(handler: Any, sleeps: Sleeps | None = None, **options: Any) -> AsyncLighthouseClient:
    options.setdefault("retry", policy(sleeps if sleeps is not None else Sleeps()))
    transport = httpx.MockTransport(handler)
    return AsyncLighthouseClient(TOKEN, org_id="org-1", business_id="biz-1", transport=transport, **options)


def pilfer(handler: Handler, sleeps: Sleeps | None = None, **options: Any) -> PilferClient:
    options.setdefault("retry", policy(sleeps if sleeps is not None else Sleeps()))
    return PilferClient(TOKEN, transport=httpx.MockTransport(handler), **options)


def async_pilfer(handler: Any, sleeps: Sleeps | None = None, **options: Any) -> AsyncPilferClient:
    options.setdefault("retry", policy(sleeps if sleeps is not None else Sleeps()))
    return AsyncPilferClient(TOKEN, transport=httpx.MockTransport(handler), **options)


@contextmanager
def log_levels_kept() -> Iterator[None]:
    """Whatever a ``<NAME>_LOG`` switch sets on the runtime's loggers is undone afterwards."""
    loggers = [
        logging.getLogger(name)
        for name in ("vendor_clients", "vendor_clients.pilfer", "vendor_clients.lighthouse")
    ]
    levels = [logger.level for logger in loggers]
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
