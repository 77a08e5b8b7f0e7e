"""Bodies and responses of every common media type, in the test specs of ``tests/fixtures/media``
(``media.yaml``: every request and response kind; ``bare.yaml``: no ``components/schemas``), generated into
a temporary folder and called through ``httpx.MockTransport``, sync and async."""

from __future__ import annotations

import asyncio
import io
import json
from collections.abc import Awaitable, Callable, Iterator
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
from vendor_clients import InvalidRequestError, ResponseValidationError

from tests.test_features import client_module, generated

MEDIA = Path(__file__).resolve().parent / "fixtures" / "media"
NO_JSON = object()


@pytest.fixture(scope="module", autouse=True)
def generation(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    yield from generated(tmp_path_factory, MEDIA, ("media", "bare"))


class Server:
    """A ``MockTransport`` handler that records each request and answers ``status`` with ``content`` of
    ``content_type`` (or JSON of ``body`` when given one)."""

    def __init__(self) -> None:
        self.seen: list[httpx.Request] = []
        self.answer(200)

    def answer(self, status: int, body: Any = NO_JSON, content: bytes = b"", content_type: str = "") -> None:
        if body is not NO_JSON:
            content, content_type = json.dumps(body).encode(), "application/json"
        self.status, self.content, self.content_type = status, content, content_type

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        headers = {"Content-Type": self.content_type} if self.content_type else {}
        return httpx.Response(self.status, content=self.content, headers=headers)

    @property
    def last(self) -> httpx.Request:
        return self.seen[-1]


def media(server: Server) -> Any:
    return client_module("media").MediaClient("t", transport=httpx.MockTransport(server))


def multipart(request: httpx.Request) -> dict[str, Any]:
    """Each part of a multipart request: its filename, content type and content."""
    head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + request.content)
    return {
        str(part.get_param("name", header="content-disposition")): (
            part.get_filename(),
            part.get("content-type"),
            part.get_payload(decode=True),
        )
        for part in message.iter_parts()
    }


def test_json_responses_of_any_schema_are_validated_and_unwrapped():
    server = Server()
    client = media(server)
    cases: list[tuple[str, Any, Any]] = [
        ("list_tags", ["a", "b"], ["a", "b"]),
        ("get_count", 3, 3),
        ("get_maybe", None, None),
        ("get_maybe", "x", "x"),
        ("get_scores", {"a": 1}, {"a": 1}),
        ("get_either", 7, 7),
    ]
    for method, body, expected in cases:
        server.answer(200, body)
        assert getattr(client, method)() == expected
    server.answer(200, {"kind": "cat", "lives": 9})
    assert type(client.get_pet()).__name__ == "Cat"  # the member model, chosen by the discriminator
    server.answer(201, {"kind": "dog"})  # a 2XX range
    assert type(client.get_pet()).__name__ == "Dog"
    server.answer(200, [{"kind": "dog", "good": True}, {"kind": "cat", "lives": 1}])
    dog, cat = client.list_pets()  # an array of a union: the member models, no RootModel around each
    assert (type(dog).__name__, dog.good, type(cat).__name__) == ("Dog", True, "Cat")
    server.answer(200, {"name": "a", "children": [{"name": "b", "children": [{"name": "c"}]}]})
    assert client.get_tree().children[0].children[0].name == "c"  # recursive, the default response
    server.answer(200, {"name": "a", "label": "l"})
    assert client.get_labelled().label == "l"
    server.answer(200, 7)
    assert type(client.get_either()).__name__ == "int"
    server.answer(200, {"name": "n"})
    assert client.get_either().name == "n"
    off_spec = [
        ("list_tags", [1]),
        ("get_count", -1),
        ("get_count", "3"),
        ("get_maybe", 1),
        ("get_scores", {"a": "1"}),
        ("get_pet", {"kind": "cow"}),
        ("get_tree", {"name": "a", "children": [{}]}),
        ("get_labelled", {"name": "a"}),
        ("get_either", "x"),
    ]
    for method, body in off_spec:
        server.answer(200, body)
        with pytest.raises(ResponseValidationError):
            getattr(client, method)()


def test_text_and_binary_responses_are_str_and_bytes_of_their_media_type():
    server = Server()
    client = media(server)
    server.answer(200, content="héllo".encode(), content_type="text/plain; charset=utf-8")
    assert client.upload(file=b"x") == "héllo"
    assert server.last.headers["accept"] == "text/plain"
    server.answer(200, content=b"\x89PNG\x00", content_type="image/png")
    assert client.put_raw(body=b"\x00\x01") == b"\x89PNG\x00"
    assert server.last.headers["accept"] == "image/png"
    answers: list[tuple[Callable[[], Any], bytes, str]] = [
        (lambda: client.upload(file=b"x"), b"{}", "application/json"),
        (lambda: client.upload(file=b"x"), b"\xff", "text/plain; charset=utf-8"),
        (lambda: client.put_raw(body=b""), b"x", "text/plain"),
        (lambda: client.upload(file=b"x"), b"bonjour", "text/plain"),  # past its schema's maxLength
    ]
    for call, content, content_type in answers:
        server.answer(200, content=content, content_type=content_type)
        with pytest.raises(ResponseValidationError):
            call()


def test_a_json_body_of_any_schema_is_one_body_argument_checked_before_sending():
    server = Server()
    client = media(server)
    server.answer(204)
    assert client.put_tags(body=["a", "b"]) is None
    assert (server.last.headers["content-type"], json.loads(server.last.content)) == (
        "application/json",
        ["a", "b"],
    )
    server.answer(202)
    assert client.set_count(body=4) is None
    assert server.last.content == b"4"
    sent = len(server.seen)
    calls: list[Callable[[], Any]] = [
        lambda: client.put_tags(body=[""]),
        lambda: client.put_tags(body="a"),
        lambda: client.set_count(body=-1),
        lambda: client.set_count(body="4"),
    ]
    for call in calls:
        with pytest.raises(InvalidRequestError) as raised:
            call()
        assert raised.value.path.startswith("body") or raised.value.path.startswith("<body>")
    assert len(server.seen) == sent, "an off-spec body was sent"
    with pytest.raises(InvalidRequestError, match="body: is required"):
        client.put_tags(body=None)
    server.answer(204)
    client.reset()  # an optional body left out: nothing is sent
    assert (server.last.content, "content-type" in server.last.headers) == (b"", False)
    client.reset(body=2)
    assert server.last.content == b"2"


def test_form_bodies_are_fields_as_arguments_url_encoded():
    server = Server()
    client = media(server)
    server.answer(202)
    assert client.post_form(name="a b", count=2, flags=["x", "y"], urgent=True) is None
    assert server.last.headers["content-type"] == "application/x-www-form-urlencoded"
    assert parse_qs(server.last.content.decode()) == {
        "name": ["a b"],
        "count": ["2"],
        "flags": ["x", "y"],
        "urgent": ["true"],
    }
    bad: list[tuple[str, Callable[[], Any]]] = [
        ("count", lambda: client.post_form(name="a", count=11)),
        ("count", lambda: client.post_form(name="a", count="2")),
        ("name", lambda: client.post_form()),
    ]
    for argument, call in bad:
        with pytest.raises(InvalidRequestError) as raised:
            call()
        assert raised.value.path == argument
    assert len(server.seen) == 1


def test_a_multipart_body_without_files_is_still_multipart():
    """httpx writes fields without files as a form: the runtime keeps the media type the spec says."""
    server = Server()
    client = media(server)
    server.answer(204)
    assert client.post_survey(answer="yes", tags=["a", "b"]) is None
    assert server.last.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert multipart(server.last) == {"answer": (None, None, b"yes"), "tags": (None, None, b"b")}
    client.post_survey()
    assert server.last.headers["content-type"].startswith("multipart/form-data; boundary=")


def test_multipart_file_fields_take_bytes_a_binary_file_or_a_tuple(tmp_path):
    server = Server()
    client = media(server)
    server.answer(200, content=b"ok", content_type="text/plain")
    client.upload(file=b"\x00\x01", thumbnail_image=("t.png", b"PNG", "image/png"), note="hi")
    assert server.last.headers["content-type"].startswith("multipart/form-data; boundary=")
    parts = multipart(server.last)
    assert parts["file"][2] == b"\x00\x01"
    assert parts["thumbnailImage"] == ("t.png", "image/png", b"PNG")
    assert parts["note"] == (None, None, b"hi")
    path = tmp_path / "data.bin"
    path.write_bytes(b"from a file")
    with path.open("rb") as opened:
        client.upload(file=opened)
    assert multipart(server.last)["file"][:1] + multipart(server.last)["file"][2:] == (
        "data.bin",
        b"from a file",
    )
    wrong: list[tuple[str, Callable[[], Any]]] = [
        ("file", lambda: client.upload(file="text")),
        ("file", lambda: client.upload(file=io.StringIO("text"))),
        ("file", lambda: client.upload(file=("a", b"x"))),
        ("note", lambda: client.upload(file=b"x", note="too long")),
        ("file", lambda: client.upload(note="hi")),
    ]
    for argument, call in wrong:
        with pytest.raises(InvalidRequestError) as raised:
            call()
        assert raised.value.path == argument
    assert len(server.seen) == 2


def test_binary_and_text_bodies_are_bytes_and_str():
    server = Server()
    client = media(server)
    server.answer(200, content=b"", content_type="image/png")
    client.put_raw(body=b"\xff\x00")
    assert (server.last.headers["content-type"], server.last.content) == (
        "application/octet-stream",
        b"\xff\x00",
    )
    server.answer(204)
    assert client.put_note(body="héllo") is None
    assert server.last.headers["content-type"] == "text/plain; charset=utf-8"
    assert server.last.content == "héllo".encode()
    raw: list[Callable[[], Any]] = [
        lambda: client.put_raw(body="text"),
        lambda: client.put_note(body=b"bytes"),
        lambda: client.put_note(body="longer than its maxLength"),  # checked as JSON strings are
    ]
    for call in raw:
        with pytest.raises(InvalidRequestError) as raised:
            call()
        assert raised.value.path == "body"
    assert len(server.seen) == 2


Step = tuple[dict[str, Any], Callable[[Any], Awaitable[Any]], Any]
"""What the server answers (``Server.answer``'s arguments), the call, and its result or exception class."""


def run_async(client_class: Any, server: Server, steps: list[Step]) -> None:
    """Each step's call on one async client, after the server is told its answer."""

    async def calls() -> None:
        async with client_class("t", transport=httpx.MockTransport(server)) as client:
            for answer, call, expected in steps:
                server.answer(**answer)
                if isinstance(expected, type) and issubclass(expected, Exception):
                    with pytest.raises(expected):
                        await call(client)
                else:
                    assert await call(client) == expected

    asyncio.run(calls())


def test_a_spec_without_component_schemas_generates_and_calls_async():
    server = Server()
    text = {"status": 200, "content": b"pong", "content_type": "text/plain"}
    steps: list[Step] = [
        (text, lambda client: client.ping(), "pong"),
        ({"status": 200, "body": None}, lambda client: client.get_level(), None),
        ({"status": 200, "body": 5}, lambda client: client.get_level(), 5),
        ({"status": 204}, lambda client: client.set_levels(body=[1, 2]), None),
        ({"status": 204}, lambda client: client.set_levels(body=["1"]), InvalidRequestError),
        ({"status": 200, "body": "5"}, lambda client: client.get_level(), ResponseValidationError),
        (
            {"status": 200, "body": {"any": ["thing"]}},
            lambda client: client.get_anything(),
            {"any": ["thing"]},
        ),
    ]
    run_async(client_module("bare").AsyncBareClient, server, steps)
    assert server.seen[3].content == b"[1,2]"
    assert len(server.seen) == 6


def test_async_clients_send_and_return_every_media_type():
    server = Server()
    steps: list[Step] = [
        (
            {"status": 200, "content": b"ok", "content_type": "text/plain"},
            lambda client: client.upload(file=("a.txt", b"A", "text/plain")),
            "ok",
        ),
        (
            {"status": 200, "content": b"\x01", "content_type": "image/png"},
            lambda client: client.put_raw(body=b"\x02"),
            b"\x01",
        ),
        ({"status": 200, "body": ["t"]}, lambda client: client.list_tags(), ["t"]),
        ({"status": 200, "body": [1]}, lambda client: client.list_tags(), ResponseValidationError),
    ]
    run_async(client_module("media").AsyncMediaClient, server, steps)
    assert multipart(server.seen[0])["file"] == ("a.txt", "text/plain", b"A")
    assert server.seen[1].content == b"\x02"


def test_extra_body_fields_merge_into_a_form_and_not_into_a_binary_body():
    server = Server()
    client = media(server)
    server.answer(202)
    client.post_form(name="a", count=2, extra_body={"count": 3, "channel": "ops"})
    assert parse_qs(server.last.content.decode()) == {"name": ["a"], "count": ["3"], "channel": ["ops"]}
    with pytest.raises(InvalidRequestError, match="extra_body: cannot be merged into a multipart/form-data"):
        client.post_survey(answer="yes", extra_body={"more": 1})
    assert len(server.seen) == 1
