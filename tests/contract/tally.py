"""How many generated cases the contract suite sent, per API and kind, for the end-of-run summary."""

from __future__ import annotations

from collections import Counter

CASES: Counter[tuple[str, str]] = Counter()
ITEM_CALLS: Counter[tuple[str, bool]] = Counter()
"""Stateful calls of item operations (get, update, replace, delete by id): per API and 2xx or not."""


def item_shares() -> dict[str, tuple[int, int]]:
    """Per API, (item-operation calls that got a 2xx, all item-operation calls) of the stateful phase."""
    names = sorted({name for name, _ in ITEM_CALLS})
    return {
        name: (ITEM_CALLS[name, True], ITEM_CALLS[name, True] + ITEM_CALLS[name, False]) for name in names
    }


INDISTINGUISHABLE: Counter[tuple[str, str]] = Counter()
"""Negative cases no server can tell from a valid request, per API and why (``tests.contract.wire``): the
negative-data check is not applied to them."""
