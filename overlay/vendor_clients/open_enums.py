"""Response enums are typed open, ``Literal["a", "b"] | str`` (codegen/open_enums.py): a value off the
documented ones is kept, and named here so that it is logged once as a WARNING. A response type without
an open enum is never walked."""

from __future__ import annotations

from collections.abc import Callable
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, RootModel

from .lenient import Loc, path_of

Check = Callable[[Any, Loc, dict[str, str]], None]
"""Adds to its dict the field path and problem of each unknown value in a value of one type (called with
the value, its location, ``()`` for a whole body, and the dict)."""
PLANS: dict[Any, Check | None] = {}
"""Each response type's check; None for a type without open enums."""


def documented(kind: Any) -> tuple[str, ...] | None:
    """The documented values of an open enum type (a union of string literals and ``str``), else None."""
    if get_origin(kind) not in (Union, UnionType) or str not in get_args(kind):
        return None
    literals = [arg for arg in get_args(kind) if get_origin(arg) is Literal]
    values = tuple(value for arg in literals for value in get_args(arg))
    return values if values and all(isinstance(value, str) for value in values) else None


def opens(kind: Any, seen: set[type[BaseModel]]) -> bool:
    """Whether an open enum lies under ``kind`` (each model of ``seen`` is looked at already)."""
    if documented(kind) is not None:
        return True
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        if kind in seen:
            return False
        seen.add(kind)
        return any(opens(info.annotation, seen) for info in kind.model_fields.values())
    return any(opens(arg, seen) for arg in get_args(kind))


def plan(kind: Any) -> Check | None:
    """The check of ``kind``, built once; None when no open enum lies under it."""
    try:
        return PLANS[kind]
    except KeyError:
        PLANS[kind] = None
        if opens(kind, set()):  # while it is built, a recursive model checks itself through PLANS
            PLANS[kind] = lambda value, loc, found: later(kind, value, loc, found)
            PLANS[kind] = build(kind)
        return PLANS[kind]
    except TypeError:  # an unhashable type (Annotated metadata): not remembered
        return build(kind) if opens(kind, set()) else None


def later(kind: Any, value: Any, loc: Loc, found: dict[str, str]) -> None:
    """A recursive model's own check, looked up when it runs."""
    check = PLANS.get(kind)
    if check is not None:
        check(value, loc, found)


def build(kind: Any) -> Check | None:
    """The check of a type under which an open enum lies."""
    origin, args = get_origin(kind), get_args(kind)
    values = documented(kind)
    if values is not None:
        return open_check(values)
    if origin is Annotated:
        return plan(args[0])
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return model_check(kind)
    checks = [check for check in map(plan, args[1:] if origin is dict else args) if check is not None]
    if origin in (list, tuple, set, frozenset, dict):
        return items_check(checks[0])
    return union_check(checks)


def union_check(checks: list[Check]) -> Check:
    def check(value: Any, loc: Loc, found: dict[str, str]) -> None:
        for member in checks:  # each looks only at values of its own type
            member(value, loc, found)

    return check


def open_check(values: tuple[str, ...]) -> Check:
    known = frozenset(values)
    listed = ", ".join(repr(value) for value in values)

    def check(value: Any, loc: Loc, found: dict[str, str]) -> None:
        if isinstance(value, str) and value not in known:
            found[path_of(loc) or "<body>"] = f"{value!r} is none of {listed}"

    return check


def items_check(items: Check) -> Check:
    def check(value: Any, loc: Loc, found: dict[str, str]) -> None:
        pairs = (
            value.items()
            if isinstance(value, dict)
            else enumerate(value)
            if isinstance(value, list | tuple | set | frozenset)
            else ()
        )
        for key, item in pairs:
            items(item, (*loc, key), found)

    return check


def model_check(model: type[BaseModel]) -> Check:
    root = issubclass(model, RootModel)
    fields = [
        (name, () if root else (info.alias or name,), check)
        for name, info in model.model_fields.items()
        if (check := plan(info.annotation)) is not None
    ]

    def walk(value: Any, loc: Loc, found: dict[str, str]) -> None:
        if isinstance(value, model):
            for name, at, field in fields:
                field(getattr(value, name, None), (*loc, *at), found)

    return walk
