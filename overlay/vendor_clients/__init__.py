"""The runtime of the generated API clients: auth, configuration, typed errors, retries, timeouts, response
validation and pagination. Each ``specs/<name>.yaml`` generates ``<name>_client`` with ``<Name>Client`` and
``Async<Name>Client``; they are importable from here too (``from vendor_clients import PilferClient``)."""

import re
from importlib import import_module
from typing import Any

from .base_client import USE_DEFAULT
from .config import DEFAULT_TIMEOUT
from .errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    InvalidRequestError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    ResponseValidationError,
    ServerError,
    VendorClientError,
)
from .retries import ALL_METHODS, IDEMPOTENT_METHODS, RetryPolicy

__all__ = [
    "ALL_METHODS",
    "DEFAULT_TIMEOUT",
    "IDEMPOTENT_METHODS",
    "USE_DEFAULT",
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "InvalidRequestError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "RetryPolicy",
    "ServerError",
    "VendorClientError",
]

GENERATED_CLIENT = re.compile(r"(?:Async)?((?:[A-Z][a-z0-9]*)+)Client")


def __getattr__(name: str) -> Any:
    """``<Name>Client`` and ``Async<Name>Client`` from the generated ``<name>_client`` package."""
    found = GENERATED_CLIENT.fullmatch(name)
    if found is not None:
        package = re.sub(r"(?<!^)(?=[A-Z])", "_", found.group(1)).lower() + "_client"
        try:
            return getattr(import_module(package), name)
        except ModuleNotFoundError as exc:
            if exc.name != package:
                raise
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
