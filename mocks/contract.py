"""Schemathesis settings for fuzzing every API of the registry against its mock, derived from the registry.

The contract suite (``tests/contract``) builds its ``SchemathesisConfig`` from ``settings()``; ``make fuzz``
runs ``python -m mocks.contract settings FILE`` to write the same settings as a ``schemathesis.toml`` for
the CLI, and ``... operations NAME`` to list the operations it fuzzes one by one.
Per API: its title, the mock's credentials for each security scheme (``mocks.auth``), the scope path
parameters pinned to the only values the token may use (fuzzing them would only ever meet 403), and the
operations whose document contradicts itself under fuzzing (``contradictions``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mocks import served_apis
from mocks.apis import Api
from mocks.auth import fuzz_auth
from mocks.registry import apis
from mocks.spec import METHODS

PHASES = ("examples", "coverage", "fuzzing", "stateful")


def credentials(served: Api) -> dict[str, dict[str, str]]:
    """``auth.openapi``: the mock's credentials for every security scheme of the spec it can check
    (``mocks.auth``)."""
    schemes = served.spec.get("components", {}).get("securitySchemes", {})
    found = {name: fuzz_auth(served, scheme) for name, scheme in schemes.items()}
    return {name: auth for name, auth in found.items() if auth is not None}


@dataclass(frozen=True)
class Contradiction:
    """Where a document contradicts itself (a JSON pointer into it), how, and the schemathesis check that
    is off for the operation (``operation``, as schemathesis names it) because of it."""

    operation: str
    pointer: str
    message: str
    check: str


def pointer(parts: Sequence[str]) -> str:
    """The JSON pointer of a location (``/paths/~1pets/get``)."""
    return "".join("/" + part.replace("~", "~0").replace("/", "~1") for part in parts)


def contradictions(served: Api) -> list[Contradiction]:
    """Where the document contradicts itself under fuzzing: an operation that takes input (parameters or
    a body) but documents no 4xx, ``4XX`` or ``default`` response, so invalid input has no documented
    answer (a 400 is an undocumented status; a 2xx accepts what the schema refuses): the mock still
    answers 400, without the undocumented-status check; a success body whose ``oneOf`` names one schema
    twice, so no body is valid: without the response-schema check. The suite lists them."""
    found = []
    for template, item in served.spec.get("paths", {}).items():
        for method in [m for m in item if m in METHODS]:
            op, name = item[method], f"{method.upper()} {template}"
            takes = item.get("parameters") or op.get("parameters") or op.get("requestBody")
            statuses = [str(status) for status in op.get("responses", {})]
            if takes and not any(status[0] == "4" or status == "default" for status in statuses):
                found.append(
                    Contradiction(
                        name,
                        pointer(("paths", template, method, "responses")),
                        "takes input but documents no 4xx or default response for invalid input (fuzzed "
                        "without the undocumented-status check)",
                        "status_code_conformance",
                    )
                )
            for status, response in op.get("responses", {}).items():
                for media, content in (response.get("content") or {}).items():
                    members = [
                        json.dumps(m, sort_keys=True) for m in (content.get("schema") or {}).get("oneOf", [])
                    ]
                    if len(set(members)) < len(members):
                        at = ("paths", template, method, "responses", str(status), "content", media, "schema")
                        found.append(
                            Contradiction(
                                name,
                                pointer((*at, "oneOf")),
                                "names one schema twice, so no body is valid (fuzzed without the "
                                "response-schema check)",
                                "response_schema_conformance",
                            )
                        )
    return found


def project(served: Api) -> dict[str, Any]:
    """One ``[[project]]`` table (without ``auth`` for a spec without security: schemathesis refuses an
    empty one)."""
    table: dict[str, Any] = {"title": served.spec["info"]["title"]}
    auth = credentials(served)
    if auth:
        table["auth"] = {"openapi": auth}
    if served.mock.scope:
        table["parameters"] = {f"path.{name}": value for name, value in served.mock.scope.items()}
    off: dict[str, dict[str, Any]] = {}
    for found in contradictions(served):
        off.setdefault(found.operation, {})[found.check] = {"enabled": False}
    if off:
        table["operations"] = [{"include-name": name, "checks": checks} for name, checks in off.items()]
    return table


STATEFUL = {"generation": {"mode": "positive"}}
"""The stateful phase sends valid data only: its workflows are there to reach the item operations with real
ids, and invalid data (missing credentials included) is what the other phases send every operation."""


def settings(served: list[Api] | None = None) -> dict[str, Any]:
    """Every phase on, one project per API."""
    return {
        "phases": {phase: {"enabled": True} | (STATEFUL if phase == "stateful" else {}) for phase in PHASES},
        "project": [project(found) for found in (apis() if served is None else served)],
    }


def toml(data: dict[str, Any]) -> str:
    """``settings()`` as TOML (its values are strings, booleans, tables and lists of tables only; JSON
    strings are TOML basic strings)."""

    def inline(value: Any) -> str:
        if isinstance(value, dict):
            return "{ " + ", ".join(f"{json.dumps(k)} = {inline(v)}" for k, v in value.items()) + " }"
        if isinstance(value, list):
            return "[" + ", ".join(inline(v) for v in value) + "]"
        return json.dumps(value)

    lines = [
        f"[phases.{name}]\n" + "".join(f"{key} = {inline(value)}\n" for key, value in phase.items())
        for name, phase in data["phases"].items()
    ]
    for table in data["project"]:
        lines.append("[[project]]\n" + "".join(f"{key} = {inline(value)}\n" for key, value in table.items()))
    return "\n".join(lines)


def fuzzable(served: Api) -> bool:
    """Whether the settings of ``served`` can be derived; if not, says why on stderr (the schemathesis run
    of that spec then fails on its own, and the others' settings are still written)."""
    try:
        project(served)
    except Exception as error:  # any problem of one spec is that spec's alone
        print(
            f"mocks.contract: {served.spec_path} left out: {type(error).__name__}: {error}", file=sys.stderr
        )
        return False
    return True


def operations(served: Api) -> list[str]:
    """Every operation of the spec as schemathesis names it (``GET /pets/{petId}``), with an
    ``operationId`` or not."""
    return [
        f"{method.upper()} {template}"
        for template, item in served.spec.get("paths", {}).items()
        for method in item
        if method in METHODS
    ]


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m mocks.contract [--specs DIR] settings FILE [--api NAME]``: write the settings for the
    schemathesis CLI (of one API only with ``--api``: schemathesis picks a project by the spec's title, which
    two specs may share); ``... operations NAME``: print the operations of one API, one per line."""
    parser = argparse.ArgumentParser(prog="python -m mocks.contract", description=__doc__)
    parser.add_argument("--specs", type=Path, metavar="DIR", help="the specs of DIR instead of specs/")
    parser.add_argument("--api", metavar="NAME", help="settings: of this API only")
    parser.add_argument("command", choices=("settings", "operations"))
    parser.add_argument("target", help="settings: the file to write; operations: the API's name")
    options = parser.parse_args(argv)
    served = [found for found in served_apis(options.specs) if options.api in (None, found.name)]
    if options.command == "settings":
        data = toml(settings([found for found in served if fuzzable(found)]))
        Path(options.target).write_text(data, encoding="utf-8")
    else:
        [found] = [found for found in served if found.name == options.target]
        print("\n".join(operations(found)))


if __name__ == "__main__":
    main()
