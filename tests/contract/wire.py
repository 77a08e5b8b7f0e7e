"""Negative cases no server can tell from valid requests: the contract suite runs every check on them but the
negative-data one (``indistinguishable``), and counts them.

A body is judged by what is sent, not by what the mock makes of it: the bytes are read back the way their
media type defines (form and multipart fields by name, a name's escapes read back, each as its text or the
JSON that text spells where that adds no error, arrays from their repeated fields; any other body as its
text or JSON), that value is checked against the operation's body
schema, and it is serialized again with schemathesis's own serializer. Only when it is valid and sent
byte for byte as the negative case was does the case count as a valid one. A query value is judged the
same way, by the URL sent: no pair (an empty array), or a text whose reading is valid for every parameter
that reads that name.
"""

from __future__ import annotations

import json
import re
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests
import schemathesis
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation.meta import CoveragePhaseData, CoverageScenario
from schemathesis.specs.openapi.checks import negative_data_rejection
from schemathesis.transport.serialization import Binary

from mocks.spec import validator
from tests.contract.tally import INDISTINGUISHABLE

BOUNDARY = re.compile(r'boundary="?([^";]+)')
FORM_NAME_ESCAPES = {"%0A": "\n", "%0D": "\r", "%22": '"'}
"""How a multipart part's name escapes a line break or a quote (the HTML form encoding, as urllib3 writes
it)."""


def undeclared_header_only(case: schemathesis.Case[Any]) -> bool:
    """Whether the case is schemathesis's negative case that only adds a header the operation does not
    declare: an HTTP server takes any header (clients send many), so accepting it is right; schemathesis
    flags it when a declared header is not a string (it rereads ``Int-Header: 1`` as the text ``"1"``,
    off its integer schema)."""
    data = case.meta.phase.data if case.meta is not None else None
    return (
        isinstance(data, CoveragePhaseData)
        and data.scenario == CoverageScenario.OBJECT_UNEXPECTED_PROPERTIES
        and data.parameter_location == ParameterLocation.HEADER
    )


def sent(case: schemathesis.Case[Any]) -> tuple[str, bytes]:
    """The ``Content-Type`` and body schemathesis sends for ``case`` (its serializers, then requests), with
    a multipart boundary (chosen at random per request) replaced by ``-``."""
    request = prepared(case)
    content_type = str(request.headers.get("Content-Type", ""))
    body = request.body if isinstance(request.body, bytes) else str(request.body or "").encode()
    found = BOUNDARY.search(content_type)
    if found:
        content_type, body = content_type.replace(found[1], "-"), body.replace(found[1].encode(), b"-")
    return content_type, body


def fields(content_type: str, body: bytes) -> dict[str, list[str | None]] | None:
    """A form or multipart body's fields, each with its texts (None for a file or a part with its own
    ``Content-Type``, which is not form text); None for any other body."""
    media = content_type.split(";")[0].strip().lower()
    if media == "application/x-www-form-urlencoded":
        pairs = parse_qs(body.decode("ascii", errors="replace"), keep_blank_values=True)
        return {name: list[str | None](texts) for name, texts in pairs.items()}
    if media != "multipart/form-data":
        return None
    message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + body)
    found: dict[str, list[str | None]] = {}
    for part in message.iter_parts():
        payload = part.get_payload(decode=True)
        plain = part.get_filename() is None and "content-type" not in part
        text = payload.decode(errors="replace") if plain and isinstance(payload, bytes) else None
        name = str(part.get_param("name", header="content-disposition"))
        name = re.sub("|".join(FORM_NAME_ESCAPES), lambda escape: FORM_NAME_ESCAPES[escape[0]], name)
        found.setdefault(name, []).append(text)
    return found


def readings(text: str) -> list[Any]:
    """What a text may stand for: itself, or the JSON value it spells (``null``, ``1``, ``true``)."""
    try:
        return [text, json.loads(text)]
    except ValueError:
        return [text]


def checkable(value: Any) -> Any:
    """``value`` with its file contents as empty strings: the validator takes no bytes, and a schema says
    nothing of a file's bytes beyond their being there (``format: binary``)."""
    if isinstance(value, (bytes, Binary)):
        return ""
    if isinstance(value, dict):
        return {key: checkable(item) for key, item in value.items()}
    return [checkable(item) for item in value] if isinstance(value, list) else value


def reread(case: schemathesis.Case[Any], content_type: str, body: bytes, validator: Any) -> Any:
    """The value the sent body reads as, each field the reading the schema takes where there is one."""

    def errors(value: Any) -> set[tuple[tuple[Any, ...], tuple[Any, ...]]]:
        """Where ``value`` fails its schema: the instance's and the schema's paths of each error."""
        found = validator.iter_errors(checkable(value))
        return {(tuple(error.instance_path), tuple(error.schema_path)) for error in found}

    def fits(value: Any, before: Any) -> bool:
        """Whether ``value`` fails nowhere that ``before`` (it without the reading tried) does not. An
        error is not placed by its path alone: jsonschema-rs leaves a key "" out of the path."""
        return errors(value) <= errors(before)

    parts = fields(content_type, body)
    if parts is None:
        return next((r for r in readings(body.decode(errors="replace")) if validator.is_valid(r)), None)
    generated = case.body if isinstance(case.body, dict) else {}
    value: dict[str, Any] = {}
    for name, sent_texts in parts.items():
        texts = [text for text in sent_texts if text is not None]
        if len(texts) < len(sent_texts):  # files and typed parts keep their generated value
            if name in generated:
                value[name] = generated[name]
            continue
        items: list[Any] = []
        for text in texts:
            before = {**value, name: items}
            found = (r for r in readings(text) if fits({**value, name: [*items, r]}, before))
            items.append(next(found, text))
        options = [*(readings(texts[0]) if len(texts) == 1 else []), items]
        value[name] = next((option for option in options if fits({**value, name: option}, value)), texts[0])
    for name in generated.keys() - parts.keys():  # sent as nothing ([] or {}): either that or left out
        if fits({**value, name: generated[name]}, value):
            value[name] = generated[name]
    return value


def body_sent_as_valid(case: schemathesis.Case[Any]) -> bool:
    """Whether the case is negative in its body alone and that body, as sent, is what a valid body is
    sent as (``sent``, ``reread``)."""
    meta = case.meta
    others = [location for location in ParameterLocation if location != ParameterLocation.BODY]
    if (
        meta is None
        or not meta.is_negative_at(ParameterLocation.BODY)
        or any(map(meta.is_negative_at, others))
    ):
        return False
    body = case.operation.get_body_for_media_type(case.media_type) if case.media_type else None
    if body is None:
        return False
    validator = body.get_validator()
    content_type, wire = sent(case)
    value = reread(case, content_type, wire, validator)
    if not validator.is_valid(checkable(value)):
        return False
    valid = case.operation.Case(
        method=case.method,
        path_parameters=case.path_parameters,
        headers=case.headers,
        cookies=case.cookies,
        query=case.query,
        body=value,
        media_type=case.media_type,
        multipart_content_types=case.multipart_content_types,
    )
    return sent(valid) == (content_type, wire)


def query_schemas(case: schemathesis.Case[Any], name: str) -> list[Any] | None:
    """The schemas a query pair named ``name`` is read by: the parameter's, or the property's of each
    exploded object parameter that has it (``{"required": True}`` marks one it may not be left out of);
    None when ``name`` is required."""
    found = []
    for parameter in case.operation.query:
        schema = parameter.optimized_schema
        bundle = schema.get("x-bundled", {}) if isinstance(schema, dict) else {}
        ref = schema.get("$ref", "") if isinstance(schema, dict) else ""
        top = bundle.get(ref.removeprefix("#/x-bundled/"), {}) if ref.startswith("#/x-bundled/") else schema
        if parameter.name == name:
            if parameter.is_required:
                return None
            found.append(schema)
        elif isinstance(top, dict) and name in top.get("properties", {}):
            if name in top.get("required", []):
                return None
            found.append({**top["properties"][name], "x-bundled": bundle})
    return found


def query_value_sent_as_valid(case: schemathesis.Case[Any]) -> bool:
    """Whether the case's one negative part is a query value that, read back from the URL sent (nothing,
    its text, or the JSON value the text spells), is a value every parameter reading that name takes:
    ``[]`` is sent as no pair at all, as leaving an optional parameter out is; ``"2"`` as ``2`` is."""
    data = case.meta.phase.data if case.meta is not None else None
    name = getattr(data, "parameter", None)
    if (
        getattr(data, "parameter_location", None) != ParameterLocation.QUERY
        or not isinstance(name, str)
        or not isinstance(case.query, dict)
        or name not in case.query
    ):
        return False
    schemas = query_schemas(case, name)
    texts = parse_qs(urlsplit(str(prepared(case).url)).query, keep_blank_values=True).get(name)
    if schemas is None or (texts is not None and len(texts) != 1):
        return False
    if texts is None:
        return True
    return any(all(validator(schema).is_valid(option) for schema in schemas) for option in readings(texts[0]))


def prepared(case: schemathesis.Case[Any]) -> requests.PreparedRequest:
    """The request requests sends for ``case``, from schemathesis's transport arguments."""
    kwargs = case.as_transport_kwargs()
    return requests.Request(
        kwargs["method"],
        kwargs["url"],
        headers=kwargs["headers"],
        files=kwargs.get("files"),
        data=kwargs.get("data"),
        json=kwargs.get("json"),
        params=kwargs.get("params"),
    ).prepare()


REASONS = {
    "that only add an undeclared header (a server takes any header)": undeclared_header_only,
    "whose body is sent byte for byte as a valid body is": body_sent_as_valid,
    "whose one negative query value is sent as a valid one is": query_value_sent_as_valid,
}
"""Why a negative case cannot be told from a valid request, and how to tell."""


def indistinguishable(case: schemathesis.Case[Any]) -> str | None:
    """Why the negative case cannot be told from a valid request on the wire, or None when it can."""
    if case.meta is None or not case.meta.generation.mode.is_negative:
        return None
    return next((why for why, test in REASONS.items() if test(case)), None)


def call_and_validate(case: schemathesis.Case[Any], api: str) -> None:
    """``case.call_and_validate()``, every check on but the negative-data one for a case that cannot be
    told from a valid request (counted per API and reason)."""
    why = indistinguishable(case)
    if why is None:
        case.call_and_validate()
    else:
        INDISTINGUISHABLE[api, why] += 1
        case.call_and_validate(excluded_checks=[negative_data_rejection])
