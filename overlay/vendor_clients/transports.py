"""The httpx transports under the clients: a pool sized for concurrent use, and sync sockets under the
attempt deadlines (``deadlines.DeadlineBackend``)."""

from __future__ import annotations

import httpcore
import httpx

from .deadlines import DeadlineBackend

POOL = httpx.Limits(max_connections=10, max_keepalive_connections=10, keepalive_expiry=5.0)
"""At most 10 connections, all kept alive between calls. httpcore's pool spends O(connections²) on every
request it queues or finishes: 500 concurrent calls over httpx's default of 100 connections cost 7x the
CPU of sequential ones, over 10 about 1.2x (``make bench``, section concurrency)."""


def sync_transport(given: httpx.BaseTransport | None) -> httpx.BaseTransport:
    """``given`` or httpx's own transport; either way, an ``httpx.HTTPTransport`` gets deadline sockets."""
    transport = given or httpx.HTTPTransport(limits=POOL)
    if isinstance(transport, httpx.HTTPTransport):
        # httpx has no public way to hand its transport a network backend: wrap the one its pool holds.
        pool = transport._pool
        if isinstance(pool, httpcore.ConnectionPool) and not isinstance(
            pool._network_backend, DeadlineBackend
        ):
            pool._network_backend = DeadlineBackend(pool._network_backend)
    return transport


def async_transport(given: httpx.AsyncBaseTransport | None) -> httpx.AsyncBaseTransport:
    """``given`` or httpx's own transport (async attempts keep their deadline with ``asyncio.timeout``)."""
    return given or httpx.AsyncHTTPTransport(limits=POOL)
