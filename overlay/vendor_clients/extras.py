"""Per-call ``extra_headers``, ``extra_query`` and ``extra_body``: applied over the request the spec's
arguments make, for what a spec does not (yet) say."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, urlencode

import httpx
from pydantic_core import PydanticSerializationError, to_json

from .auth import CredentialsAuth
from .config import headers_problem
from .operation import FORM, Operation, form_value
from .responses import JSON, is_json

ExtraHeaders = Mapping[str, str] | None
"""Headers added to the call's request, replacing the operation's own of the same name."""
ExtraQuery = Mapping[str, Any] | None
"""Query parameters added to the call's request, replacing the operation's own of the same name."""
ExtraBody = Mapping[str, Any] | None
"""Fields merged into a JSON object or form body (replacing its own of the same name); the JSON body of an
operation that sends none."""
QUERY_VALUES = (str, int, float, bool)


def extended(
    operation: Operation[Any],
    request: dict[str, Any],
    headers: ExtraHeaders,
    query: ExtraQuery,
    body: ExtraBody,
) -> dict[str, Any]:
    """The keyword arguments of the httpx ``request`` with the extras applied after the operation's own. A
    credential the client sends is replaced only by an extra header or query parameter of its name."""
    extended = dict(request)
    if headers is not None:
        if (problem := headers_problem(headers)) is not None:
            raise operation.invalid("extra_headers", problem)
        merged = httpx.Headers(request["headers"])
        merged.update(headers)
        extended["headers"] = merged
    if query is not None:
        if (problem := query_problem(query)) is not None:
            raise operation.invalid("extra_query", problem)
        extended["params"] = {**request["params"], **query}
    if body is not None:
        extended["content"], content_type = merged_body(operation, request["content"], body)
        if content_type is not None:
            extended["headers"] = httpx.Headers(extended["headers"])
            extended["headers"].setdefault("Content-Type", content_type)
    auth = request["auth"]
    if isinstance(auth, CredentialsAuth):
        extended["auth"] = unless_given(auth, headers or {}, query or {})
    return extended


def query_problem(query: Any) -> str | None:
    """Why ``query`` is not extra query parameters (names to strings, numbers, booleans or lists of
    them), or None."""
    if not isinstance(query, Mapping):
        return f"must be a mapping, got {type(query).__name__}"
    for name, value in query.items():
        values = value if isinstance(value, list | tuple) else [value]
        if not isinstance(name, str) or not all(isinstance(item, QUERY_VALUES) for item in values):
            return f"must map names to strings, numbers, booleans or lists of them ({name!r} does not)"
    return None


def merged_body(operation: Operation[Any], content: bytes | None, body: Any) -> tuple[bytes, str | None]:
    """The body with ``body``'s fields merged in, and the ``Content-Type`` a body the operation had not
    needs."""
    if not isinstance(body, Mapping) or not all(isinstance(name, str) for name in body):
        raise operation.invalid("extra_body", f"must map field names to values, got {type(body).__name__}")
    media = operation.body_media
    if content is None or (operation.body is not None and is_json(media)):
        own = {} if content is None else json.loads(content)
        if not isinstance(own, dict):
            raise operation.invalid("extra_body", "cannot be merged into a body that is not a JSON object")
        try:
            return to_json({**own, **body}), JSON if content is None else None
        except PydanticSerializationError as exc:
            raise operation.invalid("extra_body", "cannot be sent as JSON") from exc
    if media == FORM:
        kept = [(name, value) for name, value in parse_qsl(content.decode()) if name not in body]
        added = [(name, form_value(value)) for name, value in body.items()]
        return urlencode([*kept, *added], doseq=True).encode(), None
    raise operation.invalid("extra_body", f"cannot be merged into a {media} body")


def unless_given(
    auth: CredentialsAuth, headers: Mapping[str, str], query: Mapping[str, Any]
) -> CredentialsAuth:
    """``auth`` without the credentials the call's extras give themselves (a header by its name in any
    case, a query parameter by its name)."""
    named = {name.lower() for name in headers}
    sends = tuple(
        send
        for send in auth.sends
        if not (send[0] == "header" and send[1].lower() in named)
        and not (send[0] == "query" and send[1] in query)
    )
    return auth if sends == auth.sends else CredentialsAuth(sends)
