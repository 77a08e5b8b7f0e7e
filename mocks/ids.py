"""Deterministic, opaque ids shaped like Convex document ids (32 lowercase base32 characters)."""

from __future__ import annotations

import base64
import hashlib


def convex_id(namespace: str, number: int) -> str:
    """The id of document ``number`` in ``namespace``; the same inputs always give the same id."""
    digest = hashlib.blake2b(f"{namespace}:{number}".encode(), digest_size=20).digest()
    return base64.b32encode(digest).decode("ascii").lower()
