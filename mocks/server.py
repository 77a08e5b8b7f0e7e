"""Serving the mocks with uvicorn on loopback: in a background thread (tests) or in the foreground."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import uvicorn
from starlette.applications import Starlette
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

HOST = "127.0.0.1"
MAX_HEAD_BYTES = 16 * 1024
"""Largest request line and headers a mock reads (larger: 400 and the connection closed)."""
HEAD_TIMEOUT = 10.0
"""Seconds a new connection has to send its request line and headers; then it is closed."""
IDLE_TIMEOUT = 5
"""Seconds a kept-alive connection may stay idle between requests."""


class BoundedHead(HttpToolsProtocol):
    """uvicorn's httptools protocol with bounded request heads: a head still incomplete after
    ``MAX_HEAD_BYTES`` is a 400 and the connection closed, and a new connection has ``head_timeout`` to
    send its first (uvicorn itself bounds only the idle time between requests, so a client sending its
    headers a byte at a time would hold a connection for ever). httptools parses several times faster than
    h11, whose ``h11_max_incomplete_event_size`` would do the first."""

    head_timeout = HEAD_TIMEOUT

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.head_bytes, self.unparsed_bytes, self.head_done = 0, 0, False
        self.head_late = self.loop.call_later(self.head_timeout, self.close_without_head)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self.head_bytes, self.unparsed_bytes, self.head_done = 0, 0, False

    def on_url(self, url: bytes) -> None:
        self.parsed(len(url))
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self.parsed(len(name) + len(value) + 4)
        super().on_header(name, value)

    def parsed(self, size: int) -> None:
        """Count a parsed piece of the head; past the cap, fail the parse (uvicorn answers it 400)."""
        self.head_bytes += size
        if self.head_bytes > MAX_HEAD_BYTES:
            raise ValueError("request head too large")

    def on_headers_complete(self) -> None:
        self.head_done = True
        self.head_late.cancel()
        super().on_headers_complete()

    def data_received(self, data: bytes) -> None:
        unread = 0 if self.head_done else len(data)  # a head still arriving: its bytes so far, raw
        super().data_received(data)
        if not self.head_done and not self.transport.is_closing():
            self.unparsed_bytes += unread
            if self.unparsed_bytes > MAX_HEAD_BYTES:
                self.send_400_response("Request head too large")

    def close_without_head(self) -> None:
        if self.cycle is None and not self.transport.is_closing():
            self.transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self.head_late.cancel()
        super().connection_lost(exc)


def loopback_server(app: Starlette, port: int) -> uvicorn.Server:
    """A quiet uvicorn server for ``app`` on 127.0.0.1:``port`` (0 picks a free port), with bounded
    request heads (``MAX_HEAD_BYTES``, ``HEAD_TIMEOUT``) and idle connections (``IDLE_TIMEOUT``)."""
    config = uvicorn.Config(
        app,
        host=HOST,
        port=port,
        log_level="warning",
        access_log=False,
        lifespan="off",
        http=BoundedHead,
        timeout_keep_alive=IDLE_TIMEOUT,
    )
    return uvicorn.Server(config)


def base_url(server: uvicorn.Server) -> str:
    """The ``http://127.0.0.1:<port>`` a started server listens on."""
    port = server.servers[0].sockets[0].getsockname()[1]
    return f"http://{HOST}:{port}"


@contextmanager
def serving_in_thread(app: Starlette, port: int = 0) -> Iterator[str]:
    """Serve ``app`` in a daemon thread for the duration of the block; yields its base URL."""
    server = loopback_server(app, port)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError(f"uvicorn could not start on {HOST}:{port}")
            threading.Event().wait(0.01)
        yield base_url(server)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def listening_socket(port: int) -> socket.socket:
    """A socket listening on 127.0.0.1:``port`` (0 picks a free port); OSError when the port is taken."""
    listener = socket.socket()
    try:
        # A port in TIME_WAIT is taken again; one something listens on is refused.
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((HOST, port))
        listener.listen(2048)
    except OSError:
        listener.close()
        raise
    return listener


async def serve_forever(servers: Sequence[tuple[uvicorn.Server, socket.socket]]) -> None:
    """Run each server on its listening socket, all together, until interrupted."""
    await asyncio.gather(*(server.serve(sockets=[listener]) for server, listener in servers))


def free_port() -> int:
    """A loopback port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until_listening(port: int, process: subprocess.Popen[Any], timeout: float = 60) -> None:
    """Return once something accepts connections on ``port``; RuntimeError when ``process`` exits or
    ``timeout`` seconds pass first."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection((HOST, port), timeout=1).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"nothing listens on {HOST}:{port} ({process.args!r})") from None
            time.sleep(0.1)
