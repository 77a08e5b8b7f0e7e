"""In-memory state of the Pilfer mock: spaces in insertion order, with a cached index per list filter."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from itertools import cycle, islice
from typing import Any

from tests.mocks.ids import convex_id

PERSONAL_SCOPE = ""
"""The organization id of spaces in the token owner's personal scope (``organizationId=`` empty)."""


@dataclass(frozen=True, slots=True)
class SpaceRecord:
    """A stored space; ``organization_id`` is PERSONAL_SCOPE for a personal space."""

    id: str
    name: str
    organization_id: str
    project_id: str | None = None
    status: str | None = None
    priority: str | None = None
    current_strength: int | None = None


@dataclass(frozen=True)
class Seed:
    """What ``SpaceStore.reset`` restores: ``count`` spaces spread over ``projects`` in ``organization_id``,
    plus ``extra`` fixed spaces (e.g. one outside the token's scope)."""

    count: int
    organization_id: str
    projects: tuple[str, ...]
    extra: tuple[SpaceRecord, ...] = ()


STATUSES = ("Draft", "Active", "Done")
PRIORITIES = ("urgent", "high", "medium", "low")


class SpaceStore:
    """Spaces by id in insertion order; ``list_ids`` slices a per-(scope, project) id list cached until
    the next change, so paging by offset does not rescan every space."""

    def __init__(self, seed: Seed) -> None:
        self.seed = seed
        self.spaces: dict[str, SpaceRecord] = {}
        self._index: dict[tuple[str, str | None], list[str]] = {}
        self._created = 0
        self.reset()

    def reset(self) -> None:
        """Back to the seeded state; ids are handed out again from the start, so runs repeat."""
        self.spaces = {space.id: space for space in self.seed.extra}
        self._index.clear()
        self._created = 0
        kinds = zip(cycle(self.seed.projects), cycle(STATUSES), cycle(PRIORITIES), strict=False)
        for number, (project, status, priority) in enumerate(islice(kinds, self.seed.count), start=1):
            self.create(
                SpaceRecord("", f"Space {number}", self.seed.organization_id, project, status, priority)
            )

    def create(self, space: SpaceRecord) -> SpaceRecord:
        """Store ``space`` under a fresh id and return it."""
        self._created += 1
        stored = replace(space, id=convex_id("spaces", self._created))
        self.spaces[stored.id] = stored
        self._index.clear()
        return stored

    def update(self, space_id: str, changes: Mapping[str, Any]) -> SpaceRecord:
        """Apply ``changes`` (SpaceRecord field names) to an existing space."""
        updated = replace(self.spaces[space_id], **changes)
        self.spaces[space_id] = updated
        self._index.clear()
        return updated

    def delete(self, space_id: str) -> None:
        """Forget the space."""
        del self.spaces[space_id]
        self._index.clear()

    def list_ids(
        self, organization_id: str, project_id: str | None, offset: int, limit: int | None
    ) -> list[str]:
        """Ids in ``organization_id`` (and ``project_id`` when given), in creation order, sliced."""
        key = (organization_id, project_id)
        ids = self._index.get(key)
        if ids is None:
            ids = [
                space.id
                for space in self.spaces.values()
                if space.organization_id == organization_id
                and (project_id is None or space.project_id == project_id)
            ]
            self._index[key] = ids
        return ids[offset : None if limit is None else offset + limit]
