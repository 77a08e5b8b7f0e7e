"""The contract suite draws from the specs alone: Hypothesis's pool of "local constants" is emptied.

Hypothesis (as pinned) mixes into its draws the literals of every project module loaded in the process
(``hypothesis.internal.conjecture.providers``). Which of those are loaded depends on the other tests a
worker ran before (a generated client, the runtime), so the same derandomized test drew other cases, and
another count, beside other specs or in another order. With no local constants, a contract test's cases
depend only on its spec, the seed and the code under test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis.internal.conjecture import providers
from hypothesis.internal.constants_ast import Constants


@pytest.fixture(autouse=True)
def no_local_constants(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    providers.CONSTANTS_CACHE.cache.clear()  # holds the local constants allowed per kind of draw
    monkeypatch.setattr(providers, "_get_local_constants", Constants)
    yield
    providers.CONSTANTS_CACHE.cache.clear()
