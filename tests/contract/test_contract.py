"""Schemathesis contract suite: every spec of the registry fuzzed in-process against its mock, all checks on.

Stateless tests run the examples, coverage and fuzzing phases per operation; stateful tests follow
the specs' OpenAPI links (create -> get/update/delete, list -> get). The mock is reset before every
case and every scenario, and Hypothesis is derandomized, so a run is reproducible. Nothing here names
an API: a new spec in specs/ gets its own test functions, as the engine's test spec (tests/engine/tasks.yaml,
served with no code at all) does here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import hypothesis
import pytest
import schemathesis
from schemathesis.config import SchemathesisConfig
from schemathesis.errors import NoLinksFound

from codegen.registry import Api, apis
from mocks import create_app, served_apis
from mocks.clients import MOCK_URL
from mocks.contract import settings
from mocks.engine import MockApp
from mocks.spec import ITEM_ACTIONS
from tests.contract.serializers import register_unknown
from tests.contract.tally import CASES, ITEM_CALLS
from tests.contract.wire import call_and_validate
from tests.contract.workflows import state_machine
from tests.engine.conftest import TASKS

# CONTRACT_SPECS=<folder> fuzzes that folder's specs instead of the registry and the engine's test spec.
APIS = served_apis(Path(os.environ["CONTRACT_SPECS"])) if "CONTRACT_SPECS" in os.environ else [*apis(), TASKS]
# CONTRACT_EXAMPLES shrinks the run (the benchmarks' smoke mode); stateful scenarios get half as many.
EXAMPLES = int(os.environ.get("CONTRACT_EXAMPLES", "300"))
STATELESS = hypothesis.settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(hypothesis.HealthCheck),
)
STATEFUL = hypothesis.settings(STATELESS, max_examples=max(EXAMPLES // 2, 1), stateful_step_count=10)


def bind(served: Api) -> tuple[Any, MockApp]:
    """The spec of ``served`` bound in-process to a fresh mock of it, with its own settings."""
    app = create_app(served)
    schema = schemathesis.openapi.from_path(
        served.spec_path, config=SchemathesisConfig.from_dict(settings([served]))
    )
    schema.app = app
    schema.config.base_url = MOCK_URL  # the mocks serve the paths at the root, as `make mock` exports them
    return schema, app


register_unknown(APIS)
SCHEMAS: dict[str, tuple[Any, MockApp]] = {}
UNFUZZABLE: dict[str, str] = {}
"""Why an API's spec could not be bound: its tests fail with that reason, the other APIs' still run."""
for _served in APIS:
    try:
        SCHEMAS[_served.name] = bind(_served)
    except Exception as error:  # any problem of one spec is that spec's failure alone
        UNFUZZABLE[_served.name] = (
            f"{_served.spec_path.name} cannot be fuzzed: {type(error).__name__}: {error}"
        )


def stateless_test(name: str) -> Callable[..., None]:
    if name in UNFUZZABLE:

        def unfuzzable() -> None:
            pytest.fail(UNFUZZABLE[name], pytrace=False)

        return unfuzzable
    schema, app = SCHEMAS[name]

    @schema.parametrize()  # type: ignore[untyped-decorator]
    @STATELESS
    def test(case: schemathesis.Case[Any]) -> None:
        app.state.store.reset()
        CASES[name, "stateless"] += 1
        call_and_validate(case, name)

    return test  # type: ignore[no-any-return]


for _served in APIS:
    globals()[f"test_{_served.name}"] = stateless_test(_served.name)


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_workflows(name):
    schema, app = SCHEMAS[name]

    def operation(method: str, path: str) -> Any:
        return app.spec.paths.get(path, {}).get(method.upper())

    def is_item(label: str) -> bool:
        found = operation(*label.split(" ", 1))
        return found is not None and found.action in ITEM_ACTIONS.values()

    class Workflows(state_machine(schema, is_item)):  # type: ignore[misc]
        def setup(self) -> None:
            app.state.store.reset()

        def before_call(self, case: schemathesis.Case[Any]) -> None:
            super().before_call(case)
            CASES[name, "stateful"] += 1

        def after_call(self, response: Any, case: schemathesis.Case[Any]) -> None:
            if is_item(case.operation.label):
                ITEM_CALLS[name, 200 <= response.status_code < 300] += 1

    try:
        Workflows.run(settings=STATEFUL)
    except NoLinksFound:  # read after the run: read before it, it changed what a full run explored
        if schema.statistic.transitions.total:
            raise
        pytest.skip(f"{name}: no links to follow, declared or inferred")


def test_every_api_has_its_credentials_and_scope():
    """The config carries each mock's credentials and pins each scope parameter to the mock's value."""
    for served in APIS:
        [project] = settings([served])["project"]
        assert project["title"] == served.spec["info"]["title"]
        for auth in project.get("auth", {}).get("openapi", {}).values():
            assert served.mock.token in auth.values()
        assert project.get("parameters", {}) == {f"path.{k}": v for k, v in served.mock.scope.items()}
