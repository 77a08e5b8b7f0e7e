"""Run every benchmark, print one table and write the same figures to a JSON file."""

from __future__ import annotations

import argparse
import json
import platform
from dataclasses import replace
from pathlib import Path

from benchmarks import (
    call_cost,
    concurrency,
    contract,
    generation,
    hostile_memory,
    mock_throughput,
    pagination,
    prefetch,
)
from benchmarks.harness import Figure, render

SECTIONS = (
    generation,
    call_cost,
    pagination,
    prefetch,
    concurrency,
    hostile_memory,
    mock_throughput,
    contract,
)


def main() -> None:
    """Entry point of `python -m benchmarks`."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="run each benchmark once on tiny sizes")
    parser.add_argument(
        "--json", type=Path, default=Path(".bench/results.json"), help="where to write figures"
    )
    names = {section.__name__.rpartition(".")[2]: section for section in SECTIONS}
    parser.add_argument(
        "--section", action="append", choices=names, help="run only this section (repeatable; default: all)"
    )
    args = parser.parse_args()
    figures: list[Figure] = []
    for section in [names[name] for name in args.section] if args.section else SECTIONS:
        figures += section.run(smoke=args.smoke)
    if args.smoke:  # tiny sizes say nothing about the targets
        figures = [replace(f, met=None) for f in figures]
    print(render(figures))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    machine = {"python": platform.python_version(), "machine": platform.machine(), "smoke": args.smoke}
    report = {"machine": machine, "figures": [f.as_dict() for f in figures]}
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten: {args.json}")


if __name__ == "__main__":
    main()
