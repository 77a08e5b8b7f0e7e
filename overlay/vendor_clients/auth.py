"""Bearer-token auth that keeps the token out of every repr, str and message."""

from __future__ import annotations

import re
from collections.abc import Generator
from urllib.parse import quote, quote_plus

import httpx

REDACTED = "***"
TOKEN_CHARACTER = r"[A-Za-z0-9\-._~]"
"""A character that may continue a word around the token: it is redacted only where it stands whole, and
``/``, ``+``, ``=``, ``&`` (URL delimiters) end a word, so an echoed token is hidden in paths and queries."""


class Secret:
    """A credential whose repr and str never show it; ``reveal()`` is the one way to read it. ``redact``
    hides it in every form a message may carry it: as is, escaped as in a ``repr`` of str or bytes, and
    percent-encoded as in a URL."""

    __slots__ = ("__weakref__", "_forms", "_pattern", "_value")

    def __init__(self, value: str) -> None:
        self._value = value
        forms = {
            value,
            repr(value)[1:-1],
            repr(value.encode())[2:-1],
            quote(value, safe=""),
            quote_plus(value),
        }
        self._forms = sorted(forms, key=len, reverse=True)
        alternatives = "|".join(map(re.escape, self._forms))
        self._pattern = re.compile(f"(?<!{TOKEN_CHARACTER})(?:{alternatives})(?!{TOKEN_CHARACTER})")

    def reveal(self) -> str:
        return self._value

    def redact(self, text: str) -> str:
        """``text`` with every whole occurrence of the secret replaced (servers sometimes echo it); the
        secret inside a longer word is not the secret, so a short one does not garble the text."""
        if any(form in text for form in self._forms):
            return self._pattern.sub(REDACTED, text)
        return text

    def __repr__(self) -> str:
        return f"Secret({REDACTED!r})"

    __str__ = __repr__


class BearerAuth(httpx.Auth):
    """Sends ``Authorization: Bearer <token>`` on every request, retries included."""

    def __init__(self, token: Secret) -> None:
        self._header = f"Bearer {token.reveal()}"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._header
        yield request

    def __repr__(self) -> str:
        return f"BearerAuth({REDACTED!r})"
