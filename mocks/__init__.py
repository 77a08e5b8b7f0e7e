"""Stateful mock servers for every API of the registry, driven by the specs.

``create_app("pilfer")`` returns the ASGI app of one API: the engine (``mocks.engine``) serving its spec,
or, when the registry names an override module, that module's ``create_app`` (vendor behaviour beyond
CRUD on top of the engine). ``python -m mocks`` serves every API on loopback (``make mock``).
"""

from __future__ import annotations

import importlib
from typing import Any

from codegen.registry import api
from mocks.engine import MockApp


def create_app(name: str, **options: Any) -> MockApp:
    """The mock of API ``name``; ``options`` go to the override's factory (e.g. ``spaces=`` for Pilfer)."""
    served = api(name)
    if served.mock.override is None:
        return MockApp(served, **options)
    app: MockApp = importlib.import_module(served.mock.override).create_app(**options)
    return app
