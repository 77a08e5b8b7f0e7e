"""Bearer-token auth that keeps the token out of every repr, str and message."""

from __future__ import annotations

from collections.abc import Generator

import httpx

REDACTED = "***"


class Secret:
    """A credential whose repr and str never show it; ``reveal()`` is the one way to read it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def redact(self, text: str) -> str:
        """``text`` with every occurrence of the secret replaced (servers sometimes echo it)."""
        return text.replace(self._value, REDACTED) if self._value in text else text

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
