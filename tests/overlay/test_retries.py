"""Retries: which methods, which failures, how long to wait (recorded, never slept)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
from pilfer_client import PilferClient
from pilfer_models import Space
from vendor_clients import ALL_METHODS, RateLimitError, RetryPolicy, ServerError

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
