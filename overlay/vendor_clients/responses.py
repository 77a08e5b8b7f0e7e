"""Turn an httpx response into a spec-validated model, or into the matching typed error."""

from __future__ import annotations

import contextlib
import json
import logging
import re
from collections.abc import Callable, MutableSet
from fnmatch import fnmatchcase
from typing import Any

import httpx
import pydantic

from .auth import Secret
from .errors import APIStatusError, ErrorResponse, ResponseValidationError, status_error_class
from .lenient import Loc, open_enums_only, path_of, salvaged
from .open_enums import plan
from .redaction import redacted_headers

JSON = "application/json"
ERROR_TEXT_CHARS = 4096
"""The most of an error body an ``APIStatusError`` keeps as ``response.text``."""
REQUEST_ID_HEADERS = (
    "x-request-id",
    "request-id",
    "x-amzn-requestid",
    "x-amz-request-id",
    "x-ms-request-id",
    "x-github-request-id",
    "x-correlation-id",
)
"""Headers in which servers commonly name the request, the first one present becoming ``request_id``."""
logger = logging.getLogger("vendor_clients")


def is_json(media: str) -> bool:
    """``application/json`` or a ``+json`` type."""
    return media == JSON or media.endswith("+json")


VALIDATORS: dict[type[Any], Callable[..., Any]] = {}
"""Each generated model's JSON validator: ``model_validate_json``, an enum's ``TypeAdapter``."""


def validate_json(model: type[Any], content: bytes) -> Any:
    """One strict parse-and-validate pass of JSON by a generated model."""
    validate = VALIDATORS.get(model)
    if validate is None:
        found = model.model_validate_json if issubclass(model, pydantic.BaseModel) else None
        validate = VALIDATORS.setdefault(model, found or pydantic.TypeAdapter(model).validate_json)
    return validate(content, strict=True)


def decode(
    response: httpx.Response,
    model: type[Any] | None,
    operation: str,
    secret: Secret,
    empty_statuses: frozenset[int] = frozenset(),
    media: str = JSON,
    strict: bool = True,
    warned: MutableSet[tuple[str, str]] | None = None,
    text_model: type[Any] | None = None,
) -> Any:
    """The response body validated against the generated ``model`` in one strict pass (parse and types),
    as text (``model`` is ``str``; checked by ``text_model`` when the schema constrains it) or as bytes
    (``bytes``) of the ``media`` type; None for a success status documented without a body; the typed
    error for an error status. A JSON body off the spec is ``ResponseValidationError``, unless only its
    enum values are unknown or ``strict`` is False: then the model is built with those values as sent,
    each logged once (per ``warned``) as a WARNING, as is each unknown value of an open enum."""
    if not response.is_success:
        raise status_error(response, secret)
    if model is None or response.status_code in empty_statuses:
        return None
    content_type = response.headers.get("content-type", "").partition(";")[0].strip().lower()
    raw = model is str or model is bytes
    if raw and fnmatchcase(content_type, media.lower()):
        if model is bytes:
            return response.content
        found = text(response, operation, secret)
        return found if text_model is None else checked_text(response, operation, secret, text_model, found)
    if raw or (content_type != JSON and not content_type.endswith("+json")):
        got = content_type or "no content-type"
        raise off_spec(response, operation, secret, f"expected {media if raw else JSON}, got {got}")
    problems: dict[str, str] = {}
    try:
        found = validate_json(model, response.content)
    except pydantic.ValidationError as exc:
        kept = None
        if not strict or open_enums_only(exc):
            with contextlib.suppress(ValueError):
                kept = salvaged(model, response.content, exc)
        if kept is None:
            path, problem = describe(exc, response.content)
            raise off_spec(response, operation, secret, problem, path) from exc
        found, problems = kept
    check = plan(model)
    if check is not None:
        check(found, (), problems)
    if problems:
        warn(operation, problems, set() if warned is None else warned)
    return found


def warn(operation: str, kept: dict[str, str], warned: MutableSet[tuple[str, str]]) -> None:
    """A WARNING for each value kept as sent, the first time its operation and field path (any item of
    a list) is seen."""
    for path, problem in kept.items():
        seen = (operation, re.sub(r"\[\d+\]", "[]", path))
        if seen not in warned:
            warned.add(seen)
            logger.warning("%s: response field %s kept as sent: %s", operation, path, problem)


def checked_text(
    response: httpx.Response, operation: str, secret: Secret, model: type[Any], found: str
) -> str:
    """A text body checked against its constrained schema's model."""
    content = json.dumps(found).encode()
    try:
        validate_json(model, content)
    except pydantic.ValidationError as exc:
        raise off_spec(response, operation, secret, describe(exc, content)[1]) from exc
    return found


def text(response: httpx.Response, operation: str, secret: Secret) -> str:
    """A text body decoded by its charset (UTF-8 by default)."""
    charset = response.charset_encoding or "utf-8"
    try:
        return response.content.decode(charset)
    except (UnicodeDecodeError, LookupError) as exc:
        raise off_spec(response, operation, secret, f"not {charset} text") from exc


def off_spec(
    response: httpx.Response, operation: str, secret: Secret, problem: str, path: str = "<body>"
) -> ResponseValidationError:
    """The ``ResponseValidationError`` of a body off the spec at ``path``."""
    request = response.request
    return ResponseValidationError(
        operation, path, problem, method=request.method, url=secret.redact(str(request.url))
    )


def describe(exc: pydantic.ValidationError, content: bytes) -> tuple[str, str]:
    """The first error's field path in the JSON ``content`` (``data.workspaces[3].created_at``) and
    problem, without the value; each field counted once (a union reports one error per member)."""
    errors = exc.errors(include_url=False, include_input=False)
    try:
        document = json.loads(content)
    except (ValueError, RecursionError):  # not JSON, or nested past the parser's limit
        document = None
    paths = dict.fromkeys(path_of(in_document(error, document)) for error in errors)
    path = next(iter(paths))
    more = f" (and {len(paths) - 1} more)" if len(paths) > 1 else ""
    return path or "<body>", f"{errors[0]['msg']}{more}"


def in_document(error: Any, document: Any) -> Loc:
    """An error's location without the parts pydantic adds for union members (``literal['a','b']``, a
    member's class name): the names no object on the way holds, but a missing field's own name."""
    loc: Loc = tuple(error["loc"])
    kept: list[str | int] = []
    node = document
    for index, part in enumerate(loc):
        if isinstance(node, dict | list) and contains(node, part):
            node = node[part]  # type: ignore[index]
        elif isinstance(part, str) and not (index == len(loc) - 1 and error["type"] == "missing"):
            continue
        kept.append(part)
    return tuple(kept) if document is not None else loc


def contains(node: dict[str, Any] | list[Any], part: str | int) -> bool:
    """Whether an object has the key or an array the index ``part``."""
    if isinstance(node, dict):
        return part in node
    return isinstance(part, int) and 0 <= part < len(node)


def status_error(response: httpx.Response, secret: Secret) -> APIStatusError:
    """The ``APIStatusError`` subclass for the status, with the vendor's ``code`` and ``message``, the
    response (redacted, its text capped) and the request id."""
    code, message = error_body(response)
    headers = redacted_headers(response.headers, secret)
    text, truncated = capped_text(response, ERROR_TEXT_CHARS)
    request_id = next((headers[name] for name in REQUEST_ID_HEADERS if name in headers), None)
    return status_error_class(response.status_code)(
        response.status_code,
        secret.redact(code) if code is not None else None,
        secret.redact(message),
        method=response.request.method,
        url=secret.redact(str(response.request.url)),
        response=ErrorResponse(response.status_code, headers, secret.redact(text), truncated),
        request_id=request_id,
    )


def capped_text(message: httpx.Request | httpx.Response, limit: int) -> tuple[str, bool]:
    """The first ``limit`` characters of a body, decoded by its charset (UTF-8 when it names none or one
    Python lacks; undecodable bytes replaced), and whether the body holds more; at most ``4 * limit``
    bytes are decoded."""
    content = message.content
    piece = content[: limit * 4]
    charset = message.charset_encoding if isinstance(message, httpx.Response) else None
    try:
        text = piece.decode(charset or "utf-8", "replace")
    except LookupError:
        text = piece.decode("utf-8", "replace")
    return text[:limit], len(text) > limit or len(content) > len(piece)


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
