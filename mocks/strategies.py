"""Hypothesis strategies from an API's spec, for property tests of code that consumes its models.

``strategies("pilfer").Space()`` draws ``pilfer_models.Space`` instances of every shape the spec allows
(``mocks.schema_values``), each one read by the model itself, as the client reads a response (one strict
JSON pass); there is one per model of the spec's ``components/schemas`` and of each operation's
parameters, request body and success body. ``responses("listSpaces")`` draws whole success bodies as
JSON values.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from hypothesis import strategies as st
from vendor_clients.operation import Operation as ClientOperation
from vendor_clients.responses import validate_json

from mocks.apis import Api
from mocks.engine import read_spec
from mocks.registry import api
from mocks.schema_values import valid_values
from mocks.spec import Operation


class ApiStrategies:
    """The strategies of one API: an attribute per model name, and ``responses``."""

    def __init__(self, served: Api) -> None:
        self.api = served
        self.spec = read_spec(served.spec_path)
        self.operations = {operation.id: operation for operation in self.spec.operations}
        models = importlib.import_module(served.models_package)
        schemas: Mapping[str, Any] = self.spec.document.get("components", {}).get("schemas", {})
        self.schemas: dict[str, tuple[type[Any], Mapping[str, Any]]] = {
            name: (getattr(models, name), schema) for name, schema in schemas.items() if hasattr(models, name)
        }
        """Model class name -> the class and its (dereferenced) schema."""
        for operation in client_operations(served):
            found = self.operations.get(operation.operation_id)
            if found is None:
                continue
            documented = (
                (operation.body, found.body_schema),
                (operation.response, found.success_schema or None),
                (operation.parameters, parameters(found)),
            )
            for model, schema in documented:
                if model is not None and schema is not None:
                    self.schemas.setdefault(model.__name__, (model, schema))

    def __getattr__(self, name: str) -> Callable[[], st.SearchStrategy[Any]]:
        if name not in self.__dict__.get("schemas", {}):
            raise AttributeError(f"{self.api.name} has no model {name!r}")
        model, schema = self.schemas[name]
        return lambda: valid_values(schema).map(
            lambda value: validate_json(model, json.dumps(value).encode())
        )

    def responses(self, operation_id: str) -> st.SearchStrategy[Any]:
        """Success bodies of ``operation_id`` (JSON values valid for its documented schema)."""
        found = self.operations.get(operation_id)
        if found is None:
            raise ValueError(f"no operation {operation_id!r} in {self.api.name}")
        return valid_values(found.success_schema)


def parameters(operation: Operation) -> dict[str, Any]:
    """The schema of an operation's path, query and header parameters as one object, by wire name."""
    return {
        "type": "object",
        "properties": {parameter.name: parameter.schema for parameter in operation.parameters},
        "required": [parameter.name for parameter in operation.parameters if parameter.required],
    }


def client_operations(served: Api) -> list[ClientOperation[Any]]:
    """The operations the generated client declares (with their request and response models)."""
    module = importlib.import_module(f"{served.client_package}.api")
    return [value for value in vars(module).values() if isinstance(value, ClientOperation)]


@cache
def strategies(name: str) -> ApiStrategies:
    """The strategies of the API ``name`` (of the registry or the installed clients)."""
    return ApiStrategies(api(name))
