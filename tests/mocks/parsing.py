"""Request parsing shared by both mocks: bearer token, query string and JSON body into generated models."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from starlette.requests import Request

from tests.mocks.errors import ApiError

Model = TypeVar("Model", bound=BaseModel)


def bearer_token(request: Request) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, or None when absent or malformed."""
    scheme, _, token = request.headers.get("authorization", "").strip().partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


def describe(error: ValidationError) -> str:
    """A one-line message naming the first invalid field, e.g. ``limit: Input should be ...``."""
    first = error.errors(include_url=False)[0]
    location = ".".join(str(part) for part in first["loc"]) or "body"
    return f"{location}: {first['msg']}"


def checked(parse: Callable[[], Model]) -> Model:
    """Run a pydantic parse; any mismatch, explicit nulls included, becomes a 400."""
    try:
        parsed = parse()
    except ValidationError as exc:
        raise ApiError("bad_request", describe(exc)) from exc
    # The generated models type optional fields as ``X | None``; the specs allow no null there.
    for name in sorted(parsed.model_fields_set):
        if getattr(parsed, name) is None:
            alias = type(parsed).model_fields[name].alias or name
            raise ApiError("bad_request", f"{alias}: must not be null")
    return parsed


def parse_query(request: Request, model: type[Model], path: dict[str, str]) -> Model:
    """The path parameters and the query string as ``model`` (the operation's generated parameters
    model); a query parameter given more than once is a 400 (all are scalars)."""
    items = request.query_params.multi_items()
    seen: set[str] = set()
    for key, _ in items:
        if key in seen:
            raise ApiError("bad_request", f"{key}: given more than once")
        seen.add(key)
    return checked(lambda: model.model_validate({**dict(items), **path}, by_alias=True, by_name=False))


async def parse_json_body(request: Request, model: type[Model]) -> Model:
    """The body as ``model``: it must be declared ``application/json`` and be a valid JSON document."""
    media_type = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if media_type != "application/json":
        raise ApiError("bad_request", "body: Content-Type must be application/json")
    raw = await request.body()
    return checked(lambda: model.model_validate_json(raw, strict=True, by_alias=True, by_name=False))
