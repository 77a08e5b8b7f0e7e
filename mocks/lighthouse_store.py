"""In-memory state of the Lighthouse mock: seeded workspaces, with what is derived from them (the filtered and
sorted order of each list query, each page as shown) kept until the next reset, since the data never
changes between resets."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from mocks.memo import Memo

ADJECTIVES = ("Quarterly", "Weekly", "Global", "Retail", "Mobile", "Core", "Pilot", "Legacy", "Growth", "Ops")
NOUNS = ("Sales", "Marketing", "Finance", "Logistics", "Support", "Inventory", "Pricing", "Churn", "Ads")
ACCESS_SCOPES = ("public", "private")
EPOCH = datetime(2022, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class WorkspaceRecord:
    """A stored workspace; ``context_id`` is filterable but, as on the page, not part of the response."""

    id: int
    name: str
    description: str | None
    access_scope: str
    created_at: datetime
    workspace_group_id: str
    context_id: str
    count_views: int

    def matches(self, search: str) -> bool:
        """Case-insensitive substring match on name or description (``search`` already lower-cased)."""
        return search in self.name.lower() or search in (self.description or "").lower()


@dataclass(frozen=True)
class ListQuery:
    """The part of a list request that decides which workspaces come back, and in which order."""

    search: str
    context_id: str | None
    workspace_group_id: str | None
    sort_field: str
    sort_order: str


def seed_uuid(rng: random.Random) -> str:
    """A version-4 uuid drawn from ``rng``."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


class WorkspaceStore:
    """``size`` workspaces drawn from ``random.Random(seed)`` across a few groups and contexts; the same
    size and seed always give the same data. Names and creation times repeat on purpose, so that the
    tie-break by id is exercised."""

    def __init__(self, size: int, seed: int) -> None:
        self.size = size
        self.seed = seed
        self.by_id: dict[int, WorkspaceRecord] = {}
        self.groups: tuple[str, ...] = ()
        self.contexts: tuple[str, ...] = ()
        self._orders: dict[tuple[str, str], list[WorkspaceRecord]] = {}
        self.memo = Memo()
        self.shown: dict[tuple[str, int], Any] = {}
        """Workspaces as an operation shows them, kept by the mock until the next reset."""
        self.reset()

    def reset(self) -> None:
        """Regenerate the seeded data and drop every cached order."""
        rng = random.Random(self.seed)
        self.groups = tuple(seed_uuid(rng) for _ in range(6))
        self.contexts = tuple(seed_uuid(rng) for _ in range(4))
        minutes = max(self.size * 2, 1)
        self.by_id = {}
        for number in range(1, self.size + 1):
            name = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
            described = rng.random() < 0.8
            self.by_id[number] = WorkspaceRecord(
                id=number,
                name=name,
                description=f"{name} dashboards for team {rng.randrange(1, 40)}" if described else None,
                access_scope=rng.choice(ACCESS_SCOPES),
                created_at=EPOCH
                + timedelta(minutes=rng.randrange(minutes), milliseconds=rng.choice((0, 941))),
                workspace_group_id=rng.choice(self.groups),
                context_id=rng.choice(self.contexts),
                count_views=rng.randrange(0, 5),
            )
        self._orders.clear()
        self.memo.clear()
        self.shown.clear()

    def ordered(self, sort_field: str, sort_order: str) -> list[WorkspaceRecord]:
        """Every workspace sorted by ``sort_field`` then id, both ascending or both descending."""
        key = (sort_field, sort_order)
        if key not in self._orders:
            if sort_field == "name":
                rows = sorted(self.by_id.values(), key=lambda w: (w.name, w.id))
            else:
                rows = sorted(self.by_id.values(), key=lambda w: (w.created_at, w.id))
            self._orders[key] = rows[::-1] if sort_order == "DESC" else rows
        return self._orders[key]

    def select(self, query: ListQuery) -> list[WorkspaceRecord]:
        """The workspaces ``query`` selects, in its order (``kept``)."""
        rows: list[WorkspaceRecord] = self.kept(
            query,
            lambda: [
                w
                for w in self.ordered(query.sort_field, query.sort_order)
                if (not query.search or w.matches(query.search))
                and query.context_id in (None, w.context_id)
                and query.workspace_group_id in (None, w.workspace_group_id)
            ],
        )
        return rows

    def kept(self, key: Any, make: Callable[[], Any]) -> Any:
        """``make()``, kept under ``key`` until the next reset (``Memo``)."""
        return self.memo.kept(key, make)
