"""String enums on the response side typed open, ``Literal["a", "b"] | str``: a vendor adding a value
breaks no caller (the runtime keeps it and logs a WARNING), while requests keep their enum classes and
refuse a value off the spec. Rewrites the spec copy datamodel-code-generator reads (after ``modelled``).

An object schema that requests use too gets a response-side copy, ``<Name>Output``, with its enums open.
Closed stay: one-value enums (tags), discriminator properties, enums of ``oneOf`` / ``anyOf`` / ``allOf``
members (opening them would blur which member a value is), and schemas reached only through such members.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from typing import Any

from codegen.describe import METHODS, first_free, resolve

PREFIX = "#/components/schemas/"
COMBINERS = ("oneOf", "anyOf", "allOf")
LITERAL = "x-enum-field-as-literal"
"""datamodel-code-generator's per-schema switch: this enum as a ``Literal``, not a class."""


def string_enum(node: Any) -> list[str] | None:
    """The values of a string enum of two or more values (a null among them aside), else None."""
    if not isinstance(node, dict) or not isinstance(node.get("enum"), list) or LITERAL in node:
        return None
    values = [value for value in node["enum"] if value is not None]
    types = node.get("type", "string")
    if set(types if isinstance(types, list) else [types]) - {"string", "null"}:
        return None
    return values if len(values) > 1 and all(isinstance(value, str) for value in values) else None


def named(node: Any) -> str | None:
    """The component schema a ``$ref`` node names, else None."""
    ref = node.get("$ref") if isinstance(node, dict) else None
    return (
        ref[len(PREFIX) :]
        if isinstance(ref, str) and ref.startswith(PREFIX) and "/" not in ref[len(PREFIX) :]
        else None
    )


def sides(spec: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    """The request-side roots (parameters, request bodies) and the response-side ones (response bodies)."""
    requests: list[Any] = []
    responses: list[Any] = []
    for item in (spec.get("paths") or {}).values():
        requests.append(item.get("parameters", []))
        for op in (item[method] for method in METHODS if isinstance(item.get(method), dict)):
            requests += [op.get("parameters", []), op.get("requestBody")]
            for raw in (op.get("responses") or {}).values():
                content = (resolve_or_none(spec, raw) or {}).get("content") or {}
                responses += [media.get("schema") for media in content.values() if isinstance(media, dict)]
    return requests, responses


NESTED = ("items", "additionalProperties", "prefixItems", "patternProperties", "properties")
"""The keywords under which a schema holds the schemas of its values."""


def children(node: Any, *, combined: bool) -> Iterator[Any]:
    """The nodes directly under ``node``; the members of its unions and merges only when ``combined``."""
    if isinstance(node, list):
        yield from node
    elif isinstance(node, dict):
        yield from (
            value for key, value in node.items() if key != "$ref" and (combined or key not in COMBINERS)
        )


def slots(node: Any) -> Iterator[tuple[str, str | int | None, Any]]:
    """Where a schema holds the schemas of its values (its items, properties but a discriminator's, maps):
    each keyword, the name or index under it (None for one schema), and the schema there."""
    if not isinstance(node, dict):
        return
    tag = (node.get("discriminator") or {}).get("propertyName")
    for key in NESTED:
        value = node.get(key)
        if key in ("properties", "patternProperties") and isinstance(value, dict):
            yield from ((key, name, schema) for name, schema in value.items() if name != tag)
        elif isinstance(value, list):
            yield from ((key, index, schema) for index, schema in enumerate(value))
        elif isinstance(value, dict):
            yield key, None, value


def reached(spec: dict[str, Any], roots: Iterable[Any], *, combined: bool = True) -> set[str]:
    """The component schemas ``roots`` lead to through ``$ref``s (any local ``$ref`` followed); through
    union and merge members only when ``combined``."""
    schemas = spec.get("components", {}).get("schemas") or {}
    seen: set[str] = set()
    stack = list(roots)
    while stack:
        node = stack.pop()
        name = named(node)
        if name is not None and name not in seen and name in schemas:
            seen.add(name)
            stack.append(schemas[name])
        elif name is None and isinstance(node, dict) and isinstance(node.get("$ref"), str):
            stack.append(resolve_or_none(spec, node))
        stack += children(node, combined=combined)
    return seen


def resolve_or_none(spec: dict[str, Any], node: dict[str, Any]) -> Any:
    """What a local ``$ref`` (a response, a parameter, a request body) names; None when it names nothing."""
    try:
        return resolve(spec, node)
    except (KeyError, IndexError, TypeError, ValueError):
        return None


def holds_enum(node: Any, schemas: dict[str, Any], seen: frozenset[str] = frozenset()) -> bool:
    """Whether an enum ``opened`` would open lies in ``node`` (through ``$ref``s, not through members)."""
    name = named(node)
    if name is not None:
        return name not in seen and holds_enum(schemas.get(name), schemas, seen | {name})
    return string_enum(node) is not None or any(
        holds_enum(child, schemas, seen) for _, _, child in slots(node)
    )


def member_schemas(spec: dict[str, Any]) -> set[str]:
    """The component schemas that are (or lie under) a union or merge member anywhere in the spec."""
    found: set[str] = set()
    stack: list[Any] = [spec]
    while stack:
        here = stack.pop()
        if isinstance(here, dict):
            for key in COMBINERS:
                if isinstance(here.get(key), list):
                    found |= reached(spec, here[key])
        stack += children(here, combined=True)
    return found


def opened(spec: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The spec with its response-side string enums open, and each response-side copy's name by the name
    of the schema it copies."""
    original = spec.get("components", {}).get("schemas") or {}
    requests, responses = sides(spec)
    roots = {named(schema) for schema in responses}
    holders = {  # an enum component nested in a response is inlined open where it is used
        name
        for name in reached(spec, responses, combined=False)
        if holds_enum(original[name], original) and (name in roots or string_enum(original[name]) is None)
    }
    if not holders:
        return spec, {}
    closed = reached(spec, requests) | member_schemas(spec)
    schemas = dict(original)
    outputs = {
        name: first_free(f"{name}Output", schemas.__contains__, "") for name in sorted(holders & closed)
    }
    opener = Opener(original, outputs)
    for name in holders - closed:
        schemas[name] = opener.open(original[name])
    for name, output in outputs.items():
        schemas[output] = opener.open(original[name])
    components = copy.deepcopy(spec.get("components", {}))
    for raw in (components.get("responses") or {}).values():
        opener.open_content(raw)
    paths = copy.deepcopy(spec.get("paths") or {})
    for item in paths.values():
        for op in (item[method] for method in METHODS if isinstance(item.get(method), dict)):
            for raw in (op.get("responses") or {}).values():
                opener.open_content(raw)
    return {**spec, "paths": paths, "components": {**components, "schemas": schemas}}, outputs


class Opener:
    """Opens the string enums of schemas; a ``$ref`` to a copied schema then names the copy."""

    def __init__(self, schemas: dict[str, Any], outputs: dict[str, str]) -> None:
        self.schemas = schemas
        self.outputs = outputs

    def open_content(self, response: Any) -> None:
        """Open, in place, the schema of each media type of a response (not of a ``$ref`` to one)."""
        for media in (response.get("content") or {}).values() if isinstance(response, dict) else ():
            if isinstance(media, dict) and "schema" in media:
                media["schema"] = self.open(media["schema"], root=True)

    def open(self, node: Any, root: bool = False) -> Any:
        """``node`` with its string enums open, not those of union or merge members or discriminators; a
        ``$ref`` to an enum is inlined, except at the ``root`` of a response body (where the response-side
        copy, if any, is named)."""
        name = named(node)
        if name is not None:
            target = self.schemas.get(name)
            values = string_enum(target)
            if values is not None and isinstance(target, dict) and not root:  # inlined, open
                return self.open_enum({**target, **{k: v for k, v in node.items() if k != "$ref"}}, values)
            return {**node, "$ref": PREFIX + self.outputs[name]} if name in self.outputs else node
        values = string_enum(node)
        if values is not None:
            return self.open_enum(node, values)
        if not isinstance(node, dict):
            return node
        out = dict(node)
        for key, at, schema in slots(node):
            if at is None:
                out[key] = self.open(schema)
                continue
            if out[key] is node[key]:  # the list or map copied before its first change
                out[key] = copy.copy(node[key])
            out[key][at] = self.open(schema)
        return out

    @staticmethod
    def open_enum(node: dict[str, Any], values: list[str]) -> dict[str, Any]:
        """``anyOf: [the enum as a Literal, any string]`` (and null, when the enum takes it)."""
        types = node.get("type")
        nullable = (
            None in node["enum"]
            or node.get("nullable") is True
            or (isinstance(types, list) and "null" in types)
        )
        kept = {key: value for key, value in node.items() if key not in ("enum", "type", "nullable")}
        members: list[dict[str, Any]] = [
            {"type": "string", "enum": values, LITERAL: True},
            {"type": "string"},
        ]
        return {**kept, "anyOf": [*members, *([{"type": "null"}] if nullable else [])]}
