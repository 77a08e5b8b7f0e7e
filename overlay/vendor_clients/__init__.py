"""Auth, pagination, typed errors, retries and timeouts over the generated Pilfer and Lighthouse clients."""

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
    ResponseValidationError,
    ServerError,
    VendorClientError,
)
from .lighthouse import AsyncLighthouseClient, LighthouseClient, WorkspaceFilters
from .pilfer import AsyncPilferClient, PilferClient, SpaceFilters
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
    "AsyncLighthouseClient",
    "AsyncPilferClient",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "InvalidRequestError",
    "LighthouseClient",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "PilferClient",
    "RateLimitError",
    "ResponseValidationError",
    "RetryPolicy",
    "ServerError",
    "SpaceFilters",
    "VendorClientError",
    "WorkspaceFilters",
]
