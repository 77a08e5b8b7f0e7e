"""The sync and async clients every generated API client builds on: one ``_call`` per operation with auth,
timeouts, retries, argument checks, typed errors and validated responses; item and page iterators."""

from __future__ import annotations

import re
from collections.abc import AsyncGenerator, Callable, Iterator, Mapping
from functools import wraps
from inspect import signature
from types import TracebackType
from typing import Any, ClassVar, ParamSpec, Self, TypedDict, TypeVar, Unpack, cast

import httpx
from httpx._client import UseClientDefault

from .auth import REDACTED, BearerAuth, Secret
from .config import DEFAULT_TIMEOUT, ApiSettings, checked_timeout, integer_problem, required, timeout_problem
from .errors import APIConnectionError, APITimeoutError, ConfigurationError
from .operation import Operation, ResponseT
from .pagination import DEFAULT_PAGE_SIZE, PagePlan, aiter_items, aiter_pages, iter_items, iter_pages
from .responses import decode
from .retries import AsyncRetryTransport, RetryPolicy, RetryTransport

__all__ = ["DEFAULT_PAGE_SIZE", "USE_DEFAULT", "AsyncClient", "CallTimeout", "SyncClient", "checked"]

USE_DEFAULT = httpx.USE_CLIENT_DEFAULT
CallTimeout = float | httpx.Timeout | None | UseClientDefault
"""Per-call timeout: seconds, an ``httpx.Timeout``, None for no limit; the client's by default."""
JSON_BODY = {"Content-Type": "application/json"}
P = ParamSpec("P")
R = TypeVar("R")


def checked(operation: Operation[Any]) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a generated method of ``operation``: a call that does not fit its signature (unknown
    keyword, missing or extra argument) becomes an ``InvalidRequestError`` naming the argument instead of
    a ``TypeError``. Calls that fit pay one ``try``."""

    def decorate(method: Callable[P, R]) -> Callable[P, R]:
        binds = signature(method).bind

        @wraps(method)
        def call(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return method(*args, **kwargs)
            except TypeError as exc:
                try:
                    binds(*args, **kwargs)
                except TypeError as mismatch:
                    named = re.search(r"'(\w+)'", str(mismatch))
                    argument = named.group(1) if named else "<arguments>"
                    raise operation.invalid(argument, str(mismatch)) from exc
                raise

        return call

    return decorate


class _Options(TypedDict, total=False):
    base_url: str | None
    timeout: float | httpx.Timeout | None
    retry: RetryPolicy | None


class SyncOptions(_Options, total=False):
    transport: httpx.BaseTransport | None


class AsyncOptions(_Options, total=False):
    transport: httpx.AsyncBaseTransport | None


class _ClientCore:
    """What the sync and async clients share: settings, redaction, requests, error translation."""

    api: ClassVar[ApiSettings]
    client_parameters: Mapping[str, str] = {}
    """The API's client-level path parameters (set by the generated constructor, before this one)."""
    _call: Callable[..., Any]
    """Send one operation: ``SyncClient._call`` or ``AsyncClient._call``."""

    def __init__(self, token: str | None, options: Mapping[str, Any], transport: object, kind: type) -> None:
        unknown = set(options) - {"base_url", "timeout", "retry", "transport"}
        if unknown:
            raise ConfigurationError(f"unknown client options {sorted(unknown)}")
        self._secret = Secret(required(token, self.api.token_env, f"{self.api.name} token"))
        self.base_url = self.api.base_url(options.get("base_url"))
        self.retry = options.get("retry") or RetryPolicy()
        if not isinstance(self.retry, RetryPolicy):
            raise ConfigurationError(f"retry must be a RetryPolicy, got {type(self.retry).__name__}")
        if not isinstance(transport, kind):
            got = type(transport).__name__
            raise ConfigurationError(f"transport must be an httpx.{kind.__name__}, got {got}")
        self._http_options: dict[str, Any] = {
            "base_url": self.base_url,
            "auth": BearerAuth(self._secret),
            "timeout": checked_timeout(options.get("timeout", DEFAULT_TIMEOUT)),
            "headers": {"Accept": "application/json"},
        }

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, token={REDACTED!r})"

    def _request(
        self, operation: Operation[Any], arguments: Mapping[str, Any], timeout: CallTimeout
    ) -> dict[str, Any]:
        """The keyword arguments of the checked httpx request; ``InvalidRequestError`` before anything
        is sent."""
        if timeout is not USE_DEFAULT and (problem := timeout_problem(timeout)) is not None:
            raise operation.invalid("timeout", problem)
        scoped = {**self.client_parameters, **arguments} if self.client_parameters else arguments
        request = operation.request(scoped)
        return {
            "method": operation.method,
            "url": request.path,
            "params": request.params,
            "content": request.content,
            "headers": None if request.content is None else JSON_BODY,
            "timeout": timeout,
        }

    def _transport_error(self, operation: Operation[Any], exc: httpx.RequestError) -> APIConnectionError:
        """httpx's transport exception as ``APITimeoutError`` / ``APIConnectionError``, redacted."""
        error = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
        message = f"{operation.operation_id}: {type(exc).__name__}: {self._secret.redact(str(exc))}"
        return error(message, method=operation.method, url=self._secret.redact(str(exc.request.url)))

    def _decode(self, operation: Operation[ResponseT], response: httpx.Response) -> ResponseT:
        model = operation.response
        result = decode(response, model, operation.operation_id, self._secret, operation.empty_statuses)
        return cast(ResponseT, result)

    def _fetcher(
        self, operation: Operation[Any], filters: Mapping[str, Any], plan: PagePlan, timeout: CallTimeout
    ) -> Callable[[int], Any]:
        """The fetch of the page at a position (sync or async, as ``_call`` is); the first page's request
        is checked now, so bad filters fail at the call, before any fetch."""
        self._request(operation, {**filters, **plan.arguments(plan.start)}, timeout)
        return lambda position: self._call(operation, {**filters, **plan.arguments(position)}, timeout)


class SyncClient(_ClientCore):
    """Blocking client; use it as a context manager or call ``close()``."""

    def __init__(self, token: str | None = None, **options: Unpack[SyncOptions]) -> None:
        inner = options.get("transport") or httpx.HTTPTransport()
        super().__init__(token, options, inner, httpx.BaseTransport)
        self._http = httpx.Client(transport=RetryTransport(inner, self.retry), **self._http_options)

    def _call(
        self, operation: Operation[ResponseT], arguments: Mapping[str, Any], timeout: CallTimeout
    ) -> ResponseT:
        request = self._request(operation, arguments, timeout)
        try:
            response = self._http.request(**request)
        except httpx.RequestError as exc:
            raise self._transport_error(operation, exc) from exc
        return self._decode(operation, response)

    def _iter_pages(
        self,
        operation: Operation[ResponseT],
        filters: Mapping[str, Any],
        page_size: int,
        timeout: CallTimeout,
    ) -> Iterator[ResponseT]:
        plan = PagePlan(operation, page_size)
        return iter_pages(self._fetcher(operation, filters, plan, timeout), plan)

    def _iter_items(
        self,
        operation: Operation[Any],
        filters: Mapping[str, Any],
        page_size: int,
        max_items: int | None,
        timeout: CallTimeout,
    ) -> Iterator[Any]:
        plan = PagePlan(operation, page_size, max_items)
        return iter_items(iter_pages(self._fetcher(operation, filters, plan, timeout), plan), plan, max_items)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()


class AsyncClient(_ClientCore):
    """Asyncio client; use it as an async context manager or call ``aclose()``."""

    def __init__(self, token: str | None = None, **options: Unpack[AsyncOptions]) -> None:
        inner = options.get("transport") or httpx.AsyncHTTPTransport()
        super().__init__(token, options, inner, httpx.AsyncBaseTransport)
        self._http = httpx.AsyncClient(transport=AsyncRetryTransport(inner, self.retry), **self._http_options)

    async def _call(
        self, operation: Operation[ResponseT], arguments: Mapping[str, Any], timeout: CallTimeout
    ) -> ResponseT:
        request = self._request(operation, arguments, timeout)
        try:
            response = await self._http.request(**request)
        except httpx.RequestError as exc:
            raise self._transport_error(operation, exc) from exc
        return self._decode(operation, response)

    def _iter_pages(
        self,
        operation: Operation[ResponseT],
        filters: Mapping[str, Any],
        page_size: int,
        timeout: CallTimeout,
        prefetch: int = 0,
    ) -> AsyncGenerator[ResponseT]:
        """Pages in order; once the first gives the total, up to ``prefetch`` pages are fetched
        concurrently ahead of the consumer (0: one request at a time)."""
        return self._pages(operation, filters, PagePlan(operation, page_size), timeout, prefetch)

    def _iter_items(
        self,
        operation: Operation[Any],
        filters: Mapping[str, Any],
        page_size: int,
        max_items: int | None,
        timeout: CallTimeout,
        prefetch: int = 0,
    ) -> AsyncGenerator[Any]:
        plan = PagePlan(operation, page_size, max_items)
        return aiter_items(self._pages(operation, filters, plan, timeout, prefetch), plan, max_items)

    def _pages(
        self,
        operation: Operation[Any],
        filters: Mapping[str, Any],
        plan: PagePlan,
        timeout: CallTimeout,
        prefetch: int,
    ) -> AsyncGenerator[Any]:
        if (problem := integer_problem(prefetch, 0)) is not None:
            raise operation.invalid("prefetch", problem)
        return aiter_pages(self._fetcher(operation, filters, plan, timeout), plan, prefetch)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: type[BaseException] | BaseException | TracebackType | None) -> None:
        await self.aclose()
