"""The calls the probe makes: first those it can fill from the environment, then those the spec's OpenAPI
links fill from a response (``$response.body#/data/0/_id``, ``$request.path.org_id``)."""

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
    """Required path and query parameters with no value in ``values``, the scope or a documented default."""
    return [
        parameter.name
        for parameter in operation.iter_parameters()
        if parameter.is_required
        and parameter.location.value in ("path", "query")
        and parameter.name not in values
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


def link_targets(operations: dict[str, SpecOperation]) -> set[str]:
    """The ids of the operations that a link declared in one of ``operations``' responses leads to."""
    return {
        link.get("operationId")
        for operation in operations.values()
        for _, definition in operation.responses.items()
        for _, link in definition.iter_links()
    }


def first_calls(target: Target, operations: dict[str, SpecOperation]) -> tuple[list[Call], dict[str, str]]:
    """Calls whose path parameters all come from the scope, or, for an operation no link leads to, from
    their documented example or default; and why the others wait for a link."""
    calls, waiting = [], {}
    linked = link_targets(operations)
    for operation_id, operation in operations.items():
        path = {name: value for name, value in target.scope.items() if f"{{{name}}}" in operation.path}
        if operation_id not in linked:
            path = {**documented(operation, ("path",)), **path}
        query = documented(operation)
        missing = missing_values(operation, {**path, **query})
        if missing:
            waiting[operation_id] = f"no value for {', '.join(missing)} (from a link of a probed response)"
        else:
            calls.append(Call(operation_id, path, query))
    return calls, waiting


def linked_calls(
    target: Target, operations: dict[str, SpecOperation], case: Case[Any], response: Response
) -> Iterator[Call]:
    """The calls the spec's links from this response lead to, for the safe operations among their targets."""
    source = case.operation
    for status, definition in source.responses.items():
        if status not in (str(response.status_code), f"{response.status_code // 100}XX", "default"):
            continue
        for name, link_definition in definition.iter_links():
            link = OpenApiLink(name, status, dict(link_definition), source)
            target_id = link.target.definition.raw.get("operationId")
            if link.is_inferred or target_id not in operations:
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
