"""Retries: which methods, which failures, how long to wait (recorded, never slept)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
from pilfer_client import PilferClient
from pilfer_models import Space
from vendor_clients import ALL_METHODS, ConfigurationError, RateLimitError, RetryPolicy, ServerError

from .fakes import (
    Handler,
    Sleeps,
    async_lighthouse,
    lighthouse,
    pilfer,
    policy,
    space,
    workspace,
    workspace_page,
)

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
OK = workspace_page([workspace(1)], total=1)


def failing(times: int, status: int = 503, **headers: str) -> tuple[list[httpx.Request], Handler]:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if len(seen) <= times:
            return httpx.Response(status, json={"code": "unavailable", "message": "later"}, headers=headers)
        body = {"data": space(1)} if request.url.path.startswith("/api/v1/spaces") else OK
        return httpx.Response(201 if request.method == "POST" else 200, json=body)

    return seen, handle


@pytest.mark.parametrize(
    ("retry_after", "expected"),
    [
        ("7", 7.0),
        ("0.25", 0.25),
        (format_datetime(NOW + timedelta(seconds=12), usegmt=True), 12.0),
        (format_datetime(NOW - timedelta(seconds=30), usegmt=True), 0.0),
        ("3600", 60.0),
    ],
    ids=["seconds", "fraction", "http date", "date in the past", "capped"],
)
def test_retry_after_is_honoured(retry_after: str, expected: float) -> None:
    sleeps = Sleeps()
    _, handler = failing(1, 429, **{"Retry-After": retry_after})
    with lighthouse(handler, retry=policy(sleeps, now=lambda: NOW), deadline=120) as client:
        client.list_workspaces()
    assert sleeps == [expected]


@pytest.mark.parametrize("retry_after", ["nan", "NaN", "inf", "-inf", "1e400"])
def test_a_retry_after_that_is_not_finite_falls_back_to_backoff(retry_after: str) -> None:
    sleeps = Sleeps()
    seen, handler = failing(2, 503, **{"Retry-After": retry_after})
    with lighthouse(handler, retry=policy(sleeps, backoff=0.5, jitter=0)) as client:
        client.list_workspaces()
    assert (len(seen), sleeps) == (3, [0.5, 1.0])


def test_no_retry_waits_past_the_call_deadline() -> None:
    """A Retry-After longer than the time left ends the call at once, with the server's answer."""
    sleeps = Sleeps()
    seen, handler = failing(1, 429, **{"Retry-After": "30"})
    with lighthouse(handler, retry=policy(sleeps), deadline=10) as client, pytest.raises(RateLimitError):
        client.list_workspaces()
    assert (len(seen), sleeps) == (1, [])


def test_without_retry_after_the_backoff_grows_exponentially_with_bounded_jitter() -> None:
    sleeps = Sleeps()
    seen, handler = failing(5)
    with lighthouse(
        handler, retry=policy(sleeps, attempts=6, backoff=0.5, max_backoff=3.0, jitter=0.25)
    ) as client:
        client.list_workspaces()
    assert len(seen) == 6
    for attempt, waited in enumerate(sleeps):
        floor = min(0.5 * 2**attempt, 3.0)
        assert floor <= waited <= min(floor + 0.25, 3.0)
    assert sleeps[-1] == 3.0


def test_an_unreadable_retry_after_falls_back_to_backoff() -> None:
    sleeps = Sleeps()
    _, handler = failing(1, 503, **{"Retry-After": "soon"})
    with lighthouse(handler, retry=policy(sleeps, backoff=1.0, jitter=0.0)) as client:
        client.list_workspaces()
    assert sleeps == [1.0]


def test_attempts_are_configurable_and_the_last_failure_is_raised() -> None:
    seen, handler = failing(10)
    with (
        lighthouse(handler, retry=policy(Sleeps(), attempts=5)) as client,
        pytest.raises(ServerError) as caught,
    ):
        client.list_workspaces()
    assert (len(seen), caught.value.status, caught.value.code) == (5, 503, "unavailable")


def test_one_attempt_means_no_retry() -> None:
    seen, handler = failing(1)
    with lighthouse(handler, retry=RetryPolicy(attempts=1)) as client, pytest.raises(ServerError):
        client.list_workspaces()
    assert len(seen) == 1


@pytest.mark.parametrize(
    "send",
    [
        lambda client: client.create_space(name="Research"),
        lambda client: client.update_space("sp1", name="Renamed"),
    ],
    ids=["POST", "PATCH"],
)
def test_post_and_patch_are_not_retried_by_default(send: Callable[[PilferClient], Space]) -> None:
    seen, handler = failing(1)
    with pilfer(handler) as client, pytest.raises(ServerError):
        send(client)
    assert len(seen) == 1


def test_delete_is_retried() -> None:
    seen, handler = failing(2)
    with pilfer(handler) as client:
        client.delete_space("sp1")
    assert [request.method for request in seen] == ["DELETE"] * 3


def test_post_is_retried_with_the_same_body_when_the_caller_opts_in() -> None:
    seen, handler = failing(1)
    with pilfer(handler, retry=policy(Sleeps(), methods=ALL_METHODS)) as client:
        created = client.create_space(name="Research", project_id="p1")
    assert created.id == "sp00001"
    assert [request.content for request in seen] == [b'{"name":"Research","projectId":"p1"}'] * 2


def test_each_retry_is_logged_without_credentials(caplog: pytest.LogCaptureFixture) -> None:
    _, handler = failing(1)
    with caplog.at_level(logging.WARNING, logger="vendor_clients"), lighthouse(handler) as client:
        client.list_workspaces()
    [record] = caplog.records
    assert (
        "Retrying GET https://api.piercloud.io/lighthouse/orgs/org-1/businesses/biz-1/workspaces"
        in record.message
    )
    assert "HTTP 503" in record.message


@pytest.mark.anyio
async def test_the_async_client_retries_with_its_own_sleep() -> None:
    sleeps = Sleeps()
    seen, handler = failing(2, 429, **{"Retry-After": "3"})
    async with async_lighthouse(handler, sleeps) as client:
        page = await client.list_workspaces()
    assert [item.id for item in page.data.workspaces] == [1]
    assert (len(seen), sleeps) == (3, [3.0, 3.0])


def headers_sent(handler: Handler) -> tuple[list[dict[str, str]], Handler]:
    """``handler``, recording the headers of each attempt as they were sent (the request is reused)."""
    sent: list[dict[str, str]] = []

    def handle(request: httpx.Request) -> httpx.Response:
        sent.append(dict(request.headers))
        return handler(request)

    return sent, handle


def test_a_retried_post_keeps_one_idempotency_key_and_each_retry_is_numbered() -> None:
    sent, handler = headers_sent(failing(2)[1])
    with pilfer(handler, retry=policy(Sleeps(), methods=ALL_METHODS)) as client:
        client.create_space(name="once")
    keys = {headers["idempotency-key"] for headers in sent}
    assert len(sent) == 3
    assert len(keys) == 1
    assert uuid.UUID(keys.pop()).version == 4
    assert [headers.get("x-retry-count") for headers in sent] == [None, "1", "2"]


def test_each_call_gets_its_own_key_and_unretried_or_idempotent_requests_none() -> None:
    sent, handler = headers_sent(failing(0)[1])
    with pilfer(handler, retry=policy(Sleeps(), methods=ALL_METHODS)) as client:
        client.create_space(name="a")
        client.create_space(name="b")
        client.get_space("sp1")
    with pilfer(handler) as client:  # POST not opted in: never retried, so no key
        client.create_space(name="c")
    assert sent[0]["idempotency-key"] != sent[1]["idempotency-key"]
    assert [("idempotency-key" in headers) for headers in sent] == [True, True, False, False]


def test_the_idempotency_and_retry_count_headers_are_configurable() -> None:
    seen, handler = failing(1)
    retry = policy(Sleeps(), methods=ALL_METHODS, idempotency_header="X-Request-Key", retry_count_header=None)
    with pilfer(handler, retry=retry) as client:
        client.create_space(name="once")
    assert seen[0].headers["X-Request-Key"] == seen[1].headers["X-Request-Key"]
    assert not [
        request
        for request in seen
        if "Idempotency-Key" in request.headers or "X-Retry-Count" in request.headers
    ]
    with pytest.raises(ConfigurationError, match="idempotency_header"):
        RetryPolicy(idempotency_header="Bad Header")


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after-ms": "250", "Retry-After": "3"}, 0.25),
        ({"retry-after-ms": "soon", "Retry-After": "3"}, 3.0),
        ({"retry-after-ms": "nan", "Retry-After": "3"}, 3.0),
        ({"retry-after-ms": "999999999"}, 60.0),
    ],
    ids=["ms first", "bad ms", "nan ms", "ms capped"],
)
def test_retry_after_ms_is_honoured_before_retry_after(headers: dict[str, str], expected: float) -> None:
    sleeps = Sleeps()
    _, handler = failing(1, 503, **headers)
    with lighthouse(handler, retry=policy(sleeps), deadline=120) as client:
        client.list_workspaces()
    assert sleeps == [expected]
