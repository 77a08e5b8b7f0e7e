"""``make dist``: the wheels install alone into a clean virtual environment (no editable installs, no
repository on ``sys.path``), each generated client's README example runs against its mock, and the
README's testing examples pass under pytest with the testing kit's fixtures."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from codegen.registry import Api, apis
from mocks import create_app
from mocks.clients import environment
from mocks.server import serving_in_thread

ROOT = Path(__file__).resolve().parent.parent
UV = Path(sys.executable).parent / "uv"
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """``python -m release.dist`` into a temporary folder; the venv with every wheel installed."""
    work = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "release.dist", "--out", work / "dist"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    built = sorted(path.name for path in (work / "dist").iterdir())
    venv = work / "venv"
    subprocess.run([UV, "venv", "--quiet", "--python", sys.executable, venv], check=True)
    python = venv / "bin" / "python"
    wheel_files = sorted((work / "dist").glob("*.whl"))
    subprocess.run([UV, "pip", "install", "--quiet", "--python", python, *wheel_files], check=True)
    return python, built


def test_every_package_is_built_as_sdist_and_wheel(wheels):
    _, built = wheels
    for api in apis():
        version = api.spec["info"]["version"]
        for project in (api.client_project, api.models_project):
            stem = f"{project.replace('-', '_')}-{version}"
            assert {f"{stem}.tar.gz", f"{stem}-py3-none-any.whl"} <= set(built)
    assert any(name.startswith("vendor_clients-") and name.endswith(".whl") for name in built)
    assert any(name.startswith("vendor_clients_testing-") and name.endswith(".whl") for name in built)


def test_each_client_sdist_ships_the_api_reference_its_readme_links(wheels):
    out = wheels[0].parent.parent.parent / "dist"
    for api in apis():
        stem = f"{api.client_project.replace('-', '_')}-{api.spec['info']['version']}"
        with tarfile.open(out / f"{stem}.tar.gz") as sdist:
            assert f"{stem}/api.md" in sdist.getnames()


@pytest.mark.parametrize("api", apis(), ids=lambda api: api.name)
def test_the_mocks_serve_the_spec_the_installed_client_ships(wheels, api: Api, tmp_path):
    python, _ = wheels
    script = (
        "import mocks, pathlib\n"
        f"app = mocks.create_app({api.name!r})\n"
        "print(pathlib.Path(mocks.__file__).parent)\n"
        "print(app.api.spec_path)\n"
        "print(app.api.mock.token)"
    )
    done = subprocess.run([python, "-I", "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    package, spec, token = done.stdout.split()
    venv = python.parent.parent
    assert Path(package).is_relative_to(venv), "mocks imported from somewhere other than the clean venv"
    assert Path(spec).read_bytes() == api.spec_path.read_bytes()
    assert Path(spec).is_relative_to(venv)
    assert token == api.mock.token


def readme_example(api: Api) -> str:
    readme = (ROOT / "generated" / api.client_project / "README.md").read_text(encoding="utf-8")
    found = re.search(r"## Example\n\n```python\n(.*?)```", readme, flags=re.S)
    assert found, f"{api.client_project}/README.md has no example"
    return found.group(1)


@pytest.mark.parametrize("api", apis(), ids=lambda api: api.name)
def test_the_readme_example_runs_from_the_wheels_against_the_mock(wheels, api: Api, tmp_path):
    python, _ = wheels
    with serving_in_thread(create_app(api.name, **api.mock.options)) as url:
        env = {"PATH": os.environ["PATH"], **environment(api, url)}
        done = subprocess.run(
            [python, "-I", "-c", readme_example(api)], capture_output=True, text=True, env=env, cwd=tmp_path
        )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip(), "the example printed nothing"


def test_the_readmes_testing_examples_pass_under_pytest_from_the_wheels(wheels, tmp_path):
    python, _ = wheels
    section = README.split("## Testing your code", 1)[1].split("\n## ", 1)[0]
    examples = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    assert examples, "the README's Testing your code section has no Python example"
    (tmp_path / "test_readme_examples.py").write_text("\n\n".join(examples), encoding="utf-8")
    env = {"PATH": os.environ["PATH"]}
    command = [python, "-I", "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_readme_examples.py"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    tests = len(re.findall(r"^def test_", "\n".join(examples), flags=re.M))
    assert f"{tests} passed" in done.stdout
