"""``python -m release.changelog [--since REF]``: write each API's changes since a ref into CHANGELOG.md.

One section per API and version (``## pilfer 2.0.0``), with its added, changed and removed spec items; a
section already there for that API and version is replaced, so re-running never duplicates it. ``REF``
defaults to the newest tag, else the merge base of HEAD and ``main``.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from codegen.registry import ROOT
from release import git
from release.changes import Change
from release.compare import ApiDiff, compare

PREAMBLE = (
    "# Changelog\n\nEach API's spec and generated-package changes per version, written by `make changelog`.\n"
)
SECTION = re.compile(r"^## ", flags=re.MULTILINE)
ACTIONS = ("added", "changed", "removed")


def section(diff: ApiDiff, since: str) -> str:
    """The Markdown section of one API's changes."""
    lines = [f"## {diff.name} {diff.new_version or '(removed)'}", "", f"Since `{since}` ({diff.spec})."]
    for action in ACTIONS:
        items = [change for change in diff.changes if change.action == action]
        if items:
            lines += ["", f"### {action.capitalize()}", "", *map(item, items)]
    return "\n".join(lines) + "\n"


def item(change: Change) -> str:
    return f"- {'**breaking** ' if change.breaking else ''}`{change.where}`: {change.detail}"


def merge(text: str, sections: list[str]) -> str:
    """``text`` (a changelog, or empty) with each section replacing the one of the same heading, or on top."""
    preamble, *olds = SECTION.split(text) if text else (PREAMBLE,)
    kept = {old.split("\n", 1)[0]: f"## {old}" for old in olds}
    fresh = {new.split("\n", 1)[0][3:]: new for new in sections}
    ordered = [fresh[heading] for heading in fresh if heading not in kept]
    ordered += [fresh.get(heading, old) for heading, old in kept.items()]
    return "\n".join(part.rstrip("\n") + "\n" for part in [preamble, *ordered])


def run(root: Path, since: str | None, output: Path) -> str:
    """Write the changelog; a line saying what was written."""
    if since is None:
        since = git.previous_tag(root) or git.default_base(root)[0]
    with git.tree(root, since) as old:
        diffs = [diff for diff in compare(old, root) if diff.changes]
    text = output.read_text(encoding="utf-8") if output.exists() else ""
    output.write_text(merge(text, [section(diff, since) for diff in diffs]), encoding="utf-8")
    names = ", ".join(f"{diff.name} {diff.new_version}" for diff in diffs) or "no spec changes"
    return f"{output.name}: {names} since {since}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m release.changelog", description=__doc__.split("\n")[0])
    parser.add_argument("--since", help="git ref (default: newest tag, else merge base of HEAD and main)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout (default: this one)")
    args = parser.parse_args(argv)
    try:
        print(run(args.root, args.since, args.root / "CHANGELOG.md"))
    except git.GitError as error:
        print(error, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
