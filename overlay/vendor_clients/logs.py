"""Call logging, switched on by ``<NAME>_LOG`` (one API) or ``VENDOR_CLIENTS_LOG`` (every API): ``info``
logs each call's request and response line with its time and retries, ``debug`` adds their headers and
bodies (capped). Credentials are redacted always; records go to the ``vendor_clients.<name>`` logger."""

from __future__ import annotations

import logging
import os
import time

import httpx

from .auth import Secret
from .errors import ConfigurationError
from .redaction import FILTER, redacted_headers
from .responses import capped_text

ROOT = "vendor_clients"
SWITCH = "VENDOR_CLIENTS_LOG"
LEVELS = {"info": logging.INFO, "debug": logging.DEBUG}
BODY_CHARS = 2048
"""The most of a body a debug record shows."""
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def call_logger(api: str) -> logging.Logger | None:
    """The logger of ``api``'s calls when it logs them (INFO or finer), else None; the variables set its
    level (and ``vendor_clients``'s), and give records a stderr handler when the application has none."""
    logger = logging.getLogger(f"{ROOT}.{api}")
    logger.addFilter(FILTER)  # a logger's filters see only its own records
    switched = False
    for variable, name in ((SWITCH, ROOT), (f"{api.upper()}_LOG", logger.name)):
        value = os.environ.get(variable, "").strip().lower()
        if value:
            if value not in LEVELS:
                raise ConfigurationError(f"{variable} must be {' or '.join(LEVELS)}")
            logging.getLogger(name).setLevel(LEVELS[value])
            switched = True
    if switched:
        logging.basicConfig(format=FORMAT)  # does nothing when the application configured logging
    return logger if logger.isEnabledFor(logging.INFO) else None


class CallLog:
    """What one client logs of a request and its response."""

    def __init__(self, logger: logging.Logger, secret: Secret, retry_count_header: str | None) -> None:
        self._logger = logger
        self._secret = secret
        self._retries = retry_count_header

    def sending(self, request: httpx.Request) -> float:
        if self._logger.isEnabledFor(logging.DEBUG):
            self._logger.debug("%s %s %s", *self._line(request), self._details(request))
        return time.perf_counter()

    def received(self, request: httpx.Request, response: httpx.Response, start: float) -> None:
        retries = request.headers.get(self._retries) if self._retries else None
        after = f" after {retries} {'retry' if retries == '1' else 'retries'}" if retries else ""
        self._logger.info(
            "%s %s -> %d %s (%s) in %.1f ms%s",
            *self._line(request),
            response.status_code,
            response.reason_phrase,
            response.http_version,
            (time.perf_counter() - start) * 1000,
            after,
        )
        if self._logger.isEnabledFor(logging.DEBUG):
            self._logger.debug(
                "%s %s -> %d %s", *self._line(request), response.status_code, self._details(response)
            )

    def failed(self, request: httpx.Request, error: Exception, start: float) -> None:
        self._logger.info(
            "%s %s failed after %.1f ms: %s: %s",
            *self._line(request),
            (time.perf_counter() - start) * 1000,
            type(error).__name__,
            self._secret.redact(str(error)),
        )

    def _line(self, request: httpx.Request) -> tuple[str, str]:
        return request.method, self._secret.redact(str(request.url))

    def _details(self, message: httpx.Request | httpx.Response) -> str:
        headers = redacted_headers(message.headers, self._secret)
        text, more = capped_text(message, BODY_CHARS)
        shown = ", ".join(f"{name}: {value}" for name, value in headers.multi_items())
        body = self._secret.redact(text) + (" ..." if more else "")
        return f"headers {{{shown}}} body {body!r}"


class LoggingTransport(httpx.BaseTransport):
    """Logs each request that goes through it (under the client, over its retries)."""

    def __init__(self, inner: httpx.BaseTransport, log: CallLog) -> None:
        self._inner = inner
        self._log = log

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        start = self._log.sending(request)
        try:
            response = self._inner.handle_request(request)
        except Exception as error:
            self._log.failed(request, error, start)
            raise
        self._log.received(request, response, start)
        return response

    def close(self) -> None:
        self._inner.close()


class AsyncLoggingTransport(httpx.AsyncBaseTransport):
    """The async twin of ``LoggingTransport``."""

    def __init__(self, inner: httpx.AsyncBaseTransport, log: CallLog) -> None:
        self._inner = inner
        self._log = log

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        start = self._log.sending(request)
        try:
            response = await self._inner.handle_async_request(request)
        except Exception as error:
            self._log.failed(request, error, start)
            raise
        self._log.received(request, response, start)
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()
