"""Read the specs and find every example in them, with the schema it must satisfy."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema.exceptions import ValidationError
from openapi_schema_validator import OAS31Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from codegen.registry import apis

ROOT = Path(__file__).resolve().parent.parent
APIS = tuple(api.name for api in apis())
STYLED = tuple(api.name for api in apis() if api.house_style)
"""The specs whose registry entry opts in to the house style of hand-written specs."""
METHODS = ("get", "put", "post", "patch", "delete", "head", "options")


@cache
def load_spec(api: str) -> dict[str, Any]:
    """The parsed ``specs/<api>.yaml``."""
    spec: dict[str, Any] = yaml.safe_load((ROOT / "specs" / f"{api}.yaml").read_text(encoding="utf-8"))
    return spec


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield (path, method, operation) for every operation."""
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


@dataclass(frozen=True)
class Example:
    """An example found at ``where`` (a JSON pointer) with the pointer of the schema it must match."""

    where: str
    schema_pointer: str
    value: Any


def _examples(node: Any, pointer: str) -> Iterator[Example]:
    if isinstance(node, dict):
        if "schema" in node and ("example" in node or "examples" in node):
            if "example" in node:
                yield Example(f"{pointer}/example", f"{pointer}/schema", node["example"])
            for name, named in node.get("examples", {}).items():
                yield Example(f"{pointer}/examples/{name}", f"{pointer}/schema", named["value"])
        elif "example" in node and ("type" in node or "properties" in node):
            yield Example(f"{pointer}/example", pointer, node["example"])
        for key, child in node.items():
            if key not in ("example", "examples"):
                escaped = key.replace("~", "~0").replace("/", "~1")
                yield from _examples(child, f"{pointer}/{escaped}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _examples(child, f"{pointer}/{index}")


def examples(spec: dict[str, Any]) -> list[Example]:
    """Every media-type, parameter and schema example in the spec."""
    return list(_examples(spec, ""))


def schema_errors(spec: dict[str, Any], schema_pointer: str, value: Any) -> list[ValidationError]:
    """Validate value against the schema at schema_pointer (refs resolved, formats checked)."""
    registry: Registry[Any] = Registry().with_resource("urn:spec", DRAFT202012.create_resource(spec))
    validator = OAS31Validator(
        {"$ref": f"urn:spec#{schema_pointer}"},
        registry=registry,
        format_checker=OAS31Validator.FORMAT_CHECKER,
    )
    return list(validator.iter_errors(value))
