"""What real specs use, in the test specs of ``tests/fixtures/features``, generated into a temporary folder
and called through ``httpx.MockTransport``: ``boards.yaml`` has inline enums (on a path-level, a query and a
``$ref``'d parameter, in a request body and in a response) and a server URL with variables; ``plain.yaml``
has no servers, operations without an ``operationId`` and what openapi-python-client only warns about;
``names.yaml`` has names the two generators take differently."""

from __future__ import annotations

import asyncio
import importlib
import json
import logging
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from vendor_clients import (
    ALL_METHODS,
    ConfigurationError,
    InvalidRequestError,
    ResponseValidationError,
    RetryPolicy,
)

from codegen.registry import apis
from mocks.engine import MockApp
from mocks.faults import Fault
from mocks.server import serving_in_thread
from tests.test_generation import copy_specs, generate

FEATURES = Path(__file__).resolve().parent / "fixtures" / "features"
APIS = ("boards", "gate", "names", "plain")


def generated(
    factory: pytest.TempPathFactory, folder: Path, apis: tuple[str, ...]
) -> Iterator[tuple[Path, subprocess.CompletedProcess[str]]]:
    """The specs of ``folder`` generated beside a copy of specs/, their packages importable; the specs
    folder and the generator's output."""
    work = factory.mktemp(folder.name)
    specs = copy_specs(work, *sorted(folder.glob("*.yaml"))).resolve()
    done = generate("--specs", specs, "--target", work / "generated", *(f"--api={api}" for api in apis))
    assert done.returncode == 0, done.stderr
    with pytest.MonkeyPatch.context() as patch:
        for api in apis:
            for kind in ("client", "models"):
                patch.syspath_prepend(str(work / "generated" / f"{api}-{kind}"))
        yield specs, done


@pytest.fixture(scope="module")
def generation(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Path, subprocess.CompletedProcess[str]]]:
    yield from generated(tmp_path_factory, FEATURES, APIS)


def client_module(api: str) -> Any:
    return importlib.import_module(f"{api}_client")


class Server:
    """A ``MockTransport`` handler that records each request and answers ``status`` with ``body``."""

    def __init__(self, status: int = 200, body: Any = None) -> None:
        self.status, self.body = status, body
        self.seen: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        return (
            httpx.Response(self.status, json=self.body)
            if self.body is not None
            else httpx.Response(self.status)
        )

    @property
    def last(self) -> tuple[str, str]:
        return self.seen[-1].method, str(self.seen[-1].url)


def test_what_openapi_python_client_tolerates_is_a_warning_with_its_pointer(generation):
    specs, done = generation
    at = f"warning: {specs / 'plain.yaml'}#"
    found = [line for line in done.stderr.splitlines() if line.startswith(at)]
    assert found[:3] == [  # a default written in a component is shown there, not where it is used
        f"{at}/paths/~1items/get: Additional properties are not allowed ('title' was unexpected)",
        f"{at}/paths/~1items/get/parameters/0/schema/default: '100' is not of type 'integer'",
        f"{at}/components/schemas/Found/properties/rank/default: 'first' is not of type 'integer'",
    ]
    # what openapi-python-client leaves out of its own modules, at the operation or the schema
    assert len(found) == 5
    assert found[3].startswith(f"{at}/paths/~1items~1search/get: openapi-python-client: WARNING parsing GET")
    assert found[4].startswith(f"{at}/components/schemas/Found: openapi-python-client: Unable to process")
    assert "object at 0x" not in done.stderr
    assert "Traceback" not in done.stderr
    assert "boards.yaml" not in done.stderr


def test_inline_enums_are_checked_before_sending_and_in_responses(generation):
    boards = client_module("boards")
    card = {"id": 1, "title": "a", "state": "archived"}
    server = Server(body={"cards": [card]})
    client = boards.BoardsClient("t", transport=httpx.MockTransport(server))
    assert client.list_cards("private", state="done", order="desc").cards[0].state == "archived"
    assert server.last == (
        "GET",
        "https://eu.boards.example.com/v2/boards/private/cards?order=desc&state=done",
    )
    server.status, server.body = 201, card
    assert client.create_card("public", title="a", state="todo").id == 1
    assert json.loads(server.seen[-1].content) == {"title": "a", "state": "todo"}
    bad: list[tuple[str, Callable[[], Any]]] = [
        ("visibility", lambda: client.list_cards("secret")),  # path-level parameter
        ("state", lambda: client.list_cards("public", state="doing")),  # query parameter
        ("order", lambda: client.list_cards("public", order="up")),  # $ref'd parameter
        ("state", lambda: client.create_card("public", title="a", state="archived")),  # request body
    ]
    for argument, call in bad:
        with pytest.raises(InvalidRequestError) as raised:
            call()
        assert raised.value.path == argument
    assert len(server.seen) == 2, "a request was sent for an argument off its enum"
    server.body = {**card, "state": 7}
    with pytest.raises(ResponseValidationError) as off_spec:
        client.create_card("public", title="a")
    assert off_spec.value.path == "state"


def test_an_unknown_enum_value_in_a_response_is_kept_with_a_warning_in_both_modes(generation, caplog):
    boards = client_module("boards")
    server = Server(
        200, {"cards": [{"id": 1, "title": "a", "state": "lost"}, {"id": 2, "title": "b", "state": "done"}]}
    )
    with caplog.at_level(logging.WARNING):
        for strict in (True, False):
            client = boards.BoardsClient("t", transport=httpx.MockTransport(server), strict=strict)
            cards = client.list_cards("public").cards
            assert [card.state for card in cards] == ["lost", "done"]
    assert [record.getMessage() for record in caplog.records] == [
        "listCards: response field cards[0].state kept as sent: 'lost' is none of 'todo', 'done', 'archived'"
    ] * 2


def boards_models() -> Any:
    return importlib.import_module("boards_models")


def test_a_spec_declared_idempotency_key_is_sent_and_kept_across_retries(generation):
    boards = client_module("boards")
    server = Server(201, {"id": 1, "title": "a", "state": "todo"})
    statuses = iter([503, 201, 201, 201])

    def flaky(request: httpx.Request) -> httpx.Response:
        server.status = next(statuses)
        return server(request)

    retry = RetryPolicy(methods=ALL_METHODS, sleep=lambda _: None)
    client = boards.BoardsClient("t", transport=httpx.MockTransport(flaky), retry=retry)
    client.create_card("public", title="a")
    client.create_card("public", title="a")
    client.create_card("public", title="a", idempotency_key="mine")
    keys = [request.headers.get("idempotency-key") for request in server.seen]
    assert keys[0] == keys[1] != keys[2] != "mine" == keys[3]
    assert uuid.UUID(keys[2]).version == 4
    unretried = boards.BoardsClient("t", transport=httpx.MockTransport(server))  # POST not opted in
    unretried.create_card("public", title="a")
    assert uuid.UUID(server.seen[-1].headers["idempotency-key"]).version == 4


def test_a_spec_declared_idempotency_key_over_loopback(generation):
    specs, _ = generation
    [served] = [api for api in apis(specs=specs, pyproject=specs / "none.toml") if api.name == "boards"]
    app = MockApp(served)
    app.faults.add("createCard", Fault(status=503, times=1), validate=False)
    retry = RetryPolicy(methods=ALL_METHODS, sleep=lambda _: None)
    with serving_in_thread(app) as url:
        client = client_module("boards").BoardsClient("t", base_url=url, retry=retry)
        client.create_card("public", title="a")
    keys = [call.headers.get("idempotency-key") for call in app.recorder.calls]
    assert len(keys) == 2
    assert keys[0] is not None
    assert keys[0] == keys[1]


def test_the_base_url_is_the_first_server_with_its_variables_at_their_defaults(generation, monkeypatch):
    boards = client_module("boards")
    monkeypatch.delenv("BOARDS_BASE_URL", raising=False)
    assert boards.BoardsClient("t").base_url == "https://eu.boards.example.com/v2"
    monkeypatch.setenv("BOARDS_BASE_URL", "https://us.boards.example.com/v2")
    server = Server(body={"cards": []})

    async def listed() -> Any:
        async with boards.AsyncBoardsClient("t", transport=httpx.MockTransport(server)) as client:
            return await client.list_cards("public")

    assert asyncio.run(listed()).cards == []
    assert server.last == ("GET", "https://us.boards.example.com/v2/boards/public/cards")


def test_server_variables_are_client_arguments_and_environment_variables(generation, monkeypatch):
    boards = client_module("boards")
    for variable in ("BOARDS_BASE_URL", "BOARDS_REGION", "BOARDS_VERSION"):
        monkeypatch.delenv(variable, raising=False)
    server = Server(body={"cards": []})
    client = boards.BoardsClient("t", region="us", transport=httpx.MockTransport(server))
    client.list_cards("public")
    assert server.last == ("GET", "https://us.boards.example.com/v2/boards/public/cards")
    monkeypatch.setenv("BOARDS_VERSION", "v3")
    assert boards.AsyncBoardsClient("t").base_url == "https://eu.boards.example.com/v3"
    with pytest.raises(ConfigurationError, match=r"region must be one of \['eu', 'us'\]") as raised:
        boards.BoardsClient("t", region="mars")
    assert "mars" not in str(raised.value)
    monkeypatch.setenv("BOARDS_BASE_URL", "https://boards.test/v9")  # the base URL wins over them
    assert boards.BoardsClient("t", region="us").base_url == "https://boards.test/v9"


def test_without_servers_a_client_needs_a_base_url(generation, monkeypatch):
    plain = client_module("plain")
    monkeypatch.delenv("PLAIN_BASE_URL", raising=False)
    with pytest.raises(ConfigurationError, match="PLAIN_BASE_URL"):
        plain.PlainClient("t")
    with pytest.raises(ConfigurationError, match="PLAIN_BASE_URL"):
        plain.AsyncPlainClient("t")
    monkeypatch.setenv("PLAIN_BASE_URL", "https://plain.example.com/api")
    server = Server(body={"items": []})
    assert plain.PlainClient("t", transport=httpx.MockTransport(server)).get_items_2().items == []
    assert server.last == (
        "GET",
        "https://plain.example.com/api/items",
    )  # the wrong-typed default is not sent


def test_operations_without_an_operation_id_are_named_by_method_and_path(generation):
    plain = client_module("plain")
    server = Server(body={"name": "x"})
    client = plain.PlainClient(
        "t", base_url="https://plain.example.com", transport=httpx.MockTransport(server)
    )
    calls: dict[
        str, tuple[Callable[[], Any], str, str]
    ] = {  # GET /items falls back to get_items, which GET /items/search has: it gets _2
        "get_items_2": (lambda: client.get_items_2(limit=5), "GET", "/items?limit=5"),
        "post_items": (lambda: client.post_items(name="x"), "POST", "/items"),
        "get_items_item_id": (lambda: client.get_items_item_id(7), "GET", "/items/7"),
        "delete_items_item_id": (lambda: client.delete_items_item_id(7), "DELETE", "/items/7"),
        "get_items": (lambda: client.get_items(q="x"), "GET", "/items/search?q=x"),
    }
    for call, method, path in calls.values():
        server.status, server.body = (204, None) if method == "DELETE" else (200, {"items": [], "name": "x"})
        call()
        assert server.last == (method, f"https://plain.example.com{path}")
    endpoints = importlib.import_module("plain_client.api.default")
    modules = {path.stem for path in Path(endpoints.__path__[0]).glob("*.py")} - {"__init__"}
    assert modules == set(calls)  # openapi-python-client's endpoint functions have the same names


def test_names_the_generators_take_differently_all_generate_and_keep_their_arguments(generation):
    names = client_module("names")
    server = Server(body={"name": "a", "1st": "b"})
    client = names.NamesClient("t", transport=httpx.MockTransport(server))
    label = client.find_labels(mixed_case="x", mixed_case_2="y")  # the later one of a snake_case clash: _2
    assert server.last == ("GET", "https://names.example.com/labels?mixed_case=x&mixedCase=y")
    assert type(label).__name__ == "LabelV1Label"  # a dotted schema name is one model, not a module path
    assert (label.name, label.field_1st) == ("a", "b")
    assert (
        importlib.import_module("names_client.models")
        .LabelV1Label.from_dict({"name": "a", "1st": "b"})
        .field_1st
        == "b"
    )
    server.status, server.body = 204, None
    assert client.upload(file=b"\x00data", note="n") is None  # additional properties are no argument
    sent = server.seen[-1]
    assert sent.headers["content-type"].startswith("multipart/form-data; boundary=")
    for part in (b'name="file"', b"\x00data", b'name="note"'):
        assert part in sent.content
