"""Fault injection per operation: failures the client retries, delays, chosen responses, reset."""

from __future__ import annotations

import time

import pytest
from pilfer_client import PilferClient
from vendor_clients import NotFoundError, ResponseValidationError, RetryPolicy, ServerError

from mocks.clients import client_for

QUICK = RetryPolicy(backoff=0.0, jitter=0.0)


@pytest.fixture
def pilfer(pilfer_mock) -> PilferClient:
    client: PilferClient = client_for("pilfer", pilfer_mock.app, retry=QUICK)
    return client


def test_a_503_twice_is_retried_by_the_client_and_seen_in_calls(pilfer_mock, pilfer):
    pilfer_mock.fail("listSpaces", status=503, times=2)
    assert pilfer.list_spaces().data == []
    assert [(call.operation, call.status) for call in pilfer_mock.calls] == [("listSpaces", 503)] * 2 + [
        ("listSpaces", 200)
    ]
    assert not pilfer_mock.violations


def test_a_failure_past_the_retries_is_the_clients_error_with_the_apis_error_body(pilfer_mock, pilfer):
    pilfer_mock.fail("getSpace", status=503, times=None)
    with pytest.raises(ServerError) as raised:
        pilfer.get_space("s1")
    assert raised.value.status == 503
    assert raised.value.message == "Service Unavailable"
    assert len(pilfer_mock.calls) == 3


def test_a_delay_holds_the_answer(pilfer_mock, pilfer):
    pilfer_mock.delay("listSpaces", seconds=0.3, times=1)
    started = time.monotonic()
    pilfer.list_spaces()
    assert time.monotonic() - started >= 0.3
    started = time.monotonic()
    pilfer.list_spaces()
    assert time.monotonic() - started < 0.3


def test_respond_sends_a_documented_body_and_refuses_others_unless_told(pilfer_mock, pilfer):
    pilfer_mock.respond("getSpace", status=200, body={"data": {"_id": "x1", "name": "Chosen"}})
    assert pilfer.get_space("anything").name == "Chosen"
    with pytest.raises(ValueError, match='getSpace 200: "name" is a required property'):
        pilfer_mock.respond("getSpace", status=200, body={"data": {"_id": "x1"}})
    with pytest.raises(ValueError, match="documents no 418 response"):
        pilfer_mock.respond("getSpace", status=418, body={})
    pilfer_mock.respond("getSpace", status=200, body={"data": {"_id": 7}}, validate=False)
    with pytest.raises(ResponseValidationError):
        pilfer.get_space("anything")


def test_a_faults_headers_reach_the_client_and_replace_none_of_the_others(pilfer_mock, pilfer):
    pilfer_mock.fail("getSpace", status=404, headers={"X-Request-Id": "req-7"})
    with pytest.raises(NotFoundError) as raised:
        pilfer.get_space("s1")
    assert raised.value.request_id == "req-7"
    assert raised.value.response.headers["content-type"] == "application/json"
    pilfer_mock.respond("listSpaces", 200, {"data": []}, headers={"X-Request-Id": "req-8"})
    assert pilfer.with_raw_response.list_spaces().headers["x-request-id"] == "req-8"
    assert "x-request-id" not in pilfer.with_raw_response.list_spaces().headers


@pytest.mark.parametrize(
    "headers",
    [{"Bad Name": "x"}, {"X-Ok": "line\nbreak"}, {"X-Ok": 1}, ["X-Ok"], {f"X-{i}": "v" for i in range(33)}],
    ids=["name", "newline", "not-text", "not-a-mapping", "too-many"],
)
def test_a_fault_with_headers_no_http_head_can_carry_is_refused(pilfer_mock, headers):
    with pytest.raises(ValueError, match="header"):
        pilfer_mock.fail("getSpace", headers=headers)


def test_an_unknown_operation_is_named(pilfer_mock):
    with pytest.raises(ValueError, match="no operation 'listSpace': one of listSpaces"):
        pilfer_mock.fail("listSpace")


def test_reset_drops_faults_calls_and_state(pilfer_mock, pilfer):
    pilfer_mock.seed(spaces=[{"name": "Gone"}])
    pilfer_mock.fail("getSpace", status=503, times=None)
    pilfer.list_spaces()
    pilfer_mock.reset()
    assert pilfer_mock.calls == []
    with pytest.raises(NotFoundError):
        pilfer.get_space("nope")
    assert pilfer.list_spaces().data == []
