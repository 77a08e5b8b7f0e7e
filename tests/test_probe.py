"""The probe against the mocks: no drift for any API, only safe methods, within its bounds."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import httpx
import pytest
import schemathesis
from vendor_clients.operation import Operation

from codegen.registry import Api, apis
from probe.__main__ import main
from probe.budget import Budget
from probe.links import Call, first_calls, listed_calls
from probe.target import SAFE_METHODS, Target, client_operations, safe_operations
from tests.probe_servers import Recorder, mock_environment, mock_server

APIS = apis()
FIXTURES = Path(__file__).parent / "fixtures" / "probe"


def unescaped(segment: str) -> str:
    """A JSON pointer segment, unescaped (RFC 6901)."""
    return segment.replace("~1", "/").replace("~0", "~")


def resolved(spec: dict[str, Any], node: Any) -> Any:
    """``node`` with its local ``$ref`` followed (to the end of a chain)."""
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/"):
        found: Any = spec
        for part in node["$ref"][2:].split("/"):
            found = found[unescaped(part)]
        node = found
    return node


def spec_parameters(api: Api, operation: Operation[Any]) -> list[dict[str, Any]]:
    """The operation's parameters as the spec declares them (its own over its path's)."""
    spec = api.spec
    item = spec["paths"][operation.path]
    raw = [*item.get("parameters", []), *item[operation.method.lower()].get("parameters", [])]
    declared = [resolved(spec, parameter) for parameter in raw]
    return list({(p["name"], p["in"]): p for p in declared}.values())


def valueless(api: Api, operation: Operation[Any]) -> set[str]:
    """The operation's required parameters for which neither the spec (an example or default) nor the
    environment (a client parameter) gives the probe a value; header and cookie ones always."""
    names = set()
    for parameter in spec_parameters(api, operation):
        schema = resolved(api.spec, parameter.get("schema", {}))
        valued = parameter["in"] in ("path", "query") and (
            any(word in source for source in (parameter, schema) for word in ("example", "default"))
            or parameter["name"] in api.client_parameters
        )
        if parameter.get("required") and not valued:
            names.add(parameter["name"])
    return names


def roots(api: Api, operations: dict[str, Operation[Any]] | None = None) -> list[str]:
    """The operations (by default the safe ones) the probe can call before any response: their required
    parameters all have a value from the spec or the environment."""
    candidates = safe_operations(api) if operations is None else operations
    return [op_id for op_id, operation in candidates.items() if not valueless(api, operation)]


def link_targets(api: Api, operation_ids: list[str]) -> set[str]:
    """The operations a link of these operations' responses leads to (by operationId or operationRef)."""
    operations = client_operations(api)
    ids = {(op.method.lower(), op.path): op_id for op_id, op in operations.items()}
    found = set()
    for op_id in operation_ids:
        operation = operations[op_id]
        raw = api.spec["paths"][operation.path][operation.method.lower()]
        for response in raw.get("responses", {}).values():
            for link in resolved(api.spec, response).get("links", {}).values():
                link = resolved(api.spec, link)
                if "operationId" in link:
                    found.add(link["operationId"])
                else:
                    *_, path, method = link["operationRef"].split("/")
                    found.add(ids.get((method, unescaped(path)), ""))
    return found


class FakeClock:
    """A clock that only moves when the probe sleeps."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def run(
    api: Api,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *argv: str,
    clock: FakeClock | None = None,
    environment: dict[str, str] | None = None,
) -> tuple[int, str, str, Recorder]:
    monkeypatch.setattr("sys.argv", ["probe"])
    for name, value in (environment or mock_environment(api)).items():
        monkeypatch.setenv(name, value)
    clock = clock or FakeClock()
    transport, recorder = mock_server(api, clock)
    code = main([api.name, *argv], transport=transport, clock=clock, sleep=clock.sleep)
    out, err = capsys.readouterr()
    return code, out, err, recorder


@pytest.mark.parametrize("api", APIS, ids=[api.name for api in APIS])
def test_no_drift_against_the_mock(api, monkeypatch, capsys):
    code, out, _, recorder = run(api, monkeypatch, capsys, "--json")
    report = json.loads(out)
    assert (code, report["drift"], report["failure"]) == (0, [], None)
    probed, not_probed = set(report["probed"]), report["not_probed"]
    assert probed | set(not_probed) == set(safe_operations(api))
    assert not probed & set(not_probed)
    for op_id, why in not_probed.items():
        # Left out only for want of a value the spec does not give (and no response gave).
        names = re.fullmatch(r"no value for (.+) \(documented, or from a probed response\)", why)
        assert names, f"{op_id}: {why}"
        assert set(names[1].split(", ")) <= valueless(api, safe_operations(api)[op_id]), f"{op_id}: {why}"
    assert link_targets(api, report["probed"]) & set(safe_operations(api)) <= probed, not_probed
    assert set(roots(api)) <= probed
    assert report["requests"] == len(recorder.requests)
    assert (report["requests"] > 0) == bool(roots(api))


@pytest.mark.parametrize("api", APIS, ids=[api.name for api in APIS])
def test_only_safe_methods_reach_the_server(api, monkeypatch, capsys):
    _, _, _, recorder = run(api, monkeypatch, capsys)
    assert bool(recorder.requests) == bool(roots(api))
    assert {method for method, _ in recorder.requests} <= SAFE_METHODS


def test_unsafe_operations_are_left_out():
    unsafe = set()
    for api in APIS:
        operations = client_operations(api).values()
        assert set(safe_operations(api)) == {
            op.operation_id for op in operations if op.method in SAFE_METHODS
        }
        unsafe |= {op.method for op in operations} - SAFE_METHODS
    assert unsafe, "no spec has an unsafe operation: this test proves nothing"


def unsafe_operations(api: Api) -> dict[str, Operation[Any]]:
    return {op_id: op for op_id, op in client_operations(api).items() if op.method not in SAFE_METHODS}


SENDABLE_UNSAFE = [api for api in APIS if roots(api, unsafe_operations(api))]
"""The APIs with an unsafe operation the probe would have the values to send."""


@pytest.mark.parametrize("api", SENDABLE_UNSAFE, ids=[api.name for api in SENDABLE_UNSAFE])
def test_an_unsafe_operation_is_never_sent(api, monkeypatch, capsys):
    unsafe = unsafe_operations(api)
    monkeypatch.setattr("probe.target.safe_operations", lambda _: {**safe_operations(api), **unsafe})
    with pytest.raises(AssertionError, match="is not a safe operation"):
        run(api, monkeypatch, capsys)


def test_some_api_has_a_sendable_unsafe_operation():
    assert SENDABLE_UNSAFE, (
        "no spec has an unsafe operation the probe could send: the test above proves nothing"
    )


@pytest.mark.parametrize("api", APIS, ids=[api.name for api in APIS])
def test_request_budget_is_a_hard_bound(api, monkeypatch, capsys):
    unbounded = run(api, monkeypatch, capsys)[3].requests
    code, out, _, recorder = run(api, monkeypatch, capsys, "--max-requests", "1")
    assert len(recorder.requests) == min(1, len(roots(api)))
    assert code == 0
    assert ("stopped early: request budget of 1 reached" in out) == (len(unbounded) > 1)


def test_rate_limit_spaces_requests(monkeypatch, capsys):
    for api in APIS:  # the first API the probe makes two requests of
        clock = FakeClock()
        recorder = run(api, monkeypatch, capsys, "--rate", "2", clock=clock)[3]
        if len(recorder.requests) >= 2:
            break
    else:
        pytest.fail("the probe makes at most one request of every API: this test proves nothing")
    stamps = recorder.times
    assert len(stamps) == len(recorder.requests) >= 2
    assert all(later - earlier >= 0.5 for earlier, later in itertools.pairwise(stamps))
    assert clock.now == pytest.approx(0.5 * (len(stamps) - 1))


def test_budget_waits_only_as_long_as_needed():
    clock = FakeClock()
    budget = Budget(max_requests=3, rate=4.0, clock=clock, sleep=clock.sleep)
    budget.take()
    clock.now += 1.0  # a slow response: the next slot is already due
    budget.take()
    budget.take()
    assert clock.now == pytest.approx(1.25)


def test_no_token_cannot_run(monkeypatch, capsys):
    api = APIS[0]
    environment = {name: value for name, value in mock_environment(api).items() if name != api.token_env}
    monkeypatch.delenv(api.token_env, raising=False)
    code, out, err, recorder = run(api, monkeypatch, capsys, environment=environment)
    assert (code, out, recorder.requests) == (2, "", [])
    assert len(err.strip().splitlines()) == 1
    assert api.token_env in err


def secured(operation: Operation[Any]) -> bool:
    """Every one of the operation's security requirements names a scheme (no anonymous call)."""
    return bool(operation.security) and all(operation.security)


def test_rejected_token_cannot_run(monkeypatch, capsys):
    # The probe's first call is to its first root: an API where that one needs the token.
    api = next(api for api in APIS if roots(api) and secured(safe_operations(api)[roots(api)[0]]))
    environment = {**mock_environment(api), api.token_env: "not-the-token"}
    code, out, err, recorder = run(api, monkeypatch, capsys, environment=environment)
    assert code == 2
    assert len(recorder.requests) == 1
    assert "token was rejected: 401" in err
    assert "not-the-token" not in out + err


def test_unreachable_cannot_run(monkeypatch, capsys):
    api = next(api for api in APIS if roots(api))
    for name, value in mock_environment(api).items():
        monkeypatch.setenv(name, value)

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    code = main([api.name], transport=httpx.MockTransport(refuse), sleep=lambda _: None)
    _out, err = capsys.readouterr()
    assert code == 2
    assert err.strip() == "probe could not run: cannot reach http://mock.test: connection refused"


def test_recorder_counts_every_request():
    transport, recorder = mock_server(APIS[0])
    with httpx.Client(transport=transport, base_url="http://mock.test") as client:
        client.get("/anything")
        client.post("/anything")
    assert [method for method, _ in recorder.requests] == ["GET", "POST"]
    assert isinstance(recorder, Recorder)


def test_first_calls_take_documented_path_values_only_where_no_link_leads():
    schema = schemathesis.openapi.from_path(FIXTURES / "catalog.yaml")
    operations = {
        op: schema.find_operation_by_id(op)
        for op in ("listDatasets", "getDataset", "listFields", "listRecords")
    }
    calls, waiting = first_calls(cast(Target, SimpleNamespace(scope={})), operations)
    assert calls == [
        Call("listDatasets", {}),
        Call("listFields", {"dataset": "citations", "version": "v1"}, {"q": "*:*"}),
    ]
    assert set(waiting) == {"getDataset", "listRecords"}


def test_an_item_operation_takes_the_id_of_an_item_its_collection_lists():
    schema = schemathesis.openapi.from_path(FIXTURES / "shelves.yaml")
    operations = {
        op: schema.find_operation_by_id(op) for op in ("listShelves", "getShelf", "listBooks", "getBook")
    }
    target = cast(Target, SimpleNamespace(scope={}))
    shelves = operations["listShelves"].Case()
    # The first item with an id, as text for a string path parameter.
    assert list(listed_calls(target, operations, shelves, {"data": [{"name": "x"}, {"id": 7}]})) == [
        Call("getShelf", {"shelfId": "7"})
    ]
    assert list(listed_calls(target, operations, shelves, {"data": []})) == []
    # The item's property named as the path parameter comes first.
    listed = {"data": [{"id": 7, "shelfId": "a"}]}
    assert list(listed_calls(target, operations, shelves, listed)) == [Call("getShelf", {"shelfId": "a"})]
    # An operation a link leads to waits for the link.
    books = operations["listBooks"].Case(path_parameters={"shelfId": "7"})
    assert list(listed_calls(target, operations, books, [{"book": 3}])) == []
