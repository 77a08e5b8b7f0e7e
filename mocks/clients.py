"""The generated client of an API wired to its mock: in-process (through ASGI) or at a base URL.

``client_for("pilfer", app)`` is a ``PilferClient`` with the mock's token and scope, calling ``app``
without a socket; ``asynchronous=True`` gives the ``Async...Client``. For a user's own tests as much as ours.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import httpx
from starlette.types import ASGIApp

from mocks.apis import Api
from mocks.auth import basic_login, kind
from mocks.inprocess import SyncASGITransport
from mocks.registry import api

MOCK_URL = "http://mock.test"
AsyncWrap = Callable[[httpx.AsyncBaseTransport], httpx.AsyncBaseTransport]


def client_for(
    name: str | Api,
    app: ASGIApp | None = None,
    *,
    asynchronous: bool = False,
    base_url: str = MOCK_URL,
    wrap: AsyncWrap | None = None,
    **options: Any,
) -> Any:
    """The API's generated client with the mock's token and scope ids, calling ``app`` in-process (or
    ``base_url`` over the network when there is no app); ``wrap`` goes around the async ASGI transport
    (latency, faults); ``options`` are the client's own (``retry=``, ``timeout=``, ``token=``, ...)."""
    served = api(name) if isinstance(name, str) else name
    package = importlib.import_module(served.client_package)
    cls = getattr(package, f"{'Async' if asynchronous else ''}{served.title}Client")
    if app is not None:
        transport: Any = httpx.ASGITransport(app) if asynchronous else SyncASGITransport(app)
        options["transport"] = wrap(transport) if wrap is not None and asynchronous else transport
    options.setdefault("token", served.mock.token)
    return cls(base_url=base_url, **served.mock.scope, **options)


def environment(served: Api, base_url: str) -> dict[str, str]:
    """The variables the API's client reads, set for its mock at ``base_url``; for a spec with HTTP basic
    auth also ``<NAME>_USERNAME`` and ``<NAME>_PASSWORD`` (``mocks.auth.basic_login``)."""
    values = {served.token_env: served.mock.token, served.base_url_env: base_url}
    values |= {variable: served.mock.scope[name] for name, variable in served.client_parameters.items()}
    schemes = served.spec.get("components", {}).get("securitySchemes", {}).values()
    if any(kind(scheme) == "basic" for scheme in schemes):
        upper = served.name.upper()
        values |= dict(zip((f"{upper}_USERNAME", f"{upper}_PASSWORD"), basic_login(served), strict=True))
    return values
