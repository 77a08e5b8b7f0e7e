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
from collections.abc import Callable, Iterator, Mapping
from functools import cache, partial
from typing import Any

import pydantic
from hypothesis import strategies as st
from vendor_clients.operation import Operation as ClientOperation
from vendor_clients.responses import validate_json

from mocks.apis import Api, load_spec
from mocks.registry import api
from mocks.schema_values import valid_values
from mocks.spec import Operation, Spec

SCHEMAS = "#/components/schemas/"


class ApiStrategies:
    """The strategies of one API: an attribute per model name, and ``responses``."""

    def __init__(self, served: Api) -> None:
        self.api = served
        self.spec = Spec(single_members(tagged(load_spec(served.spec_path))))
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
                (operation.parameters, parameters(found, operation)),
            )
            for model, schema in documented:
                if model is not None and schema is not None:
                    self.schemas.setdefault(model.__name__, (model, schema))

    def __getattr__(self, name: str) -> Callable[[], st.SearchStrategy[Any]]:
        if name not in self.__dict__.get("schemas", {}):
            raise AttributeError(f"{self.api.name} has no model {name!r}")
        model, schema = self.schemas[name]
        return lambda: valid_values(schema, self.spec.document, partial(read_by, model)).map(
            lambda value: validate_json(model, json.dumps(value).encode())
        )

    def responses(self, operation_id: str) -> st.SearchStrategy[Any]:
        """Success bodies of ``operation_id`` (JSON values valid for its documented schema)."""
        found = self.operations.get(operation_id)
        if found is None:
            raise ValueError(f"no operation {operation_id!r} in {self.api.name}")
        return valid_values(found.success_schema, self.spec.document)


def tagged(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with each schema a discriminator tells apart requiring its tag (its ``mapping`` keys, else
    its name), as its generated model does: a union's members are then told apart by the tag."""
    tags: dict[str, dict[str, list[str]]] = {}
    for node in nodes(spec):
        discriminator = node.get("discriminator")
        if not isinstance(discriminator, dict) or "propertyName" not in discriminator:
            continue
        mapping = {
            tag: target if target.startswith("#") else SCHEMAS + target
            for tag, target in discriminator.get("mapping", {}).items()
        }
        for member in [*node.get("oneOf", []), *node.get("anyOf", [])]:
            reference = member.get("$ref", "") if isinstance(member, dict) else ""
            if reference.startswith(SCHEMAS):
                named = [tag for tag, target in mapping.items() if target == reference]
                found = tags.setdefault(reference.removeprefix(SCHEMAS), {})
                found[discriminator["propertyName"]] = named or [reference.removeprefix(SCHEMAS)]
    schemas = dict(spec.get("components", {}).get("schemas", {}))
    for name, properties in tags.items():
        schema = schemas.get(name)
        if not isinstance(schema, dict):
            continue
        declared = schema.get("properties", {})
        schemas[name] = {
            **schema,
            "properties": {
                **declared,
                **{key: {**declared.get(key, {}), "enum": values} for key, values in properties.items()},
            },
            "required": list(dict.fromkeys([*schema.get("required", []), *properties])),
        }
    return {**spec, "components": {**spec.get("components", {}), "schemas": schemas}} if tags else spec


def single_members(document: Any) -> Any:
    """The document with each ``oneOf`` that names one member twice naming it once, as the generated models
    read it (JSON Schema would take no value: the mock engine keeps that reading, ``make corpus`` names
    it a contradiction)."""
    if isinstance(document, list):
        return [single_members(value) for value in document]
    if not isinstance(document, dict):
        return document
    out = {key: single_members(value) for key, value in document.items()}
    if isinstance(out.get("oneOf"), list):
        out["oneOf"] = [member for at, member in enumerate(out["oneOf"]) if member not in out["oneOf"][:at]]
    return out


def nodes(document: Any) -> Iterator[dict[str, Any]]:
    """Every object of a JSON document, the document first."""
    if isinstance(document, dict):
        yield document
        for value in document.values():
            yield from nodes(value)
    elif isinstance(document, list):
        for value in document:
            yield from nodes(value)


def read_by(model: type[Any], value: Any) -> bool:
    """Whether ``model`` reads the JSON value (as the client reads a response)."""
    try:
        validate_json(model, json.dumps(value).encode())
    except pydantic.ValidationError:
        return False
    return True


def parameters(operation: Operation, client: ClientOperation[Any]) -> dict[str, Any]:
    """The schema of an operation's parameters as one object, by their keys in the client's parameters
    model (the wire name unless two parameters share it)."""
    wires = {
        "path": client.path_params,
        "query": client.query_params,
        "header": client.header_params,
        "cookie": client.cookie_params,
    }
    keys = {
        (location, wire): client.parameter_keys.get(name, wire)
        for location, names in wires.items()
        for name, wire in names.items()
    }
    named = [
        (keys.get((parameter.location, parameter.name), parameter.name), parameter)
        for parameter in operation.parameters
    ]
    return {
        "type": "object",
        "properties": {key: parameter.schema for key, parameter in named},
        "required": [key for key, parameter in named if parameter.required],
    }


def client_operations(served: Api) -> list[ClientOperation[Any]]:
    """The operations the generated client declares (with their request and response models)."""
    module = importlib.import_module(f"{served.client_package}.api")
    return [value for value in vars(module).values() if isinstance(value, ClientOperation)]


@cache
def strategies(name: str) -> ApiStrategies:
    """The strategies of the API ``name`` (of the registry or the installed clients)."""
    return ApiStrategies(api(name))
