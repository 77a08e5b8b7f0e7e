"""The sync and async clients both APIs build on: auth, timeouts, retries, typed errors, validation."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import Any, ClassVar, Generic, Self, TypedDict, Unpack

import httpx
import pydantic
from httpx._client import UseClientDefault

from .auth import REDACTED, BearerAuth, Secret
from .config import DEFAULT_TIMEOUT, ApiSettings, required
from .errors import APIConnectionError, APITimeoutError, InvalidRequestError
from .responses import ModelT, decode, describe
from .retries import AsyncRetryTransport, RetryPolicy, RetryTransport

USE_DEFAULT = httpx.USE_CLIENT_DEFAULT
CallTimeout = float | httpx.Timeout | None | UseClientDefault
"""Per-call timeout: seconds, an ``httpx.Timeout``, None for no limit; the client's by default."""


@dataclass(frozen=True, slots=True)
class Call(Generic[ModelT]):
    """One operation call: the request to send and the generated model its response must match."""

    operation: str
    method: str
    path: str
    model: type[ModelT]
    params: dict[str, Any] | None = None
    body: dict[str, Any] | None = None


def arguments(model: type[ModelT], data: Mapping[str, Any], operation: str) -> ModelT:
    """The call's arguments validated by the generated request or query model, before anything is sent."""
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as exc:
        path, problem = describe(exc)
        raise InvalidRequestError(operation, path, problem) from exc


def wire(model: pydantic.BaseModel, *path: str) -> dict[str, Any]:
    """A generated request or parameters model as JSON-ready data: spec names, only the fields given,
    without the ``path`` parameters."""
    return model.model_dump(
        mode="json", by_alias=True, exclude_unset=True, exclude_none=True, exclude=set(path)
    )


class _Options(TypedDict, total=False):
    base_url: str | None
    timeout: float | httpx.Timeout | None
    retry: RetryPolicy | None


class SyncOptions(_Options, total=False):
    transport: httpx.BaseTransport | None


class AsyncOptions(_Options, total=False):
    transport: httpx.AsyncBaseTransport | None


class _ClientCore:
    """What the sync and async clients share: settings, redaction, error translation."""

    api: ClassVar[ApiSettings]

    def __init__(self, token: str | None, options: _Options) -> None:
        self._secret = Secret(required(token, self.api.token_env, f"{self.api.name} token"))
        self.base_url = self.api.base_url(options.get("base_url"))
        self.retry = options.get("retry") or RetryPolicy()
        self._http_options: dict[str, Any] = {
            "base_url": self.base_url,
            "auth": BearerAuth(self._secret),
            "timeout": options.get("timeout", DEFAULT_TIMEOUT),
            "headers": {"Accept": "application/json"},
        }

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, token={REDACTED!r})"

    @contextmanager
    def _transport_errors(self, call: Call[Any]) -> Iterator[None]:
        """Translate httpx's transport exceptions into ``APITimeoutError`` / ``APIConnectionError``."""
        try:
            yield
        except httpx.RequestError as exc:
            error = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
            message = self._secret.redact(f"{call.operation}: {type(exc).__name__}: {exc}")
            raise error(message, method=call.method, url=self._secret.redact(str(exc.request.url))) from exc

    def _decode(self, call: Call[ModelT], response: httpx.Response) -> ModelT:
        return decode(response, call.model, call.operation, self._secret)


class SyncClient(_ClientCore):
    """Blocking client; use it as a context manager or call ``close()``."""

    def __init__(self, token: str | None = None, **options: Unpack[SyncOptions]) -> None:
        super().__init__(token, options)
        inner = options.get("transport") or httpx.HTTPTransport()
        self._http = httpx.Client(transport=RetryTransport(inner, self.retry), **self._http_options)

    def _send(self, call: Call[ModelT], timeout: CallTimeout) -> ModelT:
        with self._transport_errors(call):
            response = self._http.request(
                call.method, call.path, params=call.params, json=call.body, timeout=timeout
            )
        return self._decode(call, response)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()


class AsyncClient(_ClientCore):
    """Asyncio client; use it as an async context manager or call ``aclose()``."""

    def __init__(self, token: str | None = None, **options: Unpack[AsyncOptions]) -> None:
        super().__init__(token, options)
        inner = options.get("transport") or httpx.AsyncHTTPTransport()
        self._http = httpx.AsyncClient(transport=AsyncRetryTransport(inner, self.retry), **self._http_options)

    async def _send(self, call: Call[ModelT], timeout: CallTimeout) -> ModelT:
        with self._transport_errors(call):
            response = await self._http.request(
                call.method, call.path, params=call.params, json=call.body, timeout=timeout
            )
        return self._decode(call, response)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: type[BaseException] | BaseException | TracebackType | None) -> None:
        await self.aclose()
