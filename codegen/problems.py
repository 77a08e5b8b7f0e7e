"""Spec problems, each printed as ``specs/<name>.yaml#/json/pointer: what is wrong``.

The validator's findings are split as openapi-python-client treats them: a default that does not fit its
schema or an unexpected keyword is a warning (generation goes on); anything else is an error (the output
would be wrong or missing).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema.exceptions import ValidationError
from jsonschema_path import SchemaPath
from openapi_spec_validator.shortcuts import get_validator_cls
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError, ValidatorDetectError
from openapi_spec_validator.validation.keywords import KeywordValidator, SchemaValidator, ValueValidator
from openapi_spec_validator.validation.validators import SpecValidator

from codegen.describe import at, location
from codegen.registry import ROOT

Parts = tuple[str | int, ...]
TOLERATED_KEYWORDS = {"additionalProperties", "unevaluatedProperties"}
"""Meta-schema checks whose failure is an unexpected keyword: a warning."""


@dataclass(frozen=True)
class Problem:
    """One problem at one place of a spec."""

    parts: Parts
    message: str

    def at(self, spec_path: Path) -> str:
        """``specs/<name>.yaml#/json/pointer: message``."""
        shown = spec_path.relative_to(ROOT) if spec_path.is_relative_to(ROOT) else spec_path
        escaped = (str(part).replace("~", "~0").replace("/", "~1") for part in self.parts)
        return f"{shown}#{''.join('/' + part for part in escaped)}: {self.message}"


class SpecError(Exception):
    """Problems that leave a spec's output wrong or missing."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(problem.message for problem in problems))
        self.problems = problems


class DefaultMismatch(OpenAPIValidationError):
    """A schema's ``default`` does not fit the schema (openapi-python-client warns about it)."""


def located(keyword: type[KeywordValidator]) -> type[KeywordValidator]:
    """``keyword`` whose errors say where they are: the validator's keyword checks report none (a
    default's and a schema's own errors are relative to the default and the schema)."""

    class Located(keyword):  # type: ignore[valid-type, misc]
        def __call__(self, *args: Any, **kwargs: Any) -> Iterator[ValidationError]:
            where = next(arg for arg in args if isinstance(arg, SchemaPath))
            for error in super().__call__(*args, **kwargs):
                if isinstance(self, ValueValidator):
                    error = DefaultMismatch.create_from(error)
                    error.path.extendleft(reversed((*where.parts, "default")))
                elif not error.path:
                    error.path.extend(where.parts)
                yield error

        if issubclass(keyword, SchemaValidator):

            def _validate_schema_meta(self, schema: SchemaPath, value: Any) -> OpenAPIValidationError | None:
                error: OpenAPIValidationError | None = super()._validate_schema_meta(schema, value)
                if error is not None:
                    error.path.extendleft(reversed(schema.parts))
                return error

    return Located


def written(spec: dict[str, Any], parts: Parts) -> Parts:
    """Where the node at ``parts`` (a path that may go through local ``$ref``s) is written in the spec."""
    place: list[str | int] = []
    for part in parts:
        node = at(spec, place)
        while isinstance(node, dict) and str(node.get("$ref", "")).startswith("#/"):
            place = list(location(node["$ref"]))
            node = at(spec, place)
        place.append(part)
    return tuple(place)


def first_line(error: ValidationError) -> str:
    """The validator's message without the schema and instance it appends."""
    return str(error.message).strip().splitlines()[0]


def validate(spec: Any) -> tuple[list[Problem], list[Problem]]:
    """The errors and the warnings of a spec."""
    try:
        cls = get_validator_cls(spec)
    except ValidatorDetectError:
        return [Problem(("openapi",), "not a supported OpenAPI version")], []
    keywords = {name: located(keyword) for name, keyword in cls.keyword_validators.items()}
    validator: SpecValidator = type(cls.__name__, (cls,), {"keyword_validators": keywords})(spec)
    errors: list[Problem] = []
    warnings: list[Problem] = []
    for error in validator.schema_validator.iter_errors(spec):
        tolerated = bool(error.schema_path) and error.schema_path[-1] in TOLERATED_KEYWORDS
        (warnings if tolerated else errors).append(Problem(tuple(error.path), first_line(error)))
    if not errors:  # the keyword checks walk the document: only run them on a well-formed one
        for error in validator.root_validator(validator.schema_path):
            problem = Problem(written(spec, tuple(error.path)), first_line(error))
            (warnings if isinstance(error, DefaultMismatch) else errors).append(problem)
    return errors, warnings
