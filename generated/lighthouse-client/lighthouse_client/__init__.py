"""A client library for accessing PierCloud Lighthouse Workspaces API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
