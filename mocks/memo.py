"""A bounded memo of a store: values made once and kept until the store changes or resets."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

CACHED_QUERIES = 64
"""Most values a memo keeps; past it the least recently used goes."""


def frozen(value: Any) -> Hashable:
    """``value`` (dicts, lists and tuples of scalars, nested) as a hashable key; equal values give equal
    keys."""
    if isinstance(value, dict):
        return tuple((key, frozen(item)) for key, item in sorted(value.items()))
    if isinstance(value, list | tuple):
        return tuple(frozen(item) for item in value)
    hashable: Hashable = value
    return hashable


class Memo:
    """``make()`` kept under its key for the last CACHED_QUERIES keys used, until ``clear()``; a key
    holding lists or dicts is ``frozen`` first."""

    def __init__(self) -> None:
        self._kept: OrderedDict[Hashable, Any] = OrderedDict()

    def kept(self, key: Any, make: Callable[[], Any]) -> Any:
        try:
            hash(key)
        except TypeError:
            key = frozen(key)
        if key in self._kept:
            self._kept.move_to_end(key)
            return self._kept[key]
        value = self._kept[key] = make()
        if len(self._kept) > CACHED_QUERIES:
            self._kept.popitem(last=False)
        return value

    def clear(self) -> None:
        self._kept.clear()
