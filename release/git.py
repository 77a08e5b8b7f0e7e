"""What the release tools need from git: the base to compare with, what changed since, a ref's files."""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TREE = ("specs", "generated", "pyproject.toml")
"""What a comparison reads from a ref: the specs, the committed generated packages, the registry."""
BASE_BRANCHES = ("main", "origin/main")


class GitError(Exception):
    """A git command failed; the message is git's."""


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    if done.returncode:
        raise GitError(f"git {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


def has_commits(root: Path) -> bool:
    try:
        git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    except (GitError, FileNotFoundError):
        return False
    return True


def default_base(root: Path) -> tuple[str, str]:
    """The merge base of HEAD with ``main`` (or ``origin/main``), else HEAD; and a line saying which."""
    notes = []
    for branch in BASE_BRANCHES:
        try:
            git(root, "rev-parse", "--verify", "--quiet", f"{branch}^{{commit}}")
        except GitError:
            notes.append(f"no branch {branch}")
            continue
        try:
            return git(root, "merge-base", "HEAD", branch).strip(), f"merge base of HEAD and {branch}"
        except GitError:
            notes.append(f"no merge base with {branch} (shallow history?)")
    return "HEAD", f"{'; '.join(notes)}: comparing with HEAD"


def previous_tag(root: Path) -> str | None:
    """The newest tag reachable from HEAD, if any."""
    try:
        return git(root, "describe", "--tags", "--abbrev=0").strip()
    except GitError:
        return None


def changed(root: Path, ref: str, paths: tuple[str, ...] = TREE[:2]) -> list[str]:
    """Files under ``paths`` that differ between ``ref`` and the working tree, untracked ones included."""
    tracked = git(root, "diff", "--name-only", ref, "--", *paths).split()
    return tracked + git(root, "ls-files", "--others", "--exclude-standard", "--", *paths).split()


@contextmanager
def tree(root: Path, ref: str) -> Iterator[Path]:
    """A temporary folder holding what of ``TREE`` exists at ``ref`` (``git archive``)."""
    present = git(root, "ls-tree", "--name-only", ref, "--", *TREE).split()
    with tempfile.TemporaryDirectory(prefix="release-") as folder:
        if present:
            archive = subprocess.run(
                ["git", "archive", "--format=tar", ref, "--", *present],
                cwd=root,
                capture_output=True,
                check=True,
            )
            with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
                tar.extractall(folder, filter="data")
        yield Path(folder)
