"""The calls the probe makes: first those it can fill from the environment, then those the spec's OpenAPI
links fill from a response (``$response.body#/data/0/_id``, ``$request.path.org_id``), or, for an item
operation no link leads to, an item its collection's response lists."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from schemathesis import APIOperation, Case, Response
from schemathesis.core.result import Ok
from schemathesis.core.transforms import Unresolvable
from schemathesis.generation.stateful.state_machine import StepOutput
from schemathesis.specs.openapi.stateful.links import OpenApiLink

from probe.target import Target

SpecOperation = APIOperation[Any, Any, Any, Any]
"""An operation of the spec as schemathesis reads it."""
SECURITY = "x-original-security-type"
"""Marks a parameter schemathesis made of a security scheme."""


@dataclass(frozen=True)
class Call:
    """One request to make: an operation with its path and query values (wire names)."""

    operation_id: str
    path: dict[str, Any]
    query: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str]:
        return self.operation_id, repr(sorted(self.path.items())) + repr(sorted(self.query.items()))


def missing_values(operation: SpecOperation, values: dict[str, Any]) -> list[str]:
    """Required parameters with no value in ``values`` (the probe sends no header or cookie parameter, only
    the credentials, which schemathesis lists as parameters too)."""
    return [
        parameter.name
        for parameter in operation.iter_parameters()
        if parameter.is_required
        and SECURITY not in parameter.definition
        and (parameter.location.value not in ("path", "query") or parameter.name not in values)
    ]


def documented(operation: SpecOperation, locations: tuple[str, ...] = ("query",)) -> dict[str, Any]:
    """Required parameters' documented example or default, for those in ``locations`` (optional ones are
    left out)."""
    values: dict[str, Any] = {}
    for parameter in operation.iter_parameters():
        if parameter.is_required and parameter.location.value in locations:
            definition = parameter.definition
            schema = definition.get("schema", {})
            for source in (definition, schema):
                for word in ("example", "default"):
                    if word in source:
                        values.setdefault(parameter.name, source[word])
    return values


def route(operation: SpecOperation) -> tuple[str, str]:
    """Method and path template: what names an operation whatever its operationId (or the lack of one)."""
    return operation.method.upper(), operation.path


def links(operation: SpecOperation) -> Iterator[OpenApiLink]:
    """The links declared in ``operation``'s responses."""
    for status, definition in operation.responses.items():
        for name, link in definition.iter_links():
            yield OpenApiLink(name, status, dict(link), operation)


def link_targets(operations: dict[str, SpecOperation]) -> set[str]:
    """The ids (keys of ``operations``) of the operations a link declared in one of their responses leads
    to."""
    ids = {route(operation): operation_id for operation_id, operation in operations.items()}
    return {
        ids[route(link.target)]
        for operation in operations.values()
        for link in links(operation)
        if route(link.target) in ids
    }


def first_calls(target: Target, operations: dict[str, SpecOperation]) -> tuple[list[Call], dict[str, str]]:
    """Calls whose path parameters all come from the scope, or, for an operation no link leads to, from
    their documented example or default; and why the others wait for a probed response."""
    calls, waiting = [], {}
    linked = link_targets(operations)
    for operation_id, operation in operations.items():
        path = {name: value for name, value in target.scope.items() if f"{{{name}}}" in operation.path}
        if operation_id not in linked:
            path = {**documented(operation, ("path",)), **path}
        query = documented(operation)
        missing = missing_values(operation, {**path, **query})
        if missing:
            waiting[operation_id] = (
                f"no value for {', '.join(missing)} (documented, or from a probed response)"
            )
        else:
            calls.append(Call(operation_id, path, query))
    return calls, waiting


def linked_calls(
    target: Target, operations: dict[str, SpecOperation], case: Case[Any], response: Response
) -> Iterator[Call]:
    """The calls the spec's links from this response lead to, for the safe operations among their targets."""
    ids = {route(operation): operation_id for operation_id, operation in operations.items()}
    status = response.status_code
    for link in links(case.operation):
        if link.status_code not in (str(status), f"{status // 100}XX", "default"):
            continue
        target_id = ids.get(route(link.target))
        if link.is_inferred or target_id is None:
            continue
        values = link.extract_parameters(StepOutput(response, case))
        extracted = {
            container: {
                name: param.value.ok() for name, param in params.items() if isinstance(param.value, Ok)
            }
            for container, params in values.items()
        }
        path = {**target.scope, **extracted.get("path_parameters", {})}
        path = {name: value for name, value in path.items() if f"{{{name}}}" in link.target.path}
        query = {**documented(operations[target_id]), **extracted.get("query", {})}
        all_values = [*path.values(), *query.values()]
        if any(isinstance(value, Unresolvable) for value in all_values):
            continue
        if not missing_values(operations[target_id], {**path, **query}):
            yield Call(target_id, path, query)


ID_NAMES = ("id", "_id")
"""Besides the path parameter's own name, the properties that hold a listed item's id (as the mocks infer
resources)."""


def listed_items(body: Any) -> list[dict[str, Any]]:
    """The objects of the first list in ``body``, breadth-first (the body itself, or an envelope's list)."""
    queue = [body]
    while queue:
        node = queue.pop(0)
        if isinstance(node, list):
            return [item for item in node if isinstance(item, dict)]
        if isinstance(node, dict):
            queue += node.values()
    return []


def listed_calls(
    target: Target, operations: dict[str, SpecOperation], case: Case[Any], body: Any
) -> Iterator[Call]:
    """For each item operation (``<collection>/{name}``) of this response's collection that no link leads
    to: a call with the id of the first listed item that has one (its ``name``, ``id`` or ``_id``)."""
    collection = case.operation.path.rstrip("/")
    items = listed_items(body)
    linked = link_targets(operations)
    for operation_id, operation in operations.items():
        parent, _, last = operation.path.rstrip("/").rpartition("/")
        if operation_id in linked or parent != collection or (last[:1], last[-1:]) != ("{", "}"):
            continue
        name = last[1:-1]
        found = (
            item[key]
            for item in items
            for key in (name, *ID_NAMES)
            if isinstance(item.get(key), (str, int)) and not isinstance(item.get(key), bool)
        )
        value = next(found, None)
        if value is None:
            continue
        path = {**target.scope, **(case.path_parameters or {}), name: as_typed(operation, name, value)}
        path = {key: value for key, value in path.items() if f"{{{key}}}" in operation.path}
        query = documented(operation)
        if not missing_values(operation, {**path, **query}):
            yield Call(operation_id, path, query)


def as_typed(operation: SpecOperation, name: str, value: str | int) -> str | int:
    """``value`` as text when the path parameter ``name`` is a string (an integer id in a string path)."""
    for parameter in operation.iter_parameters():
        if (parameter.name, parameter.location.value) == (name, "path"):
            kind = parameter.definition.get("schema", {}).get("type")
            if kind == "string" or (isinstance(kind, list) and "string" in kind):
                return str(value)
    return value
