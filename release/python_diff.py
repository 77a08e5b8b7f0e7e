"""Compare the public Python API of a generated package between two trees, with griffe.

Both trees hold committed generated code (nothing is generated here); griffe reads the sources statically
and never imports them.
"""

from __future__ import annotations

import logging
from pathlib import Path

import griffe

from release.changes import Action, Change

REMOVALS = {griffe.BreakageKind.OBJECT_REMOVED, griffe.BreakageKind.PARAMETER_REMOVED}
logging.getLogger("griffe").setLevel(logging.ERROR)  # unresolved annotations are not our concern


def describe(breakage: griffe.Breakage) -> Change:
    """A griffe breakage as a change at the Python path, e.g. ``pilfer_models.Space.name``."""
    where = breakage.obj.path
    if isinstance(breakage.old_value, griffe.Parameter):
        where = f"{where}({breakage.old_value.name})"
    elif isinstance(breakage.new_value, griffe.Parameter):
        where = f"{where}({breakage.new_value.name})"
    action: Action = "removed" if breakage.kind in REMOVALS else "changed"
    return Change(where, action, f"Python: {breakage.kind.value.lower()}", breaking=True)


def diff(package: str, old: Path, new: Path) -> list[Change]:
    """Breaking changes of ``package`` from project folder ``old`` to ``new`` (none if either is missing)."""
    if not (old / package).is_dir() or not (new / package).is_dir():
        return []
    loaded = [griffe.load(package, search_paths=[root], allow_inspection=False) for root in (old, new)]
    return sorted({describe(breakage) for breakage in griffe.find_breaking_changes(*loaded)})
