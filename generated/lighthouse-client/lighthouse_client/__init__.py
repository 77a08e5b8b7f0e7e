"""A client library for accessing PierCloud Lighthouse Workspaces API"""

from .api import AsyncLighthouseClient, LighthouseClient
from .client import AuthenticatedClient, Client

__all__ = (
    "AsyncLighthouseClient",
    "AuthenticatedClient",
    "Client",
    "LighthouseClient",
)
