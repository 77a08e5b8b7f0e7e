"""Client settings from arguments or the environment: token, base URL, scope, timeouts; checked at once."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from .errors import ConfigurationError

DOT_SEGMENTS = ("", ".", "..")
"""Path parameter values that would change which resource a request names."""

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
"""Five seconds to connect, thirty to read, write or wait for a pooled connection."""


@dataclass(frozen=True, slots=True)
class ApiSettings:
    """Where one API's settings come from when they are not passed as arguments (from its registry entry)."""

    name: str
    token_env: str
    base_url_env: str
    default_base_url: str | None
    """None when the spec has no servers: the base URL must be given."""
    client_parameters: Mapping[str, str] = field(default_factory=dict)
    """Path parameters given once per client: argument name -> environment variable."""

    def base_url(self, value: str | None) -> str:
        url = value or os.environ.get(self.base_url_env) or self.default_base_url
        if url is None:
            raise ConfigurationError(
                f"No {self.name} base URL (the spec has no servers): pass base_url or set the environment "
                f"variable {self.base_url_env}"
            )
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise ConfigurationError(
                f"{self.name} base URL must be an http:// or https:// URL, got {url!r} "
                f"(argument base_url or environment variable {self.base_url_env})"
            )
        return url

    def scope(self, values: Mapping[str, str | None]) -> dict[str, str]:
        """Each client parameter from its argument or environment variable, fit to stand in a path."""
        scope = {}
        for name, variable in self.client_parameters.items():
            value = required(values.get(name), variable, f"{self.name} {name}")
            if value in DOT_SEGMENTS:
                raise ConfigurationError(
                    f"{self.name} {name} must not be {value!r} (it would change the path)"
                )
            scope[name] = value
        return scope


def required(value: str | None, variable: str, what: str) -> str:
    """``value``, else the environment variable ``variable``; a ``ConfigurationError`` naming it if both
    are missing or empty, or if the value is not a string."""
    found = value or os.environ.get(variable)
    if not found:
        raise ConfigurationError(
            f"No {what}: pass it as an argument or set the environment variable {variable}"
        )
    if not isinstance(found, str):
        raise ConfigurationError(f"{what} must be a string, got {type(found).__name__}")
    return found


def integer_problem(value: Any, least: int) -> str | None:
    """Why ``value`` is not an integer ``>= least`` (a bool is not one), or None if it is."""
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        return f"must be an integer >= {least}, got {value!r}"
    return None


def timeout_problem(value: Any) -> str | None:
    """Why ``value`` is not a timeout (seconds >= 0, an ``httpx.Timeout`` or None), or None if it is."""
    if value is None or isinstance(value, httpx.Timeout):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"must be seconds, an httpx.Timeout or None, got {type(value).__name__}"
    return "must not be negative" if value < 0 else None


def checked_timeout(value: Any) -> float | httpx.Timeout | None:
    """A client's timeout, or a ``ConfigurationError`` saying why it is not one."""
    problem = timeout_problem(value)
    if problem is not None:
        raise ConfigurationError(f"timeout {problem}")
    timeout: float | httpx.Timeout | None = value
    return timeout
