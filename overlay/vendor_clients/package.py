"""The generated package a client class belongs to, as its User-Agent names it."""

from __future__ import annotations

import platform
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

import httpx


def _runtime_version() -> str:
    try:
        return version("vendor-clients")
    except PackageNotFoundError:  # run from a source tree
        return "unknown"


RUNTIME = f"vendor-clients/{_runtime_version()} httpx/{httpx.__version__} python/{platform.python_version()}"
"""The User-Agent products after the generated package's: the runtime's, httpx's and Python's."""


@dataclass(frozen=True, slots=True)
class Package:
    """A generated client package: its API's registry name, its project name and its version."""

    api: str
    project: str
    version: str

    @property
    def user_agent(self) -> str:
        """``pilfer-client/2.0.0 vendor-clients/0.1.0 httpx/0.28.1 python/3.12.3``."""
        return f"{self.project}/{self.version} {RUNTIME}"
