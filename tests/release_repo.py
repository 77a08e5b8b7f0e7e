"""A throwaway git repository holding copies of the project's specs, for the release tools' tests."""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from release import breaking

ROOT = Path(__file__).resolve().parent.parent
Spec = dict[str, Any]


class Repo:
    """``specs/`` (and optionally ``generated/`` projects) copied from this project and committed."""

    def __init__(
        self, path: Path, apis: tuple[str, ...] = ("pilfer",), projects: tuple[str, ...] = ()
    ) -> None:
        self.path = path
        (path / "specs").mkdir(parents=True)
        for name in apis:
            shutil.copy(ROOT / "specs" / f"{name}.yaml", path / "specs")
            self.bump(name, "1.0.0")  # the tests' expectations do not follow the real specs' versions
        for project in projects:
            shutil.copytree(ROOT / "generated" / project, path / "generated" / project)
        self.git("init", "--quiet", "--initial-branch", "work")
        self.commit()

    def git(self, *args: str) -> str:
        command = ["git", "-c", "user.name=test", "-c", "user.email=test@example.com", *args]
        return subprocess.run(command, cwd=self.path, capture_output=True, text=True, check=True).stdout

    def commit(self, message: str = "base") -> None:
        self.git("add", "--all")
        self.git("commit", "--quiet", "--allow-empty", "--message", message)

    def edit(self, name: str, change: Callable[[Spec], object]) -> None:
        """Apply ``change`` to the parsed ``specs/<name>.yaml`` in the working tree."""
        path = self.path / "specs" / f"{name}.yaml"
        spec = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        change(spec)
        path.write_text(yaml.dump(spec, Dumper=yaml.CSafeDumper, sort_keys=False), encoding="utf-8")

    def bump(self, name: str, version: str) -> None:
        self.edit(name, lambda spec: spec["info"].update(version=version))

    def run(self, main: Callable[[list[str]], int], *args: str) -> tuple[int, str]:
        """A release tool's entry point on this repository: its exit status and output."""
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = main(["--root", str(self.path), *args])
        return status, out.getvalue()

    def gate(self, *args: str) -> tuple[int, str]:
        """``make breaking`` on this repository."""
        return self.run(breaking.main, *args)
