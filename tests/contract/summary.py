"""Prints the number of contract cases per API at the end of the run, summed over the xdist workers (loaded
by tests/conftest.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.contract.tally import CASES, INDISTINGUISHABLE, ITEM_CALLS, item_shares

TALLY = "contract_tally"
"""The key of a worker's counts in its ``workeroutput``, read back by the controller."""


def pytest_sessionfinish(session: pytest.Session) -> None:
    """On an xdist worker: hand the counts to the controller."""
    output = getattr(session.config, "workeroutput", None)
    if output is not None:
        output[TALLY] = {
            "cases": list(CASES.items()),
            "items": list(ITEM_CALLS.items()),
            "indistinguishable": list(INDISTINGUISHABLE.items()),
        }


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    """On the xdist controller: add a finished worker's counts."""
    tally = getattr(node, "workeroutput", {}).get(TALLY)
    if tally is not None:
        CASES.update({tuple(key): count for key, count in tally["cases"]})
        ITEM_CALLS.update({tuple(key): count for key, count in tally["items"]})
        INDISTINGUISHABLE.update({tuple(key): count for key, count in tally["indistinguishable"]})


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
    for (name, why), count in sorted(INDISTINGUISHABLE.items()):
        terminalreporter.write_line(
            f"  {name}: {count} negative cases {why}: negative-data check not applied"
        )
