"""What the client templates render: every operation of a spec, with the pydantic model classes
datamodel-code-generator wrote for it (from its ``--emit-model-metadata`` map), as plain data.

openapi-python-client's own template context has no parameter constraints, no ``x-`` extensions and attrs
model names; this table gives the templates the spec's facts under the pydantic models' names.
"""

from __future__ import annotations

import copy
import json
import keyword
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain, count
from pathlib import Path
from typing import Any

from openapi_python_client.parser.openapi import generate_operation_id
from openapi_python_client.schema.untrusted_string import UntrustedString
from openapi_python_client.strings import snake_case
from vendor_clients.base_client import OPTIONS
from vendor_clients.errors import status_error_class

from codegen.registry import Api

METHODS = ("get", "put", "post", "patch", "delete", "head", "options")
JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"
BUILTIN_NAMES = {"str", "int", "float", "bool", "bytes", "None", "list", "dict", "tuple", "set"}
EXTERNAL_NAMES = {
    "UUID": "uuid",
    "AwareDatetime": "pydantic",
    "NaiveDatetime": "pydantic",
    "AnyUrl": "pydantic",
    "EmailStr": "pydantic",
    "datetime": "datetime",
    "date": "datetime",
    "time": "datetime",
    "timedelta": "datetime",
    "Decimal": "decimal",
    "Any": "typing",
    "Literal": "typing",
    "FileInput": "vendor_clients.operation",
}
"""Where the non-model names in the generated models' annotations come from."""
AS_TEXT = {"UUID", "AwareDatetime", "NaiveDatetime", "datetime", "date", "time", "AnyUrl", "EmailStr"}
"""Types whose arguments may also be given as the text that goes on the wire (the spec checks it)."""
RESERVED = {
    "timeout",
    "deadline",
    "max_response_bytes",
    "extra_headers",
    "extra_query",
    "extra_body",
    "strict",
    "self",
}
"""Arguments the generated methods have besides the spec's."""
ITERATOR_RESERVED = {"page_size", "max_items", "prefetch"}
"""Arguments the generated iterators have besides the operation's filters."""
CONSTRUCTOR_RESERVED = {"self", "token", "options"} | OPTIONS
"""Arguments the generated constructors have besides the client parameters and server variables."""
PAGING_KEYS = {
    "offset": ("position", "size", "results"),
    "page": ("position", "size", "results"),
    "cursor": ("position", "results", "next"),
    "link": ("results",),
}
"""The ``x-pagination`` keys each type needs (``total`` is optional; ``size`` is optional for a cursor and
a Link header, which needs no position: the next page is the URL the server gives)."""
IDEMPOTENCY_HEADER = re.compile(r"(x-)?idempotency[-_]?key", re.IGNORECASE)
"""A header parameter of this name is an idempotency key: the runtime sends a fresh one when not given."""
LOCATIONS = ("path", "query", "header", "cookie")
"""Parameter locations, in the order that keeps a wire name unprefixed in the parameters models."""
QUERY_STYLES = {
    ("array", "form", False): "comma",
    ("array", "spaceDelimited", False): "space",
    ("array", "pipeDelimited", False): "pipe",
    ("object", "form", True): "spread",
    ("object", "form", False): "pairs",
    ("object", "deepObject", True): "deep",
    ("object", "deepObject", False): "deep",  # its default explode; OpenAPI defines only one form
}
"""A query parameter's (type, style, explode) -> how the runtime writes it, where not as httpx does (arrays
repeated: ``tags=a&tags=b``)."""
ERROR_RANGES = {"5XX": "ServerError"}
"""The exception of a status range more specific than ``APIStatusError``."""
TOKEN_SCHEMES = {"oauth2": "bearer", "openIdConnect": "bearer"}
"""Scheme types sent as a bearer token (``http`` goes by its ``scheme``, ``apiKey`` by its ``in``)."""


class DescribeError(Exception):
    """The spec and the generated models do not fit the client templates at ``parts`` of the spec."""

    def __init__(self, parts: tuple[str, ...], message: str) -> None:
        super().__init__(message)
        self.parts = parts


@dataclass(frozen=True)
class Field:
    """One field of a generated model (from the metadata map)."""

    name: str
    wire: str
    annotation: str
    required: bool


@dataclass(frozen=True)
class Model:
    name: str
    fields: dict[str, Field]
    """By wire name."""
    kind: str = "object"
    """``object``, ``root`` (a ``RootModel``: its value is ``.root``), ``enum``, or ``str`` / ``bytes`` (a
    text or binary body, no model)."""

    @property
    def spread(self) -> bool:
        """Its fields are arguments (an object model)."""
        return self.kind == "object" and bool(self.fields)


@dataclass(frozen=True)
class Argument:
    """One keyword argument of a generated method."""

    name: str
    wire: str
    where: str
    """``path``, ``query``, ``header``, ``cookie`` or ``body``."""
    annotation: str
    required: bool
    description: str = ""
    """The spec's description of the parameter or property (whitespace folded)."""

    @property
    def declaration(self) -> str:
        if self.required:
            return f"{self.name}: {self.annotation}"
        optional = "" if self.annotation.endswith("| None") else " | None"
        return f"{self.name}: {self.annotation}{optional} = None"


@dataclass(frozen=True)
class Paging:
    kind: str
    position: str
    size: str | None
    results: tuple[str, ...]
    total: tuple[str, ...] | None
    max_size: int | None
    item: str
    items_method: str
    pages_method: str
    next: tuple[str, ...] | None = None

    @property
    def literal(self) -> str:
        """The runtime's ``Paging(...)`` for this declaration."""
        return (
            f"Paging({self.kind!r}, {self.position!r}, {self.size!r}, results={self.results!r}, "
            f"total={self.total!r}, max_size={self.max_size!r}"
            + (f", next={self.next!r})" if self.next is not None else ")")
        )


@dataclass
class OperationView:
    operation_id: str
    name: str
    method: str
    path: str
    summary: str
    parameters: str | None
    body: str | None
    arguments: list[Argument]
    response: str | None
    empty_statuses: list[int]
    returns: str
    unwrap: str | None
    paging: Paging | None
    path_params: dict[str, str]
    """Every path parameter, client-level ones included: Python name -> wire name."""
    whole_body: bool
    """One ``body`` argument is the whole request body (it has no properties to spread)."""
    keys: dict[str, str]
    """Parameters whose key in the parameters model is not their wire name: Python name -> key."""
    query_styles: dict[str, str]
    """Query parameters not written as httpx writes them: wire name -> ``QUERY_STYLES`` value."""
    security: tuple[tuple[str, ...], ...]
    """The security requirements: any one of them, each naming the schemes it needs together."""
    body_media: str = JSON
    response_media: str = JSON
    file_fields: dict[str, str] = field(default_factory=dict)
    """Multipart file fields: Python name -> wire name."""
    description: str = ""
    """The operation's description (whitespace folded)."""
    returns_doc: str = ""
    """The success response's description."""
    errors: list[tuple[str, str, str]] = field(default_factory=list)
    """The error responses the spec documents: (the runtime's exception class, status, description)."""
    body_text: str | None = None
    """The model that checks a text body, when its schema constrains it."""
    response_text: str | None = None
    """The model that checks a text response, when its schema constrains it."""

    @property
    def constant(self) -> str:
        return self.name.upper()

    @property
    def result(self) -> str:
        """What the runtime's call returns: the response model, None for no body."""
        if self.response is None:
            return "None"
        return f"{self.response} | None" if self.empty_statuses else self.response

    @property
    def body_required(self) -> bool:
        """The one ``body`` argument is required."""
        return self.whole_body and any(arg.where == "body" and arg.required for arg in self.arguments)

    @property
    def body_fields(self) -> dict[str, str]:
        """The body's properties as arguments (none when one ``body`` argument is the whole body)."""
        return {} if self.whole_body else self.names("body")

    @property
    def positional(self) -> list[Argument]:
        """Required path parameters: they may also be given by position."""
        return [arg for arg in self.arguments if arg.where == "path" and arg.required]

    @property
    def keywords(self) -> list[Argument]:
        """Every other argument, keyword-only, required ones first."""
        rest = [arg for arg in self.arguments if arg not in self.positional]
        return sorted(rest, key=lambda arg: not arg.required)

    @property
    def filters(self) -> list[Argument]:
        """The keyword arguments of the iterators: all but the position and the size."""
        paging = self.paging
        assert paging is not None
        return [arg for arg in self.keywords if arg.name not in (paging.position, paging.size)]

    def names(self, where: str) -> dict[str, str]:
        return {arg.name: arg.wire for arg in self.arguments if arg.where == where}

    @property
    def idempotency_key(self) -> str | None:
        """The header argument that is the operation's idempotency key (``IDEMPOTENCY_HEADER``), if any."""
        found = (
            arg.name
            for arg in self.arguments
            if arg.where == "header" and IDEMPOTENCY_HEADER.fullmatch(arg.wire)
        )
        return next(found, None)


@dataclass(frozen=True)
class ServerVariableView:
    """A variable of the first server's URL, as the runtime's ``ServerVariable`` takes it."""

    name: str
    wire: str
    env: str
    default: str
    enum: tuple[str, ...]


@dataclass(frozen=True)
class ModelDoc:
    """A generated model as ``api.md`` lists it: its spec description and its fields'."""

    name: str
    description: str
    fields: list[Argument]


@dataclass
class ApiView:
    """Everything the client templates render for one API."""

    api: Api
    base_url: str | None
    """The default base URL (None: the spec has no servers, the client needs one)."""
    operations: list[OperationView]
    client_parameters: list[Argument]
    """The constructor's arguments: client parameters, then server variables (``where`` is ``server``)."""
    schemes: dict[str, str]
    """Security scheme name -> the runtime's ``Scheme(...)`` for it (schemes the runtime cannot send are left
    out: an operation needing only those raises ``ConfigurationError``)."""
    imports: dict[str, list[str]] = field(default_factory=dict)
    """Module -> names the generated client module imports."""
    server_url: str | None = None
    """The first server's URL as written, when it has variables."""
    server_variables: list[ServerVariableView] = field(default_factory=list)
    models: list[ModelDoc] = field(default_factory=list)
    """The models of the spec's schemas (not the operations' parameters models), by name."""

    @property
    def example(self) -> OperationView | None:
        """The operation the README shows: the first paginated one, else the first GET with no required
        argument."""
        paginated = [op for op in self.operations if op.paging]
        plain = [
            op for op in self.operations if op.method == "GET" and not any(a.required for a in op.arguments)
        ]
        found = paginated or plain
        return found[0] if found else None


EXTRA = "__pydantic_extra__"
"""The field datamodel-code-generator lists for a typed ``additionalProperties``."""


def load_models(metadata: Path) -> tuple[dict[tuple[str, ...], Model], set[str], dict[str, str]]:
    """The generated models by the spec location they come from (the last one written for a location: an
    enum inside a root model comes first), every class name, and the response-side copies of schemas by
    the schema's name (``codegen/open_enums.py``)."""
    models = {}
    found = json.loads(metadata.read_text(encoding="utf-8"))
    entries = found["models"]
    for entry in entries:
        fields = {
            item["alias"]: Field(item["name"], item["alias"], item["type"], item["required"])
            for item in entry["fields"]
            if item["name"] != EXTRA  # the type of additionalProperties, not a property
        }
        unnamed = bool(fields) and all(item["original_name"] is None for item in entry["fields"])
        kind = ("root" if list(fields) == ["root"] else "enum") if unnamed else "object"
        models[tuple(entry["source_path"])] = Model(entry["class_name"], fields, kind)
    return models, {entry["class_name"] for entry in entries}, found.get("outputs", {})


def is_json(media: str) -> bool:
    """``application/json`` or a ``+json`` type."""
    return media == JSON or media.endswith("+json")


def pick(content: dict[str, Any], order: Sequence[str]) -> str | None:
    """The media type of ``content`` a client uses: the first of ``order`` there is (``json`` for any JSON
    type, ``text`` for any ``text/*``), else the first declared; None when there is none."""
    for wanted in order:
        for media in content:
            kind = "json" if is_json(media) else "text" if media.startswith("text/") else media
            if kind == wanted:
                return str(media)
    return next(iter(content), None)


def unmodelled(media: str) -> Model:
    """What a body of a media type that is not JSON or a form is: ``str`` for ``text/*``, else ``bytes``."""
    kind = "str" if media.startswith("text/") else "bytes"
    return Model(kind, {}, kind)


PRIMITIVE_KEYS = {"properties", "items", "additionalProperties", "oneOf", "anyOf", "allOf", "$ref"}


def first_free(base: str, taken: Callable[[str], bool], separator: str = "_") -> str:
    """``base``, else ``base_2``, ``base_3``, ... (joined by ``separator``): the first name ``taken`` does
    not claim."""
    return next(
        name for name in chain([base], (f"{base}{separator}{i}" for i in count(2))) if not taken(name)
    )


def modelled(spec: dict[str, Any]) -> tuple[dict[str, Any], dict[tuple[str, ...], tuple[str, ...]]]:
    """The spec as datamodel-code-generator reads it: each inline primitive JSON schema of a request body or
    a response (a string, a number, an enum, none: any value), for which it would write no model, and each
    constrained text schema (``constrained_text``), copied into
    ``components/schemas`` as ``<OperationId>Request`` / ``<OperationId>Response``, which it writes as a
    ``RootModel`` (or an enum); each schema whose name holds a dot (which it reads as a module path) renamed
    with underscores; unions inlined where they are nested (``unions_inlined``); and where each copy came
    from (its location -> the original one)."""
    spec, moved = undotted(spec)
    spec = unions_inlined(spec)
    schemas = dict(spec.get("components", {}).get("schemas") or {})
    paths = {path: dict(item) for path, item in spec.get("paths", {}).items()}
    for path, item in paths.items():
        for method in [m for m in METHODS if m in item]:
            op = item[method] = copy.deepcopy(item[method])
            base = snake_case(op["operationId"]).title().replace("_", "")
            places: list[tuple[tuple[str, ...], Any, str]] = [
                (("requestBody",), op.get("requestBody"), "Request")
            ]
            places += [(("responses", str(s)), r, "Response") for s, r in op.get("responses", {}).items()]
            for parts, node, suffix in places:
                for media, value in (node or {}).get("content", {}).items():
                    if not isinstance(value, dict) or not (is_json(media) or constrained_text(media, value)):
                        continue
                    schema = value.get("schema", {})  # no schema: any JSON value
                    if not isinstance(schema, dict) or PRIMITIVE_KEYS & set(schema):
                        continue
                    if schema.get("type") in ("object", "array"):
                        continue
                    name = first_free(base + suffix, schemas.__contains__, separator="")
                    schemas[name] = schema
                    value["schema"] = {"$ref": f"#/components/schemas/{name}"}
                    here = ("paths", path, method, *parts, "content", media, "schema")
                    moved[("components", "schemas", name)] = here
    if not moved:
        return spec, moved
    components = {**spec.get("components", {}), "schemas": schemas}
    return {**spec, "paths": paths, "components": components}, moved


def original(moved: dict[tuple[str, ...], tuple[str, ...]], parts: tuple[str, ...]) -> list[str]:
    """Where a location of the spec ``modelled`` gives was in the spec it was given."""
    for new, old in moved.items():
        if parts[: len(new)] == new:
            return [*old, *parts[len(new) :]]
    return list(parts)


NESTED = ("items", "additionalProperties")
"""Where a schema holds one nested schema (``properties`` holds one per name)."""


def unions_inlined(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with each ``$ref`` to a component that is only a union (``oneOf`` / ``anyOf``, no
    properties), where it is nested (a property, an array's items, a map's values), replaced by the union
    itself: datamodel-code-generator then writes ``list[Circle | Square]``, not a list of ``RootModel``s
    whose values hide under ``.root`` (in a list or a map without its discriminator: each member is still
    validated whole, the one that fits is kept). A union that refers to itself is left as it is."""
    prefix = "#/components/schemas/"
    unions = {
        prefix + name: schema
        for name, schema in (spec.get("components", {}).get("schemas") or {}).items()
        if isinstance(schema, dict)
        and any(key in schema for key in ("oneOf", "anyOf"))
        and "properties" not in schema
        and json.dumps(prefix + name) not in json.dumps(schema)
    }
    if not unions:
        return spec

    def inlined(value: Any, keyed: bool) -> Any:
        ref = value.get("$ref") if isinstance(value, dict) else None
        if ref not in unions or len(value) != 1:
            return walk(value)
        union = unions[ref]  # a list's or a map's discriminated union would be a RootModel again:
        return walk(union if keyed else {k: v for k, v in union.items() if k != "discriminator"})

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(value) for value in node]
        if not isinstance(node, dict):
            return node
        out = {key: inlined(value, False) if key in NESTED else walk(value) for key, value in node.items()}
        if isinstance(node.get("properties"), dict):
            out["properties"] = {name: inlined(value, True) for name, value in node["properties"].items()}
        return out

    walked: dict[str, Any] = walk(spec)
    return walked


TEXT_CONSTRAINTS = {"enum", "const", "pattern", "minLength", "maxLength", "format"}


def constrained_text(media: str, value: dict[str, Any]) -> bool:
    """Whether a ``text/*`` body's schema constrains the text (a pattern, bounds, an enum, a format): it
    then gets a model, which checks the text as JSON strings are checked."""
    schema = value.get("schema")
    return (
        media.startswith("text/")
        and isinstance(schema, dict)
        and bool(TEXT_CONSTRAINTS & set(schema))
        and schema.get("format") not in ("binary", "byte")
    )


def undotted(spec: dict[str, Any]) -> tuple[dict[str, Any], dict[tuple[str, ...], tuple[str, ...]]]:
    """The spec with each schema named ``a.b`` renamed ``a_b`` (a free name) and every ``$ref`` to it
    rewritten; and where each renamed schema came from."""
    schemas = spec.get("components", {}).get("schemas") or {}
    renamed: dict[str, str] = {}
    for name in [n for n in schemas if "." in n]:
        base = name.replace(".", "_")
        renamed[name] = first_free(base, schemas.__contains__, separator="")
    if not renamed:
        return spec, {}
    prefix = "#/components/schemas/"

    def rewrite(node: Any) -> Any:
        if isinstance(node, list):
            return [rewrite(value) for value in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(prefix):
            name, sep, rest = ref[len(prefix) :].partition("/")
            node = {**node, "$ref": prefix + renamed.get(name, name) + sep + rest}
        return {key: value if key == "$ref" else rewrite(value) for key, value in node.items()}

    out: dict[str, Any] = rewrite(spec)
    out["components"]["schemas"] = {
        renamed.get(name, name): value for name, value in out["components"]["schemas"].items()
    }
    moved: dict[tuple[str, ...], tuple[str, ...]] = {
        ("components", "schemas", new): ("components", "schemas", old) for old, new in renamed.items()
    }
    return out, moved


def string_enums(spec: dict[str, Any], models: dict[tuple[str, ...], Model]) -> dict[str, list[str]]:
    """The values of every generated string enum, by class name."""
    enums = {}
    for parts, model in models.items():
        try:
            schema = at(spec, parts, follow=True)
        except (KeyError, IndexError):  # a model of a body or response without a schema (any value)
            continue
        values = schema.get("enum") if isinstance(schema, dict) else None
        if values and all(isinstance(value, str) for value in values):
            enums[model.name] = values
    return enums


def described_as(spec: dict[str, Any], node: Any) -> str:
    """The ``description`` of a spec node, whitespace folded: its own (one beside a ``$ref`` included),
    else that of the schema of a parameter, else that of what its ``$ref`` names; "" without one."""
    seen = node if isinstance(node, dict) else {}
    while True:
        if isinstance(seen.get("description"), str):
            return " ".join(seen["description"].split())
        if "$ref" in seen:
            seen = resolve(spec, {"$ref": seen["$ref"]})
        elif isinstance(seen.get("schema"), dict):
            seen = seen["schema"]
        else:
            return ""


def error_class(status: str) -> str:
    """The name of the runtime's exception for an error status of the spec (``4XX``, ``default``...)."""
    return (
        status_error_class(int(status)).__name__
        if status.isdigit()
        else ERROR_RANGES.get(status, "APIStatusError")
    )


def resolve(spec: dict[str, Any], node: Any) -> Any:
    """``node`` with a local ``$ref`` followed (transitively)."""
    while isinstance(node, dict) and "$ref" in node:
        node = pointer(spec, node["$ref"])
    return node


def pointer(spec: dict[str, Any], ref: str) -> Any:
    """The node a local ``$ref`` names."""
    return at(spec, location(ref))


def at(spec: dict[str, Any], parts: Sequence[str | int], follow: bool = False) -> Any:
    """The node at ``parts`` of the spec (a list index may be a string, as in the models' metadata); with
    ``follow``, through local ``$ref``s on the way (a parameter ``for_models`` inlined is where its
    ``$ref`` is)."""
    node: Any = spec
    for part in parts:
        node = node[int(part)] if isinstance(node, list) else node[part]
        node = resolve(spec, node) if follow else node
    return node


def location(ref: str) -> tuple[str, ...]:
    """A local ``$ref`` (``#/components/schemas/Space``) as path parts."""
    if not ref.startswith("#/"):
        raise DescribeError((), f"only local references are supported, not {ref!r}")
    return tuple(part.replace("~1", "/").replace("~0", "~") for part in ref[2:].split("/"))


def named(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec as the generators read it: an operation without an ``operationId`` gets the one
    openapi-python-client would use (method and path, snake_case: ``get_pets_pet_id``), with ``_2``, ``_3``
    ... when another operation has that name. The spec itself is left as it is."""
    paths = {path: dict(item) for path, item in spec.get("paths", {}).items()}
    taken = {
        snake_case(op["operationId"])
        for item in paths.values()
        for method, op in item.items()
        if method in METHODS and op.get("operationId")
    }
    for path, item in paths.items():
        for method in [m for m in METHODS if m in item and not item[m].get("operationId")]:
            fallback = str(generate_operation_id(path=UntrustedString(path), method=method, prefix=""))
            name = first_free(fallback, taken.__contains__)
            taken.add(name)
            item[method] = {**item[method], "operationId": name}
    return {**spec, "paths": paths}


def parameter_keys(spec: dict[str, Any], item: dict[str, Any]) -> dict[tuple[str, str], str]:
    """Every parameter of a path item (its own and its operations'), by location and wire name, with its key
    in the parameters models: the wire name, prefixed ``<location>_`` when an earlier location of
    ``LOCATIONS`` has that name too, and suffixed ``_2``, ``_3`` when its snake_case (the model's field name)
    is an earlier key's (``mixed_case`` and ``mixedCase``)."""
    lists = [
        item.get("parameters", []),
        *(op.get("parameters", []) for m, op in item.items() if m in METHODS),
    ]
    found = dict.fromkeys((p["in"], p["name"]) for p in (resolve(spec, raw) for raw in chain(*lists)))
    first: dict[str, str] = {}
    for place, wire in sorted(found, key=lambda found: LOCATIONS.index(found[0])):
        first.setdefault(wire, place)
    keys, fields = {}, set()
    for place, wire in sorted(found, key=lambda found: LOCATIONS.index(found[0])):
        key = wire if first[wire] == place else f"{place}_{wire}"
        key = first_free(key, lambda k: snake_case(k) in fields)
        keys[place, wire] = key
        fields.add(snake_case(key))
    return keys


def for_models(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec as datamodel-code-generator reads it: header and cookie parameters, and any parameter whose
    key is not its wire name, inlined in place as query parameters under their key, so that the parameters
    models check them too (it leaves headers and cookies out, and refuses a name used in two locations)."""
    paths = {}
    for path, item in spec.get("paths", {}).items():
        keys = parameter_keys(spec, item)
        paths[path] = {
            key: {**value, "parameters": [moved(spec, keys, raw) for raw in value["parameters"]]}
            if key in METHODS and "parameters" in value
            else value
            for key, value in item.items()
        }
        if "parameters" in item:
            paths[path]["parameters"] = [moved(spec, keys, raw) for raw in item["parameters"]]
    return {**spec, "paths": paths}


def moved(spec: dict[str, Any], keys: dict[tuple[str, str], str], raw: Any) -> Any:
    """A parameter as ``for_models`` gives it: as it is, or inlined as a query parameter under its key."""
    found = resolve(spec, raw)
    key = keys[found["in"], found["name"]]
    if found["in"] in ("path", "query") and key == found["name"]:
        return raw
    return {**found, "in": "query", "name": key}


def base_url(spec: dict[str, Any]) -> str | None:
    """The first ``servers`` URL with its variables at their defaults; None when there is none (the
    client then needs one)."""
    servers = spec.get("servers") or [{}]
    variables = servers[0].get("variables", {})

    def default(found: re.Match[str]) -> str:
        if found.group(1) not in variables:
            raise DescribeError(("servers", "0", "url"), f"{found.group(0)} is not in servers[0].variables")
        return str(variables[found.group(1)]["default"])

    url = servers[0].get("url")
    return None if url is None else re.sub(r"\{([^}]*)\}", default, url).rstrip("/")


class Describer:
    """Builds the ``ApiView`` of one API from its spec and its models' metadata map."""

    def __init__(self, api: Api, spec: dict[str, Any], metadata: Path) -> None:
        """``spec``: the spec as the generators read it (``named``)."""
        self.api = api
        self.spec = spec
        self.models, self.class_names, self.outputs = load_models(metadata)
        self.enums = string_enums(self.spec, self.models)
        self.by_name = {model.name: model for model in self.models.values()}
        self.roots = {
            m.name: m.fields["root"].annotation.replace(" | MISSING", "")
            for m in self.models.values()
            if m.kind == "root"
        }
        """A root model's value type by class name: arguments of the model also take the value."""
        self.used: set[str] = set()

    def accepted(self, annotation: str) -> str:
        """An argument's annotation widened to what goes on the wire: a string enum also takes its values
        as literals (``"ASC"`` as well as ``SortOrder.asc``), a UUID or a date also takes a string."""

        def widen(found: re.Match[str]) -> str:
            name = found.group(0)
            values = self.enums.get(name)
            if values is not None:
                return f"{name} | Literal{json.dumps(values)}"
            if name in self.roots:
                return f"{name} | {self.roots[name]}"
            return f"{name} | str" if name in AS_TEXT else name

        # An optional argument is `X | MISSING` in the models; here None means "not given".
        annotation = re.sub(r"( \| None)? \| MISSING$", " | None", annotation)
        return re.sub(r"[A-Za-z_]\w*", widen, annotation)

    def view(self) -> ApiView:
        operations = [
            self.operation(path, method, item, op)
            for path, item in self.spec.get("paths", {}).items()
            for method, op in item.items()
            if method in METHODS
        ]
        client = [Argument(name, name, "path", "str | None", False) for name in self.api.client_parameters]
        variables = self.server_variables(set(self.api.client_parameters))
        client += [Argument(v.name, v.wire, "server", "str | None", False) for v in variables]
        url = (self.spec.get("servers") or [{}])[0].get("url") if variables else None
        return ApiView(
            self.api, base_url(self.spec), operations, client, self.schemes(), self.imports(operations),
            url.rstrip("/") if url else None, variables, self.model_docs(),
        )  # fmt: skip

    def model_docs(self) -> list[ModelDoc]:
        """Every model of a schema, with the descriptions of its schema and of its properties."""
        found = []
        for parts, model in self.models.items():
            if parts[0] == "paths" and len(parts) == 3:  # an operation's parameters model
                continue
            try:
                schema = at(self.spec, parts, follow=True)
            except (KeyError, IndexError):  # a body or response without a schema (any value)
                schema = {}
            properties = schema.get("properties", {}) if isinstance(schema, dict) else {}
            fields = [
                Argument(
                    f.name,
                    f.wire,
                    "body",
                    f.annotation,
                    f.required,
                    described_as(self.spec, properties.get(wire)),
                )
                for wire, f in model.fields.items()
                if model.kind == "object"
            ]
            found.append(ModelDoc(model.name, described_as(self.spec, schema), fields))
        return sorted(found, key=lambda doc: doc.name)

    def server_variables(self, taken: set[str]) -> list[ServerVariableView]:
        """The first server's variables: each a constructor argument named snake_case (``_`` added on a
        clash) and ``<NAME>_<VARIABLE>``."""
        found = []
        for wire, raw in ((self.spec.get("servers") or [{}])[0].get("variables") or {}).items():
            name = snake_case(wire)
            if keyword.iskeyword(name) or name in CONSTRUCTOR_RESERVED | taken:
                name += "_"
            taken.add(name)
            env = f"{self.api.name.upper()}_{snake_case(wire).upper()}"
            enum = tuple(str(value) for value in raw.get("enum") or ())
            found.append(ServerVariableView(name, wire, env, str(raw.get("default", "")), enum))
        return found

    def schemes(self) -> dict[str, str]:
        """The runtime's ``Scheme`` of every security scheme it can send, with its variables: the first token
        scheme reads the API's token variable (and the ``token`` argument), the others
        ``<NAME>_<SCHEME>_TOKEN`` unless the registry's ``scheme-env`` names one; basic reads
        ``<NAME>_USERNAME`` and ``<NAME>_PASSWORD`` (and the ``username`` and ``password`` arguments)."""
        upper, found, first = self.api.name.upper(), {}, True
        for name, raw in self.spec.get("components", {}).get("securitySchemes", {}).items():
            scheme = resolve(self.spec, raw)
            kind = scheme.get("type")
            http = str(scheme.get("scheme", "")).lower() if kind == "http" else None
            if http == "basic":
                found[name] = (
                    f"Scheme('basic', 'Authorization', {(f'{upper}_USERNAME', f'{upper}_PASSWORD')!r})"
                )
                continue
            where = http or TOKEN_SCHEMES.get(kind) or scheme.get("in")
            if where not in ("bearer", "header", "query", "cookie"):
                continue  # http digest, mutualTLS...
            variable = self.api.scheme_env.get(name) or (
                self.api.token_env if first else f"{upper}_{snake_case(name).upper()}_TOKEN"
            )
            wire = "Authorization" if where == "bearer" else scheme["name"]
            found[name] = f"Scheme({where!r}, {wire!r}, {(variable,)!r}{', token=True' if first else ''})"
            first = False
        return found

    def query_style(self, parameter: dict[str, Any]) -> str | None:
        """How the runtime writes a query parameter of its ``style`` and ``explode`` (None: as httpx does)."""
        schema = resolve(self.spec, parameter.get("schema", {}))
        types = schema.get("type") if isinstance(schema.get("type"), list) else [schema.get("type")]
        style = parameter.get("style", "form")
        explode = bool(parameter.get("explode", style == "form"))
        kind = next((kind for kind in ("array", "object") if kind in types), None)
        return QUERY_STYLES.get((kind, style, explode)) if kind else None

    def security(self, op: dict[str, Any]) -> tuple[tuple[str, ...], ...]:
        """The operation's security requirements (else the spec's): any one of them, each all its schemes."""
        return tuple(tuple(requirement) for requirement in op.get("security", self.spec.get("security", [])))

    def model_at(self, parts: tuple[str, ...], schema: Any, what: str, output: bool = False) -> Model:
        """The generated model of the schema at ``parts`` (or of the schema its ``$ref`` names; with
        ``output``, of its response-side copy if it has one)."""
        if isinstance(schema, dict) and "$ref" in schema:
            parts = location(schema["$ref"])
            if output and parts[:2] == ("components", "schemas") and parts[2] in self.outputs:
                parts = ("components", "schemas", self.outputs[parts[2]])
        model = self.models.get(parts)
        if model is None:
            raise DescribeError(parts, f"no generated model for {what}")
        self.used.add(model.name)
        return model

    def operation(self, path: str, method: str, item: dict[str, Any], op: dict[str, Any]) -> OperationView:
        here = ("paths", path, method)
        operation_id = op["operationId"]
        name = snake_case(operation_id)
        parameters = {
            (p["in"], p["name"]): p
            for p in (
                resolve(self.spec, raw) for raw in [*item.get("parameters", []), *op.get("parameters", [])]
            )
        }
        arguments: list[Argument] = []
        located: dict[str, str] = {}
        keys: dict[str, str] = {}
        styles: dict[str, str] = {}
        parameters_model = None
        declared = op.get("x-pagination") or {}
        reserved = RESERVED | (ITERATOR_RESERVED if declared else set())
        exempt = {declared.get("position"), declared.get("size")}
        if parameters:
            model = self.model_at(here, None, "the parameters")
            parameters_model = model.name
            item_keys = parameter_keys(self.spec, item)
            fields = {found: model.fields[item_keys[found]] for found in parameters}
            bases = {
                found: field.name if field.wire == found[1] else snake_case(found[1])
                for found, field in fields.items()
            }
            places: dict[str, set[str]] = {}
            for (place, _), base in bases.items():
                places.setdefault(base, set()).add(place)
            taken: set[str] = set()
            for (place, wire), found in fields.items():
                base = bases[place, wire]
                python = f"{place}_{base}" if len(places[base]) > 1 else base
                python = first_free(python, taken.__contains__)
                taken.add(python)
                if keyword.iskeyword(python) or (
                    python in reserved and not (place == "query" and wire in exempt)
                ):
                    python += "_"
                if found.wire != wire:
                    keys[python] = found.wire
                if place == "query" and (style := self.query_style(parameters[place, wire])):
                    styles[wire] = style
                if place == "path":
                    located[python] = wire
                if place == "path" and wire in self.api.client_parameters:
                    continue
                described = described_as(self.spec, parameters[place, wire])
                arguments.append(
                    Argument(python, wire, place, self.accepted(found.annotation), found.required, described)
                )
        body_model, body_arguments, whole, body_media = self.body(here, op)
        body_arguments = [
            replace(arg, name=f"{arg.name}_") if arg.name in reserved else arg for arg in body_arguments
        ]
        arguments += body_arguments
        self.check_names(here, arguments)
        response, empty, response_media, response_text = self.response(here, op)
        paging = self.paging(here, op, response, parameters, arguments)
        returns, unwrap = self.returns(response, empty, paging)
        summary = " ".join(str(op.get("summary") or operation_id).split())
        files = {arg.name: arg.wire for arg in body_arguments if arg.annotation == "FileInput"}
        view = OperationView(
            operation_id, name, method.upper(), path, summary, parameters_model,
            body_model.name if body_model else None, arguments, response.name if response else None, empty,
            returns, unwrap, paging, located, whole, keys, styles, self.security(op),
            body_media, response_media, files, described_as(self.spec, op), *self.outcomes(op),
            self.text_model((*here, "requestBody", "content", body_media, "schema"), body_media),
            response_text,
        )  # fmt: skip
        return view

    def outcomes(self, op: dict[str, Any]) -> tuple[str, list[tuple[str, str, str]]]:
        """The success response's description, and each documented error status (``4XX``, ``5XX`` and
        ``default`` too) with the runtime's exception class for it and its description."""
        responses = {str(status): resolve(self.spec, raw) for status, raw in op.get("responses", {}).items()}
        success = sorted(s for s in responses if s.startswith("2")) or [
            s for s in responses if s == "default"
        ]
        errors = [
            (error_class(status), status, described_as(self.spec, raw))
            for status, raw in responses.items()
            if status[0] in "45" or (status == "default" and success != ["default"])
        ]
        return (described_as(self.spec, responses[success[0]]) if success else ""), errors

    def body(
        self, here: tuple[str, ...], op: dict[str, Any]
    ) -> tuple[Model | None, list[Argument], bool, str]:
        """The body model, its properties as arguments, whether one ``body`` argument is the body, and its
        media type."""
        raw = op.get("requestBody")
        if raw is None:
            return None, [], False, JSON
        body = resolve(self.spec, raw)
        content = body.get("content", {})
        media = pick(content, ("json", FORM, MULTIPART, "text"))
        required = bool(body.get("required"))
        whole = described_as(self.spec, body)
        if media is None:
            raise DescribeError((*here, "requestBody"), "a request body needs a media type under content")
        if not (is_json(media) or media in (FORM, MULTIPART)):
            raw = unmodelled(media)
            return raw, [Argument("body", "body", "body", raw.name, required, whole)], True, media
        schema_parts = (*here, "requestBody", "content", media, "schema")
        model = self.model_at(schema_parts, content[media].get("schema"), "the request body")
        if not model.spread:
            annotation = self.accepted(self.value_type(model))
            return model, [Argument("body", "body", "body", annotation, required, whole)], True, media
        files = self.files(content[media].get("schema")) if media == MULTIPART else set()
        properties = resolve(self.spec, content[media].get("schema")).get("properties", {})
        spread = [
            Argument(
                found.name,
                found.wire,
                "body",
                "FileInput" if found.wire in files else self.accepted(found.annotation),
                found.required and required,
                described_as(self.spec, properties.get(found.wire)),
            )
            for found in model.fields.values()
        ]
        return model, spread, False, media

    def files(self, schema: Any) -> set[str]:
        """The multipart fields that are files: a binary string (``format: binary`` or a
        ``contentMediaType``)."""
        properties = resolve(self.spec, schema).get("properties", {})
        return {
            wire
            for wire, raw in properties.items()
            if (found := resolve(self.spec, raw)).get("format") == "binary" or "contentMediaType" in found
        }

    @staticmethod
    def value_type(model: Model) -> str:
        """What a method takes or returns for ``model``: a root model's value type, else the model."""
        return model.fields["root"].annotation if model.kind == "root" else model.name

    def response(
        self, here: tuple[str, ...], op: dict[str, Any]
    ) -> tuple[Model | None, list[int], str, str | None]:
        """The success body's model (the first 2xx status with a body, else ``2XX``, else ``default``
        when no success status is declared), the statuses without a body, the body's media type, and the
        model checking it when it is constrained text."""
        responses = {str(status): raw for status, raw in op.get("responses", {}).items()}
        statuses = [*sorted(s for s in responses if s.startswith("2") and s != "2XX"), "2XX"]
        if not any(s in responses for s in statuses):
            statuses.append("default")
        model, empty, chosen, text = None, [], JSON, None
        for status in (s for s in statuses if s in responses):
            content = resolve(self.spec, responses[status]).get("content") or {}
            media = pick(content, ("json", "text"))
            if media is None:
                empty += [int(status)] if status.isdigit() else []
            elif model is None:
                chosen = media
                parts = (*here, "responses", status, "content", media, "schema")
                if is_json(media):
                    model = self.model_at(parts, content[media].get("schema"), f"the {status} response", True)
                else:
                    model, text = unmodelled(media), self.text_model(parts, media)
        return model, empty, chosen, text

    def text_model(self, parts: tuple[str, ...], media: str) -> str | None:
        """The model of a constrained text schema at ``parts`` (``constrained_text``), if it has one."""
        found = self.models.get(parts) if media.startswith("text/") else None
        if found is not None:
            self.used.add(found.name)
        return None if found is None else found.name

    def paging(
        self,
        here: tuple[str, ...],
        op: dict[str, Any],
        response: Model | None,
        parameters: dict[tuple[str, str], Any],
        arguments: list[Argument],
    ) -> Paging | None:
        declared = op.get("x-pagination")
        if declared is None:
            return None
        where = (*here, "x-pagination")
        kind = declared.get("type")
        if response is None or kind not in PAGING_KEYS:
            raise DescribeError(
                where, "x-pagination needs a JSON response and type offset, page, cursor or link"
            )
        missing = [key for key in PAGING_KEYS[kind] if key not in declared]
        if missing:
            raise DescribeError(where, f"x-pagination of type {kind} needs {', '.join(missing)}")
        by_wire = {arg.wire: arg for arg in arguments if arg.where == "query"}
        try:
            position = by_wire[declared["position"]].name if kind != "link" else ""
            size = by_wire[declared["size"]] if "size" in declared else None
        except KeyError as exc:
            raise DescribeError(where, f"x-pagination names no query parameter {exc}") from exc
        results, item = self.follow(response, declared["results"], where)
        match = re.fullmatch(r"list\[(\w+)\]", item)
        if match is None:
            raise DescribeError(where, f"x-pagination results {declared['results']} is not a list")
        total = self.follow(response, declared["total"], where)[0] if "total" in declared else None
        following = self.follow(response, declared["next"], where)[0] if kind == "cursor" else None
        size_schema = resolve(self.spec, parameters[("query", size.wire)].get("schema", {})) if size else {}
        rest = snake_case(op["operationId"]).removeprefix("list_")
        single = re.sub(r"ies$", "y", rest) if rest.endswith("ies") else rest.removesuffix("s")
        return Paging(
            kind, position, size.name if size else None, results, total, size_schema.get("maximum"),
            match.group(1), f"iter_{rest}", f"iter_{single}_pages", following,
        )  # fmt: skip

    def follow(self, model: Model, expression: str, where: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
        """A ``$.a.b`` expression as attribute names from ``model``, with the annotation it ends on; ``$``
        is the body itself (a root model's ``root``)."""
        if expression == "$" and model.kind == "root":
            return ("root",), model.fields["root"].annotation
        if not expression.startswith("$."):
            raise DescribeError(where, f"x-pagination expressions look like $.a.b, not {expression!r}")
        names, annotation = [], ""
        current: Model | None = model
        for wire in expression[2:].split("."):
            found = current.fields.get(wire) if current else None
            if found is None:
                raise DescribeError(where, f"x-pagination {expression}: no field {wire!r}")
            names.append(found.name)
            annotation = found.annotation
            current = self.by_name.get(annotation)
        return tuple(names), annotation

    def returns(
        self, response: Model | None, empty: list[int], paging: Paging | None
    ) -> tuple[str, str | None]:
        if response is None:
            return "None", None
        envelope = self.api.envelope
        found = response.fields.get(envelope) if envelope and paging is None and response.spread else None
        if response.kind == "root" and paging is None:  # a page is read whole by its iterator
            found = response.fields["root"]
        returns, unwrap = (found.annotation, found.name) if found else (response.name, None)
        return (f"{returns} | None" if empty else returns), unwrap

    def check_names(self, here: tuple[str, ...], arguments: list[Argument]) -> None:
        names = [arg.name for arg in arguments]
        clashes = {name for name in names if names.count(name) > 1}
        if clashes:
            raise DescribeError(here, f"argument names {sorted(clashes)} clash; rename in the spec")

    def imports(self, operations: list[OperationView]) -> dict[str, list[str]]:
        """The names the generated module needs, by module: models and what their annotations use."""
        annotations = [arg.annotation for op in operations for arg in op.arguments]
        annotations += [op.returns for op in operations] + [op.paging.item for op in operations if op.paging]
        wanted = (
            set(self.used)
            | {
                name
                for text in annotations
                for name in re.findall(r"[A-Za-z_]\w*", re.sub(r'"[^"]*"|\'[^\']*\'', "", text))
            }
            - BUILTIN_NAMES
        )
        imports: dict[str, list[str]] = {}
        for name in sorted(wanted):
            module = self.api.models_package if name in self.class_names else EXTERNAL_NAMES.get(name)
            if module is None:
                raise DescribeError((), f"cannot import {name!r} for the client")
            imports.setdefault(module, []).append(name)
        return imports
