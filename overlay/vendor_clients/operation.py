"""One spec operation as data, and the request a call's arguments make of it, checked against the spec.

Generated clients declare one ``Operation`` per operation of their spec; nothing here knows a path or an API.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Generic, Literal, TypeVar
from urllib.parse import quote

import pydantic
from pydantic_core import PydanticSerializationError, to_json, to_jsonable_python

from .config import DOT_SEGMENTS
from .errors import InvalidRequestError
from .responses import describe

ResponseT = TypeVar("ResponseT")
"""What a call returns: the response model, None for a body-less answer (a type for the checker only)."""
PLAIN = (str, int, float, bool)
"""Argument types that are sent as they are (everything else goes through pydantic's JSON encoder)."""


@dataclass(frozen=True, slots=True)
class Paging:
    """The operation's ``x-pagination``, with Python argument names and attribute paths."""

    kind: Literal["offset", "page", "cursor"]
    position: str
    """Argument holding the position: items skipped (offset), 1-based page number (page), or the cursor
    the previous page gave (cursor; not sent with the first request)."""
    size: str | None
    """Argument holding the page size (a cursor operation may have none)."""
    results: tuple[str, ...]
    """Attributes leading from the response model to the list of items."""
    total: tuple[str, ...] | None = None
    """Attributes leading to the total item count, when the response has one."""
    max_size: int | None = None
    """The size parameter's ``maximum`` in the spec, if any."""
    next: tuple[str, ...] | None = None
    """Attributes leading to the next page's cursor (cursor): null, absent or empty ends the iteration."""


@dataclass(frozen=True, slots=True)
class Request:
    """What goes on the wire: the path with its parameters in place, the query and the JSON body."""

    path: str
    params: dict[str, Any]
    content: bytes | None


@dataclass(frozen=True, slots=True)
class Operation(Generic[ResponseT]):
    """An operation of a spec: where it is, what it takes (Python name -> wire name), what it answers."""

    operation_id: str
    method: str
    path: str
    """Path template with ``{wire_name}`` placeholders."""
    response: type[pydantic.BaseModel] | None
    """The generated model of the documented success body; None when no success status has a body."""
    empty_statuses: frozenset[int] = frozenset()
    """Success statuses documented without a body: the call returns None."""
    parameters: type[pydantic.BaseModel] | None = None
    """The generated model of the path and query parameters."""
    body: type[pydantic.BaseModel] | None = None
    path_params: Mapping[str, str] = field(default_factory=dict)
    query_params: Mapping[str, str] = field(default_factory=dict)
    body_fields: Mapping[str, str] = field(default_factory=dict)
    """The body's properties as arguments; empty with a ``body`` model: the ``body`` argument is the body."""
    paging: Paging | None = None
    _names: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = {**self.path_params, **self.query_params, **self.body_fields}
        object.__setattr__(self, "_names", {wire: python for python, wire in names.items()})

    def request(self, arguments: Mapping[str, Any]) -> Request:
        """The request for these arguments (None means "not given"); ``InvalidRequestError`` naming the
        argument when one does not fit the spec. Nothing is sent before this has passed."""
        given = {
            name: value if type(value) in PLAIN else self._jsonable(name, value)
            for name, value in arguments.items()
            if value is not None
        }
        params = {wire: given[name] for name, wire in self.query_params.items() if name in given}
        if self.parameters is not None:
            located = {wire: given[name] for name, wire in self.path_params.items() if name in given}
            self._check(self.parameters, to_json({**located, **params}))
        path = self.path.format_map(
            {wire: self._segment(name, given.get(name)) for name, wire in self.path_params.items()}
        )
        return Request(path, params, self._content(given))

    def invalid(self, name: str, problem: str) -> InvalidRequestError:
        """An ``InvalidRequestError`` for the argument ``name`` of this operation."""
        return InvalidRequestError(self.operation_id, name, problem)

    def _jsonable(self, name: str, value: Any) -> Any:
        try:
            return to_jsonable_python(value, by_alias=True)
        except PydanticSerializationError as exc:
            raise self.invalid(name, f"{type(value).__name__} cannot be sent as JSON") from exc

    def _segment(self, name: str, value: Any) -> str:
        """One path parameter, percent-encoded; never empty, ``.`` or ``..``."""
        if value is None:
            raise self.invalid(name, "is required")
        text = value if isinstance(value, str) else to_json(value).decode()
        if text in DOT_SEGMENTS:
            raise self.invalid(name, f"must not be {text!r} in a path")
        return encoded(text)

    def _content(self, given: dict[str, Any]) -> bytes | None:
        if self.body is None:
            return None
        if self.body_fields:
            content = to_json({wire: given[name] for name, wire in self.body_fields.items() if name in given})
        else:
            content = to_json(given.get("body", {}))
        self._check(self.body, content)
        return content

    def _check(self, model: type[pydantic.BaseModel], content: bytes) -> None:
        """Validate JSON as the server would read it: strict types, constraints, formats."""
        try:
            model.model_validate_json(content, strict=True)
        except pydantic.ValidationError as exc:
            path, problem = describe(exc)
            wire, dot, rest = path.partition(".")
            raise self.invalid(self._names.get(wire, wire) + dot + rest, problem) from exc


@lru_cache(maxsize=1024)
def encoded(segment: str) -> str:
    """A path segment percent-encoded (cached: scope ids and recent ids repeat from call to call)."""
    return quote(segment, safe="")
