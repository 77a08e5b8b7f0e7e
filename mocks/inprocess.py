"""Calling a mock in-process from a sync httpx client (``httpx.ASGITransport`` is async only)."""

from __future__ import annotations

import asyncio

import httpx
from starlette.types import ASGIApp


class SyncASGITransport(httpx.BaseTransport):
    """``httpx.ASGITransport`` for a sync client: each request runs the app in its own event loop."""

    def __init__(self, app: ASGIApp) -> None:
        self._asgi = httpx.ASGITransport(app)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        async def send() -> httpx.Response:
            response = await self._asgi.handle_async_request(request)
            content = await response.aread()
            stream = httpx.ByteStream(content)  # a body stream, as a network transport answers
            return httpx.Response(response.status_code, headers=response.headers, stream=stream)

        return asyncio.run(send())
