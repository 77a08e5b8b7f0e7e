"""One exception hierarchy for both APIs: status, connection, timeout, validation and pagination errors."""

from __future__ import annotations

from dataclasses import dataclass

import httpx


class VendorClientError(Exception):
    """Base class of every error this package raises."""


class ConfigurationError(VendorClientError):
    """A client cannot be built: a credential or setting is missing."""


class InvalidRequestError(VendorClientError, ValueError):
    """The call's arguments do not fit the spec; nothing was sent. ``path`` names the argument."""

    def __init__(self, operation: str, path: str, problem: str) -> None:
        super().__init__(f"{operation}: invalid argument {path}: {problem}")
        self.operation = operation
        self.path = path
        self.problem = problem


class APIError(VendorClientError):
    """A request failed; ``method`` and ``url`` say which one (the URL never carries the token)."""

    def __init__(self, message: str, *, method: str, url: str) -> None:
        super().__init__(f"{message} ({method} {url})")
        self.method = method
        self.url = url


class APIConnectionError(APIError):
    """The server could not be reached, or the connection broke before a full response arrived."""


class APITimeoutError(APIConnectionError):
    """Connecting, sending or reading took longer than the timeout."""


class ResponseTooLargeError(APIError):
    """The response body, decompressed, passed the client's ``max_response_bytes``; nothing more was read."""


class ResponseValidationError(APIError):
    """A response does not match the spec; ``path`` names the field, ``operation`` the operationId."""

    def __init__(self, operation: str, path: str, problem: str, *, method: str, url: str) -> None:
        super().__init__(
            f"{operation}: response does not match the spec at {path}: {problem}", method=method, url=url
        )
        self.operation = operation
        self.path = path
        self.problem = problem


@dataclass(frozen=True, slots=True)
class ErrorResponse:
    """The response of an ``APIStatusError``: its status, headers and body text (capped), credentials
    redacted."""

    status: int
    headers: httpx.Headers
    text: str
    truncated: bool = False
    """The body was longer than ``text`` holds."""


class APIStatusError(APIError):
    """The server answered with an error status; ``code`` and ``message`` come from its error body,
    ``response`` is the response, ``request_id`` the value of its request-id header (None without one)."""

    def __init__(
        self,
        status: int,
        code: str | None,
        message: str,
        *,
        method: str,
        url: str,
        response: ErrorResponse,
        request_id: str | None = None,
    ) -> None:
        super().__init__(f"HTTP {status} {code or 'no code'}: {message}", method=method, url=url)
        self.status = status
        self.code = code
        self.message = message
        self.response = response
        self.request_id = request_id


class BadRequestError(APIStatusError):
    """400: the server rejected the parameters or body."""


class AuthenticationError(APIStatusError):
    """401: missing, invalid or expired token."""


class PermissionDeniedError(APIStatusError):
    """403: the token may not act in that scope."""


class NotFoundError(APIStatusError):
    """404: no such resource."""


class RateLimitError(APIStatusError):
    """429: too many requests, still refused after the configured retries."""


class ServerError(APIStatusError):
    """5xx: the server failed (still failing after retries, for 502/503/504 on idempotent requests)."""


class PaginationError(VendorClientError):
    """Pagination cannot make progress, for example because the server ignores the offset or page."""


STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    429: RateLimitError,
}


def status_error_class(status: int) -> type[APIStatusError]:
    """The most specific ``APIStatusError`` subclass for ``status``."""
    if status >= 500:
        return ServerError
    return STATUS_ERRORS.get(status, APIStatusError)
