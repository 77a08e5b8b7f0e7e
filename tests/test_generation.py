"""`make generate` is deterministic, atomic, incremental, and its drift check names what differs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from codegen.generate import drift
from codegen.registry import apis

ROOT = Path(__file__).resolve().parent.parent
GENERATE = [sys.executable, str(ROOT / "codegen" / "generate.py")]


def generate(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*GENERATE, *map(str, args)], capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One regeneration from specs/ into a temporary folder."""
    target = tmp_path_factory.mktemp("fresh") / "generated"
    done = generate("--target", target)
    assert done.returncode == 0, done.stderr
    return target


def test_committed_tree_is_what_the_specs_produce(fresh):
    assert drift(fresh, ROOT / "generated") == []


def test_generation_is_byte_for_byte_deterministic(fresh, tmp_path):
    again = tmp_path / "generated"
    assert generate("--target", again).returncode == 0
    assert drift(fresh, again) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generated"], "scratch folders left behind"


def test_drift_check_names_every_differing_file(fresh, tmp_path):
    tampered = tmp_path / "generated"
    shutil.copytree(fresh, tampered)
    (tampered / "pilfer-client" / "pilfer_client" / "types.py").write_text("# edited by hand\n")
    (tampered / "lighthouse-models" / "pyproject.toml").unlink()
    (tampered / "lighthouse-client" / "extra.py").write_text("")
    done = generate("--check", "--target", tampered)
    assert done.returncode == 1
    assert "differs: generated/pilfer-client/pilfer_client/types.py" in done.stderr
    assert "missing: generated/lighthouse-models/pyproject.toml" in done.stderr
    assert "unexpected: generated/lighthouse-client/extra.py" in done.stderr
    assert generate("--check", "--target", fresh).returncode == 0


def copy_specs(tmp_path: Path, *extra: Path) -> Path:
    """specs/ copied to ``tmp_path/specs``, with the ``extra`` spec files added."""
    specs = tmp_path / "specs"
    shutil.copytree(ROOT / "specs", specs)
    for path in extra:
        shutil.copy(path, specs)
    return specs


def test_a_broken_spec_is_reported_by_pointer_and_the_other_apis_still_generate(fresh, tmp_path):
    """An unexpected keyword is a warning; a wrong type is an error, and only that API is left alone."""
    specs = copy_specs(tmp_path)
    spec = (specs / "lighthouse.yaml").resolve()
    text = spec.read_text().replace("openapi: 3.1.0", "openapi: 3.1.0\nbogus: 1", 1)
    spec.write_text(text.replace("type: integer", "type: intgr", 1))
    target = tmp_path / "out" / "generated"
    shutil.copytree(fresh, target)
    (target / "pilfer-client" / "README.md").unlink()
    done = generate("--specs", specs, "--target", target)
    assert done.returncode == 1
    assert f"warning: {spec}#: Unevaluated properties are not allowed ('bogus' was unexpected)" in done.stderr
    wrong_type = rf"error: {re.escape(str(spec))}#/paths/\S+/schema/type: 'intgr' is not valid"
    assert re.search(wrong_type, done.stderr)
    assert "error: lighthouse did not generate" in done.stderr
    assert "Traceback" not in done.stderr
    assert drift(fresh, target) == []  # pilfer regenerated (its README is back), lighthouse as it was
    assert [p.name for p in target.parent.iterdir()] == ["generated"]
    checked = generate("--check", "--specs", specs, "--target", target)
    assert checked.returncode == 1
    assert "out of date" not in checked.stderr
    assert "error: lighthouse did not generate" in checked.stderr


def test_a_post_hook_that_cannot_run_fails_generation(tmp_path):
    """A copy of the project whose openapi-python-client settings name a hook that is not installed."""
    for folder in ("codegen", "mocks", "specs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    config = tmp_path / "codegen" / "openapi-python-client.yaml"
    config.write_text(config.read_text().replace('"ruff check', '"no-such-ruff check'))
    target = tmp_path / "generated"
    done = subprocess.run(
        [sys.executable, tmp_path / "codegen" / "generate.py"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert "no-such-ruff is not in PATH" in done.stderr
    assert not target.exists()


def make_question(*args: str) -> int:
    """`make -q`: exit 0 when the target is up to date, 1 when it would do work."""
    return subprocess.run(["make", "-q", *args], cwd=ROOT, capture_output=True, check=False).returncode


def test_make_generate_does_no_work_when_nothing_changed():
    assert make_question("generate") == 0


@pytest.mark.parametrize(
    "changed",
    [
        "specs/pilfer.yaml",
        "specs/lighthouse.yaml",
        "codegen/openapi-python-client.yaml",
        "pyproject.toml",
        "requirements.lock",
        "codegen/generate.py",
    ],
)
def test_make_generate_reruns_when_an_input_changes(changed):
    assert make_question("-W", changed, "generate") == 1


def test_changing_one_spec_regenerates_only_that_api():
    for api in apis():
        done = subprocess.run(
            ["make", "-n", "-W", f"specs/{api.name}.yaml", "generate"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        regenerated = re.findall(r"codegen/generate.py --api (\w+)", done.stdout)
        assert regenerated == [api.name], done.stdout


FAKE_GENERATE = """#!/bin/sh
# Stands for `python codegen/generate.py --api NAME`: the API named in $BROKEN fails, the others generate.
test "$3" = "$BROKEN" && { echo "error: specs/$3.yaml#/paths: broken" >&2; exit 1; }
mkdir -p generated/$3-client generated/$3-models
"""


def test_make_generates_and_installs_the_other_apis_when_one_spec_fails(tmp_path):
    """The Makefile alone, with stand-ins for the generator and uv: a failing spec neither stops the other
    APIs' stamps nor their install, and make fails at the end until that spec generates."""
    shutil.copy(ROOT / "Makefile", tmp_path)
    for name in ("pyproject.toml", "requirements.lock", "specs/bad.yaml", "specs/good.yaml"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("")
    tools = tmp_path / "bin"
    tools.mkdir()
    for tool, script in (("python", FAKE_GENERATE), ("uv", '#!/bin/sh\necho "$@" >> uv.log\n')):
        (tools / tool).write_text(script)
        (tools / tool).chmod(0o755)
    venv = tmp_path / ".venv"
    venv.mkdir()
    (venv / ".installed").touch()
    os.utime(venv / ".installed", (time.time() + 60, time.time() + 60))  # newer than requirements.lock

    def make(broken: str) -> subprocess.CompletedProcess[str]:
        command = ["make", f"BIN={tools}"]
        environment = {**os.environ, "BROKEN": broken}
        return subprocess.run(command, cwd=tmp_path, env=environment, capture_output=True, text=True)

    failed = make("bad")
    assert failed.returncode != 0
    assert "error: specs/bad.yaml#/paths: broken" in failed.stderr
    assert "did not generate (see above): specs/bad.yaml" in failed.stderr
    assert (venv / ".generated-good").exists()
    assert not (venv / ".generated-bad").exists()
    installed = (tmp_path / "uv.log").read_text()
    assert "-e generated/good-client -e generated/good-models" in installed
    assert "bad" not in installed
    assert not (venv / ".linked").exists()
    fixed = make("")
    assert fixed.returncode == 0, fixed.stderr
    assert "-e generated/bad-client" in (tmp_path / "uv.log").read_text().splitlines()[-1]
    assert (venv / ".linked").exists()
    assert not (venv / ".failed-bad").exists()
