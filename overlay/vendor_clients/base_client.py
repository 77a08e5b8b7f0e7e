"""The sync and async clients every generated API client builds on: one ``_call`` per operation with auth,
timeouts, retries, argument checks, typed errors and validated responses; item and page iterators; raw
twins whose calls return the ``RawResponse``."""

from __future__ import annotations

import re
import time
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterator, Mapping, Sequence
from copy import copy
from datetime import timedelta
from difflib import get_close_matches
from functools import partial, wraps
from inspect import signature
from types import TracebackType
from typing import Any, ClassVar, Generic, ParamSpec, Self, TypedDict, TypeVar, Unpack, cast

import httpx
from httpx._client import UseClientDefault

from .auth import REDACTED, CredentialsAuth, Secret, basic
from .bodies import BodyTooLarge
from .config import (
    DEFAULT_DEADLINE,
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_TIMEOUT,
    ApiSettings,
    checked_timeout,
    deadline_problem,
    headers_problem,
    hooks_problem,
    integer_problem,
    size_problem,
    timeout_problem,
)
from .deadlines import LIMITS, Limits
from .errors import APIConnectionError, APIError, APITimeoutError, ConfigurationError, ResponseTooLargeError
from .extras import ExtraBody, ExtraHeaders, ExtraQuery, extended
from .logs import AsyncLoggingTransport, CallLog, LoggingTransport, call_logger
from .operation import Operation, ResponseT
from .package import RUNTIME, Package
from .pagination import (
    DEFAULT_PAGE_SIZE,
    LINK_PAGE,
    PagePlan,
    aiter_items,
    aiter_pages,
    iter_items,
    iter_pages,
    linked,
)
from .raw import PageResponses, RawResponse
from .redaction import protect, redact_chain
from .responses import decode, status_error
from .retries import AsyncRetryTransport, RetryPolicy, RetryTransport
from .sending import built, url_prefix, with_cookie_jar
from .transports import async_transport, sync_transport

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "USE_DEFAULT",
    "AsyncClient",
    "CallDeadline",
    "CallLimit",
    "CallStrict",
    "CallTimeout",
    "ExtraBody",
    "ExtraHeaders",
    "ExtraQuery",
    "PerCall",
    "SyncClient",
    "checked",
]


class UseDefault(UseClientDefault):
    """The per-call option left to the client's setting; its repr is what ``help()`` shows."""

    def __repr__(self) -> str:
        return "USE_DEFAULT"


USE_DEFAULT = UseDefault()
CallTimeout = float | httpx.Timeout | None | UseClientDefault
"""Per-call timeout: seconds, an ``httpx.Timeout``, None for no limit; the client's by default. Its read
timeout is also the most one attempt may take in total."""
CallDeadline = float | None | UseClientDefault
"""Per-call deadline: seconds the whole call may take, retries included; None for none; the client's."""
CallLimit = int | UseClientDefault
"""Per-call ``max_response_bytes``: the largest decompressed body read; the client's by default."""
CallStrict = bool | UseClientDefault
"""Per-call parsing: True refuses a response body off the spec, False keeps its values as sent (each
logged once as a WARNING); the client's by default."""
PerCall = tuple[CallTimeout, CallDeadline, CallLimit, ExtraHeaders, ExtraQuery, ExtraBody, CallStrict]
"""A generated method's per-call options, as an iterator hands them to every page's call."""
SETTINGS = {
    "base_url",
    "timeout",
    "retry",
    "deadline",
    "max_response_bytes",
    "headers",
    "event_hooks",
    "strict",
}
"""The constructor's options ``with_options`` may change."""
OPTIONS = SETTINGS | {"transport", "username", "password"}
STRICT_PROBLEM = "must be True or False"
P = ParamSpec("P")
R = TypeVar("R")
HttpT = TypeVar("HttpT", httpx.Client, httpx.AsyncClient)


def checked(operation: Operation[Any]) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a generated method of ``operation``: a call that does not fit its signature (unknown
    keyword, missing or extra argument) becomes an ``InvalidRequestError`` naming the argument instead of
    a ``TypeError``. Calls that fit pay one ``try``."""

    def decorate(method: Callable[P, R]) -> Callable[P, R]:
        binds = signature(method).bind
        known = [name for name in signature(method).parameters if name != "self"]

        @wraps(method)
        def call(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return method(*args, **kwargs)
            except TypeError as exc:
                unknown = [name for name in kwargs if name not in known]
                if unknown:  # named first: binding would only say which required argument is missing
                    close = get_close_matches(unknown[0], known, n=1)
                    hint = f" (did you mean {close[0]!r}?)" if close else ""
                    raise operation.invalid(unknown[0], f"unknown argument {unknown[0]!r}{hint}") from exc
                try:
                    binds(*args, **kwargs)
                except TypeError as mismatch:
                    named = re.search(r"'(\w+)'", str(mismatch))
                    argument = named.group(1) if named else "<arguments>"
                    raise operation.invalid(argument, str(mismatch)) from exc
                raise

        return call

    return decorate


class _Settings(TypedDict, total=False):
    base_url: str | None
    timeout: float | httpx.Timeout | None
    retry: RetryPolicy | None
    deadline: float | None
    max_response_bytes: int
    headers: Mapping[str, str]
    strict: bool


class SyncSettings(_Settings, total=False):
    event_hooks: Mapping[str, Sequence[Callable[[Any], object]]]


class AsyncSettings(_Settings, total=False):
    event_hooks: Mapping[str, Sequence[Callable[[Any], Awaitable[object]]]]


class _Credentials(TypedDict, total=False):
    username: str | None
    password: str | None


class SyncOptions(SyncSettings, _Credentials, total=False):
    transport: httpx.BaseTransport | None


class AsyncOptions(AsyncSettings, _Credentials, total=False):
    transport: httpx.AsyncBaseTransport | None


def seen(request: Mapping[str, Any], response: httpx.Response) -> httpx.Response:
    """The response, shown first to the Link-paginated plan its request carries (if any)."""
    plan = request["extensions"].get(LINK_PAGE)
    if plan is not None:
        plan.saw(response)
    return response


class _ClientCore(Generic[HttpT]):
    """What the sync and async clients share: settings, redaction, requests, error translation."""

    api: ClassVar[ApiSettings]
    package: ClassVar[Package | None] = None
    """The generated package (the User-Agent names it)."""
    client_parameters: Mapping[str, str] = {}
    """The API's client-level path parameters (set by the generated constructor, before this one)."""
    server_variables: Mapping[str, str | None] = {}
    """The server URL's variables as given (set by the generated constructor, before this one)."""
    _call: Callable[..., Any]
    """Send one operation: ``SyncClient._call`` or ``AsyncClient._call``."""
    _raw_call: Callable[..., Any]
    """``_call`` returning the ``RawResponse``."""
    _raw_pages: Callable[..., Any]
    """``_iter_pages`` yielding the ``RawResponse`` of each page."""
    _http: HttpT
    _http_client: Callable[[], HttpT]
    """The httpx client of the current settings over the connection pool."""
    _prefix: str
    """``_http``'s base URL, to which each request's path is appended (``sending.url_prefix``)."""

    def __init__(self, token: str | None, options: Mapping[str, Any], kind: type) -> None:
        unknown = set(options) - OPTIONS
        if unknown:
            raise ConfigurationError(f"unknown client options {sorted(unknown)}")
        given = {"token": token, "username": options.get("username"), "password": options.get("password")}
        read = {name: scheme.read(self.api.name, given) for name, scheme in self.api.schemes.items()}
        values = {name: found for name, found in read.items() if found is not None}
        self._credentials = {
            name: CredentialsAuth((self.api.schemes[name].sends(found),)) for name, found in values.items()
        }
        basics = [basic(*found) for name, found in values.items() if self.api.schemes[name].kind == "basic"]
        self._secret = protect(Secret("", *(value for found in values.values() for value in found), *basics))
        self._auths: dict[str, CredentialsAuth | str | None] = {}
        """Per operation id: its auth, None for none, or why it has none (the message of the error)."""
        self._owns_pool = True
        """Closing closes the connection pool (``with_options`` copies share their original's)."""
        self._logger = None if self.package is None else call_logger(self.package.api)
        self._warned: set[tuple[str, str]] = set()
        """The operations and field paths whose values off the spec were logged (``strict=False``)."""
        """Where the calls are logged (``<NAME>_LOG``, ``VENDOR_CLIENTS_LOG``); None: they are not."""
        transport = options.get("transport")
        if transport is not None and not isinstance(transport, kind):
            got = type(transport).__name__
            raise ConfigurationError(f"transport must be an httpx.{kind.__name__}, got {got}")
        self._configure(options)

    def _configure(self, options: Mapping[str, Any]) -> None:
        """Check and take the settings ``with_options`` may change."""
        self._settings = {name: options[name] for name in SETTINGS if name in options}
        self.base_url = self.api.base_url(options.get("base_url"), self.server_variables)
        self.deadline = options.get("deadline", DEFAULT_DEADLINE)
        self.max_response_bytes = options.get("max_response_bytes", DEFAULT_MAX_RESPONSE_BYTES)
        self.strict = options.get("strict", True)
        if not isinstance(self.strict, bool):
            raise ConfigurationError(f"strict {STRICT_PROBLEM}, got {self.strict!r}")
        headers, hooks = options.get("headers", {}), options.get("event_hooks", {})
        for name, problem in (
            ("deadline", deadline_problem(self.deadline)),
            ("max_response_bytes", size_problem(self.max_response_bytes)),
            ("headers", headers_problem(headers)),
            ("event_hooks", hooks_problem(hooks)),
        ):
            if problem is not None:
                raise ConfigurationError(f"{name} {problem}")
        self.retry = options.get("retry") or RetryPolicy()
        if not isinstance(self.retry, RetryPolicy):
            raise ConfigurationError(f"retry must be a RetryPolicy, got {type(self.retry).__name__}")
        user_agent = RUNTIME if self.package is None else self.package.user_agent
        self._http_options: dict[str, Any] = {
            "base_url": self.base_url,
            "timeout": checked_timeout(options.get("timeout", DEFAULT_TIMEOUT)),
            "headers": {"Accept": "application/json", "User-Agent": user_agent, **headers},
            "event_hooks": hooks,
        }

    def _copy(self, changes: Mapping[str, Any]) -> Self:
        """This client with ``changes`` to its ``SETTINGS``, sharing its credentials and connection pool
        (which stays open until this client closes): ``with_options``."""
        unknown = set(changes) - SETTINGS
        if unknown:
            raise ConfigurationError(
                f"with_options cannot change {sorted(unknown)} (only {sorted(SETTINGS)}): build a new client"
            )
        copied = copy(self)
        vars(copied).pop("with_raw_response", None)  # the raw twin of this client, not of the copy
        copied._configure({**self._settings, **changes})
        copied._owns_pool = False
        copied._connect()
        return copied

    def _connect(self) -> None:
        """Take the httpx client of the current settings."""
        self._http = self._http_client()
        self._prefix = url_prefix(self._http)

    def _call_log(self) -> CallLog | None:
        """What the transport logs of each call, None when calls are not logged."""
        if self._logger is None:
            return None
        return CallLog(self._logger, self._secret, self.retry.retry_count_header)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, token={REDACTED!r})"

    def _request(
        self,
        operation: Operation[Any],
        arguments: Mapping[str, Any],
        timeout: CallTimeout,
        deadline: CallDeadline,
        max_response_bytes: CallLimit,
        extra_headers: ExtraHeaders = None,
        extra_query: ExtraQuery = None,
        extra_body: ExtraBody = None,
        strict: CallStrict = USE_DEFAULT,
    ) -> dict[str, Any]:
        """The keyword arguments of the checked httpx request, the extras applied after the operation's
        own; ``InvalidRequestError`` before anything is sent. The call's deadline starts now."""
        if not isinstance(timeout, UseClientDefault) and (problem := timeout_problem(timeout)) is not None:
            raise operation.invalid("timeout", problem)
        if strict is not USE_DEFAULT and not isinstance(strict, bool):
            raise operation.invalid("strict", STRICT_PROBLEM)
        seconds, largest = self._limits(operation, deadline, max_response_bytes)
        link = arguments.get(LINK_PAGE)
        if link is not None:
            arguments = {name: value for name, value in arguments.items() if name != LINK_PAGE}
        scoped = {**self.client_parameters, **arguments} if self.client_parameters else arguments
        request = operation.request(scoped)
        try:
            auth = self._auths[operation.operation_id]
        except KeyError:
            auth = self._auths[operation.operation_id] = self._auth(operation)
        if isinstance(auth, str):
            raise ConfigurationError(auth)
        ends = None if seconds is None else time.monotonic() + seconds
        sent: dict[str, Any] = {
            "method": operation.method,
            "url": request.path,
            "params": request.params,
            "content": request.content,
            "headers": request.headers,
            "auth": auth,
            "timeout": timeout,
            "extensions": {LIMITS: Limits(ends, largest)},
        }
        if link is not None:
            sent = linked(sent, *link)
        if extra_headers is None and extra_query is None and extra_body is None:
            return sent
        return extended(operation, sent, extra_headers, extra_query, extra_body)

    def _auth(self, operation: Operation[Any]) -> CredentialsAuth | str | None:
        """The first of the operation's security requirements whose credentials the client has, all of them
        sent together (None: it needs none); else the message naming the variables that would give one."""
        for requirement in operation.security:
            if all(name in self._credentials for name in requirement):
                sends = tuple(send for name in requirement for send in self._credentials[name].sends)
                return CredentialsAuth(sends) if sends else None
        if not operation.security:
            return None
        schemes = self.api.schemes
        needed = [
            " and ".join(variable for name in requirement for variable in schemes[name].variables)
            if all(name in schemes for name in requirement)
            else f"a scheme the client cannot send ({', '.join(sorted(set(requirement) - set(schemes)))})"
            for requirement in operation.security
        ]
        return f"No {self.api.name} credential for {operation.operation_id}: set {' or '.join(needed)}"

    def _limits(
        self, operation: Operation[Any], deadline: CallDeadline, max_response_bytes: CallLimit
    ) -> tuple[float | None, int]:
        """The call's deadline (seconds) and body cap: the client's, or the call's once checked."""
        if isinstance(deadline, UseClientDefault):
            seconds: float | None = self.deadline
        elif (problem := deadline_problem(deadline)) is not None:
            raise operation.invalid("deadline", problem)
        else:
            seconds = deadline
        if isinstance(max_response_bytes, UseClientDefault):
            return seconds, self.max_response_bytes
        if (problem := size_problem(max_response_bytes)) is not None:
            raise operation.invalid("max_response_bytes", problem)
        return seconds, max_response_bytes

    def _transport_error(self, operation: Operation[Any], exc: httpx.RequestError) -> APIError:
        """httpx's transport exception as ``APITimeoutError`` / ``APIConnectionError`` (or
        ``ResponseTooLargeError``), redacted, with every exception chained under it redacted too."""
        redact_chain(exc)
        url = self._secret.redact(str(exc.request.url))
        message = f"{operation.operation_id}: {type(exc).__name__}: {self._secret.redact(str(exc))}"
        if isinstance(exc, BodyTooLarge):
            return ResponseTooLargeError(message, method=operation.method, url=url)
        error = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
        return error(message, method=operation.method, url=url)

    def _decode(
        self, operation: Operation[ResponseT], response: httpx.Response, strict: CallStrict = USE_DEFAULT
    ) -> ResponseT:
        model, media, warned = operation.response, operation.response_media, self._warned
        strict = self.strict if isinstance(strict, UseClientDefault) else strict
        result = decode(
            response,
            model,
            operation.operation_id,
            self._secret,
            operation.empty_statuses,
            media,
            strict,
            warned,
            operation.response_text,
        )
        if operation.unwrap is not None and result is not None:
            result = getattr(result, operation.unwrap)
        return cast(ResponseT, result)

    def _raw(
        self, operation: Operation[ResponseT], response: httpx.Response, seconds: float, strict: CallStrict
    ) -> RawResponse[ResponseT]:
        """The raw response of a call that took ``seconds``; an error status raises as ``_decode`` does."""
        if not response.is_success:
            raise status_error(response, self._secret)
        url = self._secret.redact(str(response.request.url))
        return RawResponse(
            response, partial(self._decode, operation, response, strict), url, timedelta(seconds=seconds)
        )

    def _raw_twin(self) -> Self:
        """This client (its pool, settings and credentials) with calls returning the ``RawResponse`` and
        page iterators yielding them: what a generated ``...WithRawResponse`` calls."""
        twin = copy(self)
        # Shadowing the two methods on the twin leaves the calls of every other client as they are.
        vars(twin).update(_call=twin._raw_call, _iter_pages=twin._raw_pages)
        return twin

    def _fetcher(
        self, operation: Operation[Any], filters: Mapping[str, Any], plan: PagePlan, call: PerCall
    ) -> Callable[[Any], Any]:
        """The fetch of the page at a position (sync or async, as ``_call`` is); the first page's request
        is checked now, so bad filters fail at the call, before any fetch."""
        self._request(operation, {**filters, **plan.arguments(plan.start)}, *call)
        return lambda position: self._call(operation, {**filters, **plan.arguments(position)}, *call)


class SyncClient(_ClientCore[httpx.Client]):
    """Blocking client; use it as a context manager or call ``close()``."""

    def __init__(self, token: str | None = None, **options: Unpack[SyncOptions]) -> None:
        super().__init__(token, options, httpx.BaseTransport)
        self._pool = sync_transport(options.get("transport"))
        self._connect()

    def with_options(self, **changes: Unpack[SyncSettings]) -> Self:
        """A new client with ``changes`` to its settings (``base_url``, ``timeout``, ``headers``, ...),
        sharing its credentials and connection pool, which stays open until this client closes."""
        return self._copy(changes)

    def _http_client(self) -> httpx.Client:
        transport: httpx.BaseTransport = RetryTransport(self._pool, self.retry)
        if (log := self._call_log()) is not None:
            transport = LoggingTransport(transport, log)
        return with_cookie_jar(httpx.Client(transport=transport, **self._http_options))

    def _call(
        self, operation: Operation[ResponseT], arguments: Mapping[str, Any], *call: *PerCall
    ) -> ResponseT:
        request = self._request(operation, arguments, *call)
        return self._decode(operation, self._send(operation, request), call[-1])

    def _raw_call(
        self, operation: Operation[ResponseT], arguments: Mapping[str, Any], *call: *PerCall
    ) -> RawResponse[ResponseT]:
        request = self._request(operation, arguments, *call)
        start = time.monotonic()
        response = self._send(operation, request)
        return self._raw(operation, response, time.monotonic() - start, call[-1])

    def _send(self, operation: Operation[Any], request: dict[str, Any]) -> httpx.Response:
        try:
            response = self._http.send(built(self._http, self._prefix, request), auth=request["auth"])
        except httpx.RequestError as exc:
            raise self._transport_error(operation, exc) from exc
        return seen(request, response)

    def _iter_pages(
        self,
        operation: Operation[ResponseT],
        filters: Mapping[str, Any],
        page_size: int,
        call: PerCall,
    ) -> Iterator[ResponseT]:
        plan = PagePlan(operation, page_size)
        return iter_pages(self._fetcher(operation, filters, plan, call), plan)

    def _raw_pages(
        self, operation: Operation[Any], filters: Mapping[str, Any], page_size: int, call: PerCall
    ) -> Iterator[RawResponse[Any]]:
        plan, kept = PagePlan(operation, page_size), PageResponses()
        fetch = self._fetcher(operation, filters, plan, call)
        return kept.responses(iter_pages(lambda position: kept.parsed(fetch(position)), plan))

    def _iter_items(
        self,
        operation: Operation[Any],
        filters: Mapping[str, Any],
        page_size: int,
        max_items: int | None,
        call: PerCall,
    ) -> Iterator[Any]:
        plan = PagePlan(operation, page_size, max_items)
        return iter_items(iter_pages(self._fetcher(operation, filters, plan, call), plan), plan, max_items)

    def close(self) -> None:
        if self._owns_pool:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()


class AsyncClient(_ClientCore[httpx.AsyncClient]):
    """Asyncio client; use it as an async context manager or call ``aclose()``."""

    def __init__(self, token: str | None = None, **options: Unpack[AsyncOptions]) -> None:
        super().__init__(token, options, httpx.AsyncBaseTransport)
        self._pool = async_transport(options.get("transport"))
        self._connect()

    def with_options(self, **changes: Unpack[AsyncSettings]) -> Self:
        """A new client with ``changes`` to its settings (``base_url``, ``timeout``, ``headers``, ...),
        sharing its credentials and connection pool, which stays open until this client closes."""
        return self._copy(changes)

    def _http_client(self) -> httpx.AsyncClient:
        transport: httpx.AsyncBaseTransport = AsyncRetryTransport(self._pool, self.retry)
        if (log := self._call_log()) is not None:
            transport = AsyncLoggingTransport(transport, log)
        return with_cookie_jar(httpx.AsyncClient(transport=transport, **self._http_options))

    async def _call(
        self, operation: Operation[ResponseT], arguments: Mapping[str, Any], *call: *PerCall
    ) -> ResponseT:
        request = self._request(operation, arguments, *call)
        return self._decode(operation, await self._send(operation, request), call[-1])

    async def _raw_call(
        self, operation: Operation[ResponseT], arguments: Mapping[str, Any], *call: *PerCall
    ) -> RawResponse[ResponseT]:
        request = self._request(operation, arguments, *call)
        start = time.monotonic()
        response = await self._send(operation, request)
        return self._raw(operation, response, time.monotonic() - start, call[-1])

    async def _send(self, operation: Operation[Any], request: dict[str, Any]) -> httpx.Response:
        try:
            sent = built(self._http, self._prefix, request)
            response = await self._http.send(sent, auth=request["auth"])
        except httpx.RequestError as exc:
            raise self._transport_error(operation, exc) from exc
        return seen(request, response)

    def _iter_pages(
        self,
        operation: Operation[ResponseT],
        filters: Mapping[str, Any],
        page_size: int,
        call: PerCall,
        prefetch: int = 0,
    ) -> AsyncGenerator[ResponseT]:
        """Pages in order; once the first gives the total, up to ``prefetch`` pages are fetched
        concurrently ahead of the consumer (0: one request at a time)."""
        return self._pages(operation, filters, PagePlan(operation, page_size), call, prefetch)

    def _raw_pages(
        self,
        operation: Operation[Any],
        filters: Mapping[str, Any],
        page_size: int,
        call: PerCall,
        prefetch: int = 0,
    ) -> AsyncGenerator[RawResponse[Any]]:
        kept = PageResponses()
        plan = PagePlan(operation, page_size)
        return kept.async_responses(self._pages(operation, filters, plan, call, prefetch, kept))

    def _iter_items(
        self,
        operation: Operation[Any],
        filters: Mapping[str, Any],
        page_size: int,
        max_items: int | None,
        call: PerCall,
        prefetch: int = 0,
    ) -> AsyncGenerator[Any]:
        plan = PagePlan(operation, page_size, max_items)
        return aiter_items(self._pages(operation, filters, plan, call, prefetch), plan, max_items)

    def _pages(
        self,
        operation: Operation[Any],
        filters: Mapping[str, Any],
        plan: PagePlan,
        call: PerCall,
        prefetch: int,
        kept: PageResponses | None = None,
    ) -> AsyncGenerator[Any]:
        """The pages; with ``kept``, the fetches return raw responses, parsed for the iteration and kept."""
        if (problem := integer_problem(prefetch, 0)) is not None:
            raise operation.invalid("prefetch", problem)
        fetch = self._fetcher(operation, filters, plan, call)
        if kept is None:
            return aiter_pages(fetch, plan, prefetch)

        async def parsed(position: Any) -> Any:
            return kept.parsed(await fetch(position))

        return aiter_pages(parsed, plan, prefetch)

    async def aclose(self) -> None:
        if self._owns_pool:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: type[BaseException] | BaseException | TracebackType | None) -> None:
        await self.aclose()
