"""What a mock was sent: one record per request, credentials redacted, with the reason when the request
does not conform to the spec (a consumer-side contract check). The last ``KEPT`` requests are kept."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

KEPT = 10_000
"""Most requests a mock remembers (older ones are dropped first)."""
REDACTED = "<redacted>"
CREDENTIAL_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie"})


@dataclass(frozen=True)
class SentCall:
    """One request a mock received."""

    operation: str | None
    """The operation id (None: the path or method is not in the spec)."""
    method: str
    path: str
    path_values: dict[str, Any]
    """The path parameters, typed as the spec says (raw text when the request did not validate)."""
    query: dict[str, Any]
    """The query parameters the request named, typed likewise."""
    body: Any
    headers: dict[str, str]
    """Lowercase names; credentials (``Authorization``, ``Cookie``, API key headers) redacted."""
    status: int
    """The status the mock answered."""
    violation: str | None = None
    """Why the request does not conform to the spec (None: it does)."""


class Recorder:
    """The requests of one mock, in order; ``secret_headers`` and ``secret_query`` name further
    credentials to redact (the spec's API key headers and query parameters)."""

    def __init__(self, secret_headers: Iterable[str] = (), secret_query: Iterable[str] = ()) -> None:
        self.secret_headers = CREDENTIAL_HEADERS | {name.lower() for name in secret_headers}
        self.secret_query = frozenset(secret_query)
        self.calls: deque[SentCall] = deque(maxlen=KEPT)

    def headers(self, headers: Mapping[str, str]) -> dict[str, str]:
        return {k: REDACTED if k in self.secret_headers else v for k, v in headers.items()}

    def query(self, query: Mapping[str, Any]) -> dict[str, Any]:
        return {k: REDACTED if k in self.secret_query else v for k, v in query.items()}

    def add(self, call: SentCall) -> None:
        self.calls.append(call)
