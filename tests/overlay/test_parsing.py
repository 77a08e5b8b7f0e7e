"""Parsing modes: strict by default, ``strict=False`` per client and per call keeps a body off the spec as
sent (each mismatch one WARNING): through ``httpx.MockTransport`` and over loopback."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator

import httpx
import pytest
from vendor_clients import ConfigurationError, InvalidRequestError, ResponseValidationError

from mocks import pilfer as pilfer_mock
from mocks.faults import Fault
from mocks.server import serving_in_thread

from .fakes import async_pilfer, pilfer, space
from .mock_clients import pilfer_client

OFF_SPEC = {"data": [space(1), space(2, status=None, name=7), space(3, status=None)]}


def answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json=OFF_SPEC)


def warnings_of(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING]


def test_strict_is_the_default_and_refuses_a_body_off_the_spec() -> None:
    with pilfer(answer) as client, pytest.raises(ResponseValidationError) as raised:
        client.list_spaces()
    assert raised.value.path == "data[1].name"


def test_a_lax_client_keeps_the_values_as_sent_and_warns_once_per_field(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with pilfer(answer, strict=False) as client, caplog.at_level(logging.WARNING):
        spaces = client.list_spaces().data
        client.list_spaces()
    assert [(item.id, item.name, item.status) for item in spaces] == [
        ("sp00001", "Space 1", "Draft"),
        ("sp00002", 7, None),
        ("sp00003", "Space 3", None),
    ]
    assert warnings_of(caplog) == [
        "listSpaces: response field data[1].name kept as sent: Input should be a valid string",
        "listSpaces: response field data[1].status kept as sent: Input should be a valid string",
    ]


def test_strict_per_call_overrides_the_client_and_with_options_changes_it() -> None:
    with pilfer(answer) as client:
        assert len(client.list_spaces(strict=False).data) == 3
        assert client.with_raw_response.list_spaces(strict=False).parse().data[1].name == 7  # type: ignore[comparison-overlap]
        assert len(client.with_options(strict=False).list_spaces().data) == 3
        with pytest.raises(ResponseValidationError):
            client.with_options(strict=False).list_spaces(strict=True)


def test_a_body_that_is_not_the_model_at_all_is_refused_in_both_modes() -> None:
    with (
        pilfer(lambda _: httpx.Response(200, json=[1, 2]), strict=False) as client,
        pytest.raises(ResponseValidationError),
    ):
        client.list_spaces()


def test_strict_values_are_checked() -> None:
    with pytest.raises(ConfigurationError, match="strict must be True or False"):
        pilfer(answer, strict="no")
    with pilfer(answer) as client, pytest.raises(InvalidRequestError, match="strict"):
        client.list_spaces(strict=0)  # type: ignore[arg-type]


def test_the_async_client_parses_the_same_way() -> None:
    async def listed() -> object:
        async with async_pilfer(answer) as client:
            return (await client.list_spaces(strict=False)).data[1].name

    assert asyncio.run(listed()) == 7


@pytest.fixture
def pilfer_app() -> Iterator[tuple[pilfer_mock.PilferMock, str]]:
    app = pilfer_mock.create_app(spaces=2)
    with serving_in_thread(app) as url:
        yield app, url


def test_lax_parsing_over_loopback(
    pilfer_app: tuple[pilfer_mock.PilferMock, str], caplog: pytest.LogCaptureFixture
) -> None:
    app, url = pilfer_app
    app.faults.add("listSpaces", Fault(status=200, body=OFF_SPEC, times=2), validate=False)
    with pilfer_client(base_url=url) as client, caplog.at_level(logging.WARNING):
        with pytest.raises(ResponseValidationError):
            client.list_spaces()
        assert client.list_spaces(strict=False).data[2].status is None
        assert len(client.list_spaces().data) == 2  # the mock's own answer again
    assert len(warnings_of(caplog)) == 2  # data[2].status: the same field as data[1].status
