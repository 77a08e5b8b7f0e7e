"""PierCloud Lighthouse Workspaces beyond what the engine infers from ``specs/lighthouse.yaml``:
seeded workspaces, ``page_size`` clamped at 100, search, filters, sort with its tie-break, and the
views of a workspace. The org/business scope (403), the error bodies and everything else is the engine's.

``TOKEN`` may act for exactly one org/business pair, ``ORG_ID``/``BUSINESS_ID``; any other pair
(``FOREIGN_ORG_ID`` for instance) answers 403. Order of checks: 401, 403, 400, 404.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from mocks.engine import Call, MockApp, MockError
from mocks.lighthouse_store import ListQuery, WorkspaceRecord, WorkspaceStore
from mocks.registry import api

API = api("lighthouse")
TOKEN = API.mock.token
ORG_ID = API.mock.scope["org_id"]
BUSINESS_ID = API.mock.scope["business_id"]
FOREIGN_ORG_ID = "45c48cce-2e2d-4fbd-9a7c-1e2f3a4b5c03"
MAX_PAGE_SIZE = 100
FIELDS = ("id", "name", "description", "access_scope", "workspace_group_id", "count_views")


def timestamp(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def views(workspace: WorkspaceRecord) -> list[dict[str, Any]]:
    """The views of a workspace (derived from it, so seeding stays cheap)."""
    return [
        {
            "id": workspace.id * 10 + number,
            "name": f"View {number}",
            "description": f"View {number} of {workspace.name}" if number % 2 else None,
            "created_at": timestamp(workspace.created_at + timedelta(days=number)),
            "workspace_id": workspace.id,
        }
        for number in range(1, workspace.count_views + 1)
    ]


class LighthouseMock(MockApp):
    def check(self, call: Call) -> None:
        """Page sizes above 100 are valid and read as 100 (``meta.pageSize`` shows it)."""
        if "page_size" in call.query:
            call.query["page_size"] = min(call.query["page_size"], MAX_PAGE_SIZE)

    def select(self, call: Call) -> list[WorkspaceRecord]:
        query = call.query
        rows: list[WorkspaceRecord] = self.store.select(
            ListQuery(
                search=query.get("search", "").lower(),
                context_id=query.get("context_id"),
                workspace_group_id=query.get("workspace_group_id"),
                sort_field=query["sort_field"],
                sort_order=query["sort_order"],
            )
        )
        return rows

    def find(self, call: Call) -> WorkspaceRecord:
        workspace: WorkspaceRecord | None = self.store.by_id.get(call.path["id"])
        if workspace is None:
            raise MockError(404)
        return workspace

    def view(self, call: Call, record: Any) -> Any:
        """The workspace as JSON, with its views on ``getWorkspace``; kept per operation until reset
        (workspaces never change)."""
        key = (call.operation.id, record.id)
        shown = self.store.shown.get(key)
        if shown is None:
            fields = {name: getattr(record, name) for name in FIELDS}
            fields["created_at"] = timestamp(record.created_at)
            if call.operation.action == "read":
                fields["views"] = views(record)
            shown = self.store.shown[key] = super().view(call, fields)
        return shown

    def finish(self, call: Call, body: Any) -> Any:
        body["meta"]["sortBy"] = {"field": call.query["sort_field"], "order": call.query["sort_order"]}
        return body


def create_app(size: int = 250, seed: int = 0) -> LighthouseMock:
    """The Lighthouse mock with ``size`` workspaces in ORG_ID/BUSINESS_ID, drawn from ``seed``."""
    return LighthouseMock(API, WorkspaceStore(size, seed))
