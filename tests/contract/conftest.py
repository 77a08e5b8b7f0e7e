"""Prints the number of contract cases per API at the end of the run."""

from __future__ import annotations

import pytest

from tests.contract.tally import CASES, UNDECLARED_HEADER, item_shares


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not CASES:
        return
    per_api: dict[str, dict[str, int]] = {}
    for (name, kind), count in sorted(CASES.items()):
        per_api.setdefault(name, {})[kind] = count
    terminalreporter.write_line(f"contract suite: {CASES.total()} schemathesis cases")
    for name, kinds in per_api.items():
        details = ", ".join(f"{kind} {count}" for kind, count in kinds.items())
        terminalreporter.write_line(f"  {name}: {sum(kinds.values())} cases ({details})")
    for name, (succeeded, calls) in item_shares().items():
        share = f"{succeeded}/{calls} ({100 * succeeded // calls}%)"
        terminalreporter.write_line(f"  {name}: stateful item operations answered 2xx: {share}")
    for name, count in sorted(UNDECLARED_HEADER.items()):
        terminalreporter.write_line(
            f"  {name}: {count} negative cases adding only an undeclared header: negative-data check not "
            "applied (a server takes any header)"
        )
