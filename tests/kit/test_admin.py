"""The admin routes: off by default, fault injection and the record of requests over HTTP."""

from __future__ import annotations

import httpx

from mocks import create_app
from mocks.server import serving_in_thread


def test_the_admin_routes_are_off_by_default(pilfer_server):
    assert httpx.get(f"{pilfer_server}/__mock__/calls").status_code == 404


def test_faults_and_calls_over_http():
    app = create_app("pilfer")
    app.admin = True
    with serving_in_thread(app) as url:
        token = {"Authorization": f"Bearer {app.api.mock.token}"}
        fault = {"operation": "listSpaces", "status": 503, "times": 1, "headers": {"Retry-After": "1"}}
        assert httpx.post(f"{url}/__mock__/faults", json=fault).status_code == 201
        failed = httpx.get(f"{url}/api/v1/spaces", headers=token)
        assert (failed.status_code, failed.headers["retry-after"]) == (503, "1")
        assert httpx.get(f"{url}/api/v1/spaces", headers=token).status_code == 200
        calls = httpx.get(f"{url}/__mock__/calls").json()
        assert [(call["operation"], call["status"]) for call in calls] == [
            ("listSpaces", 503),
            ("listSpaces", 200),
        ]
        refused = httpx.post(
            f"{url}/__mock__/faults", json={"operation": "getSpace", "status": 200, "body": {}}
        )
        assert refused.status_code == 400
        assert '"data" is a required property' in refused.json()["message"]
        headers = {"operation": "getSpace", "status": 503, "headers": ["Retry-After"]}
        refused = httpx.post(f"{url}/__mock__/faults", json=headers)
        assert (refused.status_code, refused.json()["message"]) == (
            400,
            "headers must be an object of header names to values",
        )
        assert httpx.delete(f"{url}/__mock__").status_code == 204
        assert httpx.get(f"{url}/__mock__/calls").json() == []
        too_large = httpx.post(f"{url}/__mock__/faults", content=b"x" * (65 * 1024))
        assert too_large.status_code == 413
