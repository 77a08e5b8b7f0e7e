"""Compare every API of two trees (a ref's files and the working tree): its spec and its Python packages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from codegen.registry import Api, apis
from release import python_diff, spec_diff
from release.changes import Change


def registry(root: Path) -> dict[str, Api]:
    """The APIs of a tree, by name (its own specs and registry table)."""
    return {api.name: api for api in apis(root / "specs", root / "pyproject.toml")}


def read(api: Api | None) -> dict[str, Any]:
    """The parsed spec (read afresh: a tree's files change between runs), or ``{}`` for no API."""
    if api is None:
        return {}
    spec: dict[str, Any] = yaml.load(api.spec_path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return spec


def version(spec: dict[str, Any]) -> str | None:
    """A spec's ``info.version`` (None for ``{}``, the spec of an API that does not exist)."""
    found = spec.get("info", {}).get("version")
    return None if found is None else str(found)


def major(version: str | None) -> int | None:
    found = re.match(r"\d+", version or "")
    return int(found[0]) if found else None


@dataclass
class ApiDiff:
    """What changed in one API between two trees."""

    name: str
    spec: str
    """The spec's path in the tree, e.g. ``specs/pilfer.yaml``."""
    old_version: str | None
    """``info.version`` before; None for a new API."""
    new_version: str | None
    """``info.version`` after; None for a removed API."""
    changes: list[Change]

    @property
    def breaking(self) -> list[Change]:
        return [change for change in self.changes if change.breaking]

    def verdict(self) -> str | None:
        """Why this API fails the gate, in one line, or None when it passes."""
        count = len(self.breaking)
        if not count:
            return None
        if self.new_version is None:
            return f"{self.spec} was removed: breaking for every caller of its packages"
        old, new = major(self.old_version), major(self.new_version)
        if old is not None and new is not None and new > old:
            return None
        return (
            f"{self.spec} has {count} breaking change{'s' * (count > 1)} but info.version "
            f"{self.old_version} -> {self.new_version} does not raise the major version"
            + (f" (make it {old + 1}.0.0)" if old is not None else "")
        )


def compare(old_root: Path, new_root: Path, *, python: bool = True) -> list[ApiDiff]:
    """Every API of either tree; ``python`` adds griffe's comparison of the generated packages."""
    olds, news = registry(old_root), registry(new_root)
    found = []
    for name in sorted(olds.keys() | news.keys()):
        old, new = olds.get(name), news.get(name)
        spec = f"specs/{name}.yaml"
        old_spec, new_spec = read(old), read(new)
        if new is None:
            changes = [Change(spec, "removed", "the API and its packages", breaking=True)]
        else:
            changes = spec_diff.diff(spec, old_spec, new_spec)
        if python and old is not None and new is not None:
            for project, package in (
                (new.client_project, new.client_package),
                (new.models_project, new.models_package),
            ):
                changes += python_diff.diff(
                    package, old_root / "generated" / project, new_root / "generated" / project
                )
        found.append(ApiDiff(name, spec, version(old_spec), version(new_spec), changes))
    return found
