"""The admin routes of a mock, under ``ADMIN_PREFIX`` and served only when the app is built with
``admin=True`` (``python -m mocks --admin``): fault injection and the record of requests, over HTTP.

- ``POST /__mock__/faults`` with ``{"operation": "listSpaces", "status": 503, "times": 2}`` (also
  ``"seconds"``, ``"body"``, ``"validate"``; ``"times": null`` for every call): 201, or 400 naming the
  problem.
- ``GET /__mock__/calls``: every request received, as JSON (``mocks.recording.SentCall`` fields).
- ``DELETE /__mock__``: back to the seeded state, without faults or recorded requests (204).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from mocks.faults import UNSET, Fault

if TYPE_CHECKING:
    from mocks.engine import MockApp

ADMIN_PREFIX = "/__mock__"
MAX_ADMIN_BODY = 64 * 1024
"""Largest admin request body read."""
FAULTS, CALLS = f"{ADMIN_PREFIX}/faults", f"{ADMIN_PREFIX}/calls"
FAULT_FIELDS = {"operation", "status", "body", "seconds", "times", "validate", "headers"}


def handle(app: MockApp, method: str, path: str, raw: bytes) -> tuple[int, Any]:
    """The status and JSON body (None: no body) answering one admin request."""
    route = (method, path.removeprefix(ADMIN_PREFIX).rstrip("/"))
    if route == ("GET", "/calls"):
        return 200, [asdict(call) for call in app.recorder.calls]
    if route == ("DELETE", ""):
        app.reset()
        return 204, None
    if route == ("POST", "/faults"):
        try:
            add_fault(app, json.loads(raw or b"null"))
        except (ValueError, TypeError) as error:
            return 400, {"message": str(error)}
        return 201, None
    return 404, {"message": f"admin routes: POST {FAULTS}, GET {CALLS}, DELETE {ADMIN_PREFIX}"}


def add_fault(app: MockApp, given: Any) -> None:
    """Queue the fault an admin request describes; ValueError or TypeError naming what is wrong."""
    if not isinstance(given, dict) or not isinstance(given.get("operation"), str):
        raise ValueError('the body must be a JSON object with an "operation" (an operation id)')
    unknown = set(given) - FAULT_FIELDS
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}: use {sorted(FAULT_FIELDS)}")
    fault = Fault(
        status=given.get("status"),
        body=given.get("body", UNSET),
        seconds=float(given.get("seconds", 0.0)),
        times=given.get("times", 1),
        headers=given.get("headers", {}),
    )
    if not all(isinstance(value, int | None) for value in (fault.status, fault.times)):
        raise TypeError("status and times must be integers (times: null for every call)")
    app.faults.add(given["operation"], fault, validate=given.get("validate", True) is not False)
