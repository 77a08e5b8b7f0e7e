"""Client settings from arguments or the environment: credentials, base URL, scope, timeouts, limits;
checked at once, and never echoing a credential."""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import httpx

from .errors import ConfigurationError

if TYPE_CHECKING:
    from .auth import Scheme

DOT_SEGMENTS = ("", ".", "..")
"""Path parameter values that would change which resource a request names."""
HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
"""An HTTP header name (RFC 9110 token)."""
HOOKS = ("request", "response")
"""The events of httpx's ``event_hooks``."""

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
"""Five seconds to connect, thirty to read, write or wait for a pooled connection. The read timeout is also
each attempt's deadline: the most one attempt may take in total, however the server drips its bytes."""
DEFAULT_DEADLINE = 60.0
"""Seconds one call may take in all, retries and backoff included."""
DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024
"""The most a response body may hold once decompressed; past it the read stops."""


@dataclass(frozen=True, slots=True)
class ServerVariable:
    """A variable of the first server's URL: the client argument and environment variable that set it."""

    name: str
    """The argument (snake_case of ``wire``)."""
    wire: str
    """Its name in the URL (``{wire}``)."""
    env: str
    default: str
    enum: tuple[str, ...] = ()
    """The values it may take (empty: any)."""


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
    schemes: Mapping[str, Scheme] = field(default_factory=dict)
    """The security schemes the client can send, by name in the spec."""
    server_url: str | None = None
    """The first server's URL with its ``{variables}`` (None: it has none, ``default_base_url`` is it)."""
    server_variables: tuple[ServerVariable, ...] = ()

    def base_url(self, value: str | None, variables: Mapping[str, str | None] | None = None) -> str:
        """The base URL: ``value``, the base URL variable, else the first server's URL with each variable
        from ``variables`` (argument name -> value), its environment variable or its default. An absolute
        http(s) URL without credentials, query or fragment; a path prefix is kept (every operation's path
        is joined under it). Errors never echo the value."""
        url = value or os.environ.get(self.base_url_env) or self.server(variables or {})
        if url is None:
            raise ConfigurationError(
                f"No {self.name} base URL (the spec has no servers): pass base_url or set the environment "
                f"variable {self.base_url_env}"
            )
        where = f"(argument base_url or environment variable {self.base_url_env})"
        problem = url_problem(url)
        if problem is not None:
            raise ConfigurationError(f"{self.name} base URL {problem} {where}")
        return url

    def server(self, values: Mapping[str, str | None]) -> str | None:
        """The first server's URL with each variable from ``values``, its environment variable or its
        default; an enum variable must take one of its values."""
        if self.server_url is None:
            return self.default_base_url
        url = self.server_url
        for variable in self.server_variables:
            found = values.get(variable.name) or os.environ.get(variable.env) or variable.default
            where = f"(argument {variable.name} or environment variable {variable.env})"
            if not isinstance(found, str):
                raise ConfigurationError(f"{self.name} {variable.name} must be a string {where}")
            if variable.enum and found not in variable.enum:
                raise ConfigurationError(
                    f"{self.name} {variable.name} must be one of {list(variable.enum)} {where}"
                )
            url = url.replace(f"{{{variable.wire}}}", found)
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


def credential(value: str | None, argument: str | None, variable: str, what: str) -> str:
    """A credential from ``argument`` (if it has one) or ``variable``, fit to go in a header: not blank, no
    surrounding whitespace, printable ASCII only. The ``ConfigurationError`` names the sources, never the
    value."""
    found = required(value, variable, what)
    where = f"(argument {argument} or environment variable {variable})" if argument else f"({variable})"
    if not found.strip():
        raise ConfigurationError(f"No {what}: it is blank {where}")
    if found != found.strip():
        raise ConfigurationError(f"{what} has leading or trailing whitespace {where}; remove it")
    if not all(" " <= character <= "~" for character in found):
        raise ConfigurationError(
            f"{what} contains a control or non-ASCII character {where}; a credential is printable ASCII"
        )
    return found


def url_problem(url: object) -> str | None:
    """Why ``url`` cannot be a base URL, or None: http(s), a host, no user info, query or fragment."""
    if not isinstance(url, str):
        return f"must be a string, got {type(url).__name__}"
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        return "is not a valid URL"
    if parsed.scheme not in ("http", "https") or not parsed.host:
        return "must be an absolute http:// or https:// URL"
    if parsed.userinfo:
        return "must not contain a user name or password (credentials go in their own settings)"
    if "?" in url or "#" in url:  # an empty query or fragment too
        return "must not have a query or fragment (the operations' paths and queries are joined to it)"
    return None


def integer_problem(value: Any, least: int) -> str | None:
    """Why ``value`` is not an integer ``>= least`` (a bool is not one), or None if it is."""
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        return f"must be an integer >= {least}, got {value!r}"
    return None


def timeout_problem(value: Any) -> str | None:
    """Why ``value`` is not a timeout (seconds >= 0, an ``httpx.Timeout`` of such, or None), or None."""
    if isinstance(value, httpx.Timeout):
        problems = (number_problem(seconds, "seconds") for seconds in value.as_dict().values())
        return next((problem for problem in problems if problem is not None), None)
    if value is not None and not _is_number(value):
        return f"must be seconds, an httpx.Timeout or None, got {type(value).__name__}"
    return number_problem(value, "seconds")


def number_problem(value: Any, unit: str, least: float = 0) -> str | None:
    """Why ``value`` is not a finite number of ``unit`` >= ``least`` or None (no limit), or None if it is."""
    if value is None:
        return None
    if not _is_number(value) or not math.isfinite(value) or value < least:
        return f"must be {unit} >= {least} or None, got {value!r}"
    return None


def deadline_problem(value: Any) -> str | None:
    """Why ``value`` is not a deadline (seconds > 0, or None for none), or None if it is."""
    return number_problem(value, "seconds", least=0.001)


def size_problem(value: Any) -> str | None:
    """Why ``value`` is not a ``max_response_bytes`` (an integer >= 1), or None if it is."""
    return integer_problem(value, 1)


def headers_problem(headers: Any) -> str | None:
    """Why ``headers`` are not headers to send (header names to strings without line breaks), or None;
    never echoing a value."""
    if not isinstance(headers, Mapping):
        return f"must map header names to strings, got {type(headers).__name__}"
    for name, value in headers.items():
        if not (isinstance(name, str) and HEADER_NAME.fullmatch(name)):
            return f"must map header names to strings ({name!r} is not a header name)"
        if not isinstance(value, str) or any(character in value for character in "\r\n\0"):
            return f"must map header names to strings without line breaks ({name} does not)"
    return None


def hooks_problem(hooks: Any) -> str | None:
    """Why ``hooks`` are not httpx ``event_hooks`` (``request`` and ``response`` to lists of callables), or
    None."""
    valid = (
        isinstance(hooks, Mapping)
        and set(hooks) <= set(HOOKS)
        and all(isinstance(each, list | tuple) and all(map(callable, each)) for each in hooks.values())
    )
    return None if valid else f"must map {' and '.join(HOOKS)} to lists of callables"


def _is_number(value: Any) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | float)


def checked_timeout(value: Any) -> float | httpx.Timeout | None:
    """A client's timeout, or a ``ConfigurationError`` saying why it is not one."""
    problem = timeout_problem(value)
    if problem is not None:
        raise ConfigurationError(f"timeout {problem}")
    timeout: float | httpx.Timeout | None = value
    return timeout
