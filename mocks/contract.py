"""Schemathesis settings for fuzzing every API of the registry against its mock, derived from the registry.

The contract suite (``tests/contract``) builds its ``SchemathesisConfig`` from ``settings()``; ``make fuzz``
runs ``python -m mocks.contract FILE`` to write the same settings as a ``schemathesis.toml`` for the CLI.
Per API: its title, the mock's credentials for each security scheme (``mocks.auth``), and the scope path
parameters pinned to the only values the token may use (fuzzing them would only ever meet 403).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from codegen.registry import Api, apis
from mocks.auth import fuzz_auth

PHASES = ("examples", "coverage", "fuzzing", "stateful")


def credentials(served: Api) -> dict[str, dict[str, str]]:
    """``auth.openapi``: the mock's credentials for every security scheme of the spec it can check
    (``mocks.auth``)."""
    schemes = served.spec.get("components", {}).get("securitySchemes", {})
    found = {name: fuzz_auth(served, scheme) for name, scheme in schemes.items()}
    return {name: auth for name, auth in found.items() if auth is not None}


def project(served: Api) -> dict[str, Any]:
    """One ``[[project]]`` table (without ``auth`` for a spec without security: schemathesis refuses an
    empty one)."""
    table: dict[str, Any] = {"title": served.spec["info"]["title"]}
    auth = credentials(served)
    if auth:
        table["auth"] = {"openapi": auth}
    if served.mock.scope:
        table["parameters"] = {f"path.{name}": value for name, value in served.mock.scope.items()}
    return table


def settings(served: list[Api] | None = None) -> dict[str, Any]:
    """Every phase on, one project per API."""
    return {
        "phases": {phase: {"enabled": True} for phase in PHASES},
        "project": [project(found) for found in (apis() if served is None else served)],
    }


def toml(data: dict[str, Any]) -> str:
    """``settings()`` as TOML (its values are strings, booleans and tables only; JSON strings are TOML
    basic strings)."""

    def inline(value: Any) -> str:
        if isinstance(value, dict):
            return "{ " + ", ".join(f"{json.dumps(k)} = {inline(v)}" for k, v in value.items()) + " }"
        return json.dumps(value)

    lines = [f"[phases.{name}]\nenabled = {inline(True)}\n" for name in data["phases"]]
    for table in data["project"]:
        lines.append("[[project]]\n" + "".join(f"{key} = {inline(value)}\n" for key, value in table.items()))
    return "\n".join(lines)


def main() -> None:
    """``python -m mocks.contract FILE``: write the settings for the schemathesis CLI."""
    Path(sys.argv[1]).write_text(toml(settings()), encoding="utf-8")


if __name__ == "__main__":
    main()
