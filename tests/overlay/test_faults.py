"""The fault matrix: each fault gives the documented exception, or a successful retry."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from lighthouse_client import LighthouseClient
from vendor_clients import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
)

from .fakes import Sleeps, lighthouse, pilfer, policy, workspace, workspace_page

OK = workspace_page([workspace(1), workspace(2)], total=2)


class BrokenBody(httpx.SyncByteStream):
    """A body that breaks after its first bytes, like a connection reset mid-transfer."""

    def __iter__(self) -> Iterator[bytes]:
        yield b'{"code": "succ'
        raise httpx.ReadError("[Errno 104] Connection reset by peer")


def json_response(status: int, body: Any, **headers: str) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


def raw(status: int, content: bytes, content_type: str) -> httpx.Response:
    return httpx.Response(status, content=content, headers={"content-type": content_type})


def broken() -> httpx.Response:
    return httpx.Response(200, headers={"content-type": "application/json"}, stream=BrokenBody())


def refused() -> httpx.Response:
    raise httpx.ConnectError("[Errno 111] Connection refused")


def read_timeout() -> httpx.Response:
    raise httpx.ReadTimeout("timed out")


def html_page(status: int) -> httpx.Response:
    return raw(status, b"<html><body><h1>Bad Gateway</h1></body></html>", "text/html")


def replay(*outcomes: Any) -> tuple[list[httpx.Request], Any]:
    """A handler answering with ``outcomes`` in turn (callables are called), repeating the last one."""
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        outcome = outcomes[min(len(seen), len(outcomes)) - 1]
        response: httpx.Response = outcome() if callable(outcome) else outcome
        return response

    return seen, handle


def call(client: LighthouseClient) -> list[int]:
    return [item.id for item in client.list_workspaces(page=1).data.workspaces]


# fault, outcomes, expected exception (None: success), requests made
MATRIX = [
    ("connection refused", [refused], APIConnectionError, 3),
    ("reset mid-body, then success", [broken, json_response(200, OK)], None, 2),
    ("reset mid-body every time", [broken], APIConnectionError, 3),
    ("read timeout", [read_timeout], APITimeoutError, 3),
    ("read timeout, then success", [read_timeout, json_response(200, OK)], None, 2),
    (
        "429 with Retry-After, then success",
        [json_response(429, {}, **{"Retry-After": "7"}), json_response(200, OK)],
        None,
        2,
    ),
    ("429 every time", [json_response(429, {"code": "rate", "message": "slow down"})], RateLimitError, 3),
    ("500", [json_response(500, {"code": "internal", "message": "boom"})], ServerError, 1),
    ("503, then success", [json_response(503, {}), json_response(200, OK)], None, 2),
    ("502 HTML page every time", [lambda: html_page(502)], ServerError, 3),
    (
        "malformed JSON",
        [raw(200, b'{"code": "success", "data": ', "application/json")],
        ResponseValidationError,
        1,
    ),
    ("HTML body with 200", [lambda: html_page(200)], ResponseValidationError, 1),
    (
        "wrong content-type",
        [raw(200, httpx.Response(200, json=OK).content, "text/plain")],
        ResponseValidationError,
        1,
    ),
    (
        "400",
        [json_response(400, {"code": "bad-request/invalid-parameters", "message": "m"})],
        BadRequestError,
        1,
    ),
    (
        "401",
        [json_response(401, {"code": "failed", "message": "invalid or expired token"})],
        AuthenticationError,
        1,
    ),
    (
        "403",
        [json_response(403, {"code": "authorization/forbidden", "message": "m"})],
        PermissionDeniedError,
        1,
    ),
    ("404", [json_response(404, {"code": "workspace/not-found", "message": "m"})], NotFoundError, 1),
]


@pytest.mark.parametrize(
    ("outcomes", "expected", "requests"), [case[1:] for case in MATRIX], ids=[case[0] for case in MATRIX]
)
def test_fault_matrix(outcomes: list[Any], expected: type[Exception] | None, requests: int) -> None:
    seen, handler = replay(*outcomes)
    with lighthouse(handler) as client:
        if expected is None:
            assert call(client) == [1, 2]
        else:
            with pytest.raises(expected):
                call(client)
    assert len(seen) == requests


@pytest.mark.parametrize(
    ("body", "path", "problem"),
    [
        ({**OK, "meta": {**OK["meta"], "total": None}}, "meta.total", "valid integer"),
        (
            workspace_page([workspace(1), {k: v for k, v in workspace(2).items() if k != "created_at"}], 2),
            "data.workspaces[1].created_at",
            "Field required",
        ),
        (workspace_page([workspace(1, id="5")], 1), "data.workspaces[0].id", "valid integer"),
        (
            workspace_page([workspace(1, count_views=1.5)], 1),
            "data.workspaces[0].count_views",
            "valid integer",
        ),
        (
            workspace_page([workspace(1, created_at="yesterday")], 1),
            "data.workspaces[0].created_at",
            "datetime",
        ),
        ({"code": "success", "data": []}, "data", "object"),
        ([], "<body>", "object"),
    ],
    ids=[
        "null total",
        "missing required field",
        "numeric string id",
        "float count",
        "bad date",
        "list data",
        "list",
    ],
)
def test_a_body_off_the_spec_names_the_field_path_and_operation(body: Any, path: str, problem: str) -> None:
    _, handler = replay(json_response(200, body))
    with lighthouse(handler) as client, pytest.raises(ResponseValidationError) as caught:
        call(client)
    assert (caught.value.operation, caught.value.path) == ("listWorkspaces", path)
    assert problem in caught.value.problem
    assert "listWorkspaces" in str(caught.value)
    assert path in str(caught.value)


def test_malformed_json_and_html_are_validation_errors_of_the_whole_body() -> None:
    for outcome, problem in [
        (raw(200, b"{not json", "application/json"), "Invalid JSON"),
        (html_page(200), "text/html"),
    ]:
        _, handler = replay(outcome)
        with lighthouse(handler) as client, pytest.raises(ResponseValidationError) as caught:
            call(client)
        assert caught.value.path == "<body>"
        assert problem in caught.value.problem


def test_an_unknown_value_of_an_open_string_field_is_passed_through() -> None:
    """The specs declare ``access_scope`` (and Pilfer's ``status``/``priority``) open strings, not enums."""
    _, handler = replay(json_response(200, workspace_page([workspace(1, access_scope="secret-beta")], 1)))
    with lighthouse(handler) as client:
        assert client.list_workspaces().data.workspaces[0].access_scope == "secret-beta"


def test_a_status_error_carries_status_code_message_method_and_url() -> None:
    _, handler = replay(json_response(404, {"code": "workspace/not-found", "message": "Workspace not found"}))
    with lighthouse(handler) as client, pytest.raises(NotFoundError) as caught:
        client.get_workspace(1234)
    error = caught.value
    assert (error.status, error.code, error.message, error.method) == (
        404,
        "workspace/not-found",
        "Workspace not found",
        "GET",
    )
    assert error.url == "https://api.piercloud.io/lighthouse/orgs/org-1/businesses/biz-1/workspaces/1234"
    assert "404 workspace/not-found: Workspace not found" in str(error)


def test_a_refused_connection_over_real_tcp_is_a_connection_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sleeps = Sleeps()
    client = LighthouseClient(
        "t", org_id="o", business_id="b", base_url=f"http://127.0.0.1:{port}", retry=policy(sleeps)
    )
    with client, pytest.raises(APIConnectionError) as caught:
        client.list_workspaces()
    assert not isinstance(caught.value, APITimeoutError)
    assert len(sleeps) == 2


def test_null_in_an_optional_field_the_spec_does_not_make_nullable_is_rejected() -> None:
    """``Space.status`` is optional but not nullable: absent is fine, null is a wrong type."""

    def answer(body: dict[str, object]) -> Callable[[httpx.Request], httpx.Response]:
        return lambda request: httpx.Response(200, json={"data": body})

    with pilfer(answer({"_id": "a", "name": "n", "project": None})) as client:
        space = client.get_space("a")
        assert space.project is None
        assert space.model_dump(by_alias=True) == {"_id": "a", "name": "n", "project": None}  # nothing added
    with (
        pilfer(answer({"_id": "a", "name": "n", "status": None})) as client,
        pytest.raises(ResponseValidationError) as caught,
    ):
        client.get_space("a")
    assert caught.value.path == "data.status"
