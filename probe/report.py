"""What the probe found: each drift with its request and spec pointer, as text or as JSON for CI."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

NO_DRIFT, DRIFT, CANNOT_RUN = 0, 1, 2
"""Exit codes: no drift; drift; the probe could not run (or was cut short) and found no drift."""


@dataclass(frozen=True)
class Drift:
    """One way a response contradicts the spec."""

    operation: str
    request: str
    """Method and URL, token redacted."""
    status: int
    check: str
    """The schemathesis check or ``client_parsing`` (the generated model, strict)."""
    pointer: str
    """JSON pointer into the spec file: the part of the spec the response contradicts."""
    problem: str
    at: str = ""
    """Where in the body, as a JSON pointer (schema checks) or a field path (client parsing)."""


@dataclass
class Report:
    """The probe's findings so far; ``reason`` says why it stopped early, if it did."""

    api: str
    base_url: str
    drift: list[Drift] = field(default_factory=list)
    requests: int = 0
    probed: list[str] = field(default_factory=list)
    """operationIds called at least once."""
    not_probed: dict[str, str] = field(default_factory=dict)
    """operationId -> why it was not called."""
    stopped: str | None = None
    """Why the probe stopped before it had called everything it could (budget spent, interrupted)."""
    failure: str | None = None
    """Why the probe could not run (unreachable, token rejected); set means exit 2 unless there is drift."""

    @property
    def exit_code(self) -> int:
        if self.drift:
            return DRIFT
        return CANNOT_RUN if self.failure else NO_DRIFT

    def as_json(self) -> str:
        return json.dumps({**asdict(self), "exit_code": self.exit_code}, indent=2)

    def as_text(self) -> str:
        lines = [f"{self.api} at {self.base_url}: {self.requests} requests, {len(self.drift)} drift"]
        for drift in self.drift:
            where = f" at {drift.at}" if drift.at else ""
            lines += [
                f"DRIFT {drift.operation}: {drift.request} -> {drift.status} ({drift.check})",
                f"  {drift.pointer}{where}: {drift.problem}",
            ]
        lines += [f"not probed {operation}: {why}" for operation, why in sorted(self.not_probed.items())]
        if self.stopped:
            lines.append(f"stopped early: {self.stopped}")
        if self.failure:
            lines.append(f"could not run: {self.failure}")
        return "\n".join(lines)
