"""`make generate` is deterministic, atomic, incremental, and its drift check names what differs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
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


def copy_specs(tmp_path: Path) -> Path:
    specs = tmp_path / "specs"
    shutil.copytree(ROOT / "specs", specs)
    return specs


def test_invalid_spec_fails_with_the_validator_message_and_leaves_output_alone(fresh, tmp_path):
    specs = copy_specs(tmp_path)
    broken = (specs / "lighthouse.yaml").read_text().replace("openapi: 3.1.0", "openapi: 3.1.0\nbogus: 1", 1)
    (specs / "lighthouse.yaml").write_text(broken)
    target = tmp_path / "out" / "generated"
    shutil.copytree(fresh, target)
    done = generate("--specs", specs, "--target", target)
    assert done.returncode == 1
    assert "lighthouse.yaml is not a valid OpenAPI document" in done.stderr
    assert "bogus" in done.stderr  # the validator's own words
    assert "was left as it was" in done.stderr
    assert drift(fresh, target) == []
    assert [p.name for p in target.parent.iterdir()] == ["generated"]


def test_a_post_hook_that_cannot_run_fails_generation(tmp_path):
    """A copy of the project whose openapi-python-client settings name a hook that is not installed."""
    for folder in ("codegen", "specs"):
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
