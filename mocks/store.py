"""The engine's state: the items of every collection, in creation order, in memory."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from mocks.memo import Memo

CollectionKey = tuple[str, tuple[Any, ...]]
"""A collection path template and the values of its path parameters (``/orgs/{org}/users``, ``("o1",)``)."""
Record = dict[str, Any]
Filters = tuple[tuple[str, Any], ...]


class MemoryStore:
    """Items by collection and id; ``reset()`` goes back to what ``seed`` puts in. What is made of the
    items (the rows a list query selects, a page as shown) is ``kept`` until the next write, so paging
    through a collection does not rescan it."""

    def __init__(self, seed: Callable[[MemoryStore], None] | None = None) -> None:
        self._seed = seed
        self.collections: dict[CollectionKey, dict[Any, Record]] = {}
        self.created: Counter[CollectionKey] = Counter()
        self.memo = Memo()
        self.reset()

    def reset(self) -> None:
        """Back to the seeded state; ids are handed out again from the start, so runs repeat."""
        self.collections = {}
        self.created.clear()
        self.memo.clear()
        if self._seed is not None:
            self._seed(self)

    def items(self, key: CollectionKey) -> dict[Any, Record]:
        """The items of a collection by id, in creation order (an unknown collection is empty)."""
        return self.collections.setdefault(key, {})

    def next_number(self, key: CollectionKey) -> int:
        """1, 2, 3... per collection: how many items it has been given, this one included."""
        self.created[key] += 1
        return self.created[key]

    def put(self, key: CollectionKey, item_id: Any, record: Record) -> Record:
        """Store ``record`` under ``item_id`` (a new id goes last, an existing one keeps its place)."""
        self.items(key)[item_id] = record
        self.memo.clear()
        return record

    def remove(self, key: CollectionKey, item_id: Any) -> None:
        """Forget an item."""
        del self.items(key)[item_id]
        self.memo.clear()

    def kept(self, key: Any, make: Callable[[], Any]) -> Any:
        """``make()``, kept under ``key`` until the next write or reset (``Memo``)."""
        return self.memo.kept(key, make)

    def select(self, key: CollectionKey, filters: Filters) -> list[Record]:
        """The items whose properties equal every ``(name, value)`` of ``filters``, in creation order."""
        rows: list[Record] = self.kept(
            (key, filters),
            lambda: [r for r in self.items(key).values() if all(r.get(n) == v for n, v in filters)],
        )
        return rows
