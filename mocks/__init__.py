"""Stateful mock servers for every API of the registry, driven by the specs.

``create_app("pilfer")`` returns the ASGI app of one API: the engine (``mocks.engine``) serving its spec,
or, when the registry names an override module, that module's ``create_app`` (vendor behaviour beyond
CRUD on top of the engine). ``python -m mocks`` serves every API on loopback (``make mock``).
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from mocks.apis import Api, folder_apis
from mocks.engine import MockApp
from mocks.registry import api, apis


def create_app(name: str | Api, **options: Any) -> MockApp:
    """The mock of API ``name`` (a registry name, or an ``Api`` read from another specs folder);
    ``options`` go to the override's factory (e.g. ``spaces=`` for Pilfer) or to ``MockApp``."""
    served = api(name) if isinstance(name, str) else name
    if served.mock.override is None:
        return MockApp(served, **options)
    app: MockApp = importlib.import_module(served.mock.override).create_app(**options)
    return app


def served_apis(specs: Path | None = None) -> list[Api]:
    """The registry's APIs (``mocks.registry``), or those of another folder of specs (with its own
    ``pyproject.toml``, if any)."""
    return apis() if specs is None else folder_apis(specs, specs / "pyproject.toml")
