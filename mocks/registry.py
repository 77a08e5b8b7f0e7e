"""Which APIs the mocks serve by name: the repository's registry (``codegen/registry.py``: ``specs/`` and
``pyproject.toml``) when it is importable, else the installed client packages (``mocks/installed.py``)."""

from __future__ import annotations

import importlib

from mocks.apis import Api, RegistryError
from mocks.installed import installed_apis


def apis() -> list[Api]:
    """Every API, sorted by name."""
    try:
        repository = importlib.import_module("codegen.registry")
    except ModuleNotFoundError:
        return installed_apis()
    found: list[Api] = repository.apis()
    return found


def api(name: str) -> Api:
    """One API by name."""
    for found in apis():
        if found.name == name:
            return found
    raise RegistryError(f"no API {name!r}: not in specs/ nor among the installed client packages")
