"""What the engine reads from a spec: operations, their parameters and bodies, and the CRUD resources
inferred from the paths.

Inference rules (documented in the README):
- an *item path* is ``<collection>/{param}`` (either with a trailing slash) where ``<collection>`` is
  itself a path with GET or POST; GET / PATCH / PUT / DELETE on it read, merge, replace and delete one
  item, GET on the collection lists it and POST creates in it;
- the *id property* is the first of ``param``, ``id``, ``_id`` declared by the object found, in the
  item's success response, by walking object properties from the body's root;
- a list's items are at ``x-pagination.results`` (else at the first array of such objects);
- list query parameters named like a property of the item or of the create body filter by equality.
Every other operation answers its documented example, or a body sampled from its schema.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

import jsonschema_rs

from mocks.values import JsonPath, clone, flat, json_path, sample, schema_at, set_at, types_of

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
INTEGER = re.compile(r"-?[0-9]{1,4000}")
DEFAULT_MAX_BODY = 1 << 20
"""Largest request body accepted unless the spec sets ``x-max-body-bytes`` (root or operation)."""
UNSENT_HEADERS = {"content-type", "content-length", "transfer-encoding", "connection"}
"""Documented response headers the engine leaves to the transport."""
ITEM_ACTIONS = {"GET": "read", "PATCH": "update", "PUT": "replace", "DELETE": "delete"}
COLLECTION_ACTIONS = {"GET": "list", "POST": "create"}


INTEGER_RANGES = {"int32": (-(1 << 31), (1 << 31) - 1), "int64": (-(1 << 63), (1 << 63) - 1)}
"""The bounds OpenAPI's integer formats set (JSON Schema leaves them unchecked)."""


def validator(schema: Mapping[str, Any]) -> jsonschema_rs.Validator:
    """A compiled JSON Schema 2020-12 validator (formats checked, ``int32``/``int64`` ranges included)
    for an already dereferenced schema."""
    return jsonschema_rs.Draft202012Validator(bounded(schema), validate_formats=True)


SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
"""Keywords whose value maps names to schemas (a property may be called ``nullable``)."""


def bounded(schema: Any) -> Any:
    """A copy of ``schema`` as JSON Schema 2020-12 reads it: every ``int32``/``int64`` schema also states its
    range as bounds, and OpenAPI 3.0's ``nullable: true`` takes null (in its ``type`` and ``enum``, or as an
    ``anyOf`` beside a schema without a type)."""
    if isinstance(schema, list):
        return [bounded(item) for item in schema]
    if not isinstance(schema, Mapping):
        return schema
    copy: dict[str, Any] = {
        key: {name: bounded(value) for name, value in value.items()}
        if key in SCHEMA_MAPS and isinstance(value, Mapping)
        else bounded(value)
        for key, value in schema.items()
    }
    form = copy.get("format")
    limits = INTEGER_RANGES.get(form) if isinstance(form, str) else None
    if limits is not None and {"integer", "number"} & set(types_of(copy)):
        copy.setdefault("minimum", limits[0])
        copy.setdefault("maximum", limits[1])
    if copy.pop("nullable", False) is not True:
        return copy
    if "enum" in copy and None not in copy["enum"]:
        copy["enum"] = [*copy["enum"], None]
    if "type" not in copy:
        return {"anyOf": [{"type": "null"}, copy]}
    return {**copy, "type": [*types_of(copy), "null"]} if "null" not in types_of(copy) else copy


@dataclass(frozen=True)
class Parameter:
    """One path, query or header parameter of an operation."""

    name: str
    location: str
    required: bool
    schema: Mapping[str, Any]
    check: jsonschema_rs.Validator = field(repr=False)
    exploded: bool = False
    """An object query parameter sent ``style: form, explode: true`` (the default): a key per property."""

    def coerce(self, values: list[str]) -> Any:
        """The raw strings of the parameter as its schema's type: a list for an array (one value per
        repetition of the key), else the single value."""
        return typed(values, self.schema)


def typed(values: list[str], schema: Mapping[str, Any]) -> Any:
    """Repeated raw strings as ``schema`` types them: a list for an array, else the first one."""
    if "array" in types_of(schema):
        return [coerce(raw, schema.get("items", {})) for raw in values]
    return coerce(values[0], schema)


def coerce(raw: str, schema: Mapping[str, Any]) -> Any:
    """A string as the schema's scalar type when it reads as one (else left as it is, so that validation
    names the mismatch); ``null`` as None where the schema takes null and the text ``null`` is no string
    it takes (it has a format or an enum without it); a JSON object where an object is asked (a multipart
    part of an object property is JSON); a union's members' types tried together."""
    members = [option for key in ("anyOf", "oneOf") for option in schema.get(key, ())]
    kinds = types_of(schema) or [kind for option in members for kind in types_of(option)]
    if "object" in kinds and "string" not in kinds and raw.startswith("{"):
        try:
            return json.loads(raw)
        except ValueError:
            return raw
    takes_null = "null" in kinds or schema.get("nullable") is True or None in schema.get("enum", ())
    as_string = "string" in kinds and "format" not in schema and "null" in schema.get("enum", ["null"])
    if raw == "null" and takes_null and not as_string:
        return None
    if ("integer" in kinds or "number" in kinds) and INTEGER.fullmatch(raw):
        return int(raw)
    if "number" in kinds:
        try:
            value = float(raw)
        except ValueError:
            return raw
        return value if value - value == 0 else raw  # no inf or nan
    if "boolean" in kinds and raw in ("true", "false"):
        return raw == "true"
    return raw


@dataclass(frozen=True)
class Pagination:
    """An operation's ``x-pagination`` extension."""

    kind: str
    position: str
    size: str | None
    results: JsonPath
    total: JsonPath | None
    next: JsonPath | None = None
    """Where a cursor page holds the next page's cursor."""


@dataclass(frozen=True)
class Resource:
    """A CRUD-shaped resource: a collection path and its item path."""

    collection: str
    id_parameter: str
    id_property: str
    id_schema: Mapping[str, Any]
    item_schema: Mapping[str, Any]
    """Every property any operation shows for an item (for seeding and filters)."""
    id_parameter_schema: Mapping[str, Any]
    """The schema of the item path's id parameter: an id must be valid for it too."""

    @cached_property
    def id_check(self) -> jsonschema_rs.Validator:
        """Whether a value is valid both as the id property and as the id path parameter."""
        return validator({"allOf": [self.id_schema, self.id_parameter_schema]})


@dataclass(frozen=True)
class Operation:  # not slotted: item_schema is a cached_property
    """One operation and what the engine does with it."""

    id: str
    method: str
    template: str
    parameters: tuple[Parameter, ...]
    body_schema: Mapping[str, Any] | None
    """The request body's schema (its JSON media type's, else its first one's); None: no body."""
    body_required: bool
    body_check: jsonschema_rs.Validator | None = field(repr=False)
    body_media: Mapping[str, Mapping[str, Any]]
    """The schema of each documented request media type (``multipart/form-data``, ``text/*``)."""
    responses: Mapping[str, Any]
    bodies: Mapping[str, Any]
    """Per documented response (``404``, ``4XX``, ``default``), the body the engine starts from (see
    ``documented_body``)."""
    examples: frozenset[str]
    """The responses whose body is a documented example rather than sampled from the schema."""
    success: int
    security: tuple[frozenset[str], ...]
    """The security requirements (the operation's, else the spec's): any one of them, each naming the
    schemes it needs together; none, or an empty one, leaves the operation open."""
    max_body: int
    pagination: Pagination | None = None
    resource: Resource | None = None
    action: str = "example"
    located: JsonPath = ()
    """Where the item (or, for a list, the items) sit in the success body."""

    @property
    def success_schema(self) -> Mapping[str, Any]:
        response = self.responses.get(self.response_key(self.success) or "", {})
        schema: Mapping[str, Any] = media(response).get("schema", {})
        return schema

    def response_key(self, status: int) -> str | None:
        """The response documenting ``status``: the status itself, its range (``4XX``), else ``default``."""
        return next(
            (key for key in (str(status), f"{status // 100}XX", "default") if key in self.responses), None
        )

    def answered(self, status: int, instead: Sequence[int]) -> int:
        """The status an error of ``status`` is answered with: itself when documented (as a range or by
        ``default`` too), else the first of ``instead`` documented, else the lowest documented 4xx, else
        itself."""
        if self.response_key(status) is not None:
            return status
        documented = sorted(int(key) for key in self.responses if key.isdigit() and 400 <= int(key) < 500)
        return next((s for s in instead if s in documented), documented[0] if documented else status)

    def media_type(self, status: int) -> str:
        """The media type of the response to ``status``: JSON when the spec documents it, else the first
        documented one made concrete (``text/*`` -> ``text/plain``)."""
        content = self.responses.get(self.response_key(status) or "", {}).get("content", {})
        names = [name.split(";")[0].strip() for name in content]
        chosen = next((name for name in names if is_json(name)), names[0] if names else "application/json")
        if chosen == "*/*":
            return "application/json"
        return chosen.replace("/*", "/plain" if chosen.startswith("text/") else "/octet-stream")

    @cached_property
    def body_checks(self) -> dict[str, jsonschema_rs.Validator]:
        """A validator of each documented request media type."""
        return {name: validator(schema) for name, schema in self.body_media.items()}

    def body_media_type(self, given: str) -> str | None:
        """The documented request media type ``given`` falls under (``text/*`` covers ``text/csv``)."""
        kind = given.partition("/")[0]
        return next((name for name in (given, f"{kind}/*", "*/*") if name in self.body_media), None)

    @cached_property
    def response_checks(self) -> dict[str, jsonschema_rs.Validator]:
        """A validator of each documented JSON response body, by response key."""
        return {
            key: validator(media(response)["schema"])
            for key, response in self.responses.items()
            if "schema" in media(response)
        }

    def valid_response(self, status: int, body: Any) -> bool:
        """Whether ``body`` is valid for the response to ``status`` (true where it has no JSON schema)."""
        check = self.response_checks.get(self.response_key(status) or "")
        return check is None or check.is_valid(body)

    def headers(self, status: int) -> list[tuple[str, str]]:
        """Every header the response to ``status`` documents, with a value valid for its schema."""
        documented = self.responses.get(self.response_key(status) or "", {}).get("headers", {})
        return [
            (name, header_text(sample(definition.get("schema", {}))))
            for name, definition in documented.items()
            if name.lower() not in UNSENT_HEADERS
        ]

    @cached_property
    def item_schema(self) -> Mapping[str, Any]:
        """The schema of one item as this operation shows it."""
        located = schema_at(self.success_schema, self.located)
        return located.get("items", {}) if self.action == "list" else located

    @cached_property
    def skeleton(self) -> Any:
        """The success body with its item (or items) taken out: what the engine copies and fills."""
        body = self.template_body(self.success)
        if self.located and not isinstance(body, dict):
            return body
        return set_at(clone(body), self.located, [] if self.action == "list" else None)

    def template_body(self, status: int) -> Any:
        """The documented example of the response to ``status``, or a body sampled from its schema (None:
        no body). Shared: copy it before changing it."""
        return self.bodies.get(self.response_key(status) or "")


def is_json(media_type: str) -> bool:
    """Whether a media type name is JSON (``application/json``, ``application/problem+json``)."""
    return media_type == "application/json" or media_type.endswith("+json")


def header_text(value: Any) -> str:
    """A sampled header value as the header carries it (``true``, ``3``, ``a,b``)."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return ",".join(header_text(item) for item in value)
    return str(value)


def has_example(response: Mapping[str, Any]) -> bool:
    """Whether a response documents an example body."""
    content = media(response)
    return "example" in content or bool(content.get("examples")) or "example" in content.get("schema", {})


def documented_body(response: Mapping[str, Any]) -> Any:
    """A response's example (media ``example``, first ``examples`` value, schema ``example``), else a
    body sampled from its schema; None when it has no JSON content."""
    content = media(response) or next(iter(response.get("content", {}).values()), {})
    if not response.get("content"):
        return None
    if "example" in content:
        return content["example"]
    if content.get("examples"):
        return next(iter(content["examples"].values())).get("value")
    return sample(content.get("schema", {}))


def media(response: Mapping[str, Any]) -> Mapping[str, Any]:
    """The JSON media type object of a response or request body (empty when there is none)."""
    content: Mapping[str, Any] = response.get("content", {})
    for name, value in content.items():
        if is_json(name.split(";")[0].strip()):
            return value  # type: ignore[no-any-return]
    return {}


def locate(schema: Mapping[str, Any], names: tuple[str, ...]) -> tuple[JsonPath, str] | None:
    """Breadth-first over object properties: the path to the first object declaring one of ``names``,
    and that name."""
    queue: list[tuple[JsonPath, Mapping[str, Any]]] = [((), flat(schema))]
    while queue:
        path, node = queue.pop(0)
        properties = node.get("properties", {})
        for name in names:
            if name in properties:
                return path, name
        queue += [
            ((*path, key), flat(value)) for key, value in properties.items() if "properties" in flat(value)
        ]
    return None


def locate_list(schema: Mapping[str, Any], names: tuple[str, ...]) -> JsonPath | None:
    """The path of the first array property whose items declare one of ``names``."""
    queue: list[tuple[JsonPath, Mapping[str, Any]]] = [((), schema)]
    while queue:
        path, node = queue.pop(0)
        spot = locate(node.get("items", {}), names) if "array" in types_of(node) else None
        if spot is not None and not spot[0]:
            return path
        queue += [((*path, key), value) for key, value in flat(node).get("properties", {}).items()]
    return None


def union(schemas: list[Mapping[str, Any]]) -> dict[str, Any]:
    """One object schema declaring every property of ``schemas`` (first declaration wins)."""
    properties: dict[str, Any] = {}
    required: list[str] = []
    for schema in schemas:
        for name, value in schema.get("properties", {}).items():
            properties.setdefault(name, value)
        required += [name for name in schema.get("required", []) if name not in required]
    return {"type": "object", "properties": properties, "required": required}


class Spec:
    """A spec read for serving: its operations by path template, and its resources."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw
        document: dict[str, Any] = jsonschema_rs.dereference(raw)
        self.document = document
        self.security_schemes: Mapping[str, Any] = document.get("components", {}).get("securitySchemes", {})
        self.operations = list(self._operations())
        self._infer_resources()
        self.paths: dict[str, dict[str, Operation]] = {}
        for operation in self.operations:
            self.paths.setdefault(operation.template, {})[operation.method] = operation

    def _operations(self) -> Iterator[Operation]:
        root_security = self.document.get("security", [])
        root_limit = self.document.get("x-max-body-bytes", DEFAULT_MAX_BODY)
        # The raw spec gives the documented order of paths and methods (dereferencing sorts keys).
        for template, documented in self.raw.get("paths", {}).items():
            item = self.document["paths"][template]
            shared = item.get("parameters", [])
            for method in documented:
                if method not in METHODS:
                    continue
                raw = item[method]
                parameters = {(p["name"], p["in"]): p for p in [*shared, *raw.get("parameters", [])]}
                body = raw.get("requestBody", {})
                body_media = {
                    name.split(";")[0].strip().lower(): value.get("schema", {})
                    for name, value in body.get("content", {}).items()
                }
                json_schema = media(body).get("schema")
                body_schema = (
                    json_schema if json_schema is not None else next(iter(body_media.values()), None)
                )
                responses = raw.get("responses", {})
                statuses = sorted(int(status) for status in responses if status.isdigit())
                yield Operation(
                    id=raw.get("operationId", f"{method} {template}"),
                    method=method.upper(),
                    template=template,
                    parameters=tuple(
                        Parameter(
                            p["name"],
                            p["in"],
                            p.get("required", False),
                            p.get("schema", {}),
                            validator(p.get("schema", {})),
                            p["in"] == "query"
                            and "properties" in p.get("schema", {})
                            and p.get("style", "form") == "form"
                            and p.get("explode", True) is True,
                        )
                        for p in parameters.values()
                    ),
                    body_schema=body_schema,
                    body_required=bool(body.get("required", False)),
                    body_check=None if body_schema is None else validator(body_schema),
                    body_media=body_media,
                    responses=responses,
                    bodies={key: documented_body(response) for key, response in responses.items()},
                    examples=frozenset(key for key, response in responses.items() if has_example(response)),
                    success=next((s for s in statuses if 200 <= s < 300), 200),
                    security=tuple(
                        frozenset(requirement)
                        for requirement in raw.get("security", root_security)
                        if isinstance(requirement, dict)
                    ),
                    max_body=raw.get("x-max-body-bytes", root_limit),
                    pagination=pagination(raw.get("x-pagination")),
                )

    def _infer_resources(self) -> None:
        by_path: dict[str, dict[str, int]] = {}
        for index, operation in enumerate(self.operations):
            by_path.setdefault(operation.template, {})[operation.method] = index
        for template, methods in by_path.items():
            collection, _, last = template.removesuffix("/").rpartition("/")
            # A collection is written with or without a trailing slash (``/books/`` and ``/books/{id}/``).
            collection = next(
                (path for path in (collection, f"{collection}/") if path in by_path), collection
            )
            parent = by_path.get(collection, {})
            if not (last.startswith("{") and last.endswith("}") and set(parent) & set(COLLECTION_ACTIONS)):
                continue
            members = [(index, ITEM_ACTIONS[m]) for m, index in methods.items() if m in ITEM_ACTIONS]
            members += [(i, COLLECTION_ACTIONS[m]) for m, i in parent.items() if m in COLLECTION_ACTIONS]
            self._bind(collection, last[1:-1], members)

    def _bind(self, collection: str, parameter: str, members: list[tuple[int, str]]) -> None:
        """Give each operation of a resource its action and where its item sits in its success body."""
        names = (parameter, "id", "_id")
        located: dict[int, JsonPath] = {}
        shapes: list[Mapping[str, Any]] = []
        for index, action in members:
            operation = self.operations[index]
            schema = operation.success_schema
            if action == "list":
                path = operation.pagination.results if operation.pagination else locate_list(schema, names)
                if path is not None:
                    located[index] = path
                    shapes.append(flat(schema_at(schema, path).get("items", {})))
            elif (spot := locate(schema, names)) is not None:
                located[index] = spot[0]
                shapes.append(schema_at(schema, spot[0]))
        id_property = next(
            (spot[1] for shape in shapes if (spot := locate(shape, names)) and not spot[0]), None
        )
        if id_property is None:
            return
        item_schema = union(shapes)
        path_schemas = (
            p.schema
            for index, _ in members
            for p in self.operations[index].parameters
            if (p.name, p.location) == (parameter, "path")
        )
        resource = Resource(
            collection=collection,
            id_parameter=parameter,
            id_property=id_property,
            id_schema=item_schema["properties"][id_property],
            item_schema=item_schema,
            id_parameter_schema=next(path_schemas, {}),
        )
        for index, action in members:
            if index in located or action == "delete":
                self.operations[index] = replace(
                    self.operations[index], resource=resource, action=action, located=located.get(index, ())
                )


def pagination(extension: Mapping[str, Any] | None) -> Pagination | None:
    """The ``x-pagination`` extension of an operation, parsed."""
    if not extension:
        return None
    total, following = extension.get("total"), extension.get("next")
    return Pagination(
        kind=extension.get("type", "offset"),
        position=extension.get("position", ""),
        size=extension.get("size"),
        results=json_path(extension["results"]),
        total=None if total is None else json_path(total),
        next=None if following is None else json_path(following),
    )
