"""``ApiMock``: one API's mock as a test uses it (what the pytest fixtures ``<name>_mock`` give): faults
per operation, the requests it was sent, seeding and reading its collections."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel

from mocks.engine import Call, MockApp, MockError, first_error
from mocks.faults import UNSET, Fault
from mocks.recording import SentCall
from mocks.spec import Operation


def collection_name(operation: Operation) -> str | None:
    """The name of the collection a create operation adds to: its path's last fixed segment
    (``/api/v1/spaces`` -> ``spaces``)."""
    if operation.resource is None:
        return None
    fixed = [part for part in operation.resource.collection.split("/") if part and "{" not in part]
    return fixed[-1] if fixed else None


class ApiMock:
    """The mock ``app`` of one API, with what a test does to it."""

    def __init__(self, app: MockApp) -> None:
        self.app = app
        self.api = app.api
        self.creates = {
            name: operation
            for operation in app.spec.operations
            if operation.action == "create" and (name := collection_name(operation)) is not None
        }
        """Per collection name, the operation that creates its items (what ``seed`` goes through)."""

    @property
    def token(self) -> str:
        """The token the mock accepts."""
        return self.api.mock.token

    # ------------------------------------------------------------------ faults
    def fail(
        self,
        operation: str,
        status: int = 503,
        *,
        times: int | None = 1,
        body: Any = UNSET,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """Answer the next ``times`` calls of ``operation`` with ``status`` (None: every call), with the
        API's own error body for it unless ``body`` is given (sent as it is), and ``headers`` added
        (``{"Retry-After": "2"}``)."""
        self.respond(operation, status, body, validate=False, times=times, headers=headers)

    def delay(self, operation: str, seconds: float, *, times: int | None = None) -> None:
        """Wait ``seconds`` before answering the next ``times`` calls of ``operation`` (None: every call)."""
        self.app.faults.add(operation, Fault(seconds=seconds, times=times))

    def respond(
        self,
        operation: str,
        status: int,
        body: Any = None,
        *,
        validate: bool = True,
        times: int | None = 1,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """Answer the next ``times`` calls of ``operation`` with ``status``, ``body`` and ``headers``
        added; ValueError when the spec does not document that response, unless ``validate=False`` (to
        test drift handling)."""
        fault = Fault(status=status, body=body, times=times, headers={} if headers is None else headers)
        self.app.faults.add(operation, fault, validate=validate)

    def reset(self) -> None:
        """Back to the seeded state, with no pending fault and no recorded request."""
        self.app.reset()

    # ------------------------------------------------------------------ what was sent
    @property
    def calls(self) -> list[SentCall]:
        """Every request the mock received, in order (credentials redacted)."""
        return list(self.app.recorder.calls)

    @property
    def violations(self) -> list[SentCall]:
        """The requests that did not conform to the spec (each with its ``violation``)."""
        return [call for call in self.app.recorder.calls if call.violation is not None]

    # ------------------------------------------------------------------ state
    def seed(self, **collections: Sequence[Mapping[str, Any] | BaseModel]) -> dict[str, list[Any]]:
        """Create ``items`` in each named collection (``spaces=[{"name": "A"}]``) as the API's create
        operation would (validated, ids given by the mock); returns the stored items by collection."""
        created: dict[str, list[Any]] = {}
        for name, items in collections.items():
            operation = self.creates.get(name)
            if operation is None:
                raise ValueError(f"no collection {name!r} to create in: one of {', '.join(self.creates)}")
            created[name] = [self.create(operation, item) for item in items]
        return created

    def create(self, operation: Operation, item: Mapping[str, Any] | BaseModel) -> Any:
        body = item.model_dump(mode="json", by_alias=True) if isinstance(item, BaseModel) else dict(item)
        check = operation.body_check
        problem = None if check is None else first_error(check, body, "body", prefixed=False)
        if problem is not None:
            raise ValueError(f"{operation.id}: {problem}")
        call = Call(operation, dict(self.api.mock.scope), {}, frozenset(), body=body)
        try:
            self.app.check(call)
        except MockError as error:
            raise ValueError(f"{operation.id}: {error}") from None
        return self.app.create(call)

    def items(self, name: str) -> list[Any]:
        """The stored items of a collection created through ``seed`` or the API, in creation order."""
        operation = self.creates.get(name)
        if operation is None:
            raise ValueError(f"no collection {name!r}: one of {', '.join(self.creates)}")
        call = Call(operation, dict(self.api.mock.scope), {}, frozenset())
        return list(self.app.store.items(self.app.key(call)).values())
