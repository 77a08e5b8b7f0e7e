"""The security schemes of a spec, how each sends its credential, and secrets kept out of every repr, str
and message."""

from __future__ import annotations

import os
import re
from base64 import b64encode
from collections.abc import Generator, Mapping
from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote, quote_plus

import httpx

from .config import credential

REDACTED = "***"
TOKEN_CHARACTER = r"[A-Za-z0-9\-._~]"
"""A character that may continue a word around the token: it is redacted only where it stands whole, and
``/``, ``+``, ``=``, ``&`` (URL delimiters) end a word, so an echoed token is hidden in paths and queries."""


class Secret:
    """A credential whose repr and str never show it; ``reveal()`` is the one way to read it. ``redact``
    hides it, and the ``also`` texts (a client's other credentials), in every form a message may carry them:
    as is, escaped as in a ``repr`` of str or bytes, and percent-encoded as in a URL."""

    __slots__ = ("__weakref__", "_forms", "_pattern", "_value")

    def __init__(self, value: str, *also: str) -> None:
        self._value = value
        forms = {
            form
            for text in (value, *also)
            if text
            for form in (
                text,
                repr(text)[1:-1],
                repr(text.encode())[2:-1],
                quote(text, safe=""),
                quote_plus(text),
            )
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


Where = Literal["header", "query", "cookie"]


class CredentialsAuth(httpx.Auth):
    """Sends each ``(where, name, value)`` on every request, retries included: a header, a query parameter
    or a cookie. One requirement of an operation is one of these, all its schemes' credentials together."""

    def __init__(self, sends: tuple[tuple[Where, str, str], ...]) -> None:
        self.sends = sends

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        for where, name, value in self.sends:
            if where == "header":
                request.headers[name] = value
            elif where == "query":
                request.url = request.url.copy_merge_params({name: value})
            else:
                cookie = request.headers.get("Cookie")
                request.headers["Cookie"] = f"{cookie}; {name}={value}" if cookie else f"{name}={value}"
        yield request

    def __repr__(self) -> str:
        return f"CredentialsAuth({REDACTED!r})"


@dataclass(frozen=True, slots=True)
class Scheme:
    """One security scheme of a spec: how its credential is sent and where it is read from."""

    kind: Literal["bearer", "basic", "header", "query", "cookie"]
    """``bearer`` (http bearer, oauth2, openIdConnect), ``basic``, or an apiKey's location."""
    name: str
    """The header, query parameter or cookie it goes in."""
    variables: tuple[str, ...]
    """The environment variables of its credential: the token's; basic's username's and password's."""
    token: bool = False
    """The ``token`` argument gives it (the spec's first token scheme)."""

    def read(self, api: str, given: Mapping[str, str | None]) -> tuple[str, ...] | None:
        """The credential from the constructor arguments ``given`` or the environment, checked as a header
        value; None when a part of it is not set."""
        names = ("username", "password") if self.kind == "basic" else ("token" if self.token else None,)
        sources = [
            (name, variable, given.get(name) if name else None)
            for name, variable in zip(names, self.variables, strict=True)
        ]
        if not all(value or os.environ.get(variable) for _, variable, value in sources):
            return None
        return tuple(
            credential(value, name, variable, f"{api} {name or variable}")
            for name, variable, value in sources
        )

    def sends(self, values: tuple[str, ...]) -> tuple[Where, str, str]:
        """What goes on the wire for the credential ``values``."""
        if self.kind == "basic":
            return "header", self.name, f"Basic {basic(*values)}"
        if self.kind == "bearer":
            return "header", self.name, f"Bearer {values[0]}"
        return self.kind, self.name, values[0]


def basic(username: str, password: str) -> str:
    """HTTP basic's base64 ``user:pass``."""
    return b64encode(f"{username}:{password}".encode()).decode("ascii")
