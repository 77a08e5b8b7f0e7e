"""Arguments that do not fit the spec raise InvalidRequestError, naming the argument, and send nothing."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from vendor_clients import InvalidRequestError, VendorClientError

from .fakes import lighthouse, pilfer


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
        (lambda c: c.create_space(""), "createSpace", "name"),
        (lambda c: c.update_space("sp1", current_strength="strong"), "updateSpace", "current_strength"),
    ],
)
def test_pilfer_arguments(call: Any, operation, path):
    with pilfer(refuse) as client, pytest.raises(InvalidRequestError) as caught:
        call(client)
    assert (caught.value.operation, caught.value.path) == (operation, path)
    assert str(caught.value).startswith(f"{operation}: invalid argument {path}: ")
