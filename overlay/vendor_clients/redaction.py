"""Credentials kept out of what the libraries under the clients say: httpx's and httpcore's log records
(DEBUG included) and the exceptions chained under the runtime's own."""

from __future__ import annotations

import logging
from weakref import WeakSet

import httpx

from .auth import REDACTED, Secret

LOGGERS = (
    "vendor_clients",
    "httpx",
    "httpcore",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)
"""Every logger a call can write to: a logger's filters see only its own records, not its children's."""
_LIVE: WeakSet[Secret] = WeakSet()
"""The secrets of the clients still alive."""
SENSITIVE_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})
"""Headers whose values are credentials whatever the client sends: shown as ``***``."""


def protect(secret: Secret) -> Secret:
    """Keep ``secret`` out of every log record of ``LOGGERS`` while it lives."""
    _LIVE.add(secret)
    return secret


def redact(text: str) -> str:
    """``text`` with every live secret hidden."""
    for secret in list(_LIVE):
        text = secret.redact(text)
    return text


def redacted_headers(headers: httpx.Headers, secret: Secret) -> httpx.Headers:
    """``headers`` with ``SENSITIVE_HEADERS`` as ``***`` and ``secret`` hidden in every other value."""
    return httpx.Headers(
        [
            (name, REDACTED if name.lower() in SENSITIVE_HEADERS else secret.redact(value))
            for name, value in headers.multi_items()
        ]
    )


def redact_chain(error: BaseException) -> BaseException:
    """``error`` with every exception under it (causes and contexts, as ``traceback`` shows them) holding
    only redacted arguments; returns ``error``."""
    seen: set[int] = set()
    pending = [error]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        current.args = tuple(_redacted_argument(argument) for argument in current.args)
        pending += [link for link in (current.__cause__, current.__context__) if link is not None]
    return error


def _redacted_argument(argument: object) -> object:
    text = str(argument)
    hidden = redact(text)
    return argument if hidden == text else hidden


class RedactingFilter(logging.Filter):
    """Rewrites a record's message (and its exception) with every live secret hidden; drops nothing."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _LIVE:
            try:
                message = record.getMessage()
            except (TypeError, ValueError):
                return True
            record.msg, record.args = redact(message), None
            if record.exc_info and record.exc_info[1] is not None:
                redact_chain(record.exc_info[1])
                record.exc_text = None
        return True


FILTER = RedactingFilter()
for _name in LOGGERS:
    logging.getLogger(_name).addFilter(FILTER)
