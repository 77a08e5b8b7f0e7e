"""Deadlines on top of httpx's per-read timeouts: an attempt ends within its read timeout in total, and a
call, retries and backoff included, within its deadline, however slowly a server drips its bytes.

A call's limits ride on the request (``request.extensions[LIMITS]``) down to the retry transport. Async
attempts run under ``asyncio.timeout``; sync ones under a network backend whose every read, write and
connect gets at most the time left (``DeadlineBackend``, which the clients put under httpx's transport).
"""

from __future__ import annotations

import ssl
import time
import typing
from collections.abc import Callable, Iterable
from contextvars import ContextVar, Token
from dataclasses import dataclass

import httpcore
import httpx

from .config import DEFAULT_MAX_RESPONSE_BYTES

LIMITS = "vendor_clients.limits"
"""The request extension holding the call's ``Limits``."""
_ATTEMPT_DEADLINE: ContextVar[float | None] = ContextVar("vendor_clients_attempt_deadline", default=None)
"""When the current sync attempt must end (``time.monotonic()``), for ``DeadlineBackend``."""


PASSED = "the attempt's or the call's deadline passed"


class DeadlineExceeded(httpx.TimeoutException):
    """An attempt or a call ran out of time (the client reports ``APITimeoutError``)."""


@dataclass(frozen=True, slots=True)
class Limits:
    """What one call may cost: when it must end (``time.monotonic()``, None: never) and the largest body."""

    deadline: float | None = None
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES

    @classmethod
    def of(cls, request: httpx.Request) -> Limits:
        limits: Limits = request.extensions.get(LIMITS) or DEFAULT_LIMITS
        return limits

    def attempt_deadline(self, request: httpx.Request) -> float | None:
        """When an attempt starting now must end: its read timeout from now, or the call's deadline."""
        read = request.extensions.get("timeout", {}).get("read")
        ends = None if read is None else time.monotonic() + read
        if self.deadline is None or (ends is not None and ends < self.deadline):
            return ends
        return self.deadline


DEFAULT_LIMITS = Limits()


def _until(deadline: float | None, error: Callable[[], Exception]) -> float | None:
    """Seconds left until ``deadline`` (None: no deadline); ``error()`` raised if none are."""
    if deadline is None:
        return None
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise error()
    return remaining


def left(deadline: float | None, request: httpx.Request) -> float | None:
    """Seconds left until ``deadline`` (None: no deadline); ``DeadlineExceeded`` if none are."""
    return _until(deadline, lambda: DeadlineExceeded(PASSED, request=request))


def start_sync_attempt(
    request: httpx.Request, deadline: float | None, call_deadline: float | None
) -> Token[float | None]:
    """Start a sync attempt under ``deadline``: httpx's timeouts (pool wait, connect, ...) are capped to the
    time left in the call, and ``DeadlineBackend`` caps every socket operation of this thread until
    ``end_sync_attempt`` with the token returned."""
    left(deadline, request)
    remaining = left(call_deadline, request)
    if remaining is not None:
        timeouts = request.extensions.get("timeout", {})
        request.extensions["timeout"] = {
            kind: remaining if seconds is None else min(seconds, remaining)
            for kind, seconds in timeouts.items()
        }
    return _ATTEMPT_DEADLINE.set(deadline)


def end_sync_attempt(token: Token[float | None]) -> None:
    _ATTEMPT_DEADLINE.reset(token)


def _capped(timeout: float | None, error: type[Exception]) -> float | None:
    """``timeout``, at most the time left in this thread's attempt (``error`` raised if none is)."""
    remaining = _until(_ATTEMPT_DEADLINE.get(), lambda: error(PASSED))
    if remaining is None:
        return timeout
    return remaining if timeout is None else min(timeout, remaining)


class DeadlineStream(httpcore.NetworkStream):
    """A network stream whose every operation ends by the current attempt's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _capped(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _capped(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        capped = _capped(timeout, httpcore.ConnectTimeout)
        return DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, capped))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's sync network backend with ``DeadlineStream`` streams."""

    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self.inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        capped = _capped(timeout, httpcore.ConnectTimeout)
        return DeadlineStream(self.inner.connect_tcp(host, port, capped, local_address, socket_options))

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        capped = _capped(timeout, httpcore.ConnectTimeout)
        return DeadlineStream(self.inner.connect_unix_socket(path, capped, socket_options))

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)
