"""Cursor pagination (``x-pagination`` of type ``cursor``) in ``tests/fixtures/paging/feed.yaml``, generated
into a temporary folder and iterated through ``httpx.MockTransport``, sync and async."""

from __future__ import annotations

import asyncio
import importlib
import inspect
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from vendor_clients import InvalidRequestError, PaginationError

from codegen.registry import apis
from mocks.clients import client_for
from mocks.engine import MockApp
from tests.test_generation import ROOT, copy_specs, generate

FEED = ROOT / "tests" / "fixtures" / "paging" / "feed.yaml"


@pytest.fixture(scope="module")
def feed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The generated ``feed_client`` package."""
    work = tmp_path_factory.mktemp("paging")
    done = generate("--specs", copy_specs(work, FEED).resolve(), "--target", work / "generated", "--api=feed")
    assert done.returncode == 0, done.stderr
    with pytest.MonkeyPatch.context() as patch:
        for kind in ("client", "models"):
            patch.syspath_prepend(str(work / "generated" / f"feed-{kind}"))
        yield importlib.import_module("feed_client")


def events(
    pages: int, last_cursor: Any = None, loop_to: int | None = None
) -> tuple[list[dict[str, str]], Any]:
    """A server of ``pages`` pages of 3 events: page n's cursor is ``c<n>``; the last page's next cursor is
    ``last_cursor``, or ``c<loop_to>`` to loop back."""
    seen: list[dict[str, str]] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(dict(request.url.params))
        page = int(request.url.params.get("cursor", "c0")[1:])
        following = (
            f"c{page + 1}" if page + 1 < pages else (f"c{loop_to}" if loop_to is not None else last_cursor)
        )
        items = [{"id": page * 3 + n, "kind": "view"} for n in range(3)]
        return httpx.Response(200, json={"items": items, "next_cursor": following})

    return seen, handle


def test_the_cursors_are_followed_until_the_last_page_has_none(feed):
    seen, handle = events(4)
    with feed.FeedClient("t", transport=httpx.MockTransport(handle)) as client:
        ids = [event.id for event in client.iter_events(page_size=3, kind="view")]
    assert ids == list(range(12))
    first = {"kind": "view", "limit": "3"}
    assert seen == [first] + [{**first, "cursor": f"c{page}"} for page in (1, 2, 3)]


@pytest.mark.parametrize("last", [None, ""], ids=["null", "empty"])
def test_a_null_or_empty_cursor_ends_the_iteration(feed, last):
    seen, handle = events(2, last_cursor=last)
    with feed.FeedClient("t", transport=httpx.MockTransport(handle)) as client:
        assert len(list(client.iter_event_pages())) == 2
    assert len(seen) == 2


def test_an_absent_cursor_ends_the_iteration_and_no_size_is_sent_without_a_size_parameter(feed):
    seen: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url.params))
        if "after" in request.url.params:
            return httpx.Response(200, json={"notes": [{"id": "n2"}]})
        return httpx.Response(200, json={"notes": [{"id": "n1"}], "next": "n1"})

    with feed.FeedClient("t", transport=httpx.MockTransport(handle)) as client:
        assert [note.id for note in client.iter_notes()] == ["n1", "n2"]
    assert seen == ["", "after=n1"]
    assert "page_size" not in inspect.signature(feed.FeedClient.iter_notes).parameters


def test_max_items_and_the_size_maximum_hold_for_cursors_too(feed):
    seen, handle = events(10)
    with feed.FeedClient("t", transport=httpx.MockTransport(handle)) as client:
        assert len(list(client.iter_events(max_items=5))) == 5
        with pytest.raises(InvalidRequestError, match="kind"):
            client.iter_events(kind="scroll")
    assert seen == [{"limit": "5"}, {"cursor": "c1", "limit": "5"}]


def test_cursors_that_loop_back_are_a_pagination_error(feed):
    _, handle = events(3, loop_to=1)
    with (
        feed.FeedClient("t", transport=httpx.MockTransport(handle)) as client,
        pytest.raises(PaginationError, match="the page at cursor=c1 repeats the page at cursor=c1"),
    ):
        list(client.iter_events())


def test_async_cursor_iteration_matches_sync(feed):
    _, handle = events(4)

    async def collect() -> list[int]:
        async with feed.AsyncFeedClient("t", transport=httpx.MockTransport(handle)) as client:
            return [event.id async for event in client.iter_events(page_size=3)]

    assert asyncio.run(collect()) == list(range(12))
    assert "prefetch" not in inspect.signature(feed.AsyncFeedClient.iter_events).parameters


@pytest.mark.parametrize("page_size", [1, 2, 50])
def test_the_mock_engine_answers_cursor_pages_the_client_follows(feed, page_size):
    """The engine's cursors are offsets as text; the last page's cursor is null, or left out where the
    schema does not allow null; a cursor it never gave is an empty last page."""
    [served] = [
        api
        for api in apis(specs=FEED.parent, pyproject=FEED.parent / "no-pyproject.toml")
        if api.name == "feed"
    ]
    app = MockApp(served)
    with client_for(served, app) as client:
        pages = list(client.iter_event_pages(page_size=page_size))
        assert [event.id for page in pages for event in page.items] == [
            e.id for e in client.list_events().items
        ]
        assert len(pages) == -(-served.mock.seed // page_size)
        assert pages[-1].next_cursor is None
        assert len(list(client.iter_notes())) == served.mock.seed
        foreign = client.list_events(cursor="elsewhere")  # not one it gave: an empty last page
        assert (foreign.items, foreign.next_cursor) == ([], None)
