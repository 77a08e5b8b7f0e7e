"""``python -m benchmarks.serve_mock API SECONDS``: serve one mock on a free loopback port in this process.

Prints the base URL on its first line, then serves until terminated or until SECONDS have passed.
"""

from __future__ import annotations

import sys
import threading

from mocks import lighthouse, pilfer
from mocks.server import serving_in_thread

SEEDED_SPACES = 1000


def main() -> None:
    """Entry point; arguments as in the module docstring."""
    api, lifetime = sys.argv[1], float(sys.argv[2])
    app = pilfer.create_app(spaces=SEEDED_SPACES) if api == "pilfer" else lighthouse.create_app()
    with serving_in_thread(app) as url:
        print(url, flush=True)
        threading.Event().wait(lifetime)


if __name__ == "__main__":
    main()
