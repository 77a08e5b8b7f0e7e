"""One spec operation as data, and the request a call's arguments make of it, checked against the spec.

Generated clients declare one ``Operation`` per operation of their spec; nothing here knows a path or an API.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import IO, Any, Generic, Literal, TypeVar
from urllib.parse import quote, urlencode

import pydantic
from httpx._multipart import MultipartStream
from pydantic_core import PydanticSerializationError, to_json, to_jsonable_python

from .config import DOT_SEGMENTS
from .errors import InvalidRequestError
from .responses import JSON, describe, is_json, validate_json

ResponseT = TypeVar("ResponseT")
"""What a call returns: the response model (or its ``unwrap`` attribute), None for a body-less answer (a
type for the checker only)."""
PLAIN = (str, int, float, bool)
"""Argument types that are sent as they are (everything else goes through pydantic's JSON encoder)."""
RAW = (bytes, str)
"""Body types sent as they are: binary and text."""
FORM = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"
FileContent = bytes | IO[bytes]
FileInput = FileContent | tuple[str | None, FileContent, str]
"""A multipart file field: its content, or ``(filename, content, content_type)``."""
FILE_PROBLEM = "must be bytes, a binary file or (filename, content, content_type)"


@dataclass(frozen=True, slots=True)
class Paging:
    """The operation's ``x-pagination``, with Python argument names and attribute paths."""

    kind: Literal["offset", "page", "cursor", "link"]
    position: str
    """Argument holding the position: items skipped (offset), 1-based page number (page), or the cursor
    the previous page gave (cursor; not sent with the first request); none (``""``) for link: each next
    page is the ``rel="next"`` URL of the previous page's ``Link`` header."""
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
    """What goes on the wire: the path with its parameters in place, the query, the JSON body, and the
    header and cookie parameters (cookies in one ``Cookie`` header)."""

    path: str
    params: dict[str, Any]
    content: bytes | None
    headers: Mapping[str, str] | None = None
    """The body's ``Content-Type``, ``Accept`` for a text or binary response, the header and cookie
    parameters."""


@dataclass(frozen=True, slots=True)
class Operation(Generic[ResponseT]):
    """An operation of a spec: where it is, what it takes (Python name -> wire name), what it answers."""

    operation_id: str
    method: str
    path: str
    """Path template with ``{wire_name}`` placeholders."""
    response: type[Any] | None
    """The generated model of the documented success body (``str``: text, ``bytes``: binary); None when no
    success status has a body."""
    empty_statuses: frozenset[int] = frozenset()
    """Success statuses documented without a body: the call returns None."""
    parameters: type[pydantic.BaseModel] | None = None
    """The generated model of the path and query parameters."""
    body: type[Any] | None = None
    """The generated model of the body (``str``: text, ``bytes``: binary)."""
    path_params: Mapping[str, str] = field(default_factory=dict)
    query_params: Mapping[str, str] = field(default_factory=dict)
    header_params: Mapping[str, str] = field(default_factory=dict)
    cookie_params: Mapping[str, str] = field(default_factory=dict)
    parameter_keys: Mapping[str, str] = field(default_factory=dict)
    """Parameters whose key in the ``parameters`` model is not their wire name (a name used in two
    locations): Python name -> key."""
    query_styles: Mapping[str, str] = field(default_factory=dict)
    """Query parameters written by their ``style`` and ``explode`` (``styled``): wire name -> how."""
    body_fields: Mapping[str, str] = field(default_factory=dict)
    """The body's properties as arguments; empty with a ``body`` model: the ``body`` argument is the body."""
    paging: Paging | None = None
    security: tuple[tuple[str, ...], ...] = ()
    """The security requirements: any one of them, each naming the schemes it needs together (none: the
    operation sends no credential)."""
    body_media: str = JSON
    response_media: str = JSON
    file_fields: Mapping[str, str] = field(default_factory=dict)
    """Multipart fields that are files (``FileInput``): Python name -> wire name."""
    body_text: type[Any] | None = None
    """The model checking a text body whose schema constrains it (a ``RootModel[str]``)."""
    response_text: type[Any] | None = None
    """The model checking a text response whose schema constrains it."""
    body_required: bool = False
    """The ``body`` argument (the whole body) is required; when it is not, leaving it out sends no body."""
    unwrap: str | None = None
    """The attribute of the response model that the call returns (an envelope's or a root model's); None:
    the model itself."""
    idempotency_key: str | None = None
    """The header argument that is the operation's idempotency key: a call that gives none sends a fresh
    UUID, which its retries repeat."""
    _names: dict[str, str] = field(init=False, repr=False, compare=False)
    _keys: dict[str, str] = field(init=False, repr=False, compare=False)
    """Every parameter: Python name -> key in the ``parameters`` model."""
    _headers: dict[str, str] | None = field(init=False, repr=False, compare=False)
    """The request headers without a body (``Accept`` for a text or binary response, else None)."""
    _body_headers: dict[str, str] = field(init=False, repr=False, compare=False)
    """The request headers with a body (its ``Content-Type`` too)."""

    def __post_init__(self) -> None:
        located = {**self.path_params, **self.query_params, **self.header_params, **self.cookie_params}
        keys = {name: self.parameter_keys.get(name, wire) for name, wire in located.items()}
        object.__setattr__(self, "_keys", keys)
        names = {**keys, **self.body_fields}
        object.__setattr__(self, "_names", {wire: python for python, wire in names.items()})
        headers = {} if is_json(self.response_media) else {"Accept": self.response_media}
        text = self.body_media.startswith("text/") and "charset" not in self.body_media
        content_type = f"{self.body_media}; charset=utf-8" if text else self.body_media
        object.__setattr__(self, "_headers", headers or None)
        object.__setattr__(self, "_body_headers", {**headers, "Content-Type": content_type})

    def request(self, arguments: Mapping[str, Any]) -> Request:
        """The request for these arguments (None means "not given"); ``InvalidRequestError`` naming the
        argument when one does not fit the spec. Nothing is sent before this has passed."""
        given = {
            name: value if type(value) in PLAIN else self._sendable(name, value)
            for name, value in arguments.items()
            if value is not None
        }
        params = {wire: given[name] for name, wire in self.query_params.items() if name in given}
        if self.parameters is not None:
            keyed = {key: given[name] for name, key in self._keys.items() if name in given}
            self._check(self.parameters, to_json(keyed))
        if self.query_styles:
            params = styled(params, self.query_styles)
        path = self.path.format_map(
            {wire: self._segment(name, given.get(name)) for name, wire in self.path_params.items()}
        )
        headers = {wire: text(given[name]) for name, wire in self.header_params.items() if name in given}
        if self.idempotency_key is not None and self.idempotency_key not in given:
            headers[self.header_params[self.idempotency_key]] = str(uuid.uuid4())
        if self.cookie_params:
            cookies = [
                f"{wire}={cookie(text(given[name]))}"
                for name, wire in self.cookie_params.items()
                if name in given
            ]
            headers["Cookie"] = "; ".join(cookies)
        content: bytes | None = self._content(given)  # checks a multipart body's fields too
        media_headers: Mapping[str, str] | None
        if self.body_media == MULTIPART and self.body is not None:
            content, media_headers = self._multipart(given)
        else:
            media_headers = self._headers if content is None else self._body_headers
        sent = {**(media_headers or {}), **headers} if headers else media_headers
        return Request(path, params, content, sent)

    def invalid(self, name: str, problem: str) -> InvalidRequestError:
        """An ``InvalidRequestError`` for the argument ``name`` of this operation."""
        return InvalidRequestError(self.operation_id, name, problem)

    def _sendable(self, name: str, value: Any) -> Any:
        """A value as it is sent: a file or a raw body as it is (``_content`` checks them), anything else as
        JSON data."""
        if name in self.file_fields or (name == "body" and self.body in RAW):
            return value
        try:
            return to_jsonable_python(value, by_alias=True)
        except PydanticSerializationError as exc:
            raise self.invalid(name, f"{type(value).__name__} cannot be sent as JSON") from exc

    def _segment(self, name: str, value: Any) -> str:
        """One path parameter, percent-encoded; never empty, ``.`` or ``..``."""
        if value is None:
            raise self.invalid(name, "is required")
        segment = text(value)
        if segment in DOT_SEGMENTS:
            raise self.invalid(name, f"must not be {segment!r} in a path")
        return encoded(segment)

    def _content(self, given: dict[str, Any]) -> bytes | None:
        """The body, checked: JSON, a form, bytes or text (None for multipart: see ``_multipart``)."""
        if self.body is None:
            return None
        if not self.body_fields and "body" not in given:
            if self.body_required:
                raise self.invalid("body", "is required")
            return None
        if self.body in RAW:
            raw = given["body"]
            if type(raw) is not self.body:
                raise self.invalid("body", f"must be {self.body.__name__}, not {type(raw).__name__}")
            if self.body_text is not None:
                self._check(self.body_text, to_json(raw), "body")
            return raw.encode() if isinstance(raw, str) else raw
        if self.body_fields:
            fields = {wire: given[name] for name, wire in self.body_fields.items() if name in given}
            if self.body_media == MULTIPART:  # checked with each file as "", encoded by _multipart
                files = {
                    wire: self._file(name, given[name])
                    for name, wire in self.file_fields.items()
                    if name in given
                }
                self._check(self.body, to_json({**fields, **files}))
                return None
            content = to_json(fields)
            self._check(self.body, content)
            if self.body_media == FORM:
                pairs = [(wire, form_value(value)) for wire, value in fields.items()]
                return urlencode(pairs, doseq=True).encode()
            return content
        content = to_json(given["body"])
        self._check(self.body, content, "body")
        return content

    def _file(self, name: str, value: Any) -> str:
        """``""``, what a multipart file argument is checked as with the other fields, once it is a file
        (``InvalidRequestError`` when not)."""
        content = value[1] if isinstance(value, tuple) and len(value) == 3 else value
        if not (
            isinstance(content, bytes)
            or (hasattr(content, "read") and not isinstance(content, io.TextIOBase))
        ):
            raise self.invalid(name, FILE_PROBLEM)
        if isinstance(value, tuple) and not (isinstance(value[0], str | None) and isinstance(value[2], str)):
            raise self.invalid(name, FILE_PROBLEM)
        return ""

    def _multipart(self, given: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
        """A multipart body of the checked fields, and its headers (``Content-Type`` with the boundary)."""
        files = {wire: given[name] for name, wire in self.file_fields.items() if name in given}
        data = {
            wire: form_value(given[name])
            for name, wire in self.body_fields.items()
            if name in given and name not in self.file_fields
        }
        # httpx's public API writes fields without files as a form; its multipart encoder writes either.
        built = MultipartStream(data=data, files=files)
        headers = {**self._body_headers, "Content-Type": built.get_headers()["Content-Type"]}
        return b"".join(built), headers

    def _check(self, model: type[Any], content: bytes, whole: str = "") -> None:
        """Validate JSON as the server would read it: strict types, constraints, formats; an error's path
        starts with ``whole`` (the argument that is the whole body)."""
        try:
            validate_json(model, content)
        except pydantic.ValidationError as exc:
            path, problem = describe(exc, content)
            if whole:
                path = whole + ("" if path == "<body>" else path if path.startswith("[") else f".{path}")
            wire, dot, rest = path.partition(".")
            raise self.invalid(self._names.get(wire, wire) + dot + rest, problem) from exc


@lru_cache(maxsize=1024)
def encoded(segment: str) -> str:
    """A path segment percent-encoded (cached: scope ids and recent ids repeat from call to call)."""
    return quote(segment, safe="")


def text(value: Any) -> str:
    """A parameter value as it goes in a path, a header or a cookie: a string as is, else its JSON."""
    return value if isinstance(value, str) else to_json(value).decode()


def cookie(value: str) -> str:
    """A cookie value percent-encoded where RFC 6265 does not allow it as is (space, ``"``, ``,``, ``;``,
    ``\\``, controls, non-ASCII)."""
    return quote(value, safe="!#$&'()*+-./:<=>?@[]^_`{|}~")


DELIMITERS = {"comma": ",", "space": " ", "pipe": "|"}


def styled(params: dict[str, Any], styles: Mapping[str, str]) -> dict[str, Any]:
    """The query with each parameter of ``styles`` written as its style says: an array joined (``comma``,
    ``space``, ``pipe``: explode false), an object as its properties (``spread``: form), as ``key,value``
    pairs (``pairs``: form, explode false) or as ``name[key]`` (``deep``: deepObject)."""
    written = {}
    for wire, value in params.items():
        style = styles.get(wire)
        if style in DELIMITERS and isinstance(value, list):
            written[wire] = DELIMITERS[style].join(map(text, value))
        elif style == "pairs" and isinstance(value, dict):
            written[wire] = ",".join(f"{key},{text(item)}" for key, item in value.items())
        elif style in ("spread", "deep") and isinstance(value, dict):
            written |= {
                (key if style == "spread" else f"{wire}[{key}]"): text(item) for key, item in value.items()
            }
        else:
            written[wire] = value
    return written


def form_value(value: Any) -> str | list[str]:
    """A form field's text (a list: one field per item): strings as they are, ``true``/``false``, numbers
    and objects as JSON."""
    return [text(item) for item in value] if isinstance(value, list) else text(value)
