"""`make fuzz` (scripts/fuzz.sh) as a user runs it: its own mocks on free ports, every operation fuzzed
(with an operationId or not), findings printed and exit 1, a campaign that cannot run exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mocks import contract
from mocks.server import listening_socket

ROOT = Path(__file__).resolve().parents[2]
SPEC = """openapi: 3.1.0
info: {{title: {title}, version: "1"}}
security: [{{key: []}}]
paths:
  /ping:
    get:
      responses:
        "200":
          description: Up.
          content:
            application/json:
              schema: {{type: object, required: [up], properties: {{up: {{type: boolean}}}}}}
              example: {{up: {example}}}
        "401":
          description: No key.
          content: {{application/json: {{schema: {{type: object}}}}}}
components:
  securitySchemes:
    key: {{type: apiKey, in: header, name: X-Key}}
"""


def fuzz(specs: Path, **env: str) -> subprocess.CompletedProcess[str]:
    variables = {**os.environ, "FUZZ_SPECS": str(specs), "FUZZ_REPORTS": str(specs / "reports"), **env}
    variables |= {"FUZZ_EXAMPLES": "3", "SEED": "1"}
    return subprocess.run(
        ["scripts/fuzz.sh", str(Path(sys.executable).parent)],
        cwd=ROOT,
        env=variables,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_fuzz_serves_its_own_mocks_fuzzes_every_operation_and_prints_findings(tmp_path):
    (tmp_path / "sound.yaml").write_text(SPEC.format(title="Sound", example="true"), encoding="utf-8")
    (tmp_path / "lying.yaml").write_text(SPEC.format(title="Lying", example='"yes"'), encoding="utf-8")
    with listening_socket(0) as taken:  # a server `make fuzz` did not start, on the configured port
        port = str(taken.getsockname()[1])
        run = fuzz(tmp_path, SOUND_MOCK_PORT=port, LYING_MOCK_PORT=port)
        taken.setblocking(False)
        with pytest.raises(BlockingIOError):
            taken.accept()  # nobody connected to it
    assert run.returncode == 1, run.stdout[-3000:] + run.stderr
    sound = run.stdout[run.stdout.index("== sound\n") :]
    assert "Response violates schema" not in sound
    assert "No issues found" in sound
    lying = run.stdout[: run.stdout.index("== sound\n")]
    assert "Response violates schema" in lying
    assert "curl -X GET -H 'X-Key: " in lying
    assert run.stderr.splitlines()[-2:] == ["fuzz: failures in lying", "fuzz: failures in lying GET /ping"]
    assert (tmp_path / "reports" / "fuzz-sound_GET__ping.xml").exists()


def test_a_campaign_that_cannot_run_says_why_and_exits_2(tmp_path):
    (tmp_path / "Not A Name.yaml").write_text(SPEC.format(title="Bad", example="true"), encoding="utf-8")
    run = fuzz(tmp_path)
    assert run.returncode == 2
    assert "an API name must be lowercase letters" in run.stderr
    assert run.stderr.splitlines()[-1] == "fuzz: no schemathesis settings (see above)"


def test_the_settings_leave_out_only_a_spec_they_cannot_read(tmp_path, capsys):
    (tmp_path / "sound.yaml").write_text(SPEC.format(title="Sound", example="true"), encoding="utf-8")
    (tmp_path / "untitled.yaml").write_text("openapi: 3.1.0\npaths: {}\n", encoding="utf-8")
    contract.main(["--specs", str(tmp_path), "settings", str(tmp_path / "schemathesis.toml")])
    written = (tmp_path / "schemathesis.toml").read_text(encoding="utf-8")
    assert written.count("[[project]]") == 1
    assert 'title = "Sound"' in written
    assert capsys.readouterr().err.startswith(
        f"mocks.contract: {tmp_path / 'untitled.yaml'} left out: KeyError"
    )


def test_settings_of_one_api_hold_its_project_alone_when_titles_repeat(tmp_path):
    for name in ("first", "second"):  # two specs with one title
        (tmp_path / f"{name}.yaml").write_text(SPEC.format(title="Same", example="true"), encoding="utf-8")
    contract.main(["--specs", str(tmp_path), "--api", "second", "settings", str(tmp_path / "second.toml")])
    written = (tmp_path / "second.toml").read_text(encoding="utf-8")
    assert written.count("[[project]]") == 1
    assert "second-test-token" in written
    assert "first-test-token" not in written
