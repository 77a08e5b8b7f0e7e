"""Every spec is valid OpenAPI whose examples fit their schemas (what the pipeline needs); the specs that opt
in to the house style (``house-style = true`` in the registry) are 3.1 and follow it; Pilfer's and
Lighthouse's say what the vendor pages say."""

from __future__ import annotations

from typing import Any

import pytest

from codegen import problems
from codegen.registry import make_api
from tests.spec_walk import APIS, STYLED, examples, load_spec, operations, schema_errors

# What the vendor pages say, per operation they list. The fidelity tests walk these tables (an operation the
# pages list must be in the specs as they say); the generic tests walk whatever operations the specs have.
PAGE_OPERATIONS = {
    "listSpaces": ("get", "/api/v1/spaces"),
    "createSpace": ("post", "/api/v1/spaces"),
    "getSpace": ("get", "/api/v1/spaces/{id}"),
    "updateSpace": ("patch", "/api/v1/spaces/{id}"),
    "deleteSpace": ("delete", "/api/v1/spaces/{id}"),
    "listWorkspaces": ("get", "/lighthouse/orgs/{org_id}/businesses/{business_id}/workspaces"),
    "getWorkspace": ("get", "/lighthouse/orgs/{org_id}/businesses/{business_id}/workspaces/{id}"),
}
# Statuses each vendor page lists per operation.
DOCUMENTED_STATUSES = {
    "listSpaces": {"200", "401", "403"},
    "createSpace": {"201", "400", "401", "403"},
    "getSpace": {"200", "401", "403", "404"},
    "updateSpace": {"200", "400", "401", "403", "404"},
    "deleteSpace": {"200", "401", "403", "404"},
    "listWorkspaces": {"200", "400", "401", "403"},
    "getWorkspace": {"200", "400", "401", "403", "404"},
}
# Parameters each vendor page lists per operation (path parameters included).
DOCUMENTED_PARAMETERS = {
    "listSpaces": {"organizationId", "projectId", "include", "limit", "offset"},
    "createSpace": set(),
    "getSpace": {"id", "include"},
    "updateSpace": {"id"},
    "deleteSpace": {"id"},
    "listWorkspaces": {
        "org_id",
        "business_id",
        "page",
        "page_size",
        "search",
        "context_id",
        "workspace_group_id",
        "sort_field",
        "sort_order",
    },
    "getWorkspace": {"org_id", "business_id", "id"},
}
# Error bodies the Lighthouse page documents, by status.
LIGHTHOUSE_ERRORS = {
    "400": ("bad-request/invalid-parameters", "error message"),
    "401": ("failed", "invalid or expired token"),
    "403": ("authorization/forbidden", "Unable to give access to the user"),
    "404": ("workspace/not-found", "Workspace not found"),
}


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local $ref."""
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def all_operations(names: tuple[str, ...] = STYLED) -> list[tuple[str, str, str, dict[str, Any]]]:
    return [(api, path, method, op) for api in names for path, method, op in operations(load_spec(api))]


def page_operations() -> list[tuple[str, str, str, dict[str, Any]]]:
    """The operations of the specs that the vendor pages list."""
    return [found for found in all_operations() if found[3]["operationId"] in PAGE_OPERATIONS]


def json_media(spec: dict[str, Any], response: dict[str, Any]) -> dict[str, Any] | None:
    """The ``application/json`` content of a response; None for a response without a body (204)."""
    media: dict[str, Any] | None = resolve(spec, response).get("content", {}).get("application/json")
    return media


def parameters(api: str, path: str, op: dict[str, Any]) -> dict[str, dict[str, Any]]:
    spec = load_spec(api)
    listed = spec["paths"][path].get("parameters", []) + op.get("parameters", [])
    return {p["name"]: p for p in (resolve(spec, p) for p in listed)}


@pytest.mark.parametrize("api", APIS)
def test_spec_has_no_problem_the_pipeline_refuses(api):
    errors, _ = problems.validate(load_spec(api))
    assert errors == []


@pytest.mark.parametrize("api", STYLED)
def test_house_style_specs_are_valid_openapi_without_warnings(api):
    assert problems.validate(load_spec(api)) == ([], [])


def test_an_unexpected_keyword_is_a_warning_and_a_wrong_type_an_error():
    spec: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/a": {"get": {"title": "unexpected", "responses": {"200": {"description": "ok"}}}}},
    }
    errors, warnings = problems.validate(spec)
    assert (errors, [w.parts for w in warnings]) == ([], [("paths", "/a", "get")])
    spec["paths"]["/a"]["get"]["responses"] = "none"
    assert problems.validate(spec)[0]


@pytest.mark.parametrize("api", STYLED)
def test_house_style_specs_are_openapi_31(api):
    assert load_spec(api)["openapi"] == "3.1.0"


def test_the_house_style_is_opt_in(tmp_path):
    spec = tmp_path / "unseen.yaml"
    assert not make_api(spec, {}).house_style
    assert make_api(spec, {"house-style": True}).house_style


def test_servers_are_the_vendor_base_urls():
    assert load_spec("pilfer")["servers"] == [{"url": "https://api.getpilfer.com"}]
    assert load_spec("lighthouse")["servers"] == [{"url": "https://api.piercloud.io"}]


def test_every_operation_the_pages_list_is_in_the_specs():
    found = {op["operationId"]: (method, path) for _, path, method, op in all_operations()}
    assert {name: found.get(name) for name in PAGE_OPERATIONS} == PAGE_OPERATIONS


def test_operation_ids_are_unique_within_each_spec():
    for api in APIS:
        ids = [op["operationId"] for _, _, op in operations(load_spec(api)) if "operationId" in op]
        assert len(ids) == len(set(ids)), api


@pytest.mark.parametrize(("api", "path", "method", "op"), all_operations())
def test_every_operation_uses_bearer_auth(api, path, method, op):
    spec = load_spec(api)
    assert op.get("security") == [{"bearerAuth": []}], f"{method} {path} must declare its own security"
    assert spec["components"]["securitySchemes"]["bearerAuth"] == {
        **spec["components"]["securitySchemes"]["bearerAuth"],
        "type": "http",
        "scheme": "bearer",
    }
    assert op.get("summary")
    assert op.get("tags")


@pytest.mark.parametrize(("api", "path", "method", "op"), all_operations())
def test_every_response_body_has_a_json_schema(api, path, method, op):
    spec = load_spec(api)
    for status, response in op["responses"].items():
        media = json_media(spec, response)
        assert media is None or "schema" in media, f"{status} has a body without a schema"
        assert media is not None or status.startswith("2"), f"error {status} must have a body"


@pytest.mark.parametrize(("api", "path", "method", "op"), page_operations())
def test_the_statuses_the_pages_list_are_documented(api, path, method, op):
    spec = load_spec(api)
    documented = DOCUMENTED_STATUSES[op["operationId"]]
    assert documented <= set(op["responses"])
    for status, response in op["responses"].items():
        if status not in documented:
            assert "Assumption" in resolve(spec, response)["description"], (
                f"undocumented {status} must say why"
            )


@pytest.mark.parametrize(("api", "path", "method", "op"), page_operations())
def test_every_documented_parameter_is_declared(api, path, method, op):
    assert set(parameters(api, path, op)) == DOCUMENTED_PARAMETERS[op["operationId"]]


def test_lighthouse_list_parameters_follow_the_page():
    spec = load_spec("lighthouse")
    path = "/lighthouse/orgs/{org_id}/businesses/{business_id}/workspaces"
    params = parameters("lighthouse", path, spec["paths"][path]["get"])
    schema = {name: resolve(spec, p["schema"]) for name, p in params.items()}
    assert schema["page"] == {"type": "integer", "minimum": 1, "default": 1}
    # Values above 100 are clamped by the server, so the schema must accept them.
    assert schema["page_size"]["default"] == 10
    assert "maximum" not in schema["page_size"]
    assert schema["sort_field"]["enum"] == ["name", "created_at"]
    assert schema["sort_field"]["default"] == "created_at"
    assert schema["sort_order"]["enum"] == ["ASC", "DESC"]
    assert schema["sort_order"]["default"] == "ASC"
    assert schema["context_id"]["format"] == schema["workspace_group_id"]["format"] == "uuid"
    assert schema["search"]["type"] == "string"


def test_pilfer_list_parameters_follow_the_page():
    spec = load_spec("pilfer")
    params = parameters("pilfer", "/api/v1/spaces", spec["paths"]["/api/v1/spaces"]["get"])
    assert params["organizationId"]["allowEmptyValue"] is True
    assert params["limit"]["schema"]["type"] == params["offset"]["schema"]["type"] == "integer"
    assert "all" in params["include"]["description"]


@pytest.mark.parametrize("api", STYLED)
def test_every_example_validates_against_its_schema(api):
    spec = load_spec(api)
    found = examples(spec)
    assert len(found) >= 9  # the pages alone show 9 bodies per API
    for example in found:
        errors = schema_errors(spec, example.schema_pointer, example.value)
        assert not errors, f"{example.where}: {[e.message for e in errors]}"


def test_a_wrong_example_is_caught():
    spec = load_spec("lighthouse")
    pointer = "/components/schemas/Workspace"
    good = spec["components"]["schemas"]["Workspace"]["example"]
    assert not schema_errors(spec, pointer, good)
    assert schema_errors(spec, pointer, {**good, "id": "one"})
    assert schema_errors(spec, pointer, {**good, "created_at": "yesterday"})
    assert schema_errors(spec, pointer, {k: v for k, v in good.items() if k != "name"})


def test_every_operation_shows_the_page_examples():
    """Each success response and request body carries the page's example."""
    for api, _, _, op in page_operations():
        spec = load_spec(api)
        success = next(json_media(spec, r) for s, r in op["responses"].items() if s.startswith("2"))
        assert success is not None, op["operationId"]
        assert "example" in success, op["operationId"]
        if "requestBody" in op:
            assert "example" in op["requestBody"]["content"]["application/json"], op["operationId"]


@pytest.mark.parametrize("status", sorted(LIGHTHOUSE_ERRORS))
def test_lighthouse_error_examples_are_the_documented_bodies(status):
    spec = load_spec("lighthouse")
    code, message = LIGHTHOUSE_ERRORS[status]
    for _, _, op in operations(spec):
        media = json_media(spec, op["responses"][status]) if status in op["responses"] else None
        if media is not None:
            assert media["example"] == {"code": code, "message": message}


def response_schemas(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every schema reachable from a response, refs resolved."""
    seen: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            node = resolve(spec, node)
            if any(node is s for s in seen):
                return
            seen.append(node)
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    for _, _, op in operations(spec):
        for response in op["responses"].values():
            media = json_media(spec, response)
            if media is not None:
                walk(media["schema"])
    return seen


@pytest.mark.parametrize("api", STYLED)
def test_response_objects_are_open_and_have_no_closed_enums(api):
    schemas = response_schemas(load_spec(api))
    objects = [s for s in schemas if s.get("type") == "object"]
    assert objects
    for schema in objects:
        assert schema.get("additionalProperties") is True, schema.get("description", schema)
    assert not [s for s in schemas if "enum" in s]


def test_sample_valued_response_fields_are_open_strings():
    pilfer = load_spec("pilfer")["components"]["schemas"]["Space"]["properties"]
    lighthouse = load_spec("lighthouse")["components"]["schemas"]["Workspace"]["properties"]
    for prop in (pilfer["status"], pilfer["priority"], lighthouse["access_scope"]):
        assert prop["type"] == "string"
        assert "enum" not in prop


def test_pilfer_error_body_is_declared_an_assumption():
    error = load_spec("pilfer")["components"]["schemas"]["Error"]
    assert error["description"].startswith("Assumption:")
