"""Response bodies read under a cap that counts decompressed bytes: the read stops as soon as the cap is
passed, and gzip or deflate is inflated a bounded piece at a time, so neither a huge body nor a
decompression bomb costs more memory than the cap."""

from __future__ import annotations

import zlib
from collections.abc import Iterator

import httpx

PIECE = 64 * 1024
"""The most one decompression step produces."""
WBITS = {"gzip": zlib.MAX_WBITS | 16, "x-gzip": zlib.MAX_WBITS | 16, "deflate": zlib.MAX_WBITS}
"""The content codings inflated here (the ones httpx asks for); others are kept as sent, as httpx does."""


class BodyTooLarge(httpx.RequestError):
    """The body passed the cap (raised in the transport; the client reports ``ResponseTooLargeError``)."""

    def __init__(self, limit: int, request: httpx.Request) -> None:
        super().__init__(f"the response body passed max_response_bytes={limit}", request=request)
        self.limit = limit


class _Inflate:
    """One gzip or deflate coding, inflated at most ``PIECE`` bytes per step. Deflate without its zlib
    header (sent by some servers) is retried as raw deflate, as httpx does."""

    def __init__(self, coding: str) -> None:
        self._coding = coding
        self._zlib = zlib.decompressobj(WBITS[coding])
        self._first = True

    def feed(self, data: bytes) -> Iterator[bytes]:
        first, self._first = self._first, False
        original = data
        try:
            while True:
                piece = self._zlib.decompress(data, PIECE)
                if piece:
                    yield piece
                data = self._zlib.unconsumed_tail
                if not data and len(piece) < PIECE:
                    return
        except zlib.error as exc:
            if not (first and self._coding == "deflate"):
                raise httpx.DecodingError(f"invalid {self._coding} body: {exc}") from exc
            self._zlib, self._coding = zlib.decompressobj(-zlib.MAX_WBITS), "raw deflate"
            yield from self.feed(original)

    def flush(self) -> Iterator[bytes]:
        yield from self.feed(b"")
        yield self._zlib.flush()


class CappedBody:
    """Collects a response's raw chunks, decoded, refusing more than ``limit`` bytes decoded, or raw bytes
    past what any compression of ``limit`` bytes takes (``PIECE`` more: gzip adds a few bytes at worst)."""

    def __init__(self, request: httpx.Request, response: httpx.Response, limit: int) -> None:
        self._request = request
        self._response = response
        self._limit = limit
        codings = [value.strip().lower() for value in response.headers.get_list("content-encoding", True)]
        self._decoders = [_Inflate(coding) for coding in reversed(codings) if coding in WBITS]
        self._buffer = bytearray()
        self._raw = 0

    def add(self, chunk: bytes) -> None:
        self._raw += len(chunk)
        if self._raw > self._limit + PIECE:
            raise BodyTooLarge(self._limit, self._request)
        for piece in self._decoded(chunk, 0):
            self._keep(piece)

    def response(self) -> httpx.Response:
        """A response holding the whole decoded body (without ``Content-Encoding``: it is decoded)."""
        for index, decoder in enumerate(self._decoders):
            for piece in decoder.flush():
                for decoded in self._decoded(piece, index + 1):
                    self._keep(decoded)
        original = self._response
        headers = original.headers
        if self._decoders:
            skipped = {"content-encoding", "content-length"}
            headers = httpx.Headers(
                [item for item in headers.multi_items() if item[0].lower() not in skipped]
            )
        content, self._buffer = bytes(self._buffer), bytearray()
        return httpx.Response(
            original.status_code,
            headers=headers,
            content=content,
            extensions=original.extensions,
        )

    def _decoded(self, data: bytes, index: int) -> Iterator[bytes]:
        if index == len(self._decoders):
            yield data
            return
        for piece in self._decoders[index].feed(data):
            yield from self._decoded(piece, index + 1)

    def _keep(self, piece: bytes) -> None:
        if len(self._buffer) + len(piece) > self._limit:
            raise BodyTooLarge(self._limit, self._request)
        self._buffer += piece

    def check_loaded(self) -> httpx.Response:
        """The response as it is when a transport handed it over already read (``httpx.MockTransport``)."""
        if len(self._response.content) > self._limit:
            raise BodyTooLarge(self._limit, self._request)
        return self._response
