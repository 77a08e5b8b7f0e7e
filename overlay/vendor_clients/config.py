"""Client settings from arguments or the environment: token, base URL, timeouts."""

from __future__ import annotations

import os
from dataclasses import dataclass

import httpx

from .errors import ConfigurationError

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
"""Five seconds to connect, thirty to read, write or wait for a pooled connection."""


@dataclass(frozen=True, slots=True)
class ApiSettings:
    """Where one API's settings come from when they are not passed as arguments."""

    name: str
    token_env: str
    base_url_env: str
    default_base_url: str

    def base_url(self, value: str | None) -> str:
        return value or os.environ.get(self.base_url_env) or self.default_base_url


def required(value: str | None, variable: str, what: str) -> str:
    """``value``, else the environment variable ``variable``; a ``ConfigurationError`` naming it if both
    are missing or empty."""
    found = value or os.environ.get(variable)
    if not found:
        raise ConfigurationError(
            f"No {what}: pass it as an argument or set the environment variable {variable}"
        )
    return found
