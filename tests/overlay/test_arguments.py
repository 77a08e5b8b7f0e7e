"""Arguments that do not fit the spec raise InvalidRequestError, naming the argument, and send nothing."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from vendor_clients import InvalidRequestError, VendorClientError

from .fakes import async_lighthouse, async_pilfer, lighthouse, pilfer


def refuse(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"nothing should be sent, got {request.method} {request.url}")


@pytest.mark.parametrize(
    ("call", "operation", "path"),
    [
        (lambda c: c.list_workspaces(page=0), "listWorkspaces", "page"),
        (lambda c: c.list_workspaces(page_size=0), "listWorkspaces", "page_size"),
        (lambda c: c.list_workspaces(context_id="not-a-uuid"), "listWorkspaces", "context_id"),
        (lambda c: c.list_workspaces(sort_field="views"), "listWorkspaces", "sort_field"),
        (lambda c: c.get_workspace("12"), "getWorkspace", "id"),
        (lambda c: c.get_workspace(True), "getWorkspace", "id"),
    ],
)
def test_lighthouse_arguments(call: Any, operation, path):
    with lighthouse(refuse) as client, pytest.raises(InvalidRequestError) as caught:
        call(client)
    assert (caught.value.operation, caught.value.path) == (operation, path)
    assert isinstance(caught.value, VendorClientError)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("call", "operation", "path"),
    [
        (lambda c: c.list_spaces(limit=0), "listSpaces", "limit"),
        (lambda c: c.list_spaces(offset=-1), "listSpaces", "offset"),
        (lambda c: c.list_spaces(include="owner"), "listSpaces", "include"),
        (lambda c: c.get_space("sp1", include="everything"), "getSpace", "include"),
        (lambda c: c.create_space(name=""), "createSpace", "name"),
        (lambda c: c.update_space("sp1", current_strength="strong"), "updateSpace", "current_strength"),
    ],
)
def test_pilfer_arguments(call: Any, operation, path):
    with pilfer(refuse) as client, pytest.raises(InvalidRequestError) as caught:
        call(client)
    assert (caught.value.operation, caught.value.path) == (operation, path)
    assert str(caught.value).startswith(f"{operation}: invalid argument {path}: ")


@pytest.mark.parametrize(
    ("call", "operation", "path"),
    [
        (lambda c: c.delete_space("."), "deleteSpace", "id"),  # would name the collection
        (lambda c: c.delete_space(".."), "deleteSpace", "id"),  # would name /api/v1
        (lambda c: c.get_space(""), "getSpace", "id"),
        (lambda c: c.get_space(123), "getSpace", "id"),
        (lambda c: c.get_space(None), "getSpace", "id"),
        (lambda c: c.get_space(), "getSpace", "id"),
        (lambda c: c.list_spaces(limit=True), "listSpaces", "limit"),
        (lambda c: c.list_spaces(limit="10"), "listSpaces", "limit"),
        (lambda c: c.list_spaces(limit=2.0), "listSpaces", "limit"),
        (lambda c: c.list_spaces(organisation_id="x"), "listSpaces", "organisation_id"),
        (lambda c: c.get_space("sp1", "all"), "getSpace", "<arguments>"),
        (lambda c: c.list_spaces(timeout="5"), "listSpaces", "timeout"),
        (lambda c: c.list_spaces(timeout=-1), "listSpaces", "timeout"),
        (lambda c: c.list_spaces(include=object()), "listSpaces", "include"),
        (lambda c: c.iter_spaces(max_items=-1), "listSpaces", "max_items"),
        (lambda c: c.iter_spaces(page_size=0), "listSpaces", "page_size"),
        (lambda c: c.iter_spaces(page_size=True), "listSpaces", "page_size"),
        (lambda c: c.iter_spaces(include="owner"), "listSpaces", "include"),
        (lambda c: c.iter_space_pages(limit=5), "listSpaces", "limit"),  # the iterator owns the size
    ],
)
def test_bad_arguments_are_named_and_nothing_is_sent(call: Any, operation, path):
    """Each of these was a raw TypeError or ValueError, a wrong request, or silently dropped."""
    with pilfer(refuse) as client, pytest.raises(InvalidRequestError) as caught:
        call(client)
    assert (caught.value.operation, caught.value.path) == (operation, path)


@pytest.mark.parametrize(
    ("call", "named", "problem"),
    [
        (lambda c: c.create_space(nam="x"), "nam", "unknown argument 'nam' (did you mean 'name'?)"),
        (lambda c: c.list_spaces(limt=5), "limt", "unknown argument 'limt' (did you mean 'limit'?)"),
        (lambda c: c.list_spaces(colour="red"), "colour", "unknown argument 'colour'"),
        (lambda c: c.create_space(), "name", "missing a required argument: 'name'"),
    ],
)
def test_an_unknown_keyword_is_named_with_the_closest_argument(call: Any, named: str, problem: str):
    with pilfer(refuse) as client, pytest.raises(InvalidRequestError) as caught:
        call(client)
    assert (caught.value.path, caught.value.problem) == (named, problem)


def test_path_parameters_are_percent_encoded():
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"data": {"_id": "a/b", "name": "n"}})

    with pilfer(record) as client:
        client.get_space("a/b ?#..")
    assert seen[0].url.raw_path == b"/api/v1/spaces/a%2Fb%20%3F%23.."


@pytest.mark.anyio
async def test_async_methods_check_their_arguments_before_sending():
    async with async_pilfer(refuse) as client:
        with pytest.raises(InvalidRequestError) as caught:
            await client.delete_space("..")
        assert caught.value.path == "id"
        with pytest.raises(InvalidRequestError):
            client.iter_spaces(page_size=0)
    async with async_lighthouse(refuse) as client:
        with pytest.raises(InvalidRequestError) as caught:
            client.iter_workspaces(prefetch=-1)
        assert caught.value.path == "prefetch"
