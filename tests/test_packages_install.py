"""Each generated package installs on its own into a clean virtual environment and imports."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UV = Path(sys.executable).parent / "uv"
PACKAGES = {
    "pilfer-client": "from pilfer_client.api.spaces import list_spaces; from pilfer_client import Client",
    "lighthouse-client": "from lighthouse_client.api.workspaces import get_workspace",
    "pilfer-models": "from pilfer_models import Space; Space.model_validate({'_id': 'a', 'name': 'n'})",
    "lighthouse-models": "from lighthouse_models import WorkspaceListResponse, SortField",
}


@pytest.mark.parametrize("project", sorted(PACKAGES))
def test_package_installs_alone_and_imports(project, tmp_path):
    source = tmp_path / project
    shutil.copytree(ROOT / "generated" / project, source)  # keep build litter out of generated/
    venv = tmp_path / "venv"
    subprocess.run([UV, "venv", "--quiet", "--python", sys.executable, venv], check=True)
    python = venv / "bin" / "python"
    subprocess.run([UV, "pip", "install", "--quiet", "--python", python, source], check=True)
    module = project.replace("-", "_")
    check = f"{PACKAGES[project]}; import {module}, pathlib; print(pathlib.Path({module}.__file__).parent)"
    done = subprocess.run([python, "-c", check], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    installed = Path(done.stdout.strip())
    assert installed.is_relative_to(venv), "imported from somewhere other than the clean venv"
    assert (installed / "py.typed").exists()
