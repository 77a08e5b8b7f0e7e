"""A client library for accessing Pilfer Spaces API"""

from .api import AsyncPilferClient, PilferClient
from .client import AuthenticatedClient, Client

__all__ = (
    "AsyncPilferClient",
    "AuthenticatedClient",
    "Client",
    "PilferClient",
)
