"""Clients from arguments or the environment; timeouts; TLS; a user's own transport."""

from __future__ import annotations

import ssl
from typing import Any

import httpx
import pytest
from lighthouse_client import LighthouseClient
from pilfer_client import PilferClient
from vendor_clients import ConfigurationError, RetryPolicy

from .fakes import TOKEN, Handler, lighthouse, pilfer, space, workspace, workspace_page

ENV = {
    "PILFER_API_KEY": "pilfer-key",
    "PILFER_BASE_URL": "http://pilfer.test",
    "PIERCLOUD_TOKEN": "pier-token",
    "PIERCLOUD_BASE_URL": "http://pier.test",
    "PIERCLOUD_ORG_ID": "org-9",
    "PIERCLOUD_BUSINESS_ID": "biz-9",
}


def recorder(body: dict[str, Any]) -> tuple[list[httpx.Request], Handler]:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(503 if len(seen) == 1 else 200, json=body)

    return seen, handle


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    return monkeypatch


@pytest.mark.parametrize("variable", ["PIERCLOUD_ORG_ID", "PIERCLOUD_BUSINESS_ID"])
def test_a_missing_lighthouse_setting_names_its_variable(env: pytest.MonkeyPatch, variable: str) -> None:
    env.delenv(variable)
    with pytest.raises(ConfigurationError, match=variable):
        LighthouseClient()


def test_a_missing_or_empty_token_names_its_variable_at_the_call_before_sending(
    env: pytest.MonkeyPatch,
) -> None:
    env.setenv("PILFER_API_KEY", "")
    env.delenv("PIERCLOUD_TOKEN")
    seen, handler = recorder({"data": []})
    pilfer_client = PilferClient(transport=httpx.MockTransport(handler))
    lighthouse_client = LighthouseClient(transport=httpx.MockTransport(handler))
    with pytest.raises(ConfigurationError, match="PILFER_API_KEY"):
        pilfer_client.list_spaces()
    with pytest.raises(ConfigurationError, match="PIERCLOUD_TOKEN"):
        lighthouse_client.get_workspace(1)
    assert seen == []


def test_settings_come_from_the_environment(env: pytest.MonkeyPatch) -> None:
    seen, handler = recorder(workspace_page([workspace(1)], 1))
    with LighthouseClient(transport=httpx.MockTransport(handler)) as client:
        client.list_workspaces()
    assert str(seen[-1].url) == "http://pier.test/lighthouse/orgs/org-9/businesses/biz-9/workspaces"
    assert seen[-1].headers["Authorization"] == "Bearer pier-token"


def test_arguments_win_over_the_environment(env: pytest.MonkeyPatch) -> None:
    seen, handler = recorder({"data": space(1)})
    with PilferClient(
        "arg-key", base_url="http://other.test", transport=httpx.MockTransport(handler)
    ) as client:
        client.get_space("sp 1/2")
    assert str(seen[-1].url) == "http://other.test/api/v1/spaces/sp%201%2F2"
    assert seen[-1].headers["Authorization"] == "Bearer arg-key"


def test_the_vendor_base_urls_are_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PILFER_BASE_URL", raising=False)
    monkeypatch.delenv("PIERCLOUD_BASE_URL", raising=False)
    assert PilferClient("k").base_url == "https://api.getpilfer.com"
    assert LighthouseClient("k", org_id="o", business_id="b").base_url == "https://api.piercloud.io"


def test_tls_verification_is_on_by_default() -> None:
    client = PilferClient("k")
    context: ssl.SSLContext = client._http._transport._inner._pool._ssl_context  # type: ignore[attr-defined]
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname


def test_a_users_transport_keeps_auth_and_retries() -> None:
    seen, handler = recorder(workspace_page([workspace(1)], 1))
    with lighthouse(handler) as client:
        assert client.list_workspaces().meta.total == 1
    assert [request.headers["Authorization"] for request in seen] == [f"Bearer {TOKEN}"] * 2


def timeouts_sent(client: PilferClient, **call: Any) -> dict[str, float | None]:
    with client:
        client.list_spaces(**call)
    return client.last_timeout  # type: ignore[attr-defined,no-any-return]


def timeout_client(**options: Any) -> PilferClient:
    def handle(request: httpx.Request) -> httpx.Response:
        client.last_timeout = request.extensions["timeout"]  # type: ignore[attr-defined]
        return httpx.Response(200, json={"data": []})

    client = pilfer(handle, **options)
    return client


def test_the_default_timeout_is_finite_for_connect_and_read() -> None:
    sent = timeouts_sent(timeout_client())
    assert (sent["connect"], sent["read"]) == (5.0, 30.0)


def test_the_timeout_can_be_set_per_client_and_per_call() -> None:
    assert timeouts_sent(timeout_client(timeout=2.0))["read"] == 2.0
    per_call = timeouts_sent(timeout_client(timeout=2.0), timeout=httpx.Timeout(1.0, connect=0.5))
    assert (per_call["connect"], per_call["read"]) == (0.5, 1.0)


@pytest.mark.parametrize(
    ("build", "arguments", "named"),
    [
        (PilferClient, {"timeout": "5"}, "timeout"),  # failed only at the first call
        (PilferClient, {"timeout": -1.0}, "timeout"),
        (PilferClient, {"base_url": "api.getpilfer.com"}, "base_url"),
        (PilferClient, {"transport": httpx.AsyncHTTPTransport()}, "transport"),
        (PilferClient, {"retry": 3}, "retry"),
        (PilferClient, {"retries": 3}, "retries"),
        (PilferClient, {"token": 123}, "token"),
        (
            LighthouseClient,
            {"org_id": "..", "business_id": "b"},
            "org_id",
        ),  # requested /lighthouse/workspaces
        (LighthouseClient, {"org_id": "o", "business_id": "."}, "business_id"),
        (RetryPolicy, {"attempts": 0}, "attempts"),
        (RetryPolicy, {"attempts": True}, "attempts"),
        (RetryPolicy, {"backoff": -1}, "backoff"),
    ],
)
def test_bad_settings_fail_at_once_naming_the_setting(
    build: Any, arguments: dict[str, Any], named: str
) -> None:
    if build is not RetryPolicy:
        arguments = {"token": TOKEN, **arguments}
    with pytest.raises(ConfigurationError, match=named):
        build(**arguments)


def test_the_clients_are_importable_from_vendor_clients_too() -> None:
    import vendor_clients

    assert vendor_clients.PilferClient is PilferClient
    assert vendor_clients.AsyncLighthouseClient.__module__ == "lighthouse_client.api"
    with pytest.raises(AttributeError):
        vendor_clients.NoSuchApiClient  # noqa: B018
