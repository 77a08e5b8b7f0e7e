"""Prints the number of contract cases at the end of the run."""

from __future__ import annotations

import pytest

from tests.contract.tally import CASES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if CASES:
        details = ", ".join(f"{key} {count}" for key, count in sorted(CASES.items()))
        terminalreporter.write_line(f"contract suite: {CASES.total()} schemathesis cases ({details})")
