"""``python -m mocks``: serve every API of the registry on loopback (``make mock``) and print, per API, the
``export`` lines that point its client at the mock.

Ports come from the registry (Pilfer 4010, Lighthouse 4011, others the next free ones), each overridable
by ``<NAME>_MOCK_PORT``.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shlex
import sys

from codegen.registry import Api, apis
from mocks import create_app
from mocks.clients import environment
from mocks.server import HOST, loopback_server, serve_forever


def port_of(served: Api) -> int:
    """The port ``make mock`` serves an API on."""
    return int(os.environ.get(f"{served.name.upper()}_MOCK_PORT", served.mock.port))


def exports(served: Api) -> list[str]:
    """``export NAME=value`` lines: the variables the API's client reads, set for its mock."""
    values = environment(served, f"http://{HOST}:{port_of(served)}")
    return [f"export {name}={shlex.quote(value)}" for name, value in values.items()]


def main() -> None:
    """Print the export lines of every API, then serve them all until Ctrl-C (``--ports``: only print
    ``name port`` per API, for scripts)."""
    served = apis()
    if sys.argv[1:] == ["--ports"]:
        print("\n".join(f"{found.name} {port_of(found)}" for found in served))
        return
    for found in served:
        print(f"# {found.name}: {found.spec_path.name} on http://{HOST}:{port_of(found)}")
        print("\n".join(exports(found)))
    print(flush=True)
    servers = [loopback_server(create_app(a.name, **a.mock.options), port_of(a)) for a in served]
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve_forever(servers))


if __name__ == "__main__":
    main()
