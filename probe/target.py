"""What the probe talks to: an API's safe operations and the settings its generated client reads."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Any

from vendor_clients.auth import Secret
from vendor_clients.config import ApiSettings, required
from vendor_clients.operation import Operation

from codegen.registry import Api

SAFE_METHODS = frozenset({"GET", "HEAD"})
"""The only methods the probe ever sends."""


@dataclass(frozen=True)
class Target:
    """One API as the probe sees it: where, with which token and scope, and which operations it may call."""

    api: Api
    base_url: str
    token: Secret
    scope: dict[str, str]
    """Client-level path parameters (wire name -> value), from the environment."""
    operations: dict[str, Operation[Any]]
    """The API's GET and HEAD operations, by operationId."""

    def redact(self, text: str) -> str:
        """``text`` with the token redacted wherever it stands whole (URL paths and queries included)."""
        return self.token.redact(text)


def client_operations(api: Api) -> dict[str, Operation[Any]]:
    """The ``Operation`` constants of the API's generated client, by operationId."""
    module = import_module(f"{api.client_package}.api")
    return {value.operation_id: value for value in vars(module).values() if isinstance(value, Operation)}


def safe_operations(api: Api) -> dict[str, Operation[Any]]:
    """The API's operations whose method is GET or HEAD: the only ones the probe may call."""
    return {op_id: op for op_id, op in client_operations(api).items() if op.method.upper() in SAFE_METHODS}


def target(api: Api) -> Target:
    """The API with the base URL, token and client parameters its client reads from the environment;
    ``ConfigurationError`` naming the variable when one is missing."""
    settings: ApiSettings = import_module(f"{api.client_package}.api").API
    return Target(
        api=api,
        base_url=settings.base_url(None).rstrip("/"),
        token=Secret(required(None, settings.token_env, f"{api.name} token")),
        scope=settings.scope({}),
        operations=safe_operations(api),
    )
