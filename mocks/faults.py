"""Faults injected into a mock per operation: an error status, a delay, or a chosen response, each for the
next ``times`` calls (None: every call until ``clear``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mocks.spec import Operation

TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
"""An HTTP header name (RFC 9110 token)."""
UNSET: Any = object()
"""No body given: a failure answers the API's own error body for its status."""


@dataclass
class Fault:
    """What the next calls of one operation get instead of (or before) their answer."""

    status: int | None = None
    """The status answered instead of the operation's own answer (None: answered as usual)."""
    body: Any = UNSET
    seconds: float = 0.0
    """How long to wait before answering."""
    times: int | None = 1
    headers: Mapping[str, str] = field(default_factory=dict)
    """Headers added to the answer (``Retry-After``, ``X-Request-Id``, ...)."""


MAX_HEADERS = 32
"""The most headers one fault may add."""


def valid_headers(headers: Mapping[str, str]) -> None:
    """ValueError unless ``headers`` are at most ``MAX_HEADERS`` names and values an HTTP head can carry."""
    if not isinstance(headers, Mapping):
        raise ValueError("headers must be an object of header names to values")
    if len(headers) > MAX_HEADERS:
        raise ValueError(f"at most {MAX_HEADERS} headers, not {len(headers)}")
    for name, value in headers.items():
        if not (isinstance(name, str) and isinstance(value, str)):
            raise ValueError("header names and values must be strings")
        if not TOKEN.fullmatch(name) or not value.isprintable() or not value.isascii():
            raise ValueError(f"header {name!r} is not a valid name with a printable ASCII value")


class Faults:
    """The faults of one mock, by operation id; the first pending fault of an operation applies."""

    def __init__(self, operations: Mapping[str, Operation]) -> None:
        self.operations = operations
        self.pending: dict[str, list[Fault]] = {}

    def add(self, operation_id: str, fault: Fault, *, validate: bool = True) -> None:
        """Queue ``fault`` for ``operation_id``; ValueError for an unknown operation, a bad fault, or (when
        ``validate``) a body the spec does not document for its status."""
        operation = self.operations.get(operation_id)
        if operation is None:
            raise ValueError(f"no operation {operation_id!r}: one of {', '.join(self.operations)}")
        if fault.times is not None and fault.times < 1:
            raise ValueError(f"times must be at least 1 (or None: every call), not {fault.times}")
        if not 0 <= fault.seconds <= 3600:
            raise ValueError(f"seconds must be from 0 to 3600, not {fault.seconds}")
        if fault.status is not None and not 100 <= fault.status <= 599:
            raise ValueError(f"status must be from 100 to 599, not {fault.status}")
        valid_headers(fault.headers)
        if validate and fault.status is not None and fault.body is not UNSET:
            documented(operation, fault.status, fault.body)
        self.pending.setdefault(operation_id, []).append(fault)

    def take(self, operation_id: str) -> Fault | None:
        """The fault the next call of ``operation_id`` gets (counted as used), or None."""
        queue = self.pending.get(operation_id)
        if not queue:
            return None
        fault = queue[0]
        if fault.times is not None:
            fault.times -= 1
            if fault.times == 0:
                queue.pop(0)
        return fault

    def clear(self) -> None:
        self.pending.clear()


def documented(operation: Operation, status: int, body: Any) -> None:
    """ValueError unless ``operation`` documents ``status`` and ``body`` is valid for its JSON schema."""
    key = operation.response_key(status)
    if key is None:
        statuses = ", ".join(operation.responses)
        raise ValueError(f"{operation.id} documents no {status} response (only {statuses})")
    check = operation.response_checks.get(key)
    if check is None or check.is_valid(body):
        return
    problem = next(iter(check.iter_errors(body))).message
    raise ValueError(f"{operation.id} {status}: {problem} (validate=False sends it all the same)")
