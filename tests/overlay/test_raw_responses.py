"""``with_raw_response``: the response as received with ``parse()``; every status error's ``response`` and
``request_id``. Through ``httpx.MockTransport`` and over loopback against the mocks."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest
from vendor_clients import NotFoundError, ResponseValidationError, ServerError
from vendor_clients.responses import ERROR_TEXT_CHARS, REQUEST_ID_HEADERS

from mocks import pilfer as pilfer_mock
from mocks.api_mock import ApiMock
from mocks.server import serving_in_thread

from .fakes import TOKEN, async_lighthouse, lighthouse_server, pilfer, pilfer_server, space
from .mock_clients import pilfer_client


def one_space(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"data": space(1)}, headers={"x-ratelimit-remaining": "41"})


def test_a_raw_call_gives_the_response_and_parses_to_what_the_method_returns() -> None:
    with pilfer(one_space) as client:
        raw = client.with_raw_response.get_space("sp00001")
        assert (raw.status, raw.headers["x-ratelimit-remaining"], raw.http_version) == (200, "41", "HTTP/1.1")
        assert raw.url == "https://api.getpilfer.com/api/v1/spaces/sp00001"
        assert isinstance(raw.elapsed, timedelta)
        assert raw.elapsed > timedelta(0)
        assert raw.content == one_space(httpx.Request("GET", "/")).content
        assert raw.parse() == client.get_space("sp00001")  # the envelope's data, as the method returns it
        assert raw.parse() is raw.parse()
        assert TOKEN not in repr(raw)
        assert repr(raw) == "<RawResponse [200] GET https://api.getpilfer.com/api/v1/spaces/sp00001>"


def test_the_raw_view_shares_the_client_and_leaves_its_calls_as_they_are() -> None:
    with pilfer(one_space) as client:
        assert client.with_raw_response is client.with_raw_response
        client.with_raw_response.get_space("sp00001")
        assert client.get_space("sp00001").name == "Space 1"  # not a RawResponse


def test_a_body_off_the_spec_fails_at_parse_not_at_the_call() -> None:
    with pilfer(lambda request: httpx.Response(200, json={"data": {"name": 3}})) as client:
        raw = client.with_raw_response.get_space("x")
        assert raw.status == 200
        with pytest.raises(ResponseValidationError):
            raw.parse()


def test_page_iterators_yield_each_pages_raw_response() -> None:
    with pilfer(pilfer_server(25)) as client:
        pages = list(client.with_raw_response.iter_space_pages(page_size=10))
    assert [raw.url.rsplit("?", 1)[1] for raw in pages] == [f"limit=10&offset={n}" for n in (0, 10, 20)]
    assert [len(raw.parse().data) for raw in pages] == [10, 10, 5]


def test_async_raw_calls_and_prefetched_pages_come_in_order() -> None:
    async def main() -> tuple[int, int, list[int]]:
        async with async_lighthouse(lighthouse_server(95)) as client:
            one = await client.with_raw_response.list_workspaces(page_size=5)
            pages = client.with_raw_response.iter_workspace_pages(page_size=10, prefetch=3)
            return one.status, one.parse().meta.total, [raw.parse().meta.page async for raw in pages]

    assert asyncio.run(main()) == (200, 95, list(range(1, 11)))


@pytest.mark.parametrize("header", REQUEST_ID_HEADERS)
def test_a_status_error_carries_its_response_and_request_id(header: str) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        body = {"code": "not_found", "message": "No such space"}
        return httpx.Response(404, json=body, headers={header: "req-42", "x-echo": f"Bearer {TOKEN}"})

    with pilfer(fail) as client, pytest.raises(NotFoundError) as caught:
        client.with_raw_response.get_space("x")  # raw calls raise as the method does
    error = caught.value
    assert (error.request_id, error.response.status) == ("req-42", 404)
    assert error.response.text == '{"code":"not_found","message":"No such space"}'
    assert error.response.headers["x-echo"] == "Bearer ***"
    assert TOKEN not in repr(error.response)


def test_an_error_body_is_kept_capped_and_redacted_without_a_request_id() -> None:
    body = f"<html>{TOKEN} " + "x" * 100_000

    def fail(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500, text=body, headers={"content-type": "text/html", "set-cookie": "s=1"})

    with pilfer(fail, retry=None) as client, pytest.raises(ServerError) as caught:
        client.get_space("x")
    response = caught.value.response
    assert caught.value.request_id is None
    assert response.truncated
    assert len(response.text) == ERROR_TEXT_CHARS - len(TOKEN) + len("***")  # capped, then redacted
    assert response.text.startswith("<html>*** xxx")
    assert response.headers["set-cookie"] == "***"


@pytest.fixture(scope="module")
def pilfer_url() -> Iterator[str]:
    with serving_in_thread(pilfer_mock.create_app(spaces=3)) as url:
        yield url


def test_raw_responses_over_loopback(pilfer_url: str) -> None:
    with pilfer_client(base_url=pilfer_url) as client:
        created = client.with_raw_response.create_space(name="Raw", status="Draft")
        assert created.status in (200, 201)
        assert created.headers["content-type"].startswith("application/json")
        space_id = created.parse().id
        fetched = client.with_raw_response.get_space(space_id)
        assert fetched.parse() == created.parse()
        assert fetched.url == f"{pilfer_url}/api/v1/spaces/{space_id}"
        pages = list(client.with_raw_response.iter_space_pages(page_size=2))
        assert sum(len(raw.parse().data) for raw in pages) == 4
        client.delete_space(space_id)
        with pytest.raises(NotFoundError) as caught:
            client.get_space(space_id)
    assert caught.value.response.status == 404
    assert "not_found" in caught.value.response.text


def test_a_status_errors_request_id_over_loopback() -> None:
    app = pilfer_mock.create_app()
    ApiMock(app).fail("getSpace", 404, headers={"X-Request-Id": "req-loop"})
    with serving_in_thread(app) as url, pilfer_client(base_url=url) as client:
        with pytest.raises(NotFoundError) as caught:
            client.get_space("s1")
        assert caught.value.request_id == "req-loop"
        with pytest.raises(NotFoundError) as caught:
            client.get_space("s1")
        assert caught.value.request_id is None
