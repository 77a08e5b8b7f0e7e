"""Whatever a server sends back, callers see a model or one of this package's errors, never a raw one."""

from __future__ import annotations

import json
from typing import Any

import httpx
from hypothesis import given
from hypothesis import strategies as st
from lighthouse_models import WorkspaceListResponse
from pilfer_models import SpaceListResponse
from vendor_clients import APIStatusError, ResponseValidationError, RetryPolicy, VendorClientError

from .fakes import lighthouse, pilfer, space, workspace, workspace_page

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10,
)
VALID_PAGES = {
    "lighthouse": workspace_page([workspace(1), workspace(2)], total=2),
    "pilfer": {"data": [space(1), space(2)]},
}


def mutations(body: Any) -> list[tuple[Any, ...]]:
    """Every path to a value inside ``body``."""
    if isinstance(body, dict):
        return [(key, *rest) for key, value in body.items() for rest in [(), *mutations(value)]]
    if isinstance(body, list):
        return [(index, *rest) for index, value in enumerate(body) for rest in [(), *mutations(value)]]
    return []


def replaced(body: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    copy = dict(body) if isinstance(body, dict) else list(body)
    copy[path[0]] = replaced(body[path[0]], path[1:], value)
    return copy


@st.composite
def bodies(draw: st.DrawFn) -> tuple[str, bytes]:
    api = draw(st.sampled_from(sorted(VALID_PAGES)))
    valid = VALID_PAGES[api]
    body = draw(
        JSON
        | st.builds(replaced, st.just(valid), st.sampled_from(mutations(valid)), JSON)
        | st.binary(max_size=20)
    )
    return api, body if isinstance(body, bytes) else json.dumps(body).encode()


@given(bodies(), st.sampled_from([200, 201, 400, 404, 429, 500]))
def test_any_body_gives_a_model_or_a_package_error(case: tuple[str, bytes], status: int) -> None:
    api, content = case
    response = httpx.Response(status, content=content, headers={"content-type": "application/json"})
    make = lighthouse if api == "lighthouse" else pilfer
    outcome: object
    with make(lambda request: response, retry=RetryPolicy(attempts=1)) as client:
        try:
            outcome = client.list_workspaces() if api == "lighthouse" else client.list_spaces()  # type: ignore[union-attr]
        except VendorClientError as error:
            outcome = error
    if status < 300:
        assert isinstance(outcome, ResponseValidationError | WorkspaceListResponse | SpaceListResponse)
    else:
        assert isinstance(outcome, APIStatusError)
        assert outcome.status == status
