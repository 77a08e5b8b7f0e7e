"""``python -m release.breaking [--base REF]``: the breaking-change gate between spec versions.

Compares every spec and its generated packages' public Python API at ``REF`` (default: the merge base of
HEAD and ``main``) with the working tree, lists each change with its spec pointer or Python path, and exits
1 when an API has a breaking change without a raised major ``info.version``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from codegen.registry import ROOT
from release import git
from release.compare import ApiDiff, compare


def report(diff: ApiDiff) -> list[str]:
    """The API's heading line and one line per change, breaking ones first."""
    breaking = len(diff.breaking)
    heading = (
        f"{diff.name} {diff.old_version or '(new)'} -> {diff.new_version or '(removed)'}: "
        f"{breaking} breaking, {len(diff.changes) - breaking} additive"
    )
    ordered = sorted(diff.changes, key=lambda change: not change.breaking)
    return [heading] + [f"  {'breaking' if c.breaking else 'additive'}  {c}" for c in ordered]


def run(root: Path, base: str | None) -> int:
    """Print the comparison of ``base`` with the working tree of ``root``; the exit status."""
    if not git.has_commits(root):
        print(f"{root} is not a git checkout with commits: nothing to compare with")
        return 0
    note = f"--base {base}"
    if base is None:
        base, note = git.default_base(root)
    if not git.changed(root, base):
        print(f"no change to specs/ or generated/ since {base} ({note})")
        return 0
    print(f"comparing specs/ and generated/ at {base} ({note}) with the working tree")
    with git.tree(root, base) as old:
        diffs = compare(old, root)
    failures = [line for line in map(ApiDiff.verdict, diffs) if line]
    changed = [diff for diff in diffs if diff.changes]
    for diff in changed:
        print("\n".join(report(diff)))
    if not changed:
        print("no API changes (descriptions, examples and x- extensions are not compared)")
    for line in failures:
        print(f"breaking-change gate failed: {line}")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m release.breaking", description=__doc__.split("\n")[0])
    parser.add_argument("--base", help="git ref to compare with (default: merge base of HEAD and main)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout (default: this one)")
    args = parser.parse_args(argv)
    try:
        return run(args.root, args.base)
    except git.GitError as error:
        print(error, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
