"""Retries as httpx transport wrappers (tenacity): backoff with jitter, Retry-After, safe methods; each
attempt read whole under the call's limits (deadlines, body cap), so a reset mid-body is retried too."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from itertools import count
from typing import Any

import httpx
import tenacity

from .bodies import CappedBody
from .config import HEADER_NAME, integer_problem
from .deadlines import PASSED, DeadlineExceeded, Limits, end_sync_attempt, left, start_sync_attempt
from .errors import ConfigurationError
from .transports import POOL

logger = logging.getLogger("vendor_clients")

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "DELETE"})
ALL_METHODS = IDEMPOTENT_METHODS | {"POST", "PATCH", "PUT"}
RETRY_STATUSES = frozenset({429, 502, 503, 504})
TRANSIENT_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """When and how often to retry. ``methods=ALL_METHODS`` opts POST and PATCH in; ``attempts=1`` turns
    retries off. A retried POST, PATCH or PUT carries one ``idempotency_header`` value (a fresh UUID unless
    the call set it) on every attempt, so the server can tell a retry from a new request; every retry
    carries ``retry_count_header`` (1, 2, ...); either is off with None. ``sleep``, ``async_sleep`` and
    ``now`` are injectable so tests never really wait."""

    attempts: int = 3
    backoff: float = 0.5
    max_backoff: float = 8.0
    jitter: float = 0.5
    retry_after_cap: float = 60.0
    methods: frozenset[str] = IDEMPOTENT_METHODS
    statuses: frozenset[int] = RETRY_STATUSES
    idempotency_header: str | None = "Idempotency-Key"
    retry_count_header: str | None = "X-Retry-Count"
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    async_sleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep, repr=False)
    now: Callable[[], datetime] = field(default=_now, repr=False)

    def __post_init__(self) -> None:
        if (problem := integer_problem(self.attempts, 1)) is not None:
            raise ConfigurationError(f"RetryPolicy attempts {problem}")
        for name in ("backoff", "max_backoff", "jitter", "retry_after_cap"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ConfigurationError(f"RetryPolicy {name} must be a number >= 0, got {value!r}")
        for name in ("idempotency_header", "retry_count_header"):
            value = getattr(self, name)
            if value is not None and not (isinstance(value, str) and HEADER_NAME.fullmatch(value)):
                raise ConfigurationError(f"RetryPolicy {name} must be a header name or None, got {value!r}")

    def retry_after(self, response: httpx.Response) -> float | None:
        """Seconds from a ``retry-after-ms`` header, else from ``Retry-After`` (delay-seconds or HTTP
        date), capped; None if absent or not a finite number."""
        milliseconds = response.headers.get("retry-after-ms")
        value = response.headers.get("retry-after")
        if milliseconds is not None:
            with contextlib.suppress(ValueError):
                if (seconds := self._capped(float(milliseconds) / 1000)) is not None:
                    return seconds
        if value is None:
            return None
        try:
            seconds = float(value)
        except ValueError:
            try:
                seconds = (parsedate_to_datetime(value) - self.now()).total_seconds()
            except (TypeError, ValueError, OverflowError):
                return None
        return self._capped(seconds)

    def _capped(self, seconds: float) -> float | None:
        if not math.isfinite(seconds):
            return None  # NaN and infinities are no delay: the normal backoff applies
        return min(max(seconds, 0.0), self.retry_after_cap)

    def retries(self, request: httpx.Request) -> bool:
        """Whether ``request`` may be retried; if so, a POST, PATCH or PUT gets its idempotency key now."""
        retried = self.attempts > 1 and request.method in self.methods
        header = self.idempotency_header
        if retried and header and request.method not in IDEMPOTENT_METHODS and header not in request.headers:
            request.headers[header] = str(uuid.uuid4())
        return retried

    def retrying(self, request: httpx.Request) -> Callable[[], None]:
        """What marks each retry of ``request`` with its number (nothing without ``retry_count_header``)."""
        numbers = count(1)
        header = self.retry_count_header

        def mark() -> None:
            if header:
                request.headers[header] = str(next(numbers))

        return mark

    def options(self, request: httpx.Request) -> dict[str, Any]:
        """The tenacity settings shared by the sync and the async transport (``sleep`` aside): no retry
        whose wait would end past the call's deadline."""
        limits = Limits.of(request)
        stop: tenacity.stop.stop_base = tenacity.stop_after_attempt(self.attempts)
        if limits.deadline is not None:
            stop |= tenacity.stop_before_delay(limits.deadline - time.monotonic())
        backoff = tenacity.wait_exponential_jitter(
            multiplier=self.backoff, max=self.max_backoff, jitter=self.jitter
        )

        def wait(state: tenacity.RetryCallState) -> float:
            outcome = state.outcome
            hint = None if outcome is None or outcome.failed else self.retry_after(outcome.result())
            return backoff(state) if hint is None else hint

        def log(state: tenacity.RetryCallState) -> None:
            outcome = state.outcome
            reason = "no outcome" if outcome is None else _reason(outcome)
            logger.warning(
                "Retrying %s %s after %s in %.2fs (attempt %d of %d)",
                request.method,
                request.url,
                reason,
                state.upcoming_sleep,
                state.attempt_number + 1,
                self.attempts,
            )

        return {
            "stop": stop,
            "wait": wait,
            "retry": tenacity.retry_if_exception_type(TRANSIENT_ERRORS)
            | tenacity.retry_if_result(lambda response: response.status_code in self.statuses),
            "before_sleep": log,
            "retry_error_callback": lambda state: state.outcome.result(),
        }


def _reason(outcome: Any) -> str:
    if outcome.failed:
        return type(outcome.exception()).__name__
    return f"HTTP {outcome.result().status_code}"


class _Replay:
    """A failed first attempt, handed to tenacity as its attempt 1: the retry machinery only starts
    after a failure, so a call that succeeds at once pays nothing for it."""

    def __init__(self, outcome: httpx.Response | Exception) -> None:
        self._outcome: httpx.Response | Exception | None = outcome

    def pop(self) -> httpx.Response | None:
        outcome, self._outcome = self._outcome, None
        if isinstance(outcome, Exception):
            raise outcome
        return outcome


class RetryTransport(httpx.BaseTransport):
    """Wraps a transport; retries per ``RetryPolicy``. Bodies are read here so a reset mid-body is retried."""

    def __init__(self, inner: httpx.BaseTransport, policy: RetryPolicy) -> None:
        self._inner = inner
        self._policy = policy

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not self._policy.retries(request):
            return self._attempt(request)
        try:
            first: httpx.Response | Exception = self._attempt(request)
        except TRANSIENT_ERRORS as error:
            first = error
        if isinstance(first, httpx.Response) and first.status_code not in self._policy.statuses:
            return first
        replay, mark = _Replay(first), self._policy.retrying(request)

        def attempt() -> httpx.Response:
            if (replayed := replay.pop()) is not None:
                return replayed
            mark()
            return self._attempt(request)

        retrying = tenacity.Retrying(sleep=self._policy.sleep, **self._policy.options(request))
        response: httpx.Response = retrying(attempt)
        return response

    def _attempt(self, request: httpx.Request) -> httpx.Response:
        limits = Limits.of(request)
        deadline = limits.attempt_deadline(request)
        token = start_sync_attempt(request, deadline, limits.deadline)
        try:
            response = self._inner.handle_request(request)
            body = CappedBody(request, response, limits.max_response_bytes)
            if response.is_stream_consumed:  # read already (httpx.MockTransport)
                return body.check_loaded()
            try:
                for chunk in response.iter_raw():
                    left(deadline, request)  # for transports without deadline sockets
                    body.add(chunk)
            finally:
                response.close()
            return body.response()
        finally:
            end_sync_attempt(token)

    def close(self) -> None:
        self._inner.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """The async twin of ``RetryTransport``."""

    def __init__(self, inner: httpx.AsyncBaseTransport, policy: RetryPolicy) -> None:
        self._inner = inner
        self._policy = policy
        self._slots = asyncio.Semaphore(POOL.max_connections or 1)
        """Attempts in flight, at most the pool's size: the rest wait here, where waiting costs nothing,
        instead of in httpcore's pool, whose every step walks all its connections and requests."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not self._policy.retries(request):
            return await self._attempt(request)
        try:
            first: httpx.Response | Exception = await self._attempt(request)
        except TRANSIENT_ERRORS as error:
            first = error
        if isinstance(first, httpx.Response) and first.status_code not in self._policy.statuses:
            return first
        replay, mark = _Replay(first), self._policy.retrying(request)

        async def attempt() -> httpx.Response:
            if (replayed := replay.pop()) is not None:
                return replayed
            mark()
            return await self._attempt(request)

        retrying = tenacity.AsyncRetrying(sleep=self._policy.async_sleep, **self._policy.options(request))
        response: httpx.Response = await retrying(attempt)
        return response

    async def _attempt(self, request: httpx.Request) -> httpx.Response:
        limits = Limits.of(request)
        deadline = limits.attempt_deadline(request)
        try:
            async with asyncio.timeout(left(deadline, request)), self._slots:
                response = await self._inner.handle_async_request(request)
                body = CappedBody(request, response, limits.max_response_bytes)
                if response.is_stream_consumed:  # read already (httpx.MockTransport)
                    return body.check_loaded()
                try:
                    async for chunk in response.aiter_raw():
                        body.add(chunk)
                finally:
                    await response.aclose()
                return body.response()
        except TimeoutError as exc:
            raise DeadlineExceeded(PASSED, request=request) from exc

    async def aclose(self) -> None:
        await self._inner.aclose()
