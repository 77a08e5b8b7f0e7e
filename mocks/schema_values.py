"""Hypothesis strategies of the JSON values a (dereferenced) JSON Schema allows: every optional property
present and absent, null where the type allows it, every ``enum`` value, bounds, lengths, ``pattern`` and
the common formats. A schema that contains itself is followed a few levels deep through the document's
``$ref`` (then its sample ends it). Each union, ``allOf`` and whole value drawn is checked by
the schema's compiled validator, and one that is not valid (a keyword not modelled, ``multipleOf``,
``not``, a union's members overlapping) is replaced by the schema's deterministic sample
(``mocks.values.sample``): what a strategy gives is valid, without filtering most draws away."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Mapping
from datetime import UTC
from functools import reduce
from typing import Any

from hypothesis import strategies as st

from mocks.spec import INTEGER_RANGES, validator
from mocks.values import merge, sample, types_of

MAX_ITEMS = 5
"""Most items drawn for an array without a smaller ``maxItems``."""
MAX_DEPTH = 2
"""How many times a ``$ref`` left by dereferencing (a schema within itself) is followed."""
FORMATS: dict[str, st.SearchStrategy[str]] = {
    "date-time": st.datetimes(timezones=st.just(UTC)).map(lambda moment: moment.isoformat()),
    "date": st.dates().map(lambda day: day.isoformat()),
    "uuid": st.uuids().map(str),
    "email": st.emails(),
    "uri": st.from_regex(r"\Ahttps://[a-z]{1,12}\.example/[a-z0-9]{0,12}\Z"),
    "ipv4": st.ip_addresses(v=4).map(str),
    "ipv6": st.ip_addresses(v=6).map(str),
    # base64 of text: the generated models read it as a ``Base64Str``
    "byte": st.text(max_size=12).map(lambda text: base64.b64encode(text.encode()).decode()),
}
SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=20)


def valid_values(
    schema: Mapping[str, Any],
    document: Mapping[str, Any] | None = None,
    accepts: Callable[[Any], bool] | None = None,
) -> st.SearchStrategy[Any]:
    """Values valid against ``schema`` (whose ``$ref`` point into ``document``) and, when given, accepted
    by ``accepts`` (a model reading them)."""
    valid = checker(schema, document or {}, accepts)
    return repaired(values(schema, document or {}), schema, valid).filter(valid)


def checker(
    schema: Mapping[str, Any], document: Mapping[str, Any], accepts: Callable[[Any], bool] | None = None
) -> Callable[[Any], bool]:
    """Whether a value is valid against ``schema`` and accepted by ``accepts``."""
    check = validator(rooted(schema, document)).is_valid
    return lambda value: check(value) and (accepts is None or accepts(value))


def repaired(
    drawn: st.SearchStrategy[Any], schema: Mapping[str, Any], valid: Callable[[Any], bool]
) -> st.SearchStrategy[Any]:
    """``drawn`` with each value that is not ``valid`` replaced by the schema's sample (minimal, else
    complete), when one of them is valid."""
    fallback = [value for value in (sample(schema), sample(schema, complete=True)) if valid(value)]
    if not fallback:
        return drawn
    return drawn.map(lambda value: value if valid(value) else fallback[0])


def rooted(schema: Mapping[str, Any], document: Mapping[str, Any]) -> Mapping[str, Any]:
    """``schema`` with the document's ``components`` beside it when it has a ``$ref`` into them."""
    if "components" in document and '"$ref"' in json.dumps(schema):
        return {**schema, "components": document["components"]}
    return schema


def values(schema: Mapping[str, Any], document: Mapping[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:
    """Values of the shape ``schema`` describes (unions and ``allOf`` checked, the whole not yet)."""
    if "$ref" in schema:  # left by dereferencing where a schema contains itself
        target = pointed(document, schema["$ref"])
        return st.just(sample(target)) if depth >= MAX_DEPTH else values(target, document, depth + 1)
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    members = schema.get("anyOf") or schema.get("oneOf")
    if members:
        rest = {key: value for key, value in schema.items() if key not in ("anyOf", "oneOf")}
        drawn = st.one_of([values({**rest, **member}, document, depth) for member in members])
        return repaired(drawn, schema, checker(schema, document))
    if "allOf" in schema:
        parts = [pointed(document, part["$ref"]) if "$ref" in part else part for part in schema["allOf"]]
        rest = {key: value for key, value in schema.items() if key != "allOf"}
        merged = values(reduce(merge, [*parts, rest]), document, depth)
        return repaired(merged, schema, checker(schema, document))
    kinds = types_of(schema) or (["object"] if "properties" in schema else [])
    if schema.get("nullable") is True:
        kinds = [*kinds, "null"]
    if not kinds:
        return SCALARS
    return st.one_of([typed(kind, schema, document, depth) for kind in kinds])


def pointed(document: Mapping[str, Any], reference: str) -> Mapping[str, Any]:
    """The schema a local ``$ref`` (``#/components/schemas/Node``) names in ``document``."""
    found: Any = document
    for part in reference.removeprefix("#/").split("/"):
        found = found[part.replace("~1", "/").replace("~0", "~")]
    result: Mapping[str, Any] = found
    return result


def typed(
    kind: str, schema: Mapping[str, Any], document: Mapping[str, Any], depth: int
) -> st.SearchStrategy[Any]:
    """Values of one JSON type within the schema's bounds."""
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        return integers(schema)
    if kind == "number":
        low, high = schema.get("minimum"), schema.get("maximum")
        return integers(schema) | st.floats(low, high, allow_nan=False, allow_infinity=False)
    if kind == "string":
        return strings(schema)
    if kind == "array":
        most = min(schema.get("maxItems", MAX_ITEMS), max(schema.get("minItems", 0), MAX_ITEMS))
        items = st.lists(
            values(schema.get("items", {}), document, depth),
            min_size=schema.get("minItems", 0),
            max_size=most,
        )
        return (
            items.filter(lambda drawn: len(set(map(repr, drawn))) == len(drawn))
            if schema.get("uniqueItems")
            else items
        )
    return objects(schema, document, depth)


def integers(schema: Mapping[str, Any]) -> st.SearchStrategy[int]:
    low, high = INTEGER_RANGES.get(schema.get("format", ""), (None, None))
    low = schema.get("minimum", low)
    high = schema.get("maximum", high)
    if "exclusiveMinimum" in schema:
        low = int(schema["exclusiveMinimum"]) + 1
    if "exclusiveMaximum" in schema:
        high = int(schema["exclusiveMaximum"]) - 1
    return st.integers(None if low is None else int(low), None if high is None else int(high))


def strings(schema: Mapping[str, Any]) -> st.SearchStrategy[str]:
    shortest, longest = schema.get("minLength", 0), schema.get("maxLength")
    if "pattern" in schema:
        drawn = st.from_regex(schema["pattern"])
    elif schema.get("format") in FORMATS:
        drawn = FORMATS[schema["format"]]
    else:
        return st.text(min_size=shortest, max_size=longest if longest is not None else max(shortest, 20))
    return drawn.filter(lambda text: shortest <= len(text) <= (longest if longest is not None else len(text)))


def objects(
    schema: Mapping[str, Any], document: Mapping[str, Any], depth: int
) -> st.SearchStrategy[dict[str, Any]]:
    """Objects with every required property and each optional one present or absent."""
    properties: Mapping[str, Any] = schema.get("properties", {})
    required = set(schema.get("required", ()))
    return st.fixed_dictionaries(
        {name: values(properties.get(name, {}), document, depth) for name in properties if name in required}
        | dict.fromkeys(required - set(properties), SCALARS),
        optional={
            name: values(value, document, depth) for name, value in properties.items() if name not in required
        },
    )
