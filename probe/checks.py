"""Check one response against the spec: schemathesis's response checks, then the client's strict parsing."""

from __future__ import annotations

from typing import Any, NamedTuple

import httpx
from schemathesis import Case
from schemathesis.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.core.jsonschema.bundler import unbundle_path
from schemathesis.openapi.checks import JsonSchemaError, MissingHeaders, UndefinedStatusCode
from vendor_clients.auth import Secret
from vendor_clients.errors import ResponseValidationError
from vendor_clients.operation import Operation
from vendor_clients.responses import decode

CHECKS = [
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
"""Only checks that read the response: none of them sends a request of its own."""
CLIENT_PARSING = "client_parsing"


class Finding(NamedTuple):
    """One contradiction: the check that saw it, the spec pointer, where in the body, and what."""

    check: str
    pointer: str
    at: str
    problem: str


def escape(segment: object) -> str:
    """A JSON pointer segment (RFC 6901)."""
    return str(segment).replace("~", "~0").replace("/", "~1")


def pointer(*segments: object) -> str:
    return "#/" + "/".join(escape(segment) for segment in segments)


def response_key(responses: dict[str, Any], status: int) -> str:
    """The key of ``responses`` that documents ``status``: itself, its ``NXX`` range, or ``default``."""
    for key in (str(status), f"{status // 100}XX", "default"):
        if key in responses:
            return key
    return str(status)


def check(
    case: Case[Any], response: httpx.Response, operation: Operation[Any], token: Secret
) -> list[Finding]:
    """Every contradiction between ``response`` and the spec, as (check, pointer, at, problem)."""
    responses: dict[str, Any] = case.operation.definition.raw.get("responses", {})
    where = ("paths", case.operation.path, case.operation.method.lower(), "responses")
    key = response_key(responses, response.status_code)
    found = [located(failure, where, key) for failure in failures(case, response)]
    problem = client_problem(response, operation, token)
    if problem is not None:
        field, text = problem
        body = (
            pointer(*where, key, "content")
            if field == "<body>"
            else pointer(*where, key, "content", "application/json", "schema")
        )
        found.append(Finding(CLIENT_PARSING, body, "" if field == "<body>" else field, text))
    return found


def failures(case: Case[Any], response: httpx.Response) -> list[Failure]:
    """What schemathesis's response checks reject in ``response``."""
    try:
        case.validate_response(response, checks=CHECKS)
    except FailureGroup as group:
        return list(group.exceptions)
    return []


def located(failure: Failure, where: tuple[str, ...], key: str) -> Finding:
    """(check, spec pointer, body location, problem) of one schemathesis failure."""
    name = failure.checks[0] if failure.checks else type(failure).__name__
    if isinstance(failure, UndefinedStatusCode):
        documented = ", ".join(failure.defined_status_codes)
        return Finding(
            name,
            pointer(*where),
            "",
            f"status {failure.status_code} is not documented (documented: {documented})",
        )
    if isinstance(failure, MissingHeaders) or (
        isinstance(failure, JsonSchemaError) and failure.title != failure.kind_title
    ):
        return Finding(
            "response_headers_conformance", pointer(*where, key, "headers"), "", first_line(failure)
        )
    if isinstance(failure, JsonSchemaError):
        # The failing keyword, with bundled references mapped back to where they are in the spec file.
        # schemathesis keeps the bundle map private (it only renders it into the message); it is pinned,
        # and tests/test_probe_drift.py checks the pointers this gives.
        path = unbundle_path(list(failure.schema_path), failure._name_to_uri or {})
        spot = (
            pointer(*path)
            if failure.schema_path[:1] == ["x-bundled"]
            else pointer(*where, key, "content", "application/json", "schema", *path)
        )
        at = "/" + "/".join(escape(part) for part in failure.instance_path)
        return Finding(name, spot, at, failure.validation_message)
    if name == "content_type_conformance":
        return Finding(name, pointer(*where, key, "content"), "", " ".join(failure.message.splitlines()))
    return Finding(name, pointer(*where, key), "", f"{failure.title}: {first_line(failure)}")


def first_line(failure: Failure) -> str:
    return failure.message.strip().splitlines()[0] if failure.message.strip() else failure.title


def client_problem(
    response: httpx.Response, operation: Operation[Any], token: Secret
) -> tuple[str, str] | None:
    """(field path, problem) when the generated client would reject this success body, else None."""
    if not response.is_success or operation.response is None:
        return None
    try:
        decode(
            response,
            operation.response,
            operation.operation_id,
            token,
            operation.empty_statuses,
            operation.response_media,
            text_model=operation.response_text,
        )
    except ResponseValidationError as error:
        return error.path, error.problem
    return None
