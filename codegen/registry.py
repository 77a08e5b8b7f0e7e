"""The API registry of this repository: every ``specs/<name>.yaml`` is an API.

A spec needs no other settings: its names and environment variables derive from the file stem. An optional
``[tool.vendor-clients.apis.<name>]`` table in ``pyproject.toml`` overrides them (the one registry entry of
an API; the model and its defaults are ``mocks/apis.py``). Everything that iterates APIs (code generation,
Make, tests, mocks, fuzzing, benchmarks) calls ``apis()``.
"""

from __future__ import annotations

from pathlib import Path

from mocks.apis import Api, RegistryError, folder_apis, load_spec, make_api

__all__ = ["PYPROJECT", "ROOT", "SPECS", "Api", "RegistryError", "api", "apis", "load_spec", "make_api"]

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
PYPROJECT = ROOT / "pyproject.toml"


def apis(specs: Path = SPECS, pyproject: Path = PYPROJECT) -> list[Api]:
    """Every API of the specs folder, sorted by name."""
    return folder_apis(specs, pyproject)


def api(name: str, specs: Path = SPECS) -> Api:
    """One API by name."""
    for found in apis(specs):
        if found.name == name:
            return found
    raise RegistryError(f"no spec {specs / name}.yaml")


def main() -> None:
    """``python -m codegen.registry``: print the API names, one per line (for shell scripts)."""
    for found in apis():
        print(found.name)


if __name__ == "__main__":
    main()
