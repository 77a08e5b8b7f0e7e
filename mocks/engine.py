"""The mock engine: one ASGI app that serves any spec of the registry, statefully where it is CRUD-shaped.

Order of checks for every request: route (404 for an unknown path, 405 with ``Allow`` for an undocumented
method), security (401), scope path parameters (403), body size and arrival (413, 408), parameters and
body against the spec (400, naming the field), then the operation (404 for an unknown id). Every error
body is the API's own: the documented example of that status with its message replaced, or for a status
the spec does not document, the shape of its other errors. Vendor behaviour beyond CRUD subclasses
``MockApp`` and overrides ``check``, ``select``, ``find``, ``view`` or ``finish``.
"""

from __future__ import annotations

import asyncio
import json
import re
import uuid
from collections.abc import Awaitable, Callable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field, replace
from email.parser import BytesParser
from email.policy import HTTP
from functools import cache
from http import HTTPStatus
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qsl, unquote, urlencode

import orjson
from starlette.applications import Starlette

from mocks import admin
from mocks.admin import ADMIN_PREFIX, MAX_ADMIN_BODY
from mocks.apis import Api, load_spec
from mocks.auth import cookies, credential, presents
from mocks.faults import UNSET, Faults
from mocks.ids import convex_id
from mocks.recording import Recorder, SentCall
from mocks.spec import Operation, Parameter, Resource, Spec, coerce, is_json, typed
from mocks.store import CollectionKey, MemoryStore, Record
from mocks.values import JsonPath, clone, sample, sample_string, schema_at, set_at, types_of

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

BODY_TIMEOUT = 3.0
"""Seconds a client has to send the whole body it announced; then it gets 408 and is disconnected."""
CURSOR_PAGE = 20
"""Items on a cursor page when the operation has no size parameter, or the call gives none."""
MAX_ITEMS = 10_000
"""Most items per collection unless the spec's ``x-max-items`` or the ``max_items`` option says otherwise."""
MESSAGE_KEYS = ("message", "detail", "error_description", "title")
CODE_KEYS = ("code", "error", "type")
PARAMETER = re.compile(r"{([^}]+)}")
TRANSPORT_STATUSES = frozenset({408, 413})
"""Statuses of the transport (body too large or too slow), answered as they are, documented or not."""
SURROGATE = re.compile("[\ud800-\udfff]")
MAX_DEPTH = 100
"""Deepest nesting of arrays and objects a request body may have."""


class MockError(Exception):
    """Raised anywhere while handling a request; answered with the API's error body for ``status``."""

    def __init__(
        self,
        status: int,
        message: str | None = None,
        headers: Sequence[tuple[str, str]] = (),
        instead: Sequence[int] = (400, 422),
    ) -> None:
        super().__init__(message or HTTPStatus(status).phrase)
        self.status = status
        self.message = message
        self.headers = list(headers)
        self.instead = tuple(instead)
        """The documented 4xx statuses to answer with, in order, where the operation lacks ``status``."""


class Disconnected(Exception):
    """The client went away before its request was complete: nothing is answered."""


@dataclass
class Call:
    """A request that passed validation: typed path and query values (query defaults included), body."""

    operation: Operation
    path: dict[str, Any]
    query: dict[str, Any]
    given: frozenset[str]
    """The query parameters the request named (``query`` also holds the schema defaults)."""
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    """The query as sent (a ``Link`` next URL keeps it)."""
    reply_headers: list[tuple[str, str]] = field(default_factory=list)
    """Headers the answer adds (a ``Link`` to the next page)."""


@cache
def read_spec(path: Path) -> Spec:
    """A spec file read for serving, once per process (apps share it; it is never changed)."""
    return Spec(load_spec(path))


def first_error(check: Any, value: Any, root: str, *, prefixed: bool) -> str | None:
    """``where: message`` of the first schema violation of ``value``, or None. ``where`` is the dotted
    path of the offending part, after ``root`` when ``prefixed`` (a parameter) or alone (a body's
    fields); ``root`` alone when the whole value is at fault."""
    try:
        if check.is_valid(value):
            return None
        for error in check.iter_errors(value):
            parts = [str(part) for part in error.instance_path]
            where = ".".join([root, *parts] if prefixed else parts) or root
            return f"{where}: {error.message}"
    except (RecursionError, ValueError):  # jsonschema-rs: "Recursion limit reached"
        return f"{root}: nested too deeply"
    return None


def project(record: Mapping[str, Any], schema: Mapping[str, Any]) -> dict[str, Any]:
    """``record`` as ``schema`` shows it: only its declared properties, required ones sampled if missing."""
    properties: Mapping[str, Any] | None = schema.get("properties")
    if properties is None:
        return dict(record)
    shown = {name: value for name, value in record.items() if name in properties}
    for name in schema.get("required", ()):
        if name not in shown:
            shown[name] = sample(properties.get(name, {}))
    return shown


def completed(resource: Resource, item_id: Any, body: Any) -> Record:
    """What the store keeps for a created or replaced item: the body with the id the mock gave it (not
    one the body names), and a sampled value for every property an item must show that the body left
    out (so a filter sees what a read shows)."""
    record: Record = {resource.id_property: item_id, **(body if isinstance(body, dict) else {})}
    record[resource.id_property] = item_id
    properties = resource.item_schema.get("properties", {})
    for name in resource.item_schema.get("required", ()):
        if name not in record:
            record[name] = sample(properties.get(name, {}))
    return record


def normalised(name: str) -> str:
    """A name compared without case and separators: ``page_size`` and ``pageSize`` are the same."""
    return name.replace("_", "").replace("-", "").lower()


def echo(body: Any, values: Mapping[str, int]) -> None:
    """Set every integer property of ``body`` named like a key of ``values`` (see ``normalised``) to
    its value: a page envelope's ``meta.pageSize`` reports the page size the request used."""
    if isinstance(body, dict):
        for key, value in body.items():
            if isinstance(value, int) and normalised(key) in values:
                body[key] = values[normalised(key)]
            else:
                echo(value, values)


def error_body(template: Any, status: int, message: str | None, documented: bool) -> Any:
    """An error body shaped like ``template`` (a documented example): the message replaced, and for a
    status the spec does not document, the code too (``method_not_allowed`` for 405, or 405 where the
    code is an integer), or a ``message`` added to a shape that has neither."""
    body = clone(template) if isinstance(template, dict) else {"code": "", "message": ""}
    phrase = HTTPStatus(status).phrase
    code = None
    if not documented:
        code = next((key for key in CODE_KEYS if type(body.get(key)) in (str, int)), None)
        if code is not None:
            name = phrase.lower().replace(" ", "_").replace("-", "_")
            body[code] = status if isinstance(body[code], int) else name
    text = next((key for key in MESSAGE_KEYS if isinstance(body.get(key), str)), None)
    if text is None and not documented and code is None:  # a shape with neither says why anyway
        text = MESSAGE_KEYS[0]
    if text is not None and (message is not None or not documented):
        body[text] = message or phrase
    return body


class MockApp(Starlette):
    """An ASGI app serving one API's spec; state on ``app.state.store`` (``reset()`` restores the seed).

    A Starlette app for its ``state`` and for callers typed against Starlette; requests never go through
    Starlette's router or middleware (``__call__`` is the engine's own)."""

    def __init__(
        self,
        served: Api,
        store: Any = None,
        *,
        body_timeout: float = BODY_TIMEOUT,
        max_items: int | None = None,
        admin: bool = False,
    ) -> None:
        self.api = served
        self.spec = read_spec(served.spec_path)
        self.body_timeout = body_timeout
        self.max_items: int = max_items or self.spec.raw.get("x-max-items", MAX_ITEMS)
        """Most items a collection holds (``max_items``, else the spec's ``x-max-items``)."""
        self.route_table = [
            (tuple(template.split("/")[1:]), methods) for template, methods in self.spec.paths.items()
        ]
        self.error_examples: dict[int, Any] = {}
        """The first documented error example per status (400 first: the template of other errors)."""
        for operation in self.spec.operations:
            documented = sorted(int(key) for key in operation.examples if key.isdigit())
            for status in sorted(documented, key=lambda s: (s != 400, s)):
                if status >= 400:
                    self.error_examples.setdefault(status, operation.template_body(status))
        sampled = (
            operation.template_body(int(key))
            for operation in self.spec.operations
            for key in sorted(operation.bodies)
            if key.isdigit() and int(key) >= 400
        )
        self.error_shape = next(iter(self.error_examples.values()), None) or next(sampled, None)
        """What an error of a status the spec does not document looks like."""
        self.credentials = {
            name: found
            for name, definition in self.spec.security_schemes.items()
            if (found := credential(served, definition)) is not None
        }
        """What each security scheme accepts, by scheme name."""
        self.filters = {operation.id: self._filterable(operation) for operation in self.spec.operations}
        self.faults = Faults({operation.id: operation for operation in self.spec.operations})
        """Faults to inject, per operation (``mocks.faults``)."""
        secrets = self.credentials.values()
        query_secrets = [found.name for found in secrets if found.location == "query"]
        self.recorder = Recorder(
            [found.name for found in secrets if found.location == "header"], query_secrets
        )
        self.query_names = {
            operation.id: {*query_secrets, *(p.name for p in operation.parameters if p.location == "query")}
            for operation in self.spec.operations
        }
        """The query keys each operation knows (its parameters and the credentials), by operation id: a
        form-exploded closed object's stray key is any other."""
        """Every request received (``mocks.recording``)."""
        self.admin = admin
        """Whether the admin routes under ``ADMIN_PREFIX`` are served (``mocks.admin``)."""
        super().__init__()
        self.state.store = MemoryStore(self.seed) if store is None else store

    @property
    def store(self) -> Any:
        return self.state.store

    # ------------------------------------------------------------------ ASGI
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await lifespan(receive, send)
            return
        if self.admin and scope["path"].startswith(ADMIN_PREFIX):
            await self.administer(scope, receive, send)
            return
        operation: Operation | None = None
        headers: list[tuple[str, str]] = []
        sent: SentCall | None = None
        raw_path: dict[str, str] = {}
        try:
            operation, raw_path = self.route(scope)
            call = await self.read(operation, raw_path, scope, receive)
            sent = self.sent(scope, call)
            status, body = await self.answer(call)
            headers = call.reply_headers
        except MockError as error:
            if operation is not None and error.status not in TRANSPORT_STATUSES:
                error.status = operation.answered(error.status, error.instead)
            status, headers = error.status, error.headers
            body = self.error(error, operation)
            if sent is None:
                sent = self.sent_invalid(scope, operation, raw_path, error)
        except Disconnected:
            return
        self.recorder.add(replace(sent, status=status))
        media_type = "application/json" if operation is None else operation.media_type(status)
        if operation is not None:  # a header of the call's own (a Link, a fault's) replaces the sample
            own = {name.lower() for name, _ in headers}
            headers = [*(pair for pair in operation.headers(status) if pair[0].lower() not in own), *headers]
        await reply(send, status, None if body is None else encode(body, media_type), media_type, headers)

    async def administer(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer an admin request (``mocks.admin``), its body read under ``MAX_ADMIN_BODY``."""
        headers = request_headers(scope)
        try:
            raw = await read_body(scope, receive, headers, MAX_ADMIN_BODY, self.body_timeout)
            status, body = admin.handle(self, scope["method"], scope["path"], raw)
        except MockError as error:
            status, body = error.status, {"message": str(error)}
        except Disconnected:
            return
        await reply(send, status, None if body is None else dump(body), "application/json", [])

    def reset(self) -> None:
        """Back to the seeded state, with no pending fault and no recorded request."""
        self.store.reset()
        self.faults.clear()
        self.recorder.calls.clear()

    async def answer(self, call: Call) -> tuple[int, Any]:
        """The operation's answer, unless a fault of it is pending (``mocks.faults``): then after its delay,
        its status, body (the API's error body for the status when it gives none) and headers."""
        fault = self.faults.take(call.operation.id)
        if fault is None:
            return self.respond(call)
        call.reply_headers.extend(fault.headers.items())
        if fault.seconds:
            await asyncio.sleep(fault.seconds)
        if fault.status is None:
            return self.respond(call)
        if fault.body is UNSET:
            return fault.status, self.error(MockError(fault.status), call.operation)
        return fault.status, fault.body

    def sent(self, scope: Scope, call: Call) -> SentCall:
        """The record of a request that conforms to the spec (its status is set once answered)."""
        query = {name: value for name, value in call.query.items() if name in call.given}
        return SentCall(
            call.operation.id,
            scope["method"],
            scope["path"],
            dict(call.path),
            self.recorder.query(query),
            clone(call.body),
            self.recorder.headers(call.headers),
            0,
        )

    def sent_invalid(
        self, scope: Scope, operation: Operation | None, raw_path: dict[str, str], error: MockError
    ) -> SentCall:
        """The record of a request answered before it was read whole: a violation of the spec, unless it
        was refused for its scope (403, a rule of the mock rather than of the spec)."""
        pairs = query_pairs(scope)
        headers = request_headers(scope)
        return SentCall(
            None if operation is None else operation.id,
            scope["method"],
            scope["path"],
            raw_path,
            self.recorder.query(dict(pairs)),
            None,
            self.recorder.headers(headers),
            error.status,
            None if error.status == 403 else str(error),
        )

    def error(self, error: MockError, operation: Operation | None) -> Any:
        """The API's error body for ``error``: the operation's documented example of the status, else a
        body of the operation's schema for it, else the API's example, else the shape of its other errors
        with the status's own code."""
        status = error.status
        key = None if operation is None else operation.response_key(status)
        if operation is not None and key is not None:
            template = operation.template_body(status)
            body = error_body(template, status, error.message, key in operation.examples)
            return body if operation.valid_response(status, body) else template
        documented = self.error_examples.get(status)
        template = documented if documented is not None else self.error_shape
        return error_body(template, status, error.message, documented is not None)

    # ------------------------------------------------------------------ request
    def route(self, scope: Scope) -> tuple[Operation, dict[str, str]]:
        """The operation of the request and its raw path parameters; 404 or 405 when there is none."""
        raw: bytes = scope.get("raw_path") or scope["path"].encode()
        segments = [
            unquote(s, errors="replace") for s in raw.decode("latin-1").partition("?")[0].split("/")[1:]
        ]
        for parts, methods in self.route_table:
            params = match(parts, segments)
            if params is None:
                continue
            operation = methods.get(scope["method"])
            if operation is None:
                allow = ", ".join(methods)
                raise MockError(405, f"Use one of: {allow}", [("allow", allow)])
            return operation, params
        raise MockError(404, "No such path")

    async def read(
        self, operation: Operation, raw_path: dict[str, str], scope: Scope, receive: Receive
    ) -> Call:
        """Authenticate, check the scope, read the body and validate everything against the spec."""
        headers = request_headers(scope)
        pairs = query_pairs(scope)
        if not self.authenticated(operation, headers, pairs):
            raise MockError(401)
        for name, value in self.api.mock.scope.items():
            if name in raw_path and raw_path[name] != value:
                raise MockError(403)
        raw_body = await read_body(scope, receive, headers, operation.max_body, self.body_timeout)
        multi = grouped(pairs)
        call = Call(operation, {}, {}, frozenset(multi), headers=headers, pairs=pairs)
        for parameter in operation.parameters:
            self._parameter(call, parameter, raw_path, multi, headers)
        call.body = parse_body(operation, raw_body, headers)
        return call

    def authenticated(
        self, operation: Operation, headers: Mapping[str, str], query: list[tuple[str, str]]
    ) -> bool:
        """Whether the request meets one of the operation's security requirements (``mocks.auth``)."""
        if not operation.security:
            return True
        accepted = self.credentials
        return any(
            all(name in accepted and presents(accepted[name], headers, query) for name in requirement)
            for requirement in operation.security
        )

    def _parameter(
        self,
        call: Call,
        parameter: Parameter,
        raw_path: Mapping[str, str],
        multi: Mapping[str, list[str]],
        headers: Mapping[str, str],
    ) -> None:
        """Check one parameter and store its typed value in ``call``."""
        name = parameter.name
        if parameter.location == "path":
            values = [raw_path[name]] if name in raw_path else []
        elif parameter.exploded and name not in multi:
            properties = parameter.schema.get("properties", {})
            declared = self.query_names[call.operation.id]
            closed = parameter.schema.get("additionalProperties") is False  # then a stray key is its own
            found = {
                key: values
                for key, values in multi.items()
                if key in properties or (closed and key not in declared)
            }
            if found or parameter.required:  # ``style: form``, ``explode``: a key per property (none: {})
                call.query[name] = self.exploded(parameter, found)
                return
            values = []
        elif parameter.location == "query":
            values = multi.get(name, [])
        elif parameter.location == "header":
            values = [headers[name.lower()]] if name.lower() in headers else []
        else:  # a cookie
            jar = cookies(headers.get("cookie", ""))
            values = [jar[name]] if name in jar else []
        if not values:
            if parameter.required:
                raise MockError(400, f"{name}: required")
            if "default" in parameter.schema and parameter.location == "query":
                call.query[name] = parameter.schema["default"]
            return
        if len(values) > 1 and "array" not in types_of(parameter.schema):
            raise MockError(400, f"{name}: given more than once")
        value = parameter.coerce(values)
        problem = first_error(parameter.check, value, name, prefixed=True)
        if problem is not None:
            raise MockError(400, problem)
        (call.path if parameter.location == "path" else call.query)[name] = value

    @staticmethod
    def exploded(parameter: Parameter, found: Mapping[str, list[str]]) -> dict[str, Any]:
        """An object query parameter from its properties' keys, typed and checked."""
        properties = parameter.schema["properties"]
        value = {key: typed(raw, properties.get(key, {})) for key, raw in found.items()}
        problem = first_error(parameter.check, value, parameter.name, prefixed=True)
        if problem is not None:
            raise MockError(400, problem)
        return value

    # ------------------------------------------------------------------ operations
    def respond(self, call: Call) -> tuple[int, Any]:
        """Status and body of a valid call."""
        self.check(call)
        operation = call.operation
        action = operation.action
        if action == "list":
            rows = self.select(call)
            query = (tuple(call.path.items()), tuple(call.query.items()), call.given, tuple(call.pairs))
            key = ("page", operation.id, query)
            body = self.store.kept(key, lambda: self.page(call, rows))  # until the store changes
            link_next(call, len(rows))
            return operation.success, body
        if action == "example":
            return operation.success, operation.template_body(operation.success)
        record: Any = self.create(call) if action == "create" else self.find(call)
        if action in ("update", "replace"):
            record = self.write(call, record)
        elif action == "delete":
            self.remove(call, record)
            if not operation.located:
                return operation.success, operation.template_body(operation.success)
        return operation.success, self.wrap(call, self.view(call, record))

    def key(self, call: Call) -> CollectionKey:
        """The collection a call acts on: its path template and the values of its path parameters."""
        resource = call.operation.resource
        assert resource is not None
        return resource.collection, tuple(call.path[name] for name in PARAMETER.findall(resource.collection))

    def new_id(self, call: Call, number: int) -> Any:
        """The id of the ``number``-th item of a collection, typed as the id property says and valid for it
        and for the id path parameter (its ``pattern`` and bounds)."""
        resource = call.operation.resource
        assert resource is not None
        schema = resource.id_schema
        if "integer" in types_of(schema) or "number" in types_of(schema):
            return number
        if schema.get("format") == "uuid":
            return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{resource.collection}/{number}"))
        name = [part for part in resource.collection.split("/") if part and "{" not in part][-1:] or ["items"]
        opaque = convex_id(name[0], number)
        shaped = (sample_string(spec, number) for spec in (resource.id_parameter_schema, schema))
        return next((text for text in (opaque, *shaped) if resource.id_check.is_valid(text)), opaque)

    def create(self, call: Call) -> Record:
        """Store the body under a new id; a full collection is 507 (or the operation's 409, 422, 400)."""
        resource = call.operation.resource
        assert resource is not None
        key = self.key(call)
        if len(self.store.items(key)) >= self.max_items:
            message = f"{resource.collection}: holds at most {self.max_items} items; delete some first"
            raise MockError(507, message, instead=(409, 422, 400))
        item_id = self.new_id(call, self.store.next_number(key))
        record: Record = self.store.put(key, item_id, completed(resource, item_id, call.body))
        return record

    def find(self, call: Call) -> Any:
        """The item the path names; 404 when there is none."""
        resource = call.operation.resource
        assert resource is not None
        items, given = self.store.items(self.key(call)), call.path[resource.id_parameter]
        record = items.get(given)
        if record is None and isinstance(given, str):  # an integer id in a path parameter typed as a string
            record = items.get(coerce(given, resource.id_schema))
        if record is None:
            raise MockError(404)
        return record

    def write(self, call: Call, record: Record) -> Record:
        """PATCH merges the body into the item, PUT replaces it (the id stays)."""
        resource = call.operation.resource
        assert resource is not None
        item_id = record[resource.id_property]
        changes = call.body if isinstance(call.body, dict) else {}
        body = {**record, **changes} if call.operation.action == "update" else changes
        updated: Record = self.store.put(self.key(call), item_id, completed(resource, item_id, body))
        return updated

    def remove(self, call: Call, record: Record) -> None:
        resource = call.operation.resource
        assert resource is not None
        self.store.remove(self.key(call), record[resource.id_property])

    def select(self, call: Call) -> Sequence[Any]:
        """The items a list call selects, in order: equality on the filter parameters it names."""
        names = self.filters[call.operation.id]
        filters = tuple((name, call.query[name]) for name in names if name in call.given)
        rows: Sequence[Any] = self.store.select(self.key(call), filters)
        return rows

    def page(self, call: Call, rows: Sequence[Any]) -> Any:
        """The list envelope: the documented success body with the page of items, total and echoes."""
        operation = call.operation
        pagination = operation.pagination
        start, stop = window(call, len(rows))
        body = clone(operation.skeleton)
        if pagination is not None:
            echo(
                body,
                {
                    normalised(name): call.query[name]
                    for name in (pagination.size, pagination.position)
                    if name is not None and isinstance(call.query.get(name), int)
                },
            )
        body = set_at(body, operation.located, [self.view(call, row) for row in rows[start:stop]])
        if pagination is not None and pagination.total is not None:
            body = set_at(body, pagination.total, len(rows))
        if pagination is not None and pagination.next is not None:
            more = stop is not None and stop < len(rows)
            body = next_cursor(body, pagination.next, str(stop) if more else None, operation.success_schema)
        return self.finish(call, body)

    def wrap(self, call: Call, item: Any) -> Any:
        """The documented success body with ``item`` where the operation's item sits."""
        return set_at(clone(call.operation.skeleton), call.operation.located, item)

    # ------------------------------------------------------------------ hooks for vendor overrides
    def check(self, call: Call) -> None:
        """Runs after validation, before the operation: vendor rules (403, defaults, clamping)."""

    def view(self, call: Call, record: Any) -> Any:
        """An item as the operation shows it."""
        return project(record, call.operation.item_schema)

    def finish(self, call: Call, body: Any) -> Any:
        """Last changes to a list envelope."""
        return body

    def seed(self, store: MemoryStore) -> None:
        """Fill every collection whose path parameters are all scope parameters with ``mock.seed`` items."""
        scope = self.api.mock.scope
        for operation in self.spec.operations:
            resource = operation.resource
            if resource is None or operation.action != "list":
                continue
            names = PARAMETER.findall(resource.collection)
            if not set(names) <= set(scope):
                continue
            key = (resource.collection, tuple(scope[name] for name in names))
            call = Call(operation, {name: scope[name] for name in names}, {}, frozenset())
            for _ in range(self.api.mock.seed if not store.items(key) else 0):
                number = store.next_number(key)
                record = sample(resource.item_schema, number, complete=True)
                record[resource.id_property] = self.new_id(call, number)
                store.put(key, record[resource.id_property], record)

    def _filterable(self, operation: Operation) -> tuple[str, ...]:
        """Query parameters of a list naming a property of its items or of the create body."""
        resource = operation.resource
        if operation.action != "list" or resource is None:
            return ()
        properties = set(resource.item_schema.get("properties", {}))
        for other in self.spec.operations:
            if other.resource == resource and other.action == "create" and other.body_schema:
                properties |= set(other.body_schema.get("properties", {}))
        paging = {operation.pagination.size, operation.pagination.position} if operation.pagination else set()
        return tuple(
            p.name for p in operation.parameters if p.location == "query" and p.name in properties - paging
        )


LINK_OFFSET = "mock_offset"
"""The query key of the offset in the ``Link`` next URLs of the mock (a Link-paginated operation declares
no position: the next URL is the server's own)."""


def window(call: Call, total: int) -> tuple[int, int | None]:
    """Where the page a list call asks for starts and stops among ``total`` rows (None: the end)."""
    pagination = call.operation.pagination
    if pagination is None:
        return 0, None
    size = call.query.get(pagination.size) if pagination.size else None
    position = call.query.get(pagination.position)
    if pagination.kind in ("cursor", "link"):  # a link's position is the mock's own offset key
        offset = cursor_offset(position if pagination.kind == "cursor" else link_position(call))
        start, size = (total if offset is None else offset), size or CURSOR_PAGE
    elif pagination.kind == "page":
        start = ((position or 1) - 1) * (size or total)
    else:
        start = position or 0
    return start, None if size is None else start + size


def link_next(call: Call, total: int) -> None:
    """For ``type: link`` pagination with more rows, the ``Link`` header to the next page, in the
    request's query with the mock's offset."""
    pagination = call.operation.pagination
    if pagination is None or pagination.kind != "link":
        return
    _, stop = window(call, total)
    if stop is not None and stop < total:
        kept = [(key, value) for key, value in call.pairs if key != LINK_OFFSET]
        call.reply_headers.append(("Link", f'<?{urlencode([*kept, (LINK_OFFSET, stop)])}>; rel="next"'))


def link_position(call: Call) -> str | None:
    """The offset the request's ``LINK_OFFSET`` key gives (None: the first page)."""
    return next((value for key, value in call.pairs if key == LINK_OFFSET), None)


def cursor_offset(cursor: Any) -> int | None:
    """The offset a cursor of this mock stands for (its cursors are offsets as text), 0 for none, None for
    a cursor it never gave (answered as an empty last page: the spec documents no error for it)."""
    if cursor is None:
        return 0
    if not (isinstance(cursor, str) and cursor.isascii() and cursor.isdigit()):
        return None
    return int(cursor)


def next_cursor(body: Any, path: JsonPath, cursor: str | None, schema: Mapping[str, Any]) -> Any:
    """``body`` with the next page's ``cursor`` at ``path``; on the last page null where the schema
    allows it, else the field left out."""
    field = schema_at(schema, path)
    if cursor is not None or "null" in types_of(field) or field.get("nullable"):
        return set_at(body, path, cursor)
    parent = body
    for part in path[:-1]:
        parent = parent.get(part, {})
    parent.pop(path[-1], None)
    return body


def match(parts: Sequence[str], segments: Sequence[str]) -> dict[str, str] | None:
    """The path parameters when ``segments`` fit the template ``parts``, else None."""
    if len(parts) != len(segments):
        return None
    params: dict[str, str] = {}
    for part, segment in zip(parts, segments, strict=True):
        if part.startswith("{") and part.endswith("}"):
            if not segment:
                return None
            params[part[1:-1]] = segment
        elif part != segment:
            return None
    return params


async def read_body(
    scope: Scope, receive: Receive, headers: Mapping[str, str], limit: int, timeout: float
) -> bytes:
    """The request body, at most ``limit`` bytes (413 beyond, before reading more), whole within
    ``timeout`` seconds (408 and the connection closed otherwise)."""
    declared = headers.get("content-length")
    if declared is None and "transfer-encoding" not in headers:
        return b""
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise MockError(413, f"body: larger than {limit} bytes", [("connection", "close")])
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    chunks: list[bytes] = []
    size = 0
    more = True
    while more:
        try:
            async with asyncio.timeout_at(deadline):
                message = await receive()
        except TimeoutError:
            raise MockError(
                408, f"body: not received within {timeout:g} s", [("connection", "close")]
            ) from None
        if message["type"] == "http.disconnect":
            raise Disconnected
        chunk: bytes = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise MockError(413, f"body: larger than {limit} bytes", [("connection", "close")])
        chunks.append(chunk)
        more = message.get("more_body", False)
    return b"".join(chunks)


def request_headers(scope: Scope) -> dict[str, str]:
    """The request's headers by lowercase name."""
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}


def query_pairs(scope: Scope) -> list[tuple[str, str]]:
    """The request's query as ``(key, value)`` pairs, in order, blank values kept."""
    return parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)


T = TypeVar("T")


def grouped(pairs: Sequence[tuple[str, T]]) -> dict[str, list[T]]:
    """Pairs as each key's values, in order (a repeated key is an array)."""
    multi: dict[str, list[T]] = {}
    for key, value in pairs:
        multi.setdefault(key, []).append(value)
    return multi


async def reply(
    send: Send, status: int, payload: bytes | None, media_type: str, headers: Sequence[tuple[str, str]]
) -> None:
    """Send a response: ``payload`` (None: no body) of ``media_type``, with ``headers``."""
    raw_headers = [(b"content-length", str(len(payload or b"")).encode())]
    if payload is not None:
        raw_headers.append((b"content-type", media_type.encode()))
    raw_headers += [(name.encode(), value.encode("latin-1", "replace")) for name, value in headers]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": payload or b""})


def encode(body: Any, media_type: str) -> bytes:
    """A response body in its media type: JSON, or a text or binary body as it is."""
    if isinstance(body, str) and not is_json(media_type):
        return body.encode()
    return dump(body)


def dump(body: Any) -> bytes:
    """Compact JSON: orjson, or the standard library for what orjson refuses (integers beyond 64 bits)."""
    try:
        return orjson.dumps(body)
    except orjson.JSONEncodeError:
        return json.dumps(body, separators=(",", ":")).encode()


def reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


FORM = "application/x-www-form-urlencoded"


def parse_body(operation: Operation, raw: bytes, headers: Mapping[str, str]) -> Any:
    """The body in its media type (JSON, form, multipart, text; binary as bytes), validated against the
    operation's schema for that media type (None when it takes no body)."""
    if not operation.body_media:
        return None
    content_type = headers.get("content-type", "")
    media_type = content_type.partition(";")[0].strip().lower()
    if not raw and media_type != FORM:  # an empty form is a form, without fields
        if operation.body_required:
            raise MockError(400, "body: required")
        return None
    documented = operation.body_media_type(media_type)
    if documented is None:
        raise MockError(415, f"body: Content-Type must be one of {', '.join(operation.body_media)}")
    body = decode(documented, content_type, raw, operation.body_media[documented])
    if isinstance(body, bytes):
        return body
    check = operation.body_checks[documented]
    problem = unstorable(body) or first_error(check, body, "body", prefixed=False)
    if problem is not None:
        raise MockError(400, problem)
    return body


def decode(media_type: str, content_type: str, raw: bytes, schema: Mapping[str, Any]) -> Any:
    """A request body read as its media type says (bytes for binary); 400 when it does not read as one."""
    try:
        if is_json(media_type) or media_type == "*/*":
            return json.loads(raw, parse_constant=reject_constant)
        if media_type == FORM:
            return form_fields(parse_qsl(raw.decode(), keep_blank_values=True), schema)
        if media_type == "multipart/form-data":
            return form_fields(multipart_fields(content_type, raw), schema)
        if media_type.startswith("text/") or schema.get("format") != "binary":
            return raw.decode()
    except (ValueError, RecursionError):
        raise MockError(400, f"body: not a valid {media_type} document") from None
    return raw


def multipart_fields(content_type: str, raw: bytes) -> list[tuple[str, Any]]:
    """The ``(name, value)`` fields of a multipart body: a part's text (a file's bytes read as Latin-1), or
    the value a part of a JSON ``Content-Type`` holds; none for a body that is only the closing delimiter."""
    head = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1")
    message = BytesParser(policy=HTTP).parsebytes(head + raw)
    boundary = message.get_boundary()
    if boundary is not None and raw.strip() == f"--{boundary}--".encode("latin-1"):
        return []
    if not message.is_multipart():
        raise ValueError("not multipart")
    fields: list[tuple[str, Any]] = []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if not isinstance(name, str) or not isinstance(payload, bytes):
            raise ValueError("a part without a name")
        if part.get_filename():
            fields.append((name, payload.decode("latin-1")))
        elif "content-type" in part and is_json(part.get_content_type()):
            fields.append((name, json.loads(payload, parse_constant=reject_constant)))
        else:
            fields.append((name, payload.decode()))
    return fields


def form_fields(pairs: Sequence[tuple[str, Any]], schema: Mapping[str, Any]) -> dict[str, Any]:
    """Form fields as an object, each typed as its property's schema, or the additional properties' (an
    array from repeated names; a field sent as JSON is its value already); 400 for a field sent more than
    once whose schema takes no array (no valid body is sent so)."""
    properties = schema.get("properties", {})
    extra = schema.get("additionalProperties")
    other = extra if isinstance(extra, Mapping) else {}
    found = {}
    for name, values in grouped(pairs).items():
        field = properties.get(name, other)
        if len(values) > 1 and types_of(field) and "array" not in types_of(field):
            raise MockError(400, f"{name}: sent {len(values)} times, but it takes one value")
        found[name] = form_value(values, field)
    return found


def form_value(values: list[Any], schema: Mapping[str, Any]) -> Any:
    """A field's values as ``schema`` types them (``typed``); one sent as JSON is the value it holds, and
    among several, each JSON one is an item."""
    if all(isinstance(value, str) for value in values):
        return typed(values, schema)
    if len(values) == 1:
        return values[0]
    items = schema.get("items", {})
    return [coerce(value, items) if isinstance(value, str) else value for value in values]


def unstorable(body: Any) -> str | None:
    """``where: ...`` naming a string of a JSON body, or the object holding a property name, that is not
    valid Unicode (a lone surrogate such as ``"\\ud800"``), or a value nested deeper than ``MAX_DEPTH``
    (what the store could not keep and hand back), or None when there is none."""
    pending: list[tuple[tuple[str, ...], Any]] = [((), body)]
    while pending:
        path, value = pending.pop()
        where = ".".join(path) or "body"
        if isinstance(value, str) and SURROGATE.search(value):
            return f"{where}: contains a lone surrogate, which is not valid Unicode"
        if isinstance(value, dict | list) and len(path) >= MAX_DEPTH:
            return f"body: nested deeper than {MAX_DEPTH} levels"
        if isinstance(value, dict):
            if any(SURROGATE.search(key) for key in value):
                return f"{where}: a property name contains a lone surrogate, which is not valid Unicode"
            pending += [((*path, key), item) for key, item in value.items()]
        elif isinstance(value, list):
            pending += [((*path, str(index)), item) for index, item in enumerate(value)]
    return None


async def lifespan(receive: Receive, send: Send) -> None:
    """Answer the lifespan protocol (nothing to start or stop)."""
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
