"""The probe against a Pilfer that drifted from its spec: each drift reported with its pointer, exit 1."""

from __future__ import annotations

import json

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from codegen.registry import api
from mocks.inprocess import SyncASGITransport
from probe.__main__ import main
from tests.probe_servers import Recorder, mock_environment

PILFER = api("pilfer")
LIST = "#/paths/~1api~1v1~1spaces/get/responses"
GET = "#/paths/~1api~1v1~1spaces~1{id}/get/responses"
SPACES = [
    {"_id": "renamed", "title": "Research", "status": "Draft"},  # `name` renamed to `title`
    {"_id": "typed", "name": "Sales", "status": None},  # `status` is a string in the spec
]


def drifted(list_status: int = 200) -> Starlette:
    """A Pilfer whose list drifts in its body (or answers ``list_status``) and whose get answers text."""

    async def list_spaces(request: Request) -> Response:
        if list_status != 200:
            return JSONResponse({"error": "teapot"}, status_code=list_status)
        return JSONResponse({"data": SPACES})

    async def get_space(request: Request) -> Response:
        return PlainTextResponse(f"space {request.path_params['id']}")

    return Starlette(routes=[Route("/api/v1/spaces", list_spaces), Route("/api/v1/spaces/{id}", get_space)])


def probe(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], app: Starlette, *argv: str
) -> tuple[int, str, str, Recorder]:
    for name, value in mock_environment(PILFER).items():
        monkeypatch.setenv(name, value)
    recorder = Recorder(app)
    code = main(["pilfer", *argv], transport=SyncASGITransport(recorder), sleep=lambda _: None)
    out, err = capsys.readouterr()
    return code, out, err, recorder


def test_each_drift_is_reported_with_its_pointer(monkeypatch, capsys):
    code, out, _, recorder = probe(monkeypatch, capsys, drifted(), "--json")
    report = json.loads(out)
    found = {
        (d["operation"], d["status"], d["check"], d["pointer"], d["at"], d["problem"])
        for d in report["drift"]
    }
    assert code == 1 == report["exit_code"]
    assert recorder.requests == [("GET", "/api/v1/spaces"), ("GET", "/api/v1/spaces/renamed")]
    schema = "response_schema_conformance"
    assert (
        "listSpaces",
        200,
        schema,
        "#/components/schemas/Space/required",
        "/data/0",
        '"name" is a required property',
    ) in found
    assert (
        "listSpaces",
        200,
        schema,
        "#/components/schemas/Space/properties/status/type",
        "/data/1/status",
        'null is not of type "string"',
    ) in found
    text_type = [d for d in found if d[2] == "content_type_conformance"]
    assert [d[:4] for d in text_type] == [("getSpace", 200, "content_type_conformance", f"{GET}/200/content")]
    assert "text/plain" in text_type[0][5]
    client = {d[3:5] for d in found if d[2] == "client_parsing"}
    assert client == {
        (f"{LIST}/200/content/application~1json/schema", "data[0].name"),
        (f"{GET}/200/content", ""),
    }
    assert all(d["request"].startswith("GET http://mock.test/api/v1/spaces") for d in report["drift"])


def test_an_undocumented_status_is_drift(monkeypatch, capsys):
    code, out, _, recorder = probe(monkeypatch, capsys, drifted(list_status=418), "--json")
    [drift] = json.loads(out)["drift"]
    assert code == 1
    assert len(recorder.requests) == 1
    assert (drift["status"], drift["check"], drift["pointer"]) == (418, "status_code_conformance", LIST)
    assert drift["problem"] == "status 418 is not documented (documented: 200, 400, 401, 403)"


def test_text_report(monkeypatch, capsys):
    code, out, _, _ = probe(monkeypatch, capsys, drifted())
    assert code == 1
    assert out.splitlines()[0] == "pilfer at http://mock.test: 2 requests, 5 drift"
    assert "DRIFT listSpaces: GET http://mock.test/api/v1/spaces -> 200 (response_schema_conformance)" in out
    assert (
        '  #/components/schemas/Space/properties/status/type at /data/1/status: null is not of type "string"'
        in out
    )


def test_the_token_never_shows(monkeypatch, capsys):
    token = mock_environment(PILFER)[PILFER.token_env]

    async def echo(request: Request) -> Response:
        return JSONResponse({"data": [{"_id": token, "name": 7}]})

    app = Starlette(routes=[Route("/api/v1/spaces", echo), Route("/api/v1/spaces/{id}", echo)])
    code, out, err, _ = probe(monkeypatch, capsys, app, "--json")
    assert code == 1
    assert token not in out + err
    assert "***" in out


def test_ctrl_c_prints_what_was_found(monkeypatch, capsys):
    recorder = Recorder(drifted())
    inner = SyncASGITransport(recorder)

    class Interrupting(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            if recorder.requests:
                raise KeyboardInterrupt
            return inner.handle_request(request)

    for name, value in mock_environment(PILFER).items():
        monkeypatch.setenv(name, value)
    code = main(["pilfer"], transport=Interrupting(), sleep=lambda _: None)
    out = capsys.readouterr().out
    assert code == 1
    assert "pilfer at http://mock.test: 2 requests, 3 drift" in out  # the second one was cut short
    assert "stopped early: interrupted" in out


@pytest.mark.parametrize("argv", [[], ["--json"]])
def test_no_drift_means_exit_0_even_in_json(monkeypatch, capsys, argv):
    async def fine(request: Request) -> Response:
        return JSONResponse({"data": []})

    code, out, _, _ = probe(monkeypatch, capsys, Starlette(routes=[Route("/api/v1/spaces", fine)]), *argv)
    assert code == 0
    assert "getSpace" in out  # not probed: no space to link to
