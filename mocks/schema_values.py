"""Hypothesis strategies of the JSON values a (dereferenced) JSON Schema allows: every optional property
present and absent, null where the type allows it, every ``enum`` value, bounds, lengths, ``pattern`` and
the common formats. Each drawn value is checked by the schema's compiled validator, so what a strategy
gives is valid whatever keyword it does not model (``multipleOf``, ``not``, ...)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC
from typing import Any

from hypothesis import strategies as st

from mocks.spec import INTEGER_RANGES, union, validator
from mocks.values import types_of

MAX_ITEMS = 5
"""Most items drawn for an array without a smaller ``maxItems``."""
FORMATS: dict[str, st.SearchStrategy[str]] = {
    "date-time": st.datetimes(timezones=st.just(UTC)).map(lambda moment: moment.isoformat()),
    "date": st.dates().map(lambda day: day.isoformat()),
    "uuid": st.uuids().map(str),
    "email": st.emails(),
    "uri": st.from_regex(r"\Ahttps://[a-z]{1,12}\.example/[a-z0-9]{0,12}\Z"),
    "ipv4": st.ip_addresses(v=4).map(str),
    "ipv6": st.ip_addresses(v=6).map(str),
}
SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=20)


def valid_values(schema: Mapping[str, Any]) -> st.SearchStrategy[Any]:
    """Values valid against ``schema``: drawn by its shape, kept when its validator agrees."""
    return values(schema).filter(validator(schema).is_valid)


def values(schema: Mapping[str, Any]) -> st.SearchStrategy[Any]:
    """Values of the shape ``schema`` describes (not yet checked by its validator)."""
    if "$ref" in schema:  # left by dereferencing where a schema contains itself: no deeper
        return st.nothing()
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    members = schema.get("anyOf") or schema.get("oneOf")
    if members:
        rest = {key: value for key, value in schema.items() if key not in ("anyOf", "oneOf")}
        return st.one_of([values({**rest, **member}) for member in members])
    if "allOf" in schema:
        rest = {key: value for key, value in schema.items() if key != "allOf"}
        return values({**rest, **union([rest, *schema["allOf"]])})
    kinds = types_of(schema) or (["object"] if "properties" in schema else [])
    if schema.get("nullable") is True:
        kinds = [*kinds, "null"]
    if not kinds:
        return SCALARS
    return st.one_of([typed(kind, schema) for kind in kinds])


def typed(kind: str, schema: Mapping[str, Any]) -> st.SearchStrategy[Any]:
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
        items = st.lists(values(schema.get("items", {})), min_size=schema.get("minItems", 0), max_size=most)
        return (
            items.filter(lambda drawn: len(set(map(repr, drawn))) == len(drawn))
            if schema.get("uniqueItems")
            else items
        )
    return objects(schema)


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


def objects(schema: Mapping[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """Objects with every required property and each optional one present or absent."""
    properties: Mapping[str, Any] = schema.get("properties", {})
    required = set(schema.get("required", ()))
    return st.fixed_dictionaries(
        {name: values(properties.get(name, {})) for name in properties if name in required}
        | dict.fromkeys(required - set(properties), SCALARS),
        optional={name: values(value) for name, value in properties.items() if name not in required},
    )
