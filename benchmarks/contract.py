"""Section 6: schemathesis cases per second of the in-process contract suite."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.harness import Figure

ROOT = Path(__file__).resolve().parent.parent


def run(smoke: bool) -> list[Figure]:
    """Runs tests/contract in its own pytest process and divides its case count by the wall time."""
    env = {**os.environ, "CONTRACT_EXAMPLES": "5" if smoke else "300"}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/contract"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    found = re.search(r"contract suite: (\d+) schemathesis cases", done.stdout)
    if done.returncode != 0 or found is None:
        raise RuntimeError(f"the contract suite failed:\n{done.stdout[-3000:]}")
    cases = int(found.group(1))
    return [
        Figure("contract", "schemathesis cases (in-process)", cases, "cases"),
        Figure("contract", "wall time incl. pytest start-up", elapsed, "s"),
        Figure("contract", "throughput", cases / elapsed, "cases/s"),
    ]
