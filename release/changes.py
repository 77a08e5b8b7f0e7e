"""One difference between two versions of an API, as the gate and the changelog report it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Action = Literal["added", "changed", "removed"]
Direction = Literal["request", "response"]


def pointer(spec: str, parts: Iterable[str]) -> str:
    """``specs/x.yaml#/a/b~1c``: a JSON pointer (RFC 6901) into a spec file."""
    escaped = (part.replace("~", "~0").replace("/", "~1") for part in parts)
    return f"{spec}#" + "".join(f"/{part}" for part in escaped)


@dataclass(frozen=True, order=True)
class Change:
    """Where (a spec pointer or a Python path), what happened, why, and whether it breaks callers."""

    where: str
    action: Action
    detail: str
    breaking: bool

    def __str__(self) -> str:
        return f"{self.where}: {self.action} ({self.detail})"


def narrowing(direction: Direction, *, narrowed: bool, widened: bool) -> bool:
    """Whether a change that narrows and/or widens what a schema accepts breaks callers.

    A request that accepts less rejects what callers send; a response that may hold more gives callers
    values their code (and the generated models, which validate responses) does not expect.
    """
    return narrowed if direction == "request" else widened
