"""Spec-derived strategies: every model of every API drawn valid, and over 200 examples every optional
field present and absent, null where nullable, and every enum value."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.strategies import SearchStrategy
from pydantic import MISSING, BaseModel

from codegen.registry import api, apis
from mocks.spec import validator
from mocks.strategies import ApiStrategies, strategies
from tests.test_features import generated

EXAMPLES = 200
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "strategies"
MODELS = [(api.name, name) for api in apis() for name in sorted(strategies(api.name).schemas)]


def drawn(strategy: SearchStrategy[Any], examples: int = EXAMPLES) -> list[Any]:
    """What ``strategy`` draws over ``examples`` examples."""
    seen: list[Any] = []

    @settings(
        max_examples=examples, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(strategy)
    def draw(value: Any) -> None:
        seen.append(value)

    draw()
    return seen


def models(api: str, model: str, examples: int = EXAMPLES) -> list[Any]:
    return drawn(getattr(strategies(api), model)(), examples)


def shapes(values: list[BaseModel]) -> dict[str, Counter[str]]:
    """Per field, how often it was present, absent (MISSING) and null."""
    found: dict[str, Counter[str]] = {name: Counter() for name in type(values[0]).model_fields}
    for value in values:
        for name, counter in found.items():
            field = getattr(value, name)
            counter["absent" if field is MISSING else "null" if field is None else "present"] += 1
    return found


@pytest.mark.parametrize(("api", "model"), MODELS, ids=[f"{api}-{model}" for api, model in MODELS])
def test_every_model_is_drawn_as_its_own_class(api, model):
    cls = strategies(api).schemas[model][0]
    assert all(isinstance(value, cls) for value in models(api, model, examples=10))


@pytest.mark.parametrize(("api", "model"), [("pilfer", "Space"), ("lighthouse", "Workspace")])
def test_every_optional_field_is_seen_present_and_absent_and_nullable_ones_null(api, model):
    schema = strategies(api).schemas[model][1]
    cls = strategies(api).schemas[model][0]
    counts = shapes(models(api, model))
    for wire, property_schema in schema["properties"].items():
        name = next(n for n, f in cls.model_fields.items() if (f.alias or n) == wire)
        assert counts[name]["present"], f"{model}.{wire} never present"
        if wire not in schema["required"]:
            assert counts[name]["absent"], f"{model}.{wire} never absent"
        if "null" in str(property_schema):
            assert counts[name]["null"], f"{model}.{wire} never null"


def test_every_documented_enum_value_is_drawn():
    values = models("lighthouse", "ListWorkspacesParameters")
    operation = strategies("lighthouse").operations["listWorkspaces"]
    enums = {
        parameter.name: parameter.schema["enum"]
        for parameter in operation.parameters
        if "enum" in parameter.schema
    }
    assert set(enums) == {"sort_field", "sort_order"}
    for name, documented in enums.items():
        assert {str(getattr(value, name)) for value in values} == set(documented), name


@pytest.mark.parametrize("api", apis(), ids=lambda api: api.name)
def test_responses_are_valid_success_bodies_of_each_operation(api):
    # as the kit reads the spec: as the models do (a oneOf naming one member twice names it once)
    for operation in strategies(api.name).spec.operations:
        if not operation.success_schema:
            continue
        check = validator(operation.success_schema)
        seen = drawn(strategies(api.name).responses(operation.id), examples=10)
        assert seen, operation.id
        assert all(check.is_valid(value) for value in seen), operation.id


def test_an_unknown_model_or_operation_is_named():
    with pytest.raises(AttributeError, match="pilfer has no model 'Spaces'"):
        strategies("pilfer").Spaces()
    with pytest.raises(ValueError, match="no operation 'listSpace'"):
        strategies("pilfer").responses("listSpace")


@pytest.fixture(scope="module")
def fixture_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ApiStrategies]:
    """The strategies of ``tests/fixtures/strategies/shapes.yaml``, generated into a temporary folder."""
    for specs, _ in generated(tmp_path_factory, FIXTURES, ("shapes",)):
        yield ApiStrategies(api("shapes", specs))


def test_what_is_drawn_only_by_construction_is_drawn(fixture_api):
    """A discriminated union of members alike but for the tag, a schema within itself, an allOf narrowing a
    property and ``format: byte``: every model drawn as its class, both tags, nested trees, and the
    parameters of a path and a query parameter whose names are one field name."""
    for model in fixture_api.schemas:
        cls = fixture_api.schemas[model][0]
        assert all(isinstance(value, cls) for value in models_of(fixture_api, model, 20)), model
    assert {value.root.kind for value in models_of(fixture_api, "Shape", 50)} == {"circle", "square"}
    trees = drawn(fixture_api.responses("getTree"), examples=50)
    schema = fixture_api.operations["getTree"].success_schema
    check = validator({**schema, "components": fixture_api.spec.document["components"]})
    assert all(check.is_valid(tree) for tree in trees)
    assert any(child.get("children") for tree in trees for child in tree.get("children", []))
    labelled = models_of(fixture_api, "Labelled", 50)
    assert len({value.label for value in labelled}) > 1
    assert all(value.size >= 1 for value in labelled)
    parameters = models_of(fixture_api, "GetShapeParameters", 20)
    assert len({(value.shape_id, value.shape_id_2) for value in parameters}) > 1


def models_of(found: ApiStrategies, model: str, examples: int) -> list[Any]:
    return drawn(getattr(found, model)(), examples)
