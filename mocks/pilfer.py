"""Pilfer Spaces beyond what the engine infers from ``specs/pilfer.yaml``: the organization scope and
``include`` hydration, as the spec's "Assumption:" descriptions choose them.

One token, ``TOKEN``, acts in the organizations ``ORGANIZATIONS`` (default ``ORG_ID``) and in its
owner's personal scope (``organizationId`` empty); ``FOREIGN_ORG_ID`` and any other organization
answer 403. The scope is a query or body value, so it is checked after validation: 401, 400, 403, 404.
"""

from __future__ import annotations

from functools import cache
from itertools import cycle, islice
from typing import Any

from mocks.engine import Call, MockApp, MockError
from mocks.ids import convex_id
from mocks.registry import api
from mocks.store import MemoryStore, Record

API = api("pilfer")
TOKEN = API.mock.token
ORG_ID = convex_id("organizations", 1)
SECOND_ORG_ID = convex_id("organizations", 2)
FOREIGN_ORG_ID = convex_id("organizations", 99)
ORGANIZATIONS = {ORG_ID: "Acme Research", SECOND_ORG_ID: "Acme Labs"}
PROJECTS = {convex_id("projects", n): f"Project {n}" for n in (1, 2, 3)}
FOREIGN_SPACE_ID = convex_id("foreign-spaces", 1)
"""A space that always exists in FOREIGN_ORG_ID: reading it with TOKEN answers 403."""
PERSONAL_SCOPE = ""
"""The ``organizationId`` of spaces in the token owner's personal scope."""
SCOPE = "organizationId"
SPACES = ("/api/v1/spaces", ())
STATUSES = ("Draft", "Active", "Done")
PRIORITIES = ("urgent", "high", "medium", "low")
RELATIONS = ("project", "organization")


def scope_of(organization_id: str | None) -> str:
    """The organization a request acts in: omitted means ORG_ID, empty means personal; else 403."""
    if organization_id is None:
        return ORG_ID
    if organization_id == PERSONAL_SCOPE or organization_id in ORGANIZATIONS:
        return organization_id
    raise MockError(403)


@cache
def relations(include: str | None) -> frozenset[str]:
    """The relation names an ``include`` value asks for (already checked against the spec's pattern)."""
    if include is None:
        return frozenset()
    return frozenset(RELATIONS if include == "all" else include.split(","))


class SpaceStore(MemoryStore):
    """The engine's store seeded with ``count`` spaces in ORG_ID plus FOREIGN_SPACE_ID."""

    def __init__(self, count: int) -> None:
        self.count = count
        super().__init__(self.fill)

    def fill(self, store: MemoryStore) -> None:
        store.put(
            SPACES,
            FOREIGN_SPACE_ID,
            {"_id": FOREIGN_SPACE_ID, "name": "Someone else's space", SCOPE: FOREIGN_ORG_ID},
        )
        kinds = zip(cycle(PROJECTS), cycle(STATUSES), cycle(PRIORITIES), strict=False)
        for project, status, priority in islice(kinds, self.count):
            number = store.next_number(SPACES)
            space_id = convex_id("spaces", number)
            fields = {"name": f"Space {number}", SCOPE: ORG_ID, "projectId": project, "status": status}
            store.put(SPACES, space_id, {"_id": space_id, **fields, "priority": priority})

    @property
    def spaces(self) -> dict[str, Record]:
        """Every space by id, in creation order."""
        return self.items(SPACES)

    def delete(self, space_id: str) -> None:
        self.remove(SPACES, space_id)

    def list_ids(
        self, organization_id: str, project_id: str | None, offset: int, limit: int | None
    ) -> list[str]:
        """What ``listSpaces`` pages through: ids in one scope (and project), in creation order."""
        filters = ((SCOPE, organization_id),) + (
            (("projectId", project_id),) if project_id is not None else ()
        )
        ids = [space["_id"] for space in self.select(SPACES, filters)]
        return ids[offset : None if limit is None else offset + limit]


class PilferMock(MockApp):
    def check(self, call: Call) -> None:
        """Resolve the scope of a list (query) or a create (body): default, personal, or 403."""
        if call.operation.id == "listSpaces":
            call.query[SCOPE] = scope_of(call.query.get(SCOPE))
            call.given |= {SCOPE}
        elif call.operation.id == "createSpace":
            call.body[SCOPE] = scope_of(call.body.get(SCOPE))

    def find(self, call: Call) -> Any:
        """A space outside the token's organizations answers 403."""
        space = super().find(call)
        scope_of(space[SCOPE])
        return space

    def view(self, call: Call, record: Any) -> Any:
        """The space, with the relations ``include`` asks for hydrated as ``{_id, name}`` or null."""
        shown = super().view(call, record)
        wanted = relations(call.query.get("include"))
        if "project" in wanted:
            project = record.get("projectId")
            shown["project"] = (
                None if project is None else {"_id": project, "name": PROJECTS.get(project, project)}
            )
        if "organization" in wanted:
            org = record[SCOPE]
            shown["organization"] = (
                None if org == PERSONAL_SCOPE else {"_id": org, "name": ORGANIZATIONS[org]}
            )
        return shown


def create_app(spaces: int = 0) -> PilferMock:
    """The Pilfer mock, seeded with ``spaces`` spaces in ORG_ID (deterministic ids) plus FOREIGN_SPACE_ID."""
    return PilferMock(API, SpaceStore(spaces))
