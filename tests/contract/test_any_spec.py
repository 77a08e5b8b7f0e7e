"""The contract suite on any folder of specs (CONTRACT_SPECS): every security scheme fuzzed with the mock's
credentials, and a spec that cannot be fuzzed fails alone while the others run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.engine.conftest import ANY_SPEC, FIXTURES

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = "tests/contract/test_contract.py"
BROKEN = """openapi: 3.1.0
info: {title: Broken, version: "1"}
paths:
  /things:
    get:
      responses:
        "200":
          description: A reference to nothing.
          content: {application/json: {schema: {$ref: "#/components/schemas/Missing"}}}
"""


def test_one_unfuzzable_spec_fails_alone_and_every_scheme_is_fuzzed(tmp_path):
    for spec in ANY_SPEC.glob("*.yaml"):
        shutil.copy(spec, tmp_path)
    (tmp_path / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    env = {**os.environ, "CONTRACT_SPECS": str(tmp_path), "CONTRACT_EXAMPLES": "10"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rA", CONTRACT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    failed = [line for line in run.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
    assert [line.split(" - ")[0] for line in failed] == [f"FAILED {CONTRACT}::test_broken"], run.stdout[
        -3000:
    ]
    assert "Pointer '/components/schemas/Missing' does not exist" in run.stdout
    for name in FIXTURES:
        assert f"PASSED {CONTRACT}::test_{name}[" in run.stdout, name
        assert f"  {name}: " in run.stdout, f"no cases sent to {name}"
    for name in ("shelf", "pets", "notes"):  # their item operations are reached by the stateful phase
        assert f"  {name}: stateful item operations answered 2xx: " in run.stdout, name
