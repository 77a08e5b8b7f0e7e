"""The contract suite's stateful workflows: schemathesis's state machine of a spec, steered to reach the item
operations with real ids (on schemathesis 4.32.5's state machine, as pinned).

Three changes from ``schema.as_state_machine()``, each what the CLI's stateful phase does or what its
heuristics miss: every call gets the project's fixed parameters (the scope the mock's token may use), as the
CLI applies them; a response is a link source only when its links find every value they carry (an empty
list gives no ``/data/0/id``, and a link without it sends a random id); and an item operation never starts
a scenario (with a random id it can only answer 404): schemathesis starts there when it takes a query or
body parameter for a reference to a resource nothing creates, and then trusts no list or create instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from schemathesis.core.result import Ok
from schemathesis.core.transforms import UNRESOLVABLE
from schemathesis.generation import overrides
from schemathesis.generation.stateful.state_machine import StepOutput, Transition, normalize_name


def resolved(transition: Transition) -> bool:
    """Whether a link found in its response every value it carries."""
    values = [found.value for container in transition.parameters.values() for found in container.values()]
    return all(isinstance(value, Ok) and value.ok() not in (None, UNRESOLVABLE) for value in values)


def state_machine(schema: Any, is_item: Callable[[str], bool]) -> Any:
    """The state machine of ``schema``; ``is_item`` tells an item operation by its label (``GET /a/{id}``)."""

    base = schema.as_state_machine()
    labels = {normalize_name(f"RANDOM -> {label}"): label for label in base._root_labels}
    items = {name for name in base.root_rules if is_item(labels.get(name, ""))}

    class Workflows(base):  # type: ignore[misc,valid-type]
        root_rules = base.root_rules - items
        _root_labels = frozenset(label for label in base._root_labels if not is_item(label))

        def before_call(self, case: Any) -> None:
            overrides.for_operation(schema.config, operation=case.operation).apply_to(case)

        def _get_target_for_result(self, result: StepOutput) -> str | None:
            target: str | None = super()._get_target_for_result(result)
            source = result.case.operation.label
            links = [
                link
                for link in self._transitions.operations[source].outgoing
                if f"{source} -> {link.status_code}" == target
            ]
            return target if all(resolved(link.extract(result)) for link in links) else None

    for name in items:
        setattr(Workflows, name, None)  # no longer a rule Hypothesis can draw
    return Workflows
