"""What the user's code sent: typed values, credentials redacted, and the requests off the spec."""

from __future__ import annotations

import httpx

from mocks.recording import REDACTED


def test_calls_hold_the_operation_values_and_body_without_credentials(lighthouse_mock, lighthouse_client):
    lighthouse_client.list_workspaces(page_size=5, sort_field="name")
    call = lighthouse_mock.calls[-1]
    assert call.operation == "listWorkspaces"
    assert call.query == {"page_size": 5, "sort_field": "name"}
    assert set(call.path_values) == {"org_id", "business_id"}
    assert call.headers["authorization"] == REDACTED
    assert lighthouse_mock.token not in repr(lighthouse_mock.calls)
    assert not lighthouse_mock.violations


def test_a_body_is_recorded_as_sent(pilfer_mock, pilfer_client):
    pilfer_client.create_space(name="Sent", priority="low")
    assert pilfer_mock.calls[-1].body == {"name": "Sent", "priority": "low"}


def test_requests_off_the_spec_are_violations_with_the_reason(pilfer_mock, pilfer_server):
    token = {"Authorization": f"Bearer {pilfer_mock.token}"}
    httpx.get(f"{pilfer_server}/api/v1/spaces", params={"limit": "many"}, headers=token)
    httpx.post(f"{pilfer_server}/api/v1/spaces", json={"name": 3}, headers=token)
    httpx.get(f"{pilfer_server}/api/v1/spaces")
    httpx.get(f"{pilfer_server}/api/v1/spaces/unknown-id", headers=token)  # valid: a 404 of the API
    assert [call.violation for call in pilfer_mock.violations] == [
        'limit: "many" is not of type "integer"',
        'name: 3 is not of type "string"',
        "Unauthorized",
    ]
    assert [call.status for call in pilfer_mock.calls] == [400, 400, 401, 404]
