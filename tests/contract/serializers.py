"""Request bodies of media types schemathesis has no serializer for (a vendor's own ``application/x-...``
or ``openapi/python/client``), sent as raw bytes so their operations are fuzzed too."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import schemathesis
from schemathesis.transport import SerializationContext
from schemathesis.transport.requests import REQUESTS_TRANSPORT

from codegen.registry import Api
from mocks.spec import METHODS


def raw(_: SerializationContext, value: Any) -> bytes:
    """Bytes as they are, text as UTF-8, anything else as JSON."""
    if isinstance(value, bytes):
        return value
    return value.encode() if isinstance(value, str) else json.dumps(value).encode()


def register_unknown(served: Iterable[Api]) -> list[str]:
    """Register ``raw`` for every request media type of ``served`` schemathesis cannot serialize; the
    media types it was registered for."""
    media = {
        found
        for api in served
        for item in api.spec.get("paths", {}).values()
        for method, op in item.items()
        if method in METHODS and isinstance(op.get("requestBody"), dict)
        for found in op["requestBody"].get("content", {})
    }
    unknown = sorted(
        found for found in media if REQUESTS_TRANSPORT.get_first_matching_media_type(found) is None
    )
    if unknown:
        schemathesis.serializer(*unknown)(raw)
    return unknown
