"""``python -m corpus FOLDER``: the table of ``make corpus`` (see the package docstring); exit 1 when any
stage of any document failed, 2 when the folder holds no document."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from openapi_spec_validator import validate

from mocks import served_apis
from mocks.contract import contradictions

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("validate", "generate", "import", "methods", "calls", "mock", "fuzz")
CONTRADICTS = "contradicts"
"""The column counting where a document contradicts itself under fuzzing (not a failure: each is named)."""
DOCUMENTS = ("*.yaml", "*.yml", "*.json")


@dataclass
class Row:
    """One document's outcome: per stage "ok", "warn", "FAIL" or "-" (not reached), and the reasons."""

    document: str
    results: dict[str, str] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)

    def record(self, stage: str, problem: str | None, *, fatal: bool = True) -> bool:
        """Record a stage; True when the next stage may run."""
        if problem is None:
            self.results[stage] = "ok"
            return True
        self.results[stage] = "FAIL" if fatal else "warn"
        self.reasons.append(f"{self.document} {stage}: {problem}")
        return not fatal

    @property
    def failed(self) -> bool:
        return "FAIL" in self.results.values()


def api_name(path: Path, taken: set[str]) -> str:
    """A registry-valid API name for the document (lowercase, digits, single underscores), unique."""
    name = re.sub(r"_+", "_", re.sub(r"[^a-z0-9]", "_", path.stem.lower())).strip("_") or "api"
    name = name if name[0].isalpha() else f"api_{name}"
    while name in taken:
        name = f"corpus_{name}"
    taken.add(name)
    return name


def run(command: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **env},
        timeout=1800,
    )


def first_line(text: str, prefix: str = "", *, last: bool = False) -> str:
    """The first (or last) non-blank line of ``text`` that starts with ``prefix``."""
    lines = [line.strip() for line in text.splitlines() if line.strip().startswith(prefix)]
    lines = lines or [line.strip() for line in text.splitlines() if line.strip()] or ["(no output)"]
    return lines[-1 if last else 0][:400]


def validation_problem(path: Path) -> str | None:
    """The document's first OpenAPI validation error with its JSON path, or None."""
    try:
        validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except Exception as exc:  # a parse or validation error of a document nobody here wrote
        where = getattr(exc, "json_path", "")
        message = str(getattr(exc, "message", exc)).split("\n\n")[0]
        return f"{where}: {' '.join(message.split())}"[:400]
    return None


def fuzz_problem(output: str) -> str:
    """The failed contract tests and the first check that failed, with its first detail line."""
    failed = [line.split("::", 1)[-1] for line in output.splitlines() if line.startswith("FAILED")]
    lines = [line.strip(" |+-") for line in output.splitlines()]
    checks = [i for i, line in enumerate(lines) if line.startswith("schemathesis.") and ": " in line]
    detail = ""
    if checks:
        after = [line for line in lines[checks[0] + 1 :] if line][:1]
        detail = f": {lines[checks[0]].split('.')[-1]}" + (f" ({after[0]})" if after else "")
    return f"{len(failed)} failed, first {failed[0] if failed else '?'}{detail}"[:400]


def check_document(path: Path, name: str, work: Path, examples: int, until: str) -> Row:
    row = Row(path.name)
    alone, with_ours = work / "alone", work / "specs"
    alone.mkdir(parents=True)
    shutil.copytree(ROOT / "specs", with_ours)
    for folder in (alone, with_ours):
        shutil.copy(path, folder / f"{name}.yaml")
    row.record("validate", validation_problem(path), fatal=False)  # generation decides what it cannot take
    target = work / "generated"
    done = run(
        [
            sys.executable,
            "codegen/generate.py",
            "--specs",
            str(with_ours),
            "--target",
            str(target),
            f"--api={name}",
        ]
    )
    problem = first_line(done.stderr.replace(str(with_ours / f"{name}.yaml"), path.name), "error:")
    if not row.record("generate", None if done.returncode == 0 else problem):
        return row
    project = name.replace("_", "-")
    python_path = os.pathsep.join(
        [str(target / f"{project}-client"), str(target / f"{project}-models"), str(ROOT)]
    )
    done = run([sys.executable, "-m", "corpus.client_check", str(alone), name], PYTHONPATH=python_path)
    if done.returncode != 0:
        row.record("import", first_line(done.stderr, last=True))
        return row
    report = json.loads(done.stdout)
    for stage in ("import", "methods", "calls", "mock"):
        if not row.record(stage, report[stage]) and stage in ("import", "methods"):
            return row
    row.results["calls"] += f" {report['passed']}/{report['total']}"
    [served] = served_apis(alone)
    found = contradictions(served)
    row.results[CONTRADICTS] = str(len(found))
    row.reasons += [f"contradiction: {path.name}#{each.pointer}: {each.message}" for each in found]
    if until != "fuzz":  # the stages after ``until`` are not run
        for stage in STAGES[STAGES.index(until) + 1 :]:
            row.results.pop(stage, None)
        return row
    contract = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "tests/contract/test_contract.py",
    ]
    done = run(contract, CONTRACT_SPECS=str(alone), CONTRACT_EXAMPLES=str(examples), PYTHONPATH=python_path)
    row.record("fuzz", None if done.returncode == 0 else fuzz_problem(done.stdout))
    return row


def table(rows: list[Row]) -> str:
    header = ("document", *STAGES, CONTRADICTS)
    lines = [header] + [
        (row.document, *(row.results.get(stage, "-") for stage in header[1:])) for row in rows
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)) for line in lines]
    text.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path, help="a folder of OpenAPI documents (.yaml, .yml, .json)")
    parser.add_argument("--examples", type=int, default=25, help="schemathesis examples per operation")
    parser.add_argument("--until", choices=STAGES[STAGES.index("calls") :], default="fuzz", help="last stage")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="documents checked at once")
    args = parser.parse_args()
    documents = sorted({path for pattern in DOCUMENTS for path in args.folder.glob(pattern)})
    if not documents:
        print(f"corpus: no OpenAPI document (.yaml, .yml, .json) in {args.folder}", file=sys.stderr)
        return 2
    taken = {path.stem for path in (ROOT / "specs").glob("*.yaml")}
    names = [api_name(path, taken) for path in documents]
    with tempfile.TemporaryDirectory(prefix="corpus.") as scratch, ThreadPoolExecutor(args.jobs) as pool:
        work = [Path(scratch) / name for name in names]
        options = [args.examples] * len(names), [args.until] * len(names)
        rows = list(pool.map(check_document, documents, names, work, *options))
    print(table(rows))
    reasons = [reason for row in rows for reason in row.reasons]
    if reasons:
        print("\n" + "\n".join(reasons))
    failed = sum(row.failed for row in rows)
    through = "" if args.until == STAGES[-1] else f" through {args.until}"
    print(f"\n{len(rows) - failed} of {len(rows)} documents passed every stage{through}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
