"""``<NAME>_LOG`` / ``VENDOR_CLIENTS_LOG``: each call's line with its time and retries at ``info``, headers
and bodies (capped) at ``debug``, credentials redacted; through ``httpx.MockTransport`` and over loopback."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator

import httpx
import pytest
from vendor_clients import ALL_METHODS, APIConnectionError, ConfigurationError
from vendor_clients.logs import BODY_CHARS

from mocks import pilfer as pilfer_mock
from mocks.server import serving_in_thread

from .fakes import (
    TOKEN,
    Sleeps,
    async_pilfer,
    lighthouse,
    lighthouse_server,
    log_levels_kept,
    pilfer,
    policy,
    space,
)
from .mock_clients import pilfer_client

PILFER = "vendor_clients.pilfer"


@pytest.fixture(autouse=True)
def levels() -> Iterator[None]:
    with log_levels_kept():
        yield


def records(caplog: pytest.LogCaptureFixture, name: str = PILFER) -> list[tuple[int, str]]:
    return [(record.levelno, record.getMessage()) for record in caplog.records if record.name == name]


def echo_token(request: httpx.Request) -> httpx.Response:
    """One space, named after the token, with a header holding it too."""
    return httpx.Response(200, json={"data": space(1, name=TOKEN)}, headers={"x-echo": TOKEN})


def test_info_logs_one_line_per_call_with_status_time_and_retries(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("PILFER_LOG", "info")
    answers = iter([httpx.Response(503), httpx.Response(503)])

    def flaky(request: httpx.Request) -> httpx.Response:
        return next(answers, None) or echo_token(request)

    with caplog.at_level(logging.INFO), pilfer(flaky, retry=policy(Sleeps(), methods=ALL_METHODS)) as client:
        client.get_space("sp1")
    [(level, line)] = records(caplog)
    assert level == logging.INFO
    assert line.startswith("GET https://api.getpilfer.com/api/v1/spaces/sp1 -> 200 OK (HTTP/1.1) in ")
    assert line.endswith(" ms after 2 retries")
    assert [record.levelno for record in caplog.records if "Retrying GET" in record.getMessage()] == [30, 30]


def test_debug_adds_headers_and_capped_bodies_with_credentials_redacted(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("PILFER_LOG", "DEBUG")
    long_name = "n" * (3 * BODY_CHARS)

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"data": space(1, name=long_name)}, headers={"x-echo": TOKEN})

    with pilfer(answer) as client:
        client.create_space(name=TOKEN, extra_headers={"Cookie": "session=abc"})
    logged = records(caplog)
    assert [level for level, _ in logged] == [logging.DEBUG, logging.INFO, logging.DEBUG]
    sent, _, received = (line for _, line in logged)
    assert "authorization: ***" in sent
    assert "cookie: ***" in sent
    assert 'body \'{"name":"***"}\'' in sent
    assert "x-echo: ***" in received
    assert received.endswith(" ...'")
    assert len(received) < 2 * BODY_CHARS
    assert not [line for _, line in logged if TOKEN in line]


def test_one_switch_logs_every_api_and_a_failure(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("VENDOR_CLIENTS_LOG", "info")

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"refused {TOKEN}")

    with lighthouse(lighthouse_server(3)) as workspaces:
        workspaces.list_workspaces()
    with pilfer(refuse, retry=policy(Sleeps(), attempts=1)) as spaces, pytest.raises(APIConnectionError):
        spaces.get_space("sp1")
    [(_, listed)] = records(caplog, "vendor_clients.lighthouse")
    assert " -> 200 OK (HTTP/1.1) in " in listed
    [(_, failed)] = records(caplog)
    assert failed.startswith("GET https://api.getpilfer.com/api/v1/spaces/sp1 failed after ")
    assert failed.endswith("ms: ConnectError: refused ***")


def test_async_calls_are_logged_too(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("PILFER_LOG", "info")

    async def main() -> None:
        async with async_pilfer(echo_token) as client:
            await client.with_options(timeout=5.0).get_space("sp1")

    asyncio.run(main())
    assert [line.split(" -> ")[1][:6] for _, line in records(caplog)] == ["200 OK"]


def test_without_a_switch_calls_pass_no_logging_step(caplog: pytest.LogCaptureFixture) -> None:
    """Whether calls are logged is settled when the client is built: a call then costs nothing for it."""
    with pilfer(echo_token) as client, caplog.at_level(logging.DEBUG, logger=PILFER):
        client.get_space("sp1")
    assert records(caplog) == []
    with caplog.at_level(logging.INFO, logger=PILFER), pilfer(echo_token) as client:
        client.get_space("sp1")  # logging configured in code, without a switch, works as well
    assert len(records(caplog)) == 1


@pytest.mark.parametrize("variable", ["PILFER_LOG", "VENDOR_CLIENTS_LOG"])
def test_a_switch_other_than_info_or_debug_is_a_configuration_error(
    monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    monkeypatch.setenv(variable, "verbose")
    with pytest.raises(ConfigurationError, match=f"^{variable} must be info or debug$"):
        pilfer(echo_token)


def test_calls_over_loopback_are_logged(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("PILFER_LOG", "debug")
    with serving_in_thread(pilfer_mock.create_app(spaces=2)) as url, pilfer_client(base_url=url) as client:
        created = client.create_space(name="Logged")
        client.delete_space(created.id)
    infos = [line for level, line in records(caplog) if level == logging.INFO]
    assert [line.split(" -> ")[1].split(" (")[0] for line in infos] == ["201 Created", "200 OK"]
    assert infos[0].startswith(f"POST {url}/api/v1/spaces -> ")
    debugs = [line for level, line in records(caplog) if level == logging.DEBUG]
    assert "authorization: ***" in debugs[0]
    assert pilfer_mock.TOKEN not in " ".join(line for _, line in records(caplog))
