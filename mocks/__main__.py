"""``python -m mocks``: serve every API of the registry on loopback (``make mock``) and print, per API, the
``export`` lines that point its client at the mock.

Ports come from the registry (Pilfer 4010, Lighthouse 4011, others the next free ones), each overridable
by ``<NAME>_MOCK_PORT``. Every port is taken before anything is printed: one that is not free is one line
naming it and its variable, and exit status 2.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import shlex
import socket
import sys
from collections.abc import Sequence
from pathlib import Path

from mocks import create_app, served_apis
from mocks.apis import Api
from mocks.clients import environment
from mocks.server import HOST, listening_socket, loopback_server, serve_forever

UNUSABLE = 2
"""Exit status when a port cannot be listened on, or no spec can be served."""


class PortError(Exception):
    """A mock's port is not usable; the message names it and the variable that changes it."""


def port_variable(served: Api) -> str:
    return f"{served.name.upper()}_MOCK_PORT"


def port_of(served: Api) -> int:
    """The port ``make mock`` serves an API on."""
    value = os.environ.get(port_variable(served), str(served.mock.port))
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise PortError(f"{port_variable(served)}={value} is not a port number (1-65535)")
    return int(value)


def exports(served: Api, port: int) -> list[str]:
    """``export NAME=value`` lines: the variables the API's client reads, set for its mock on ``port``."""
    values = environment(served, f"http://{HOST}:{port}")
    return [f"export {name}={shlex.quote(value)}" for name, value in values.items()]


def listen(served: Api, free: bool) -> socket.socket:
    """The listening socket of an API's mock: its port, or one the system picks when ``free``."""
    port = 0 if free else port_of(served)
    try:
        return listening_socket(port)
    except OSError as error:
        raise PortError(
            f"{served.name} cannot listen on {HOST}:{port} ({error.strerror}): "
            f"set {port_variable(served)} to a free port"
        ) from None


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m mocks",
        description="Serve the mock of every API on 127.0.0.1 until Ctrl-C, after printing the export "
        "lines that point each API's client at its mock. Ports: the registry's, or <NAME>_MOCK_PORT.",
    )
    parser.add_argument(
        "--free-ports",
        action="store_true",
        help="serve each API on a port the system picks and print 'NAME PORT' lines instead of the "
        "export lines, then an empty line (for scripts: make fuzz)",
    )
    parser.add_argument(
        "--specs", type=Path, metavar="DIR", help="serve the specs of DIR instead of those in specs/"
    )
    parser.add_argument(
        "--admin",
        action="store_true",
        help="also serve the admin routes under /__mock__ (fault injection, recorded requests)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Take every port, build the mocks (a spec that cannot be served is one line, and the others are
    served), print what the clients need, then serve until interrupted."""
    options = parse(argv)
    served = served_apis(options.specs)
    listeners: dict[str, socket.socket] = {}
    try:
        for found in served:
            listeners[found.name] = listen(found, options.free_ports)
    except PortError as error:
        for listener in listeners.values():
            listener.close()
        print(f"mocks: {error}", file=sys.stderr)
        return UNUSABLE
    servers = []
    for found in served:
        listener = listeners[found.name]
        try:
            app = create_app(found, **found.mock.options)
            app.admin = options.admin
        except Exception as error:  # one spec's problem: the others are still served
            listener.close()
            print(
                f"mocks: {found.spec_path} cannot be served: {type(error).__name__}: {error}", file=sys.stderr
            )
            continue
        port = listener.getsockname()[1]
        if options.free_ports:
            print(found.name, port)
        else:
            print(f"# {found.name}: {found.spec_path.name} on http://{HOST}:{port}")
            print("\n".join(exports(found, port)))
        servers.append((loopback_server(app, port), listener))
    print(flush=True)
    if not servers:
        return UNUSABLE
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve_forever(servers))
    return 0


if __name__ == "__main__":
    sys.exit(main())
