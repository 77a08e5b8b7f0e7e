"""JSON values from schemas and paths into JSON documents.

``sample`` builds a deterministic value valid against a (dereferenced) JSON Schema: the schema's own
``const``, ``example``, ``default`` or first ``enum`` value when it has one, else the simplest value of its
type within its bounds. It is small on purpose: the engine needs one cheap, repeatable value per call,
which random generators (hypothesis-jsonschema) do not give.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any

import jsonschema_rs

from mocks.patterns import matching

JsonPath = tuple[str, ...]
FORMATS = {
    "date-time": "2022-01-01T00:00:00Z",
    "date": "2022-01-01",
    "time": "00:00:00Z",
    "email": "user{n}@example.com",
    "uri": "https://example.com/{n}",
    "hostname": "host{n}.example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "c2FtcGxl",
}


def types_of(schema: Mapping[str, Any]) -> list[str]:
    """The schema's ``type`` as a list (empty when it names none)."""
    kind = schema.get("type", [])
    return [kind] if isinstance(kind, str) else list(kind)


JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
    "null": (type(None),),
}


def of_type(schema: Mapping[str, Any], value: Any) -> bool:
    """Whether ``value`` is of one of the schema's types (any, when it names none): a spec's own example or
    default can be of the wrong type (``type: string, default: 1``), and is then not used."""
    kinds = types_of(schema)
    if isinstance(value, bool):  # not an integer in JSON
        return not kinds or "boolean" in kinds
    return not kinds or any(isinstance(value, JSON_TYPES.get(kind, object)) for kind in kinds)


def sample(schema: Mapping[str, Any], number: int = 1, *, complete: bool = False) -> Any:
    """A value valid against ``schema``; ``number`` varies strings and ids, ``complete`` fills every
    declared property of an object (not only the required ones)."""
    for key in ("const", "example", "default"):
        if key in schema and of_type(schema, schema[key]):
            return schema[key]
    if schema.get("enum"):
        return schema["enum"][0]
    if "oneOf" in schema:
        return one_of(schema, number, complete)
    if "anyOf" in schema:
        options = [option for option in schema["anyOf"] if types_of(option) != ["null"]]
        return sample((options or schema["anyOf"])[0], number, complete=complete)
    if "allOf" in schema:
        return sample(flat(schema), number, complete=complete)
    kinds = [kind for kind in types_of(schema) if kind != "null"] or types_of(schema)
    kind = kinds[0] if kinds else ("object" if "properties" in schema else "string")
    return SAMPLERS[kind](schema, number, complete)


def one_of(schema: Mapping[str, Any], number: int, complete: bool) -> Any:
    """A value valid against exactly one member of a ``oneOf``: the first that is of the members' samples
    (minimal, then complete), an object with a property none declares, or a plain value; else the first
    member's sample."""
    members = [option for option in schema["oneOf"] if types_of(option) != ["null"]] or schema["oneOf"]
    candidates = [
        sample(option, number, complete=full) for full in (complete, not complete) for option in members
    ]
    candidates += [{"x-mock": number}, f"string {number}", number, True, []]
    try:
        check = jsonschema_rs.validator_for(dict(schema))
    except ValueError:  # a schema the validator cannot compile: the first member's sample
        return candidates[0]
    return next((candidate for candidate in candidates if check.is_valid(candidate)), candidates[0])


def merge(left: Mapping[str, Any], right: Mapping[str, Any]) -> dict[str, Any]:
    """Two schemas of an ``allOf`` as one: a property both declare merged alike, required lists united,
    else the keywords of ``right``."""
    merged = {**left, **right}
    if "properties" in left and "properties" in right:
        mine, theirs = left["properties"], right["properties"]
        merged["properties"] = {
            name: merge(mine[name], theirs[name]) if name in mine and name in theirs else schema
            for name, schema in {**mine, **theirs}.items()
        }
    if "required" in left and "required" in right:
        merged["required"] = list(dict.fromkeys([*left["required"], *right["required"]]))
    return merged


def flat(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    """``schema`` with the parts of its ``allOf`` merged into it (``merge``), as one object schema."""
    if "allOf" not in schema:
        return schema
    merged: dict[str, Any] = {key: value for key, value in schema.items() if key != "allOf"}
    for part in schema["allOf"]:
        merged = merge(merged, flat(part))
    return merged


def sample_object(schema: Mapping[str, Any], number: int, complete: bool) -> dict[str, Any]:
    properties: Mapping[str, Any] = schema.get("properties", {})
    names = (
        list(properties) if complete else [name for name in properties if name in schema.get("required", ())]
    )
    return {name: sample(properties[name], number, complete=complete) for name in names}


def sample_array(schema: Mapping[str, Any], number: int, complete: bool) -> list[Any]:
    return [sample(schema.get("items", {}), number, complete=complete)] * schema.get("minItems", 0)


def sample_string(schema: Mapping[str, Any], number: int, _: bool = False) -> str:
    """A string of the schema's ``format`` or ``pattern``, within its length bounds."""
    if schema.get("format") == "uuid":
        return str(uuid.uuid5(uuid.NAMESPACE_OID, str(number)))
    shaped = matching(schema["pattern"], number) if "pattern" in schema else None
    if shaped is not None and schema.get("minLength", 0) <= len(shaped) <= schema.get(
        "maxLength", len(shaped)
    ):
        return shaped
    text = FORMATS.get(schema.get("format", ""), "string {n}").format(n=number)
    text = text.ljust(schema.get("minLength", 0), "x")
    return text[: schema["maxLength"]] if "maxLength" in schema else text


def sample_number(schema: Mapping[str, Any], number: int, _: bool) -> int | float:
    value = 0
    if "minimum" in schema or "exclusiveMinimum" in schema:
        value = max(value, schema.get("minimum", schema.get("exclusiveMinimum", 0) + 1))
    if "maximum" in schema or "exclusiveMaximum" in schema:
        value = min(value, schema.get("maximum", schema.get("exclusiveMaximum", 0) - 1))
    return value if "integer" in types_of(schema) else float(value)


def sample_constant(value: Any) -> Callable[[Mapping[str, Any], int, bool], Any]:
    return lambda schema, number, complete: value


SAMPLERS: dict[str, Callable[[Mapping[str, Any], int, bool], Any]] = {
    "object": sample_object,
    "array": sample_array,
    "string": sample_string,
    "integer": sample_number,
    "number": sample_number,
    "boolean": sample_constant(False),
    "null": sample_constant(None),
}


def clone(document: Any) -> Any:
    """A copy of a JSON document (dicts and lists copied, scalars shared): ``copy.deepcopy`` without its
    memo, several times faster on the small envelopes the engine fills per request."""
    if isinstance(document, dict):
        return {key: clone(value) for key, value in document.items()}
    if isinstance(document, list):
        return [clone(value) for value in document]
    return document


def json_path(expression: str) -> JsonPath:
    """``$.data.workspaces`` -> ``("data", "workspaces")`` (the dotted subset of JSONPath)."""
    return tuple(part for part in expression.removeprefix("$").split(".") if part)


def get_at(document: Any, path: JsonPath) -> Any:
    """The value at ``path`` in ``document``."""
    for part in path:
        document = document[part]
    return document


def set_at(document: Any, path: JsonPath, value: Any) -> Any:
    """``document`` with ``value`` at ``path`` (an empty path replaces the document); dicts are created
    where the path does not exist yet."""
    if not path:
        return value
    target = document
    for part in path[:-1]:
        target = target.setdefault(part, {})
    target[path[-1]] = value
    return document


def schema_at(schema: Mapping[str, Any], path: JsonPath) -> Mapping[str, Any]:
    """The sub-schema describing the value at ``path`` of documents valid against ``schema``."""
    for part in path:
        schema = flat(schema).get("properties", {}).get(part, {})
    return flat(schema)
