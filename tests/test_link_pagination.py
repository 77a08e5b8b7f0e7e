"""Link-header pagination (``x-pagination`` of type ``link``) in ``tests/fixtures/paging/commits.yaml``,
generated into a temporary folder and iterated through ``httpx.MockTransport`` and the mock engine, sync
and async."""

from __future__ import annotations

import asyncio
import importlib
import inspect
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from vendor_clients import PaginationError

from codegen.registry import apis
from mocks.clients import client_for
from mocks.engine import MockApp
from tests.test_generation import ROOT, copy_specs, generate

COMMITS = ROOT / "tests" / "fixtures" / "paging" / "commits.yaml"
BASE = "https://commits.example.com/v3"


@pytest.fixture(scope="module")
def commits(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The generated ``commits_client`` package."""
    work = tmp_path_factory.mktemp("links")
    done = generate(
        "--specs", copy_specs(work, COMMITS).resolve(), "--target", work / "generated", "--api=commits"
    )
    assert done.returncode == 0, done.stderr
    with pytest.MonkeyPatch.context() as patch:
        for kind in ("client", "models"):
            patch.syspath_prepend(str(work / "generated" / f"commits-{kind}"))
        yield importlib.import_module("commits_client")


def pages(links: list[str | None]) -> tuple[list[str], Callable[[httpx.Request], httpx.Response]]:
    """A server answering page n (its ``n`` query value, 0 for the first) with two commits and
    ``links[n]`` as its Link header (None: none); the URLs it was asked for."""
    seen: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        page = int(request.url.params.get("n", "0"))
        link = links[page]
        headers = {} if link is None else {"Link": link}
        body = [{"sha": f"{page}{letter}"} for letter in "ab"]
        return httpx.Response(200, json=body, headers=headers)

    return seen, handle


def test_the_next_links_are_followed_as_given_until_a_page_has_none(commits):
    links = [
        f'<{BASE}/commits?n=1&per_page=2&author=x>; rel="next", <{BASE}/commits?n=9>; rel="last"',
        '<commits?n=2&per_page=2&author=x>; rel="next"',  # relative to the page's URL
        None,
    ]
    seen, handle = pages(links)
    with commits.CommitsClient("t", transport=httpx.MockTransport(handle)) as client:
        shas = [commit.sha for commit in client.iter_commits(page_size=2, author="x")]
    assert shas == ["0a", "0b", "1a", "1b", "2a", "2b"]
    assert seen == [
        f"{BASE}/commits?author=x&per_page=2",
        f"{BASE}/commits?n=1&per_page=2&author=x",
        f"{BASE}/commits?n=2&per_page=2&author=x",
    ]


def test_a_next_link_on_another_origin_is_a_pagination_error_and_nothing_is_sent_there(commits):
    seen, handle = pages(['<https://elsewhere.example.com/v3/commits?n=1>; rel="next"', None])
    with (
        commits.CommitsClient("t", transport=httpx.MockTransport(handle)) as client,
        pytest.raises(PaginationError, match=r"another origin \(https://elsewhere.example.com\)"),
    ):
        list(client.iter_commits())
    assert seen == [f"{BASE}/commits?per_page=50"]


def test_links_that_loop_back_are_a_pagination_error(commits):
    _, handle = pages([f'<{BASE}/commits?n=1>; rel="next"', f'<{BASE}/commits?n=1>; rel="next"'])
    with (
        commits.CommitsClient("t", transport=httpx.MockTransport(handle)) as client,
        pytest.raises(PaginationError, match="repeats"),
    ):
        list(client.iter_commits())


def test_without_a_size_parameter_the_iterators_take_no_page_size_and_async_matches(commits):
    seen: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if "after" in request.url.params:
            return httpx.Response(200, json=["v2"])
        return httpx.Response(200, json=["v1"], headers={"Link": '</v3/tags?after=v1>; rel="next"'})

    async def collect() -> list[str]:
        async with commits.AsyncCommitsClient("t", transport=httpx.MockTransport(handle)) as client:
            return [tag async for tag in client.iter_tags()]

    assert asyncio.run(collect()) == ["v1", "v2"]
    assert seen == [f"{BASE}/tags", f"{BASE}/tags?after=v1"]
    assert "page_size" not in inspect.signature(commits.CommitsClient.iter_tags).parameters
    assert "prefetch" not in inspect.signature(commits.AsyncCommitsClient.iter_commits).parameters


@pytest.mark.parametrize("page_size", [1, 2, 50])
def test_the_mock_engine_answers_link_pages_the_client_follows(commits, page_size):
    [served] = [
        api
        for api in apis(specs=COMMITS.parent, pyproject=COMMITS.parent / "no-pyproject.toml")
        if api.name == "commits"
    ]
    with client_for(served, MockApp(served)) as client:
        pages_seen = list(client.iter_commit_pages(page_size=page_size))
        assert [commit.sha for page in pages_seen for commit in page.root] == [
            commit.sha for commit in client.list_commits(per_page=50).root
        ]
        assert len(pages_seen) == -(-served.mock.seed // page_size)
        again = list(client.iter_commit_pages(page_size=page_size))  # kept pages, each with its Link
        assert [page.root for page in again] == [page.root for page in pages_seen]
        assert list(client.iter_tags()) == client.list_tags().root  # not a collection: its example
