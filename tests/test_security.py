"""Every security scheme kind, chosen per operation, header and cookie parameters, and query styles, in
``tests/fixtures/features/gate.yaml`` generated as ``test_features`` does and called through
``httpx.MockTransport``: what goes on the wire, sync and async; a missing credential names its variable
before anything is sent; no form of a credential reaches an error or a log."""

from __future__ import annotations

import asyncio
import importlib
import logging
import re
from base64 import b64encode
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
from vendor_clients import APIConnectionError, APIStatusError, ConfigurationError, InvalidRequestError

from tests.overlay.test_redaction import texts_of
from tests.test_features import Server, client_module, generation

__all__ = ["generation"]  # the fixture, generating the feature specs (gate.yaml among them)

CREDENTIALS = {
    "GATE_TOKEN": "bearer-7d1e",
    "GATE_HEADER_KEY_TOKEN": "header-key-93ab",
    "GATE_QUERY_KEY_TOKEN": "query-key-5c0f",
    "GATE_COOKIE_KEY_TOKEN": "cookie-key-e44a",
    "GATE_OAUTH_TOKEN": "oauth-token-1b2c",
    "GATE_OIDC_TOKEN": "oidc-token-8f9e",
    "GATE_USERNAME": "gate-user-61",
    "GATE_PASSWORD": "pass/word+77",
}
BASIC = "Basic " + b64encode(b"gate-user-61:pass/word+77").decode()
WIRE = {  # method -> (headers, query, cookie) it sends, with every credential set
    "get_open": ({}, "", None),
    "get_bearer": ({"Authorization": "Bearer bearer-7d1e"}, "", None),
    "get_header_key": ({"X-Api-Key": "header-key-93ab"}, "", None),
    "get_query_key": ({}, "api_key=query-key-5c0f", None),
    "get_cookie_key": ({}, "", "session=cookie-key-e44a"),
    "get_basic": ({"Authorization": BASIC}, "", None),
    "get_oauth": ({"Authorization": "Bearer oauth-token-1b2c"}, "", None),
    "get_oidc": ({"Authorization": "Bearer oidc-token-8f9e"}, "", None),
    "get_both": ({"X-Api-Key": "header-key-93ab", "Authorization": BASIC}, "", None),
    "get_either": ({}, "api_key=query-key-5c0f", None),  # the first alternative the client can meet
}
NEEDS = {  # method -> what its ConfigurationError asks for, with no credential set
    "get_bearer": "set GATE_TOKEN$",
    "get_header_key": "set GATE_HEADER_KEY_TOKEN$",
    "get_query_key": "set GATE_QUERY_KEY_TOKEN$",
    "get_cookie_key": "set GATE_COOKIE_KEY_TOKEN$",
    "get_basic": "set GATE_USERNAME and GATE_PASSWORD$",
    "get_oauth": "set GATE_OAUTH_TOKEN$",
    "get_oidc": "set GATE_OIDC_TOKEN$",
    "get_both": "set GATE_HEADER_KEY_TOKEN and GATE_USERNAME and GATE_PASSWORD$",
    "get_either": "set GATE_QUERY_KEY_TOKEN or GATE_COOKIE_KEY_TOKEN$",
}
SENT_HEADERS = ("Authorization", "X-Api-Key", "Cookie")


@pytest.fixture
def gate(generation: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The generated ``gate_client`` with every credential in the environment."""
    for variable, value in CREDENTIALS.items():
        monkeypatch.setenv(variable, value)
    return client_module("gate")


def sent(request: httpx.Request) -> tuple[dict[str, str], str, str | None]:
    headers = {name: request.headers[name] for name in SENT_HEADERS[:2] if name in request.headers}
    return headers, request.url.query.decode(), request.headers.get("Cookie")


def call(client: Any, method: str, **arguments: Any) -> Any:
    """``method`` of a sync or async client, run to its result."""
    if isinstance(client, client_module("gate").AsyncGateClient):

        async def run() -> Any:
            async with client:
                return await getattr(client, method)(**arguments)

        return asyncio.run(run())
    return getattr(client, method)(**arguments)


@pytest.mark.parametrize("kind", ["GateClient", "AsyncGateClient"])
@pytest.mark.parametrize("method", WIRE)
def test_each_operation_sends_the_credentials_of_its_security(gate: Any, kind: str, method: str) -> None:
    server = Server(body={"ok": True})
    client = getattr(gate, kind)(transport=httpx.MockTransport(server))
    assert call(client, method).ok is True
    assert sent(server.seen[-1]) == WIRE[method]
    assert str(server.seen[-1].url).startswith(f"https://gate.example.com/{method[4:].replace('_', '-')}")


def test_an_alternative_is_chosen_by_the_credentials_the_client_has(gate: Any, monkeypatch) -> None:
    monkeypatch.delenv("GATE_QUERY_KEY_TOKEN")
    server = Server(body={"ok": True})
    gate.GateClient(transport=httpx.MockTransport(server)).get_either()
    assert sent(server.seen[-1]) == ({}, "", "session=cookie-key-e44a")


def test_credentials_come_from_the_arguments_first(gate: Any) -> None:
    server = Server(body={"ok": True})
    client = gate.GateClient(
        "argument-token", username="u", password="p", transport=httpx.MockTransport(server)
    )
    client.get_bearer()
    client.get_basic()
    assert [request.headers["Authorization"] for request in server.seen] == [
        "Bearer argument-token",
        "Basic " + b64encode(b"u:p").decode(),
    ]


@pytest.mark.parametrize("kind", ["GateClient", "AsyncGateClient"])
def test_a_missing_credential_names_its_variables_before_anything_is_sent(
    gate: Any, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    for variable in CREDENTIALS:
        monkeypatch.delenv(variable)
    server = Server(body={"ok": True})
    client = getattr(gate, kind)(transport=httpx.MockTransport(server))
    for method, needs in NEEDS.items():
        with pytest.raises(ConfigurationError, match=needs):
            call(getattr(gate, kind)(transport=httpx.MockTransport(server)), method)
    assert server.seen == []
    assert call(client, "get_open").ok is True  # open operations need no credential
    assert sent(server.seen[0]) == ({}, "", None)


BAD = {"trailing newline": "key\n", "blank": "  ", "non-ASCII": "kéy"}


@pytest.mark.parametrize("value", BAD.values(), ids=BAD.keys())
def test_every_credential_is_checked_when_the_client_is_built(gate: Any, monkeypatch, value: str) -> None:
    monkeypatch.setenv("GATE_COOKIE_KEY_TOKEN", value)
    with pytest.raises(ConfigurationError, match="GATE_COOKIE_KEY_TOKEN"):
        gate.GateClient()
    monkeypatch.setenv("GATE_COOKIE_KEY_TOKEN", "fine")
    with pytest.raises(ConfigurationError, match="argument password or environment variable GATE_PASSWORD"):
        gate.AsyncGateClient(password=value)


@pytest.mark.parametrize("method", [m for m in WIRE if m != "get_open"])
def test_no_form_of_any_credential_reaches_errors_or_logs(
    gate: Any, method: str, caplog: pytest.LogCaptureFixture
) -> None:
    """The server echoes what it got (headers and URL) in an error body, then in a transport error."""

    def echo(request: httpx.Request) -> httpx.Response:
        seen = f"{request.url} {request.headers.get('Authorization')} {request.headers.get('X-Api-Key')}"
        seen += f" {request.headers.get('Cookie')} {request.headers.raw!r}"
        if len(attempts) == 0:
            attempts.append(request)
            return httpx.Response(401, json={"code": seen, "message": seen})
        raise httpx.ConnectError(f"refused: {seen}")

    attempts: list[httpx.Request] = []
    texts: list[str] = []
    with caplog.at_level(logging.DEBUG):
        client = gate.GateClient(transport=httpx.MockTransport(echo))
        texts += [repr(client), str(client), repr(vars(client))]
        for expected in (APIStatusError, APIConnectionError):
            with pytest.raises(expected) as caught:
                getattr(client, method)()
            texts += texts_of(caught.value)
    texts += [record.getMessage() for record in caplog.records]
    assert "refused: https://gate.example.com/" in " ".join(texts)
    forms = [*CREDENTIALS.values(), BASIC.split()[1]]
    assert [(form, text) for form in forms for text in texts if form in text] == []


@pytest.mark.parametrize("kind", ["GateClient", "AsyncGateClient"])
def test_header_and_cookie_parameters_are_named_checked_and_sent(gate: Any, kind: str) -> None:
    server = Server(body={"ok": True})
    client = getattr(gate, kind)(transport=httpx.MockTransport(server))
    arguments = {"x_trace_id": "t-1", "query_id": "q", "header_id": 7, "cookie_id": "c d", "class_": "gold"}
    call(
        client,
        "get_thing",
        path_id=5,
        **arguments,
        timeout_=3,
        extra_headers_="spec",
        strict_="yes",
        lang="fr",
    )
    request = server.seen[-1]
    assert str(request.url) == "https://gate.example.com/things/5?id=q"
    names = ("X-Trace-Id", "id", "class", "timeout", "extra_headers", "strict", "Cookie")
    assert {name: request.headers.get(name) for name in names} == {
        "X-Trace-Id": "t-1",
        "id": "7",
        "class": "gold",
        "timeout": "3",
        "extra_headers": "spec",
        "strict": "yes",
        "Cookie": "id=c%20d; lang=fr",
    }
    assert "Authorization" not in request.headers  # security: []
    bad: dict[str, dict[str, Any]] = {
        "class_": {"class_": "bronze"},
        "header_id": {"header_id": "seven"},
        "lang": {"lang": "de"},
        "x_trace_id": {"x_trace_id": None},
    }
    for argument, wrong in bad.items():
        with pytest.raises(InvalidRequestError) as raised:
            call(
                getattr(gate, kind)(transport=httpx.MockTransport(server)),
                "get_thing",
                path_id=5,
                **{**arguments, **wrong},
            )
        assert raised.value.path == argument
    assert len(server.seen) == 1


def test_the_readme_example_prints_what_it_says(gate: Any, capsys: pytest.CaptureFixture[str]) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    (example,) = [
        block for block in re.findall(r"```python\n(.*?)```", readme, re.DOTALL) if "gate_client" in block
    ]
    exec(compile(example, "README.md", "exec"), {"__name__": "readme_example"})
    said = [line.split("# ", 1)[1] for line in example.splitlines() if "# https://" in line]
    assert capsys.readouterr().out.splitlines() == said


@pytest.mark.parametrize("kind", ["GateClient", "AsyncGateClient"])
def test_query_arrays_and_objects_follow_their_style_and_explode(gate: Any, kind: str) -> None:
    server = Server(body={"ok": True})
    point = importlib.import_module("gate_models").Point(x=1, y=2)
    for arguments in [
        {"tags": ["a", "b"], "ids": [1, 2], "words": ["x", "y"], "lanes": ["p", "q"]},
        {"filter": {"low": 1, "high": 9}, "point": point, "box": {"x": 3, "y": 4}},
    ]:
        call(getattr(gate, kind)(transport=httpx.MockTransport(server)), "search", **arguments)
    assert [sorted(unquote(request.url.query.decode()).split("&")) for request in server.seen] == [
        ["ids=1,2", "lanes=p|q", "tags=a", "tags=b", "words=x+y"],
        ["box=x,3,y,4", "filter[high]=9", "filter[low]=1", "x=1", "y=2"],
    ]
    with pytest.raises(InvalidRequestError) as raised:
        call(getattr(gate, kind)(transport=httpx.MockTransport(server)), "search", ids=[1, "two"])
    assert raised.value.path == "ids[1]"
    assert len(server.seen) == 2


@pytest.mark.parametrize("kind", ["GateClient", "AsyncGateClient"])
def test_extras_replace_a_credential_only_when_they_name_it(gate: Any, kind: str) -> None:
    server = Server(body={"ok": True})
    calls: list[tuple[str, dict[str, Any]]] = [
        ("get_header_key", {"extra_headers": {"x-api-key": "mine"}, "extra_query": {"v": 2}}),
        ("get_query_key", {"extra_query": {"api_key": "mine"}, "extra_headers": {"X-Api-Key": "other"}}),
        ("get_both", {"extra_headers": {"X-Other": "1"}}),
    ]
    for method, extras in calls:  # a fresh client each: ``call`` closes an async one
        call(getattr(gate, kind)(transport=httpx.MockTransport(server)), method, **extras)
    assert [sent(request) for request in server.seen] == [
        ({"X-Api-Key": "mine"}, "v=2", None),
        ({"X-Api-Key": "other"}, "api_key=mine", None),
        WIRE["get_both"],
    ]
