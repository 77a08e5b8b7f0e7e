"""The API model of the registry: one ``Api`` per spec file, with the settings of its registry entry
(``[tool.vendor-clients.apis.<name>]``) and their defaults, derived from the name.

``folder_apis`` reads a folder of specs with its ``pyproject.toml``; the repository's registry
(``codegen/registry.py``) and the installed client packages (``mocks/installed.py``) both build their
APIs here.
"""

from __future__ import annotations

import re
import tomllib
import uuid
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml

NAME = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
SETTINGS = {"token-env", "base-url-env", "scheme-env", "envelope", "client-parameters", "mock", "house-style"}
MOCK_SETTINGS = {"token", "port", "scope", "seed", "override", "options"}
FIRST_MOCK_PORT = 4010


class RegistryError(Exception):
    """A spec file name or a registry entry is not usable; the message says which and why."""


@dataclass(frozen=True)
class MockSettings:
    """How the mocks serve one API (``mock = {...}`` in its registry entry; every field has a default)."""

    token: str
    """The bearer token the mock accepts (default ``<name>-test-token``)."""
    port: int
    """The port ``make mock`` serves it on (default: the next free one from 4010, in registry order)."""
    scope: dict[str, str] = field(default_factory=dict)
    """Path parameters that name the token's scope, with the only values it may use (other values
    answer 403). Default: the client parameters, each with a fixed uuid derived from the names."""
    seed: int = 3
    """Items seeded into each collection of the generic engine."""
    override: str | None = None
    """Module of hand-written behaviour beyond CRUD (``create_app`` of that module builds the app)."""
    options: dict[str, Any] = field(default_factory=dict)
    """Keyword arguments of the override's ``create_app`` when ``make mock`` serves the API."""


@dataclass(frozen=True)
class Api:
    """One API: its spec file and the settings its client, mock and tests use."""

    name: str
    """The spec's file stem, e.g. ``pilfer``."""
    spec_path: Path
    token_env: str
    """Environment variable holding the token (default ``<NAME>_TOKEN``)."""
    base_url_env: str
    """Environment variable overriding the base URL (default ``<NAME>_BASE_URL``)."""
    envelope: str | None = None
    """Property of a success body holding the resource; non-paginated methods return its value."""
    client_parameters: dict[str, str] = field(default_factory=dict)
    """Path parameters the client takes once (constructor or environment), with their variables."""
    scheme_env: dict[str, str] = field(default_factory=dict)
    """Security scheme name -> the environment variable of its token, where not the default."""
    mock: MockSettings = field(default_factory=lambda: MockSettings(token="", port=0))
    """How the mocks serve it."""
    house_style: bool = False
    """Whether ``tests/test_specs.py`` holds the spec to the house style of hand-written specs (3.1, bearer
    and a summary and tags on every operation, JSON error bodies, open response objects)."""
    entry: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """The registry entry as written (what a generated client package ships beside its spec)."""

    @property
    def title(self) -> str:
        """CamelCase of the name: ``pilfer`` -> ``Pilfer``, ``my_api`` -> ``MyApi``."""
        return "".join(part.capitalize() for part in self.name.split("_"))

    @property
    def client_package(self) -> str:
        return f"{self.name}_client"

    @property
    def models_package(self) -> str:
        return f"{self.name}_models"

    @property
    def client_project(self) -> str:
        return f"{self.name.replace('_', '-')}-client"

    @property
    def models_project(self) -> str:
        return f"{self.name.replace('_', '-')}-models"

    @property
    def spec(self) -> dict[str, Any]:
        """The parsed spec."""
        return load_spec(self.spec_path)


@cache
def load_spec(path: Path) -> dict[str, Any]:
    """A spec file, parsed (cached per path for the life of the process)."""
    spec: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return spec


def registry_table(pyproject: Path) -> dict[str, dict[str, Any]]:
    """``[tool.vendor-clients.apis]`` of ``pyproject.toml`` (empty when absent)."""
    if not pyproject.exists():
        return {}
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    table: dict[str, dict[str, Any]] = data.get("tool", {}).get("vendor-clients", {}).get("apis", {})
    return table


def make_api(spec_path: Path, entry: dict[str, Any], name: str | None = None) -> Api:
    """The API of one spec file with its registry entry (defaults derived from ``name``, by default the
    file stem)."""
    name = spec_path.stem if name is None else name
    if not NAME.fullmatch(name):
        raise RegistryError(
            f"{spec_path.name}: an API name must be lowercase letters, digits and single underscores"
        )
    unknown = set(entry) - SETTINGS
    if unknown:
        raise RegistryError(f"[tool.vendor-clients.apis.{name}]: unknown settings {sorted(unknown)}")
    upper = name.upper()
    client_parameters = dict(entry.get("client-parameters", {}))
    return Api(
        name=name,
        spec_path=spec_path,
        token_env=entry.get("token-env", f"{upper}_TOKEN"),
        base_url_env=entry.get("base-url-env", f"{upper}_BASE_URL"),
        envelope=entry.get("envelope"),
        client_parameters=client_parameters,
        scheme_env=dict(entry.get("scheme-env", {})),
        mock=mock_settings(name, entry.get("mock", {}), client_parameters),
        house_style=entry.get("house-style", False) is True,
        entry=entry,
    )


def mock_settings(name: str, entry: dict[str, Any], client_parameters: dict[str, str]) -> MockSettings:
    """The ``mock`` table of an entry with its defaults (port 0 = not yet assigned, see ``apis``)."""
    unknown = set(entry) - MOCK_SETTINGS
    if unknown:
        raise RegistryError(f"[tool.vendor-clients.apis.{name}.mock]: unknown settings {sorted(unknown)}")
    scope = {
        parameter: str(uuid.uuid5(uuid.NAMESPACE_URL, f"{name}/{parameter}"))
        for parameter in client_parameters
    }
    return MockSettings(
        token=entry.get("token", f"{name}-test-token"),
        port=entry.get("port", 0),
        scope=scope | dict(entry.get("scope", {})),
        seed=entry.get("seed", MockSettings.seed),
        override=entry.get("override"),
        options=dict(entry.get("options", {})),
    )


def with_ports(found: list[Api]) -> list[Api]:
    """Give every API without a configured mock port the next free one from FIRST_MOCK_PORT."""
    taken = {a.mock.port for a in found if a.mock.port}
    free = (port for port in range(FIRST_MOCK_PORT, 65536) if port not in taken)
    return [a if a.mock.port else replace(a, mock=replace(a.mock, port=next(free))) for a in found]


def folder_apis(specs: Path, pyproject: Path) -> list[Api]:
    """Every API of a specs folder, sorted by name, with the entries of ``pyproject``."""
    table = registry_table(pyproject)
    paths = sorted(specs.glob("*.yaml"))
    orphans = set(table) - {path.stem for path in paths}
    if orphans:
        raise RegistryError(f"[tool.vendor-clients.apis] names APIs without a spec: {sorted(orphans)}")
    return with_ports([make_api(path, table.get(path.stem, {})) for path in paths])
