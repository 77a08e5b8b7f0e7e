"""The engine on a spec it has never seen: ``tasks.yaml`` beside this file, registered with defaults only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from codegen.registry import Api, apis
from mocks import served_apis
from mocks.engine import MockApp
from tests.spec_walk import schema_errors

HERE = Path(__file__).resolve().parent
[TASKS] = apis(specs=HERE, pyproject=HERE / "no-pyproject.toml")
BOARD = "board-7"
TASKS_PATH = f"/v2/boards/{BOARD}/tasks"


def escape(segment: str) -> str:
    return segment.replace("~", "~0").replace("/", "~1")


def assert_documented(served: Api, template: str, method: str, response: httpx.Response) -> None:
    """The response's status is documented for the operation and its body validates against the spec."""
    responses = served.spec["paths"][template][method]["responses"]
    status = str(response.status_code)
    assert status in responses, f"{method.upper()} {template}: undocumented status {status}"
    if not response.content:
        assert "content" not in responses[status]
        return
    pointer = f"/paths/{escape(template)}/{method}/responses/{status}"
    if "$ref" in responses[status]:
        pointer = responses[status]["$ref"].removeprefix("#")
    errors = schema_errors(served.spec, f"{pointer}/content/application~1json/schema", response.json())
    assert not errors, [error.message for error in errors]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def app() -> MockApp:
    return MockApp(TASKS)


@pytest.fixture
async def client(app: MockApp) -> Any:
    headers = {"Authorization": f"Bearer {TASKS.mock.token}"}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://tasks.test", headers=headers) as http:
        yield http


ANY_SPEC = HERE.parent / "fixtures" / "any_spec"
"""Small specs of the shapes real documents use (no security, apiKey in a query or cookie, basic auth,
ids in create bodies, trailing slashes, no operationId)."""
FIXTURES = {served.name: served for served in served_apis(ANY_SPEC)}
