"""``python -m corpus.client_check SPECS NAME``, run with the API's generated packages on ``PYTHONPATH``:
import the client, find a method per operation, and call each operation once through
``httpx.MockTransport`` (answering the spec's example or a sampled body) and once against the mock engine.
Prints one JSON object: per stage None (passed) or the first failure, and the count of calls that passed."""

from __future__ import annotations

import dataclasses
import importlib
import json
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import httpx
import jsonschema_rs
from openapi_python_client.strings import snake_case
from vendor_clients import APIStatusError
from vendor_clients.operation import Operation

from codegen.describe import METHODS, named
from codegen.registry import Api
from mocks import create_app, served_apis
from mocks.clients import client_for
from mocks.values import sample

BASE_URL = "http://corpus.test"
REASON = 300
"""Characters of an exception's message a report keeps."""
Spec = dict[str, Any]


def reason(operation_id: str, error: BaseException) -> str:
    text = " ".join(str(error).split())
    return f"{operation_id}: {type(error).__name__}: {text[:REASON]}"


def operations(spec: Spec) -> Iterator[tuple[Spec, list[Spec]]]:
    """Every operation of a dereferenced spec, with its parameters (path-level ones included)."""
    for item in spec.get("paths", {}).values():
        for method in METHODS:
            if method in item:
                yield item[method], [*item.get("parameters", []), *item[method].get("parameters", [])]


def wire_names(operation: Operation[Any]) -> dict[tuple[str, str], str]:
    """(location, wire name) -> argument name over every parameter location the runtime's ``Operation``
    maps (``body`` for the body's fields)."""
    names: dict[tuple[str, str], str] = {}
    for field in dataclasses.fields(operation):
        value = getattr(operation, field.name)
        place, _, kind = field.name.partition("_")
        if kind in ("params", "fields") and isinstance(value, Mapping):
            names |= {(place, wire): python for python, wire in value.items()}
    return names


def arguments(op: Spec, parameters: list[Spec], operation: Operation[Any]) -> dict[str, Any]:
    """A value for every required parameter and a sampled body of the media type the client sends, as the
    method's arguments."""
    names = wire_names(operation)
    found = {
        names[p["in"], p["name"]]: sample(p.get("schema", {}), complete=False)
        for p in parameters
        if p.get("required") and (p["in"], p["name"]) in names
    }
    content = op.get("requestBody", {}).get("content", {})
    media = content.get(operation.body_media) if operation.body is not None else None
    if media is not None:
        body = sample(media.get("schema", {}), complete=False)
        if operation.body_fields and isinstance(body, dict):
            found |= {names["body", wire]: value for wire, value in body.items() if ("body", wire) in names}
            found |= {name: str(found[name]).encode() for name in operation.file_fields if name in found}
        elif not operation.body_fields:  # a binary body takes bytes: the sample's text
            found["body"] = str(body).encode() if operation.body is bytes and isinstance(body, str) else body
    return found


def answer(op: Spec) -> Callable[[httpx.Request], httpx.Response]:
    """A handler answering the operation's first documented success with its example or a sample."""
    responses = op.get("responses", {})
    status = next((code for code in responses if code.startswith("2")), "default")
    response = responses.get(status, {})
    code = 200 if not status[0].isdigit() or "X" in status else int(status)
    content = response.get("content", {})

    def handle(request: httpx.Request) -> httpx.Response:
        if not content:
            return httpx.Response(code)
        kind, media = next(iter(content.items()))
        examples = [e.get("value") for e in media.get("examples", {}).values() if "value" in e]
        body = media["example"] if "example" in media else examples[0] if examples else None
        body = sample(media.get("schema", {}), complete=True) if body is None else body
        if "json" in kind:
            return httpx.Response(code, json=body)
        data = body if isinstance(body, bytes) else str(body).encode()
        return httpx.Response(code, content=data, headers={"content-type": kind})

    return handle


def check(served: Api) -> dict[str, Any]:
    report: dict[str, Any] = {
        "import": None,
        "methods": None,
        "calls": None,
        "mock": None,
        "passed": 0,
        "total": 0,
    }
    try:
        package = importlib.import_module(served.client_package)
        module = importlib.import_module(f"{served.client_package}.api")
        client_class = getattr(package, f"{served.title}Client")
    except Exception as exc:  # anything the generated package raises at import is the finding
        report["import"] = reason(served.client_package, exc)
        return report
    spec = jsonschema_rs.dereference(named(served.spec))
    found = list(operations(spec))
    missing = [
        op["operationId"] for op, _ in found if not hasattr(client_class, snake_case(op["operationId"]))
    ]
    if missing:
        report["methods"] = f"no method for {', '.join(missing)}"
        return report
    report["total"] = len(found)
    constants = {value.operation_id: value for value in vars(module).values() if isinstance(value, Operation)}
    app = create_app(served)
    for op, parameters in found:
        operation_id = op["operationId"]
        method = snake_case(operation_id)
        given = arguments(op, parameters, constants[operation_id])
        transport = httpx.MockTransport(answer(op))
        try:
            with client_class("corpus-token", base_url=BASE_URL, transport=transport) as client:
                getattr(client, method)(**given)
            report["passed"] += 1
        except Exception as exc:
            report["calls"] = report["calls"] or reason(operation_id, exc)
            continue
        try:
            with client_for(served, app) as client:
                getattr(client, method)(**given)
        except APIStatusError as exc:
            if exc.status >= 500 or exc.status == 401:  # 401: the mock refused what the client sends
                report["mock"] = report["mock"] or reason(operation_id, exc)
        except Exception as exc:
            report["mock"] = report["mock"] or reason(operation_id, exc)
    return report


def main() -> None:
    specs, name = Path(sys.argv[1]), sys.argv[2]
    [served] = [found for found in served_apis(specs) if found.name == name]
    print(json.dumps(check(served)))


if __name__ == "__main__":
    main()
