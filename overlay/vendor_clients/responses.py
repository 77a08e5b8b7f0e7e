"""Turn an httpx response into a spec-validated model, or into the matching typed error."""

from __future__ import annotations

import json

import httpx
import pydantic

from .auth import Secret
from .errors import APIStatusError, ResponseValidationError, status_error_class


def decode(
    response: httpx.Response,
    model: type[pydantic.BaseModel] | None,
    operation: str,
    secret: Secret,
    empty_statuses: frozenset[int] = frozenset(),
) -> pydantic.BaseModel | None:
    """The response body validated against the generated ``model`` in one strict pass (parse and types);
    None for a success status documented without a body; the typed error for an error status."""
    if not response.is_success:
        raise status_error(response, secret)
    if model is None or response.status_code in empty_statuses:
        return None
    request = response.request
    content_type = response.headers.get("content-type", "").partition(";")[0].strip().lower()
    if content_type != "application/json" and not content_type.endswith("+json"):
        raise ResponseValidationError(
            operation,
            "<body>",
            f"expected application/json, got {content_type or 'no content-type'}",
            method=request.method,
            url=secret.redact(str(request.url)),
        )
    try:
        return model.model_validate_json(response.content, strict=True)
    except pydantic.ValidationError as exc:
        path, problem = describe(exc)
        raise ResponseValidationError(
            operation, path, problem, method=request.method, url=secret.redact(str(request.url))
        ) from exc


def describe(exc: pydantic.ValidationError) -> tuple[str, str]:
    """The first error's field path (``data.workspaces[3].created_at``) and problem, without the value."""
    errors = exc.errors(include_url=False, include_input=False)
    first = errors[0]
    path = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in first["loc"]).lstrip(".")
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return path or "<body>", f"{first['msg']}{more}"


def status_error(response: httpx.Response, secret: Secret) -> APIStatusError:
    """The ``APIStatusError`` subclass for the status, with the vendor's ``code`` and ``message``."""
    code, message = error_body(response)
    return status_error_class(response.status_code)(
        response.status_code,
        secret.redact(code) if code is not None else None,
        secret.redact(message),
        method=response.request.method,
        url=secret.redact(str(response.request.url)),
    )


def error_body(response: httpx.Response) -> tuple[str | None, str]:
    """``code`` and ``message`` of a ``{"code", "message"}`` error body; the reason phrase otherwise.
    Never raises: a body that is not JSON, or nested too deep to parse, has no code."""
    try:
        body = json.loads(response.content)
    except (ValueError, RecursionError):
        body = None
    if isinstance(body, dict):
        code, message = body.get("code"), body.get("message")
        if isinstance(message, str):
            return (code if isinstance(code, str) else None), message
    return None, response.reason_phrase or "error"
