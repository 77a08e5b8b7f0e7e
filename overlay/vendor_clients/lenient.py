"""A response body off the spec kept as sent: what fits is validated, each value that does not is kept as
it came (``strict=False``, and unknown enum values in either mode)."""

from __future__ import annotations

import json
from functools import lru_cache
from types import NoneType, UnionType
from typing import Annotated, Any, Union, get_args, get_origin

import pydantic
from pydantic import MISSING, BaseModel, RootModel

Loc = tuple[str | int, ...]
ADAPTERS: dict[tuple[type[BaseModel], str], pydantic.TypeAdapter[Any]] = {}
"""Each model field's validator, for the values of a salvaged model that fit."""
adapter = lru_cache(maxsize=256)(pydantic.TypeAdapter)
"""The validator of a list's or a dict's items."""


def path_of(loc: Loc) -> str:
    """A field path as pydantic locates it, written ``data.workspaces[3].created_at``."""
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc).lstrip(".")


def open_enums_only(exc: pydantic.ValidationError) -> bool:
    """Whether every error of ``exc`` is a string off an enum (kept in strict mode too)."""
    return all(error["type"] == "enum" and isinstance(error["input"], str) for error in exc.errors())


def salvaged(model: type[Any], content: bytes, exc: pydantic.ValidationError) -> tuple[Any, dict[str, str]]:
    """The ``model`` of a JSON body that failed ``exc``: its values that fit validated, the others as sent;
    and each kept value's field path with its problem. ValueError when the body itself does not fit."""
    errors = [(tuple(e["loc"]), e["msg"]) for e in exc.errors(include_url=False, include_input=False)]
    if not isinstance(model, type) or not issubclass(model, BaseModel) or any(not loc for loc, _ in errors):
        raise ValueError("the body does not fit")
    salvage = _Salvage(errors)
    return salvage.model(model, json.loads(content), ()), salvage.kept


class _Salvage:
    def __init__(self, errors: list[tuple[Loc, str]]) -> None:
        self.errors = errors
        self.kept: dict[str, str] = {}

    def _problems(self, loc: Loc) -> list[str]:
        return [message for at, message in self.errors if at[: len(loc)] == loc]

    def model(self, model: type[BaseModel], data: Any, loc: Loc) -> Any:
        if issubclass(model, RootModel):
            return model.model_construct(self.value(model, "root", data, loc))
        if not isinstance(data, dict):
            return self.keep(data, loc)
        values = {}
        for name, info in model.model_fields.items():
            key = info.alias if info.alias is not None and info.alias in data else name
            if key in data:
                values[name] = self.value(model, name, data[key], (*loc, key))
        known = {info.alias or name for name, info in model.model_fields.items()} | set(model.model_fields)
        extra = {key: value for key, value in data.items() if key not in known}
        return model.model_construct(**values, **extra)

    def value(self, model: type[BaseModel], name: str, data: Any, loc: Loc) -> Any:
        if not self._problems(loc):
            adapter = ADAPTERS.get((model, name))
            if adapter is None:
                info = model.model_fields[name]
                kind: Any = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
                adapter = ADAPTERS.setdefault((model, name), pydantic.TypeAdapter(kind))
            return adapter.validate_json(json.dumps(data), strict=True)
        return self.typed(model.model_fields[name].annotation, data, loc)

    def typed(self, kind: Any, data: Any, loc: Loc) -> Any:
        """``data`` of the type ``kind`` with problems at or under ``loc``."""
        origin, args = get_origin(kind), get_args(kind)
        if origin is Annotated:
            return self.typed(args[0], data, loc)
        if origin in (Union, UnionType):
            kinds = [arg for arg in args if arg is not NoneType and arg is not MISSING]
            return self.typed(kinds[0], data, loc) if len(kinds) == 1 else self.keep(data, loc)
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            return self.model(kind, data, loc)
        if origin is list and isinstance(data, list):
            return [self.item(args[0], item, (*loc, index)) for index, item in enumerate(data)]
        if origin is dict and isinstance(data, dict):
            return {key: self.item(args[1], item, (*loc, key)) for key, item in data.items()}
        return self.keep(data, loc)

    def item(self, kind: Any, data: Any, loc: Loc) -> Any:
        if not self._problems(loc):
            return adapter(kind).validate_json(json.dumps(data), strict=True)
        return self.typed(kind, data, loc)

    def keep(self, data: Any, loc: Loc) -> Any:
        self.kept[path_of(loc)] = self._problems(loc)[0]
        return data
