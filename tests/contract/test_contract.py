"""Schemathesis contract suite: each spec fuzzed in-process against its mock, all checks on.

Stateless tests run the examples, coverage and fuzzing phases per operation; stateful tests follow
the specs' OpenAPI links (create -> get/update/delete, list -> get). The mock is reset before every
case and every scenario, and Hypothesis is derandomized, so a run is reproducible.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import hypothesis
import pytest
import schemathesis
from schemathesis.config import SchemathesisConfig
from starlette.applications import Starlette

from tests.contract.tally import CASES
from tests.mocks import lighthouse, pilfer

ROOT = Path(__file__).resolve().parents[2]
CONFIG = SchemathesisConfig.from_path(ROOT / "schemathesis.toml")
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


def bind(api: str, app: Starlette) -> Any:
    """The spec of ``api`` bound in-process to ``app``."""
    schema = schemathesis.openapi.from_path(ROOT / "specs" / f"{api}.yaml", config=CONFIG)
    schema.app = app
    return schema


PILFER_APP = pilfer.create_app(spaces=3)
LIGHTHOUSE_APP = lighthouse.create_app()
PILFER = bind("pilfer", PILFER_APP)
LIGHTHOUSE = bind("lighthouse", LIGHTHOUSE_APP)


def run_case(api: str, app: Starlette, case: schemathesis.Case[Any]) -> None:
    app.state.store.reset()
    CASES[f"{api} stateless"] += 1
    case.call_and_validate()


@PILFER.parametrize()
@STATELESS
def test_pilfer(case):
    run_case("pilfer", PILFER_APP, case)


@LIGHTHOUSE.parametrize()
@STATELESS
def test_lighthouse(case):
    run_case("lighthouse", LIGHTHOUSE_APP, case)


@pytest.mark.parametrize(
    ("api", "schema", "app"), [("pilfer", PILFER, PILFER_APP), ("lighthouse", LIGHTHOUSE, LIGHTHOUSE_APP)]
)
def test_workflows(api, schema, app):
    class Workflows(schema.as_state_machine()):  # type: ignore[misc]
        def setup(self) -> None:
            app.state.store.reset()

        def before_call(self, case: schemathesis.Case[Any]) -> None:
            CASES[f"{api} stateful"] += 1

    Workflows.run(settings=STATEFUL)


def test_configured_tokens_are_the_mocks():
    """The config file repeats the mocks' tokens; a mismatch would turn every case into a 401."""
    for schema, token in ((PILFER, pilfer.TOKEN), (LIGHTHOUSE, lighthouse.TOKEN)):
        assert schema.config.auth.openapi.schemes["bearerAuth"].bearer == token
    assert LIGHTHOUSE.config.parameters == {
        "path.org_id": lighthouse.ORG_ID,
        "path.business_id": lighthouse.BUSINESS_ID,
    }
