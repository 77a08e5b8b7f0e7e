"""The README documents every Make target, and CI runs the README's commands."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def make_targets() -> list[str]:
    listing = subprocess.run(["make", "help"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return re.findall(r"^\s+make (\S+)", listing, flags=re.MULTILINE)


def test_every_make_target_is_in_the_readme():
    targets = make_targets()
    assert {"all", "test", "generate", "check-generated", "help"} <= set(targets)
    missing = [t for t in targets if t != "all" and f"`make {t}`" not in README]
    assert missing == []


def test_ci_runs_the_readme_commands():
    commands = [
        line.split("#")[0].strip() for line in README.split("```sh\n", 1)[1].split("```")[0].splitlines()
    ]
    assert commands == ["make", "make test"]
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert [line for line in ci_lines if line in commands] == commands  # in order, unconditional
