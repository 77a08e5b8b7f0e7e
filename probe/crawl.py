"""The probe's loop: send each call once (GET and HEAD only), check the answer, follow the spec's links and
listed items."""

from __future__ import annotations

from collections import deque
from typing import Any

import httpx
import schemathesis
from schemathesis import Response
from vendor_clients.auth import BearerAuth
from vendor_clients.errors import InvalidRequestError

from probe.budget import Budget, BudgetSpent
from probe.checks import check
from probe.links import Call, first_calls, linked_calls, listed_calls
from probe.report import Drift, Report
from probe.target import SAFE_METHODS, Target

DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=5.0)
"""Per request: five seconds to connect, ten to read."""


def client_for(target: Target, timeout: httpx.Timeout = DEFAULT_TIMEOUT, **options: Any) -> httpx.Client:
    """An httpx client with the target's base URL, bearer token and a finite timeout (no retries)."""
    return httpx.Client(base_url=target.base_url, auth=BearerAuth(target.token), timeout=timeout, **options)


class Probe:
    """One run against ``target`` through ``client``, within ``budget``."""

    def __init__(self, target: Target, client: httpx.Client, budget: Budget) -> None:
        self.target, self.client, self.budget = target, client, budget
        schema = schemathesis.openapi.from_path(target.api.spec_path)
        # By method and path: the client names an operation the spec gives no operationId.
        self.operations = {
            op_id: schema[op.path][op.method.upper()] for op_id, op in target.operations.items()
        }
        self.report = Report(target.api.name, target.base_url)

    def run(self) -> Report:
        """Every call reachable from the environment and the links, once; Ctrl-C keeps what was found."""
        report, target = self.report, self.target
        calls, report.not_probed = first_calls(target, self.operations)
        queue, seen = deque(calls), set()
        try:
            while queue and report.failure is None:
                call = queue.popleft()
                if call.key not in seen:
                    seen.add(call.key)
                    queue.extend(self.send_and_check(call))
        except BudgetSpent as spent:
            report.stopped = str(spent)
        except KeyboardInterrupt:
            report.stopped = "interrupted"
            report.failure = f"interrupted after {report.requests} requests"
        except httpx.TransportError as error:
            reason = target.redact(str(error)) or type(error).__name__
            report.failure = f"cannot reach {target.base_url}: {reason}"
        for operation_id in report.probed:
            report.not_probed.pop(operation_id, None)
        return report

    def send_and_check(self, call: Call) -> list[Call]:
        """Send ``call``, record its drift, and return the calls its response's links lead to."""
        target, report = self.target, self.report
        operation = target.operations[call.operation_id]
        if operation.method.upper() not in SAFE_METHODS:  # unreachable: Target keeps only safe operations
            raise AssertionError(f"{call.operation_id} is not a safe operation")
        values = {**call.query, **call.path}
        names = {**operation.path_params, **operation.query_params}
        try:
            request = operation.request({python: values.get(wire) for python, wire in names.items()})
        except InvalidRequestError as error:
            report.not_probed[call.operation_id] = f"a linked or listed value does not fit the spec: {error}"
            return []
        self.budget.take()
        report.requests += 1
        response = self.client.request(
            operation.method, request.path, params=request.params, headers=request.headers
        )
        if call.operation_id not in report.probed:
            report.probed.append(call.operation_id)
        # Every placeholder the client filled, also one the spec's operation declares no path parameter for.
        sent_path = {wire: values[wire] for wire in operation.path_params.values() if wire in values}
        case = self.operations[call.operation_id].Case(path_parameters=sent_path, query=call.query)
        sent = f"{response.request.method} {target.redact(str(response.request.url))}"
        for finding in check(case, response, operation, target.token):
            problem = target.redact(finding.problem)
            report.drift.append(
                Drift(
                    call.operation_id,
                    sent,
                    response.status_code,
                    **finding._replace(problem=problem)._asdict(),
                )
            )
        if response.status_code == httpx.codes.UNAUTHORIZED:
            report.failure = f"the token was rejected: {response.status_code} on {sent}"
            return []
        linked = linked_calls(target, self.operations, case, Response.from_any(response))
        return [*linked, *listed_calls(target, self.operations, case, json_body(response))]


def json_body(response: httpx.Response) -> Any:
    """The response's JSON body; None when it has none."""
    try:
        return response.json()
    except ValueError:
        return None
