"""A contract test draws the same cases whatever else the process loaded (``tests/contract/conftest.py``)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import hypothesis
import pytest
from hypothesis import strategies as st

LITERALS = "WORDS = [{words}]\nNUMBERS = [{numbers}]\n"


def draws() -> list[tuple[str, int]]:
    """What one derandomized Hypothesis test draws (text and integers, the kinds constants are drawn for)."""
    seen: list[tuple[str, int]] = []

    @hypothesis.settings(max_examples=300, derandomize=True, database=None)
    @hypothesis.given(st.text(), st.integers())
    def draw(text: str, number: int) -> None:
        seen.append((text, number))

    draw()
    return seen


def test_a_newly_loaded_module_does_not_change_what_is_drawn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    before = draws()
    words = ", ".join(f'"literal {n} of a module loaded late"' for n in range(50))
    numbers = ", ".join(str(7_000_000 + n) for n in range(50))
    (tmp_path / "loaded_late.py").write_text(LITERALS.format(words=words, numbers=numbers), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        importlib.import_module("loaded_late")
        assert draws() == before
    finally:
        sys.modules.pop("loaded_late", None)
