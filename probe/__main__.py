"""``python -m probe <api> [--json] [--max-requests N] [--rate R] [--timeout S]``: exit 0 no drift, 1 drift,
2 could not run."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

import httpx
from vendor_clients.errors import ConfigurationError

from codegen.registry import RegistryError, api
from probe.budget import DEFAULT_MAX_REQUESTS, DEFAULT_RATE, Budget
from probe.crawl import Probe, client_for
from probe.report import CANNOT_RUN, Report
from probe.target import target


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m probe", description=__doc__)
    parser.add_argument("api", help="an API of the registry (a specs/<api>.yaml)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--max-requests", type=int, default=DEFAULT_MAX_REQUESTS, metavar="N")
    parser.add_argument("--rate", type=float, default=DEFAULT_RATE, metavar="R", help="requests per second")
    parser.add_argument("--timeout", type=float, default=10.0, metavar="S", help="seconds per request")
    return parser.parse_args(argv)


def main(
    argv: list[str] | None = None,
    transport: httpx.BaseTransport | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Run the probe and print its report; ``transport``, ``clock`` and ``sleep`` are for tests."""
    options = arguments(argv)
    try:
        probed = target(api(options.api))
    except (RegistryError, ConfigurationError) as error:
        print(f"probe could not run: {error}", file=sys.stderr)
        return CANNOT_RUN
    budget = Budget(options.max_requests, options.rate, clock, sleep)
    with client_for(
        probed, httpx.Timeout(options.timeout, connect=min(options.timeout, 5.0)), transport=transport
    ) as client:
        report: Report = Probe(probed, client, budget).run()
    print(report.as_json() if options.json else report.as_text())
    if report.failure and not report.drift:
        print(f"probe could not run: {report.failure}", file=sys.stderr)
    return report.exit_code


if __name__ == "__main__":
    sys.exit(main())
