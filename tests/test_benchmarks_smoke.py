"""`make bench` cannot rot: every benchmark runs once on tiny sizes (no timing is asserted)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def smoke(results: Path, *options: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--smoke", "--json", str(results), *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def test_one_section_runs_alone(tmp_path):
    results = tmp_path / "results.json"
    smoke(results, "--section", "call_cost")
    assert {f["section"] for f in json.loads(results.read_text())["figures"]} == {"call cost"}


def test_every_benchmark_runs_and_reports(tmp_path):
    results = tmp_path / "results.json"
    done = smoke(results)
    report = json.loads(results.read_text())
    assert report["machine"]["smoke"] is True
    figures = report["figures"]
    sections = {f["section"] for f in figures}
    assert sections == {
        "generation",
        "call cost",
        "pagination",
        "prefetch",
        "concurrency",
        "hostile memory",
        "mock throughput",
        "contract",
    }
    measured = [f for f in figures if not f["skipped"]]
    assert all(math.isfinite(f["value"]) and f["value"] > 0 for f in measured)
    # The smoke run needs neither npm nor wrk: the Prism comparison says it was skipped, and why.
    assert [f["skipped"] for f in figures if f not in measured] == ["smoke run"]
    for figure in figures:  # the printed table carries every figure of the JSON file
        assert figure["name"] in done.stdout
