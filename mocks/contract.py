"""Schemathesis settings for fuzzing every API of the registry against its mock, derived from the registry.

The contract suite (``tests/contract``) builds its ``SchemathesisConfig`` from ``settings()``; ``make fuzz``
runs ``python -m mocks.contract FILE`` to write the same settings as a ``schemathesis.toml`` for the CLI.
Per API: its title, the mock's token for each security scheme, and the scope path parameters pinned to
the only values the token may use (fuzzing them would only ever meet 403).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from codegen.registry import Api, apis

PHASES = ("examples", "coverage", "fuzzing", "stateful")


def credentials(served: Api) -> dict[str, dict[str, str]]:
    """``auth.openapi``: the mock's token for every bearer or API-key scheme of the spec."""
    schemes = served.spec.get("components", {}).get("securitySchemes", {})
    found: dict[str, dict[str, str]] = {}
    for name, scheme in schemes.items():
        if scheme.get("type") == "http" and scheme.get("scheme", "").lower() == "bearer":
            found[name] = {"bearer": served.mock.token}
        elif scheme.get("type") == "apiKey":
            found[name] = {"api_key": served.mock.token}
    return found


def project(served: Api) -> dict[str, Any]:
    """One ``[[project]]`` table."""
    table: dict[str, Any] = {"title": served.spec["info"]["title"], "auth": {"openapi": credentials(served)}}
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
