"""Negative cases sent as valid requests are: recognised from the bytes sent, not from the server's answer,
so a server that accepts a negative case it could tell apart still fails the negative-data check."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from schemathesis.core.failures import AcceptedNegativeData, FailureGroup
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation import GenerationMode
from schemathesis.generation.meta import (
    CaseMetadata,
    ComponentInfo,
    CoverageScenario,
    GenerationInfo,
    PhaseInfo,
)
from schemathesis.schemas import APIOperation
from starlette.responses import Response

from mocks import create_app, served_apis
from tests.contract.serializers import register_unknown
from tests.contract.tally import INDISTINGUISHABLE
from tests.contract.wire import (
    REASONS,
    body_sent_as_valid,
    call_and_validate,
    indistinguishable,
    query_value_sent_as_valid,
)

ROOT = Path(__file__).resolve().parents[2]
WIRE = ROOT / "tests" / "fixtures" / "wire"
[SERVED] = served_apis(WIRE)
BODY = next(why for why, test in REASONS.items() if test is body_sent_as_valid)
QUERY = next(why for why, test in REASONS.items() if test is query_value_sent_as_valid)
MULTIPART, NOTE = "multipart/form-data", "application/x-note"


async def accept_all(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """A server that takes every request, invalid or not (204)."""
    if scope["type"] == "http":
        while (await receive()).get("more_body"):
            pass
        await Response(status_code=204)(scope, receive, send)


def negative(path: str, body: Any, media_type: str, app: Any = accept_all) -> schemathesis.Case[Any]:
    """A case negative in its body alone, as schemathesis's coverage phase makes them, served by ``app``."""
    return operation(path, app).Case(
        body=body, media_type=media_type, _meta=negative_at(ParameterLocation.BODY)
    )


def negative_query(query: dict[str, Any], parameter: str, app: Any = accept_all) -> schemathesis.Case[Any]:
    """A case of ``/search`` negative in its query ``parameter`` alone, served by ``app``."""
    return operation("/search", app).Case(query=query, _meta=negative_at(ParameterLocation.QUERY, parameter))


def operation(path: str, app: Any) -> APIOperation[Any, Any, Any, Any]:
    register_unknown([SERVED])
    schema = schemathesis.openapi.from_path(SERVED.spec_path)
    schema.app = app
    schema.config.base_url = "http://wire.test"
    return schema[path]["POST"]


def negative_at(location: ParameterLocation, parameter: str | None = None) -> CaseMetadata:
    return CaseMetadata(
        generation=GenerationInfo(time=0.0, mode=GenerationMode.NEGATIVE),
        components={location: ComponentInfo(mode=GenerationMode.NEGATIVE)},
        phase=PhaseInfo.coverage(
            CoverageScenario.INCORRECT_TYPE,
            "Incorrect type",
            parameter=parameter,
            parameter_location=location,
        ),
    )


@pytest.mark.parametrize(
    ("path", "body", "media_type"),
    [
        ("/marks", {"marks": None}, MULTIPART),  # one part "null", as [None] is sent
        ("/marks", {"marks": None, "count": 3}, MULTIPART),
        ("/marks", {"marks": None, 'a "quoted"\r\nname': {}}, MULTIPART),  # the name's escapes read back
        ("/marks", {"marks": None, "": {}}, MULTIPART),  # the part "{}" named "" is an object, no text
        ("/notes", {}, NOTE),  # the bytes {}, which are the string "{}"
        ("/notes", 7, NOTE),
        ("/files", {"upload": "not binary"}, MULTIPART),  # a file part: bytes, as any file's
    ],
)
def test_a_negative_case_sent_as_a_valid_one_is_recognised_and_only_the_negative_check_is_off(
    path, body, media_type
):
    INDISTINGUISHABLE.clear()
    case = negative(path, body, media_type)
    assert indistinguishable(case) == BODY
    call_and_validate(case, "wire")  # accepted, and every other check passes
    assert INDISTINGUISHABLE == {("wire", BODY): 1}
    mocked = negative(path, body, media_type, create_app(SERVED))
    assert mocked.call().status_code == 204  # the mock takes it too: what it reads is valid


@pytest.mark.parametrize(
    ("path", "body", "media_type"),
    [
        ("/marks", {"marks": [None], "count": "many"}, MULTIPART),  # "many" reads as no integer
        ("/marks", {"marks": "x"}, MULTIPART),  # the part "x" is no null
        ("/marks", {"marks": [None], "count": 1.5}, MULTIPART),
        ("/files", {"upload": "not binary", "count": "many"}, MULTIPART),
    ],
)
def test_a_negative_case_a_server_can_tell_apart_still_fails_when_accepted(path, body, media_type):
    INDISTINGUISHABLE.clear()
    case = negative(path, body, media_type)
    assert indistinguishable(case) is None
    with pytest.raises(FailureGroup) as failed:
        call_and_validate(case, "wire")
    assert [type(failure) for failure in failed.value.exceptions] == [AcceptedNegativeData]
    assert not INDISTINGUISHABLE
    mocked = negative(path, body, media_type, create_app(SERVED))
    assert mocked.call().status_code == 400  # the mock refuses it, as it should


@pytest.mark.parametrize(
    ("query", "parameter", "told_apart"),
    [
        ({"need": "x", "tags": []}, "tags", False),  # no pair sent, as for an object without tags
        ({"need": "x", "level": "2"}, "level", False),  # level=2, as for the integer 2
        ({"need": "x", "level": "9"}, "level", True),  # 9 is none of the values
        ({"need": []}, "need", True),  # a required parameter left out
        ({"need": "x", "tags": ["a", "b"], "level": "3"}, "level", True),
    ],
)
def test_a_query_value_is_judged_by_the_url_sent(query, parameter, told_apart):
    INDISTINGUISHABLE.clear()
    case = negative_query(query, parameter)
    assert indistinguishable(case) == (None if told_apart else QUERY)
    status = negative_query(query, parameter, create_app(SERVED)).call().status_code
    assert status == (400 if told_apart else 204)  # the mock refuses exactly those it can tell apart
    if not told_apart:
        call_and_validate(case, "wire")  # accepted, and every other check passes
        assert INDISTINGUISHABLE == {("wire", QUERY): 1}


def test_the_suite_passes_on_generated_cases_and_counts_them():
    env = {**os.environ, "CONTRACT_SPECS": str(WIRE), "CONTRACT_EXAMPLES": "10"}
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-p",
        "no:cacheprovider",
        "-q",
        "tests/contract/test_contract.py",
    ]
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:]
    assert f"negative cases {BODY}" in run.stdout, run.stdout[-3000:]
