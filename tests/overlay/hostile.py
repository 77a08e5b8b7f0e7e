"""A raw HTTP/1.1 server on 127.0.0.1 that answers every request with a scripted, possibly hostile,
behaviour: exact bytes, drips, bombs, endless bodies. It counts what it sent and stops with its block."""

from __future__ import annotations

import socket
import socketserver
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

Behaviour = Callable[["Connection"], None]
HEAD_LIMIT = 64 * 1024


@dataclass
class Connection:
    """One accepted request: write to it until the client goes away or the server stops."""

    sock: socket.socket
    stopping: threading.Event
    counters: dict[str, int]
    request: bytes = b""

    def send(self, data: bytes) -> bool:
        """Send ``data``; False once the client has gone (or the server is stopping)."""
        if self.stopping.is_set():
            return False
        try:
            self.sock.sendall(data)
        except OSError:
            return False
        self.counters["sent"] += len(data)
        return True

    def send_all(self, chunks: Iterable[bytes]) -> None:
        for chunk in chunks:
            if not self.send(chunk):
                return

    def close(self, reset: bool = False) -> None:
        """Close the connection: with a FIN, or with a RST when ``reset``."""
        if reset:
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.sock.close()

    def drip(self, data: bytes, interval: float) -> None:
        """One byte at a time, ``interval`` seconds apart."""
        for index in range(len(data)):
            if not self.send(data[index : index + 1]) or self.stopping.wait(interval):
                return


@dataclass
class HostileServer:
    url: str
    counters: dict[str, int] = field(default_factory=lambda: {"sent": 0, "requests": 0})


def head(status: int = 200, body_length: int | None = None, **headers: str) -> bytes:
    """A status line and headers; ``body_length`` None: no Content-Length (the body ends at close)."""
    lines = [f"HTTP/1.1 {status} X"]
    if body_length is not None:
        lines.append(f"Content-Length: {body_length}")
    else:
        lines.append("Connection: close")
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def respond(status: int, body: bytes, **headers: str) -> Behaviour:
    headers.setdefault("Content_Type", "application/json")
    return lambda connection: connection.send_all([head(status, len(body), **headers), body])


def zeros_gzip() -> Iterator[bytes]:
    """A gzip stream of zeros that never ends, about 1 KiB per MiB: after a full flush, the same MiB
    compresses to the same bytes, so one block is repeated."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = bytes(1024 * 1024)
    yield compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    while True:
        yield repeated


@contextmanager
def hostile_server(behaviour: Behaviour) -> Iterator[HostileServer]:
    stopping = threading.Event()
    served = HostileServer("")

    class Handler(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            sock: socket.socket = self.request
            sock.settimeout(10)
            while (received := _request_head(sock)) is not None:  # keep-alive: request after request
                served.counters["requests"] += 1
                behaviour(Connection(sock, stopping, served.counters, received))
                if stopping.is_set():
                    return

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler, bind_and_activate=True)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    served.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield served
    finally:
        stopping.set()
        server.shutdown()
        server.server_close()


def _request_head(sock: socket.socket) -> bytes | None:
    """The next request's head (bodies are not read: the clients here send none), None at close."""
    received = b""
    while b"\r\n\r\n" not in received and len(received) < HEAD_LIMIT:
        try:
            data = sock.recv(65536)
        except OSError:
            return None
        if not data:
            return None
        received += data
    return received


def elapsed(call: Callable[[], object]) -> tuple[float, BaseException | None]:
    """Seconds ``call`` took, and what it raised (None if nothing)."""
    started = time.monotonic()
    try:
        call()
    except BaseException as exc:
        return time.monotonic() - started, exc
    return time.monotonic() - started, None
