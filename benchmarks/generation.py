"""Section 1: how long regeneration takes, in full and when nothing changed."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.harness import Figure, median_seconds
from codegen.registry import apis

ROOT = Path(__file__).resolve().parent.parent


def _full_regeneration() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        target = Path(scratch) / "generated"
        subprocess.run(
            [sys.executable, ROOT / "codegen" / "generate.py", "--target", target],
            check=True,
            capture_output=True,
        )


def _noop_make_generate() -> None:
    done = subprocess.run(["make", "-C", ROOT, "generate"], check=True, capture_output=True, text=True)
    if "Nothing to be done" not in done.stdout:
        raise RuntimeError(f"`make generate` did work although nothing changed:\n{done.stdout}")


def run(smoke: bool) -> list[Figure]:
    """Median times of a full regeneration (both clients, both model sets) and a no-op make generate."""
    repeats = 1 if smoke else 3
    full = median_seconds(_full_regeneration, repeats=repeats)
    subprocess.run(["make", "-C", ROOT, "generate"], check=True, capture_output=True)  # now up to date
    noop = median_seconds(_noop_make_generate, repeats=1 if smoke else 5)
    return [
        Figure("generation", f"full regeneration, {len(apis())} APIs (clients + models)", full, "s"),
        Figure("generation", "no-op `make generate`", noop * 1000, "ms"),
        Figure("generation", "full / no-op", full / noop, "x"),
    ]
