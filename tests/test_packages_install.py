"""Each generated package installs into a clean virtual environment with only what it declares it needs
(a client: its models and the vendor_clients runtime), imports, and ships ``py.typed``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from codegen.registry import Api, apis
from release.dist import clean_copy

ROOT = Path(__file__).resolve().parent.parent
UV = Path(sys.executable).parent / "uv"
SECRET = "tok-never-in-repr"


def runtime_project(tmp_path: Path) -> Path:
    """A copy of the vendor-clients project (pyproject, README, overlay/) without build litter."""
    return clean_copy(ROOT, tmp_path)


def install(tmp_path: Path, *projects: Path) -> Path:
    venv = tmp_path / "venv"
    subprocess.run([UV, "venv", "--quiet", "--python", sys.executable, venv], check=True)
    python = venv / "bin" / "python"
    subprocess.run([UV, "pip", "install", "--quiet", "--python", python, *projects], check=True)
    return python


def copy(tmp_path: Path, project: str) -> Path:
    """A generated project copied without build litter (none lands in generated/)."""
    return clean_copy(ROOT / "generated" / project, tmp_path)


def imported_from(python: Path, module: str, check: str) -> Path:
    script = f"{check}\nimport {module}, pathlib; print(pathlib.Path({module}.__file__).parent)"
    done = subprocess.run([python, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return Path(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("api", apis(), ids=lambda api: api.name)
def test_models_install_alone_and_import(api: Api, tmp_path):
    python = install(tmp_path, copy(tmp_path, api.models_project))
    installed = imported_from(python, api.models_package, "")
    assert installed.is_relative_to(tmp_path / "venv"), "imported from somewhere other than the clean venv"
    assert (installed / "py.typed").exists()


@pytest.mark.parametrize("api", apis(), ids=lambda api: api.name)
def test_client_installs_with_what_it_declares_and_builds_clients(api: Api, tmp_path):
    client, models = copy(tmp_path, api.client_project), copy(tmp_path, api.models_project)
    python = install(tmp_path, client, models, runtime_project(tmp_path))
    scope = dict.fromkeys(api.client_parameters, "scope-1")
    if not api.spec.get("servers"):  # no default base URL: the client must be given one
        scope["base_url"] = "https://api.example.test"
    check = (
        f"from {api.client_package} import {api.title}Client, Async{api.title}Client, AuthenticatedClient\n"
        f"client = {api.title}Client({SECRET!r}, **{scope!r})\n"
        f"assert {SECRET!r} not in repr(client) + repr(AuthenticatedClient('http://x', token={SECRET!r}))\n"
        f"assert AuthenticatedClient('http://x', token='t').get_httpx_client().timeout.read is not None"
    )
    installed = imported_from(python, api.client_package, check)
    assert installed.is_relative_to(tmp_path / "venv"), "imported from somewhere other than the clean venv"
    assert (installed / "py.typed").exists()
