"""The probe against the mocks: no drift for any API, only safe methods, within its bounds."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import httpx
import pytest
import schemathesis

from codegen.registry import Api, apis
from probe.__main__ import main
from probe.budget import Budget
from probe.links import Call, first_calls
from probe.target import SAFE_METHODS, Target, client_operations, safe_operations
from tests.probe_servers import Recorder, mock_environment, mock_server

APIS = apis()
FIXTURES = Path(__file__).parent / "fixtures" / "probe"


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
    assert set(report["probed"]) == set(safe_operations(api)), report["not_probed"]
    assert report["requests"] == len(recorder.requests) > 0


@pytest.mark.parametrize("api", APIS, ids=[api.name for api in APIS])
def test_only_safe_methods_reach_the_server(api, monkeypatch, capsys):
    _, _, _, recorder = run(api, monkeypatch, capsys)
    assert recorder.requests
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


def test_an_unsafe_operation_is_never_sent(monkeypatch, capsys):
    api = next(api for api in APIS if set(safe_operations(api)) != set(client_operations(api)))
    unsafe = {op.operation_id: op for op in client_operations(api).values() if op.method not in SAFE_METHODS}
    monkeypatch.setattr("probe.target.safe_operations", lambda _: {**safe_operations(api), **unsafe})
    with pytest.raises(AssertionError, match="is not a safe operation"):
        run(api, monkeypatch, capsys)


@pytest.mark.parametrize("api", APIS, ids=[api.name for api in APIS])
def test_request_budget_is_a_hard_bound(api, monkeypatch, capsys):
    code, out, _, recorder = run(api, monkeypatch, capsys, "--max-requests", "1")
    assert len(recorder.requests) == 1
    assert code == 0
    assert "stopped early: request budget of 1 reached" in out


def test_rate_limit_spaces_requests(monkeypatch, capsys):
    clock = FakeClock()
    _, _, _, recorder = run(APIS[0], monkeypatch, capsys, "--rate", "2", clock=clock)
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


def test_rejected_token_cannot_run(monkeypatch, capsys):
    api = APIS[0]
    environment = {**mock_environment(api), api.token_env: "not-the-token"}
    code, out, err, recorder = run(api, monkeypatch, capsys, environment=environment)
    assert code == 2
    assert len(recorder.requests) == 1
    assert "token was rejected: 401" in err
    assert "not-the-token" not in out + err


def test_unreachable_cannot_run(monkeypatch, capsys):
    api = APIS[0]
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
