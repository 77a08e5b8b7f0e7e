"""``python -m release.dist [--out DIR]``: an sdist and a wheel of every generated package, of the
runtime and of the testing kit, built from clean copies (no build litter in the checkout), then
``twine check``-ed."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from codegen.registry import ROOT, apis

BIN = Path(sys.executable).parent
LITTER = shutil.ignore_patterns("__pycache__", "*.egg-info", "build", "dist", ".ruff_cache")


TESTING = ROOT / "testing"
ASSEMBLED = {ROOT: ("vendor-clients", "overlay"), TESTING: ("vendor-clients-testing", "mocks")}
"""Projects put together from their metadata folder and a source tree of the repository: the runtime
(pyproject, README and overlay/) and the testing kit (testing/'s pyproject and README, and mocks/)."""


def projects(root: Path = ROOT) -> list[Path]:
    """The runtime project, the testing kit and, per API of the registry, its models and its client."""
    generated = root / "generated"
    found = [generated / name for api in apis() for name in (api.models_project, api.client_project)]
    return [*found, *ASSEMBLED]


def clean_copy(project: Path, scratch: Path) -> Path:
    """A copy of a project to build from: an assembled one (``ASSEMBLED``) or a generated one."""
    if project not in ASSEMBLED:
        target = scratch / project.name
        shutil.copytree(project, target, ignore=LITTER)
        return target
    name, tree = ASSEMBLED[project]
    target = scratch / name
    target.mkdir()
    for metadata in ("pyproject.toml", "README.md"):
        shutil.copy(project / metadata, target)
    shutil.copytree(ROOT / tree, target / tree, ignore=LITTER)
    return target


def build(out: Path) -> list[Path]:
    """Build every distribution into ``out`` (emptied first) and check them with twine."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as scratch:
        for project in projects():
            source = clean_copy(project, Path(scratch))
            command: list[str | Path] = [BIN / "uv", "build", "--quiet", "--no-build-isolation"]
            subprocess.run([*command, "--python", sys.executable, "--out-dir", out, source], check=True)
    built = sorted(path for path in out.iterdir() if path.suffix in (".whl", ".gz"))
    subprocess.run([BIN / "twine", "check", "--strict", *built], check=True, capture_output=True, text=True)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m release.dist", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    args = parser.parse_args(argv)
    try:
        built = build(args.out.resolve())
    except subprocess.CalledProcessError as error:
        print(f"error: {' '.join(map(str, error.cmd[:3]))} failed:\n{error.stdout or ''}{error.stderr or ''}")
        return 1
    for path in built:
        print(f"{path.stat().st_size / 1024:8.1f} KiB  {path.relative_to(args.out.resolve().parent)}")
    print(f"{len(built)} distributions in {args.out}, twine check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
