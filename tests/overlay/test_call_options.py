"""Per-call ``extra_headers`` / ``extra_query`` / ``extra_body``, the constructor's ``headers`` and
``event_hooks``, ``with_options`` and the User-Agent: through ``httpx.MockTransport`` and over loopback."""

from __future__ import annotations

import asyncio
import json
import platform
from collections.abc import Iterator
from importlib.metadata import version
from typing import Any

import httpx
import pytest
from vendor_clients import AuthenticationError, ConfigurationError, InvalidRequestError

from mocks import pilfer as pilfer_mock
from mocks.server import serving_in_thread

from .fakes import TOKEN, async_pilfer, pilfer, pilfer_server, space
from .mock_clients import pilfer_client

USER_AGENT = (
    f"pilfer-client/2.0.0 vendor-clients/{version('vendor-clients')} httpx/{httpx.__version__} "
    f"python/{platform.python_version()}"
)


class Recorder(list[httpx.Request]):
    """Records each request; answers one space."""

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.append(request)
        return httpx.Response(200, json={"data": space(1)})


def test_extras_come_after_the_operations_own_and_leave_auth_alone() -> None:
    seen = Recorder()
    with pilfer(seen) as client:
        client.create_space(
            name="a",
            status="Draft",
            extra_headers={"X-Beta": "on", "content-type": "application/merge+json"},
            extra_query={"dry_run": True, "tags": ["a", "b"]},
            extra_body={"status": "Active", "labels": ["x"]},
        )
    request = seen[-1]
    assert request.headers["x-beta"] == "on"
    assert request.headers.get_list("content-type") == ["application/merge+json"]
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.url.query == b"dry_run=true&tags=a&tags=b"
    assert json.loads(request.content) == {"name": "a", "status": "Active", "labels": ["x"]}


def test_an_explicit_authorization_extra_replaces_the_clients_credential() -> None:
    seen = Recorder()
    with pilfer(seen) as client:
        client.get_space("sp1", extra_headers={"Authorization": "Bearer other"})
    assert seen[-1].headers.get_list("authorization") == ["Bearer other"]


def test_extra_query_replaces_a_spec_parameter_and_extra_body_becomes_a_body() -> None:
    seen = Recorder()
    with pilfer(seen) as client:
        client.get_space("sp1", include="project", extra_query={"include": "organization"})
        client.delete_space("sp1", extra_body={"reason": "duplicate"})
    assert seen[0].url.query == b"include=organization"
    assert (seen[1].headers["content-type"], json.loads(seen[1].content)) == (
        "application/json",
        {"reason": "duplicate"},
    )


@pytest.mark.parametrize(
    ("extras", "problem"),
    [
        ({"extra_headers": {"X-A": "one\r\nX-Injected: 1"}}, "extra_headers: must map header names"),
        ({"extra_headers": {"bad name": "1"}}, "extra_headers: must map header names"),
        ({"extra_headers": ["X-A"]}, "extra_headers: must map header names"),
        ({"extra_query": {"a": object()}}, "extra_query: must map names"),
        ({"extra_body": ["a"]}, "extra_body: must map field names"),
        ({"extra_body": {"a": object()}}, "extra_body: cannot be sent as JSON"),
    ],
)
def test_extras_that_cannot_be_sent_fail_before_anything_is_sent(
    extras: dict[str, Any], problem: str
) -> None:
    seen = Recorder()
    with pilfer(seen) as client, pytest.raises(InvalidRequestError, match=problem):
        client.create_space(name="a", **extras)
    assert seen == []


def test_iterators_send_the_extras_with_every_page() -> None:
    seen: list[httpx.Request] = []
    server = pilfer_server(25)

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return server(request)

    with pilfer(handle) as client:
        assert len(list(client.iter_spaces(page_size=10, extra_headers={"X-Trace": "t"}))) == 25
    assert [request.headers["x-trace"] for request in seen] == ["t", "t", "t"]


def test_client_headers_user_agent_and_event_hooks() -> None:
    seen, hooked = Recorder(), []
    hooks = {
        "request": [lambda r: hooked.append(r.method)],
        "response": [lambda r: hooked.append(r.status_code)],
    }
    with pilfer(
        seen, headers={"X-Team": "core", "Authorization": "Bearer not-this"}, event_hooks=hooks
    ) as client:
        client.get_space("sp1")
    assert seen[-1].headers["user-agent"] == USER_AGENT
    assert seen[-1].headers["x-team"] == "core"
    assert seen[-1].headers["authorization"] == f"Bearer {TOKEN}"  # the credential wins over a default
    assert hooked == ["GET", 200]


def test_async_event_hooks_are_awaited() -> None:
    hooked: list[object] = []

    async def on_response(response: httpx.Response) -> None:
        hooked.append(response.status_code)

    async def main() -> None:
        async with async_pilfer(Recorder(), event_hooks={"response": [on_response]}) as client:
            await client.get_space("sp1", extra_headers={"X-A": "1"})

    asyncio.run(main())
    assert hooked == [200]


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        ({"headers": {"X-A": 1}}, "headers must map header names"),
        ({"event_hooks": {"request": [1]}}, "event_hooks must map request and response"),
        ({"event_hooks": {"send": []}}, "event_hooks must map request and response"),
    ],
)
def test_client_headers_and_hooks_are_checked(options: dict[str, Any], problem: str) -> None:
    with pytest.raises(ConfigurationError, match=problem):
        pilfer(Recorder(), **options)


def test_with_options_copies_share_the_transport_and_credentials_with_their_changes() -> None:
    seen = Recorder()
    with pilfer(seen, headers={"X-Team": "core"}, timeout=9.0) as client:
        copied = client.with_options(timeout=2.0, headers={"X-Team": "edge"}, deadline=5.0)
        copied.get_space("sp1")
        client.get_space("sp1")
        assert copied.with_raw_response.get_space("sp1").status == 200
        again = copied.with_options(max_response_bytes=10)
        with pytest.raises(Exception, match="max_response_bytes=10"):
            again.get_space("sp1")
        copied.close()  # a copy leaves the shared pool open
        client.get_space("sp1")
    assert [request.headers["x-team"] for request in seen] == ["edge", "core", "edge", "edge", "core"]
    assert [request.extensions["timeout"]["read"] for request in seen[:2]] == [2.0, 9.0]
    assert {request.headers["authorization"] for request in seen} == {f"Bearer {TOKEN}"}
    assert copied.deadline == 5.0
    assert client.deadline != 5.0


def test_with_options_refuses_what_it_cannot_change() -> None:
    with pilfer(Recorder()) as client, pytest.raises(ConfigurationError, match=r"cannot change \['token'\]"):
        client.with_options(token="other")  # type: ignore[call-arg]


@pytest.fixture(scope="module")
def pilfer_url() -> Iterator[str]:
    with serving_in_thread(pilfer_mock.create_app(spaces=5)) as url:
        yield url


def test_options_over_loopback(pilfer_url: str) -> None:
    sent: list[httpx.Request] = []
    with pilfer_client(base_url=pilfer_url, event_hooks={"request": [sent.append]}) as client:
        created = client.create_space(name="Extra", extra_body={"priority": "urgent"})
        assert created.priority == "urgent"
        assert len(client.list_spaces(limit=50, extra_query={"limit": 2}).data) == 2
        with pytest.raises(AuthenticationError):
            client.get_space(created.id, extra_headers={"Authorization": "Bearer wrong"})
        quick = client.with_options(timeout=5.0, headers={"X-Caller": "test"})
        assert quick.get_space(created.id).priority == "urgent"
        client.delete_space(created.id)
    assert sent[0].headers["user-agent"] == USER_AGENT
    assert sent[-2].headers["x-caller"] == "test"
