"""Section 1: how long regeneration takes, in full and when nothing changed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.harness import Figure, interleaved_ratio, median_seconds
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


CORPUS = ROOT.parent / "shared" / "openapi-corpus"
"""The public corpus beside the repository, when it is there: its largest document is timed too."""
BIN = Path(sys.executable).parent


def _ours(document: Path) -> None:
    """This project's generation of ``document`` alone (both packages, checks and formatting included)."""
    with tempfile.TemporaryDirectory() as scratch:
        specs = Path(scratch) / "specs"
        specs.mkdir()
        for spec in (ROOT / "specs").glob("*.yaml"):  # the registry's entries need their specs
            shutil.copy(spec, specs)
        shutil.copy(document, specs / "bench_document.yaml")
        command: list[str | Path] = [sys.executable, ROOT / "codegen" / "generate.py", "--specs", specs]
        command += ["--target", Path(scratch) / "generated", "--api=bench_document"]
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)


def _plain(document: Path) -> None:
    """Plain openapi-python-client (its default ruff hooks) and plain datamodel-code-generator."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        subprocess.run(
            [BIN / "openapi-python-client", "generate", "--path", document, "--output-path", out / "client"],
            check=True,
            capture_output=True,
            cwd=out,
            env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"},
        )
        command: list[str | Path] = [
            BIN / "datamodel-codegen",
            "--input",
            document,
            "--input-file-type",
            "openapi",
        ]
        # A folder: a document whose schema names hold dots is written as modules. Run outside the
        # repository, so that its [tool.datamodel-codegen] settings are not read.
        subprocess.run([*command, "--output", out / "models"], check=True, capture_output=True, cwd=out)


def corpus_figures(smoke: bool) -> list[Figure]:
    """The largest corpus document: this project's generation / plain generators', interleaved."""
    documents = sorted(CORPUS.glob("*.yaml"), key=lambda path: path.stat().st_size) if CORPUS.is_dir() else []
    if smoke or not documents:
        return []
    largest = documents[-1]
    ratio, spread = interleaved_ratio(lambda: _ours(largest), lambda: _plain(largest), rounds=3, number=1)
    ours = median_seconds(lambda: _ours(largest), repeats=1)
    return [
        Figure("generation", f"{largest.name}: this project", ours, "s"),
        Figure(
            "generation",
            f"{largest.name}: this project / plain generators",
            ratio,
            "x",
            "<= 1.5",
            ratio <= 1.5,
        ),
        Figure("generation", f"{largest.name}: this project / plain generators, spread", spread * 100, "± %"),
    ]


def run(smoke: bool) -> list[Figure]:
    """Median times of a full regeneration (both clients, both model sets) and a no-op make generate; the
    largest corpus document against the plain generators (not in smoke mode: it takes a minute)."""
    repeats = 1 if smoke else 3
    full = median_seconds(_full_regeneration, repeats=repeats)
    subprocess.run(["make", "-C", ROOT, "generate"], check=True, capture_output=True)  # now up to date
    noop = median_seconds(_noop_make_generate, repeats=1 if smoke else 5)
    return [
        Figure("generation", f"full regeneration, {len(apis())} APIs (clients + models)", full, "s"),
        Figure("generation", "no-op `make generate`", noop * 1000, "ms"),
        Figure("generation", "full / no-op", full / noop, "x"),
        *corpus_figures(smoke),
    ]
