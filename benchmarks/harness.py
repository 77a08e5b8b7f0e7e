"""Timing primitives and the result table shared by every benchmark."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Figure:
    """One measured figure: a row of the table and an entry of the JSON file."""

    section: str
    name: str
    value: float
    unit: str
    target: str = ""
    met: bool | None = None
    skipped: str = ""
    """Why the figure could not be measured in this run (its value is then meaningless)."""

    def as_dict(self) -> dict[str, object]:
        """The figure as plain JSON data."""
        return asdict(self)


def median_seconds(fn: Callable[[], object], *, repeats: int, number: int = 1) -> float:
    """Median over repeats of the mean wall time of number consecutive calls of fn."""
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        samples.append((time.perf_counter() - start) / number)
    return statistics.median(samples)


def interleaved_ratio(
    fn: Callable[[], object], baseline: Callable[[], object], *, rounds: int, number: int
) -> tuple[float, float]:
    """The median over ``rounds`` of fn's time / baseline's time, each round timing ``number`` calls of
    both back to back (so a slow spell of a shared machine hits both) in this process's CPU time (so the
    time other jobs take the core is not counted), and the spread: half the distance between the 10th and
    90th percentile ratios, as a share of the median."""
    ratios = []
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(number):
            baseline()
        middle = time.process_time()
        for _ in range(number):
            fn()
        ratios.append((time.process_time() - middle) / (middle - start))
    median = statistics.median(ratios)
    if rounds < 3:
        return median, 0.0
    deciles = statistics.quantiles(ratios, n=10)
    return median, (deciles[-1] - deciles[0]) / 2 / median


def calls_per_repeat(fn: Callable[[], object], budget: float = 0.05) -> int:
    """How many calls of fn fill about budget seconds (at least one), timed after a first call (which pays
    one-time costs) as the median of five."""
    fn()
    once = max(median_seconds(fn, repeats=5), 1e-7)
    return max(1, int(budget / once))


def render(figures: list[Figure]) -> str:
    """The figures as one aligned text table."""
    header = ("section", "figure", "value", "unit", "target", "met")
    rows = [header] + [
        (
            f.section,
            f.name,
            "skipped" if f.skipped else f"{f.value:.3g}" if abs(f.value) < 1000 else f"{f.value:,.0f}",
            f.unit,
            f.target,
            "" if f.met is None else ("yes" if f.met else "NO"),
        )
        for f in figures
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
