"""``python -m benchmarks.serve_mock API SECONDS``: serve one mock, as ``make mock`` does, on a free
loopback port in this process.

Prints the base URL on its first line, then serves until terminated or until SECONDS have passed.
"""

from __future__ import annotations

import sys
import threading

from codegen.registry import api
from mocks import create_app
from mocks.server import serving_in_thread


def main() -> None:
    """Entry point; arguments as in the module docstring."""
    served, lifetime = api(sys.argv[1]), float(sys.argv[2])
    with serving_in_thread(create_app(served.name, **served.mock.options)) as url:
        print(url, flush=True)
        threading.Event().wait(lifetime)


if __name__ == "__main__":
    main()
