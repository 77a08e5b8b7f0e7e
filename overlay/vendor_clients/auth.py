"""Bearer-token auth that keeps the token out of every repr, str and message."""

from __future__ import annotations

import re
from collections.abc import Generator

import httpx

REDACTED = "***"
TOKEN_CHARACTER = r"[A-Za-z0-9\-._~]"
"""A character that may continue a word around the token: it is redacted only where it stands whole, and
``/``, ``+``, ``=``, ``&`` (URL delimiters) end a word, so an echoed token is hidden in paths and queries."""


class Secret:
    """A credential whose repr and str never show it; ``reveal()`` is the one way to read it."""

    __slots__ = ("_pattern", "_value")

    def __init__(self, value: str) -> None:
        self._value = value
        self._pattern = re.compile(f"(?<!{TOKEN_CHARACTER}){re.escape(value)}(?!{TOKEN_CHARACTER})")

    def reveal(self) -> str:
        return self._value

    def redact(self, text: str) -> str:
        """``text`` with every whole occurrence of the secret replaced (servers sometimes echo it); the
        secret inside a longer word is not the secret, so a short one does not garble the text."""
        return self._pattern.sub(REDACTED, text) if self._value in text else text

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
