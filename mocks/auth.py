"""The credentials a mock accepts for each security scheme of its spec, and how a fuzzer sends them.

Every scheme takes the API's mock token (``mock.token`` of its registry entry) the way a client sends it:
``Authorization: Bearer <token>`` for http ``bearer``, ``oauth2`` and ``openIdConnect``; the token itself
as an ``apiKey`` header, query parameter or cookie; for http ``basic``, the API's name as the username
and the token as the password (``basic_login``). A scheme of any other kind (http ``digest``,
``mutualTLS``) accepts nothing.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mocks.apis import Api

LOCATIONS = ("header", "query", "cookie")


@dataclass(frozen=True)
class Credential:
    """Where a request carries a scheme's credential, and its value."""

    location: str
    """``header``, ``query`` or ``cookie``."""
    name: str
    """The header (lowercase), query parameter or cookie name."""
    value: str
    scheme: str | None = None
    """The ``Authorization`` scheme (``bearer``, ``basic``), compared without case; None: ``value`` alone."""


def kind(definition: Mapping[str, Any]) -> str | None:
    """``bearer``, ``basic`` or ``apiKey``: how a scheme is sent; None for a scheme the mocks cannot check."""
    scheme_type = definition.get("type")
    http = str(definition.get("scheme", "")).lower() if scheme_type == "http" else None
    if scheme_type in ("oauth2", "openIdConnect") or http == "bearer":
        return "bearer"
    if http == "basic":
        return "basic"
    if scheme_type == "apiKey" and definition.get("in") in LOCATIONS and definition.get("name"):
        return "apiKey"
    return None


def basic_login(served: Api) -> tuple[str, str]:
    """The username and password of HTTP basic auth on the mock: the API's name and its token."""
    return served.name, served.mock.token


def credential(served: Api, definition: Mapping[str, Any]) -> Credential | None:
    """What the mock of ``served`` accepts for one security scheme (None: nothing)."""
    found = kind(definition)
    if found == "bearer":
        return Credential("header", "authorization", served.mock.token, "bearer")
    if found == "basic":
        pair = ":".join(basic_login(served)).encode()
        return Credential("header", "authorization", base64.b64encode(pair).decode("ascii"), "basic")
    if found == "apiKey":
        location, name = definition["in"], definition["name"]
        return Credential(location, name.lower() if location == "header" else name, served.mock.token)
    return None


def fuzz_auth(served: Api, definition: Mapping[str, Any]) -> dict[str, str] | None:
    """The schemathesis ``auth.openapi`` entry of one scheme (None: the scheme takes nothing)."""
    found = kind(definition)
    if found == "basic":
        username, password = basic_login(served)
        return {"username": username, "password": password}
    if found is None:
        return None
    return {"bearer" if found == "bearer" else "api_key": served.mock.token}


def cookies(header: str) -> dict[str, str]:
    """The cookies of a ``Cookie`` header by name."""
    pairs = (part.strip().partition("=") for part in header.split(";"))
    return {name: value for name, _, value in pairs if name}


def presents(accepted: Credential, headers: Mapping[str, str], query: Sequence[tuple[str, str]]) -> bool:
    """Whether a request (lowercase ``headers``, ``query`` pairs) carries ``accepted``."""
    if accepted.location == "header":
        found = headers.get(accepted.name)
    elif accepted.location == "query":
        found = next((value for name, value in query if name == accepted.name), None)
    else:
        found = cookies(headers.get("cookie", "")).get(accepted.name)
    if found is None:
        return False
    if accepted.scheme is None:
        return found == accepted.value
    scheme, _, value = found.strip().partition(" ")
    return scheme.lower() == accepted.scheme and value.strip() == accepted.value
