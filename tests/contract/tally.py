"""How many generated cases the contract suite sent, per API and kind, for the end-of-run summary."""

from __future__ import annotations

from collections import Counter

CASES: Counter[tuple[str, str]] = Counter()
