"""The breaking-change gate (``make breaking``): each kind of breaking change is caught at its pointer and
fails without a major version bump; additive changes pass and are listed as such."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.release_repo import Repo, Spec

SPEC = "specs/pilfer.yaml#"
LIST = f"{SPEC}/paths/~1api~1v1~1spaces/get"
ITEM = f"{SPEC}/paths/~1api~1v1~1spaces~1{{id}}"
SCHEMAS = f"{SPEC}/components/schemas"
CREATE = f"{SCHEMAS}/CreateSpaceRequest/properties"
INCLUDE = "^(all|(project|organization)(,(project|organization))*)$"


def schema(spec: Spec, name: str) -> Spec:
    found: Spec = spec["components"]["schemas"][name]
    return found


def field(spec: Spec, name: str, prop: str) -> Spec:
    found: Spec = schema(spec, name)["properties"][prop]
    return found


def list_parameters(spec: Spec) -> list[Spec]:
    found: list[Spec] = spec["paths"]["/api/v1/spaces"]["get"]["parameters"]
    return found


def item(spec: Spec) -> Spec:
    found: Spec = spec["paths"]["/api/v1/spaces/{id}"]
    return found


Edit = Callable[[Spec], object]
NOTHING: Edit = lambda spec: None  # noqa: E731

# (kind, edit of the committed spec, edit of the working tree, the line the gate must print)
BREAKING: list[tuple[str, Edit, Edit, str]] = [
    (
        "removed operation",
        NOTHING,
        lambda spec: item(spec).pop("delete"),
        f"{ITEM}/delete: removed (operation DELETE /api/v1/spaces/{{id}})",
    ),
    (
        "removed parameter",
        NOTHING,
        lambda spec: list_parameters(spec).pop(1),
        f"{LIST}/parameters/1: removed (query parameter projectId)",
    ),
    (
        "removed response field",
        NOTHING,
        lambda spec: schema(spec, "Space")["properties"].pop("name"),
        f"{SCHEMAS}/Space/properties/name: removed (response field)",
    ),
    (
        "removed request field",
        NOTHING,
        lambda spec: schema(spec, "UpdateSpaceRequest")["properties"].pop("currentStrength"),
        f"{SCHEMAS}/UpdateSpaceRequest/properties/currentStrength: removed (request field)",
    ),
    (
        "removed status code",
        NOTHING,
        lambda spec: item(spec)["get"]["responses"].pop("404"),
        f"{ITEM}/get/responses/404: removed (status code 404)",
    ),
    (
        "new required parameter",
        NOTHING,
        lambda spec: list_parameters(spec).append(
            {"name": "tag", "in": "query", "required": True, "schema": {"type": "string"}}
        ),
        f"{LIST}/parameters/5: added (required query parameter tag)",
    ),
    (
        "parameter newly required",
        NOTHING,
        lambda spec: list_parameters(spec)[3].update(required=True),
        f"{LIST}/parameters/3: changed (query parameter limit now required)",
    ),
    (
        "new required request field",
        NOTHING,
        lambda spec: (
            schema(spec, "CreateSpaceRequest")["properties"].update(color={"type": "string"}),
            schema(spec, "CreateSpaceRequest")["required"].append("color"),
        ),
        f"{CREATE}/color: added (required request field)",
    ),
    (
        "request field newly required",
        NOTHING,
        lambda spec: schema(spec, "CreateSpaceRequest")["required"].append("status"),
        f"{CREATE}/status: changed (request field now required)",
    ),
    (
        "response field no longer guaranteed",
        NOTHING,
        lambda spec: schema(spec, "Space")["required"].remove("name"),
        f"{SCHEMAS}/Space/properties/name: changed (response field now optional)",
    ),
    (
        "narrowed request type",
        lambda spec: field(spec, "CreateSpaceRequest", "currentStrength").update(type=["integer", "string"]),
        lambda spec: field(spec, "CreateSpaceRequest", "currentStrength").update(type="integer"),
        f"{CREATE}/currentStrength/type: changed (request type integer, string -> integer)",
    ),
    (
        "widened response type",
        NOTHING,
        lambda spec: field(spec, "Space", "name").update(type=["string", "null"]),
        f"{SCHEMAS}/Space/properties/name/type: changed (response type string -> null, string)",
    ),
    (
        "narrowed request enum",
        lambda spec: field(spec, "CreateSpaceRequest", "status").update(enum=["Draft", "Active"]),
        lambda spec: field(spec, "CreateSpaceRequest", "status").update(enum=["Draft"]),
        f"{CREATE}/status/enum: changed (request enum: added -, removed 'Active')",
    ),
    (
        "enum on an open request string",
        NOTHING,
        lambda spec: field(spec, "CreateSpaceRequest", "status").update(enum=["Draft"]),
        f"{CREATE}/status/enum: changed (request enum added)",
    ),
    (
        "value added to a response enum",
        lambda spec: field(spec, "Space", "status").update(enum=["Draft"]),
        lambda spec: field(spec, "Space", "status").update(enum=["Draft", "Archived"]),
        f"{SCHEMAS}/Space/properties/status/enum: changed (response enum: added 'Archived', removed -)",
    ),
    (
        "narrowed format",
        NOTHING,
        lambda spec: field(spec, "CreateSpaceRequest", "projectId").update(format="uuid"),
        f"{CREATE}/projectId/format: changed (request format (none) -> uuid)",
    ),
    (
        "narrowed bound",
        NOTHING,
        lambda spec: list_parameters(spec)[3]["schema"].update(maximum=100),
        f"{LIST}/parameters/3/schema/maximum: changed (request maximum narrowed: (none) -> 100)",
    ),
    (
        "changed pattern of a shared parameter",
        NOTHING,
        lambda spec: spec["components"]["parameters"]["Include"]["schema"].update(pattern="^all$"),
        f"{SPEC}/components/parameters/Include/schema/pattern: changed (request pattern {INCLUDE} -> ^all$)",
    ),
    (
        "closed request object",
        lambda spec: schema(spec, "CreateSpaceRequest").update(additionalProperties=True),
        lambda spec: schema(spec, "CreateSpaceRequest").update(additionalProperties=False),
        f"{SCHEMAS}/CreateSpaceRequest/additionalProperties: changed (request additionalProperties closed)",
    ),
    (
        "changed path",
        NOTHING,
        lambda spec: spec["paths"].update({"/api/v1/space/{id}": spec["paths"].pop("/api/v1/spaces/{id}")}),
        f"{ITEM}/get: changed (operation moved: GET /api/v1/spaces/{{id}} -> GET /api/v1/space/{{id}})",
    ),
    (
        "changed method",
        NOTHING,
        lambda spec: item(spec).update(put=item(spec).pop("patch")),
        f"{ITEM}/patch: changed (operation moved: PATCH /api/v1/spaces/{{id}} -> PUT /api/v1/spaces/{{id}})",
    ),
]

ADDITIVE: list[tuple[str, Edit, str]] = [
    (
        "new optional request field",
        lambda spec: schema(spec, "CreateSpaceRequest")["properties"].update(color={"type": "string"}),
        f"{CREATE}/color: added (optional request field)",
    ),
    (
        "new operation",
        lambda spec: item(spec).update(put=dict(item(spec)["patch"], operationId="replaceSpace")),
        f"{ITEM}/put: added (operation PUT /api/v1/spaces/{{id}})",
    ),
    (
        "new optional parameter",
        lambda spec: list_parameters(spec).append(
            {"name": "tag", "in": "query", "schema": {"type": "string"}}
        ),
        f"{LIST}/parameters/5: added (optional query parameter tag)",
    ),
    (
        "new response field",
        lambda spec: schema(spec, "Space")["properties"].update(color={"type": "string"}),
        f"{SCHEMAS}/Space/properties/color: added (optional response field)",
    ),
    (
        "widened request type",
        lambda spec: field(spec, "CreateSpaceRequest", "currentStrength").update(type=["integer", "string"]),
        f"{CREATE}/currentStrength/type: changed (request type integer -> integer, string)",
    ),
    (
        "new status code",
        lambda spec: item(spec)["delete"]["responses"].update({"429": {"description": "Slow down."}}),
        f"{ITEM}/delete/responses/429: added (status code 429)",
    ),
]


@pytest.fixture
def repo(tmp_path):
    return Repo(tmp_path)


@pytest.mark.parametrize(("kind", "before", "after", "line"), BREAKING, ids=[case[0] for case in BREAKING])
def test_breaking_change_fails_without_a_major_bump(repo, kind, before, after, line):
    repo.edit("pilfer", before)
    repo.commit()
    repo.edit("pilfer", after)
    status, out = repo.gate("--base", "HEAD")
    assert status == 1, out
    assert f"  breaking  {line}" in out.splitlines()
    failures = [text for text in out.splitlines() if text.startswith("breaking-change gate failed:")]
    assert len(failures) == 1
    assert failures[0].startswith("breaking-change gate failed: specs/pilfer.yaml has ")
    assert failures[0].endswith(
        " but info.version 1.0.0 -> 1.0.0 does not raise the major version (make it 2.0.0)"
    )

    repo.bump("pilfer", "1.1.0")
    assert repo.gate("--base", "HEAD")[0] == 1, "a minor bump is not enough"
    repo.bump("pilfer", "2.0.0")
    status, out = repo.gate("--base", "HEAD")
    assert status == 0, out
    assert f"  breaking  {line}" in out.splitlines()


@pytest.mark.parametrize(("kind", "after", "line"), ADDITIVE, ids=[case[0] for case in ADDITIVE])
def test_additive_change_passes_and_is_listed(repo, kind, after, line):
    repo.edit("pilfer", after)
    status, out = repo.gate("--base", "HEAD")
    assert status == 0, out
    assert out.splitlines()[1:] == ["pilfer 1.0.0 -> 1.0.0: 0 breaking, 1 additive", f"  additive  {line}"]


def test_values_removed_from_a_response_enum_are_additive(repo):
    repo.edit("pilfer", lambda spec: field(spec, "Space", "status").update(enum=["Draft", "Archived"]))
    repo.commit()
    repo.edit("pilfer", lambda spec: field(spec, "Space", "status").update(enum=["Draft"]))
    status, out = repo.gate("--base", "HEAD")
    assert status == 0, out
    assert "response enum: added -, removed 'Archived'" in out


def test_new_spec_is_all_additive(repo):
    repo.git("mv", "specs/pilfer.yaml", "specs/renamed.yaml")
    repo.commit()
    (repo.path / "specs" / "pilfer.yaml").write_text(
        (repo.path / "specs" / "renamed.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    status, out = repo.gate("--base", "HEAD")
    assert status == 0, out
    assert "pilfer (new) -> 1.0.0: 0 breaking, 5 additive" in out
    assert f"  additive  {LIST}: added (operation GET /api/v1/spaces)" in out


def test_removed_spec_fails(repo):
    (repo.path / "specs" / "pilfer.yaml").unlink()
    status, out = repo.gate("--base", "HEAD")
    assert status == 1
    assert "  breaking  specs/pilfer.yaml: removed (the API and its packages)" in out
    assert out.splitlines()[-1] == (
        "breaking-change gate failed: specs/pilfer.yaml was removed: "
        "breaking for every caller of its packages"
    )


def test_griffe_catches_a_removed_public_python_name(tmp_path):
    repo = Repo(tmp_path, projects=("pilfer-models",))
    models = tmp_path / "generated" / "pilfer-models" / "pilfer_models" / "__init__.py"
    text = models.read_text(encoding="utf-8")
    assert "class DeleteResult(" in text
    models.write_text(text.replace("class DeleteResult(", "class DeleteOutcome("), encoding="utf-8")
    status, out = repo.gate("--base", "HEAD")
    assert status == 1, out
    assert "  breaking  pilfer_models.DeleteResult: removed (Python: public object was removed)" in out
    assert "specs/pilfer.yaml has 1 breaking change" in out.splitlines()[-1]


def test_no_change_is_fast_and_passes(repo):
    status, out = repo.gate("--base", "HEAD")
    assert (status, out.split(" since ")[0]) == (0, "no change to specs/ or generated/")


def test_default_base_is_the_merge_base_with_main(repo):
    repo.git("branch", "main")
    repo.commit("on the branch")
    repo.edit("pilfer", lambda spec: item(spec).pop("delete"))
    repo.commit("breaking, committed")
    status, out = repo.gate()
    assert status == 1
    assert out.splitlines()[0].endswith("(merge base of HEAD and main) with the working tree")


def test_without_main_or_with_shallow_history_it_compares_with_head(repo, tmp_path):
    status, out = repo.gate()
    assert status == 0
    assert "no branch main; no branch origin/main: comparing with HEAD" in out
    repo.git("branch", "main")
    repo.git("checkout", "--quiet", "-b", "feature")
    repo.commit("feature 1")
    repo.commit("feature 2")
    repo.git("checkout", "--quiet", "main")
    repo.commit("main moves on")
    repo.git("checkout", "--quiet", "feature")
    clone = tmp_path / "clone"
    repo.git("clone", "--quiet", "--depth", "1", "--no-single-branch", f"file://{repo.path}", str(clone))
    shallow = Repo.__new__(Repo)
    shallow.path = clone
    status, out = shallow.gate()
    assert status == 0, out
    assert "no merge base with origin/main (shallow history?): comparing with HEAD" in out


def test_description_change_is_no_api_change(repo):
    repo.edit("pilfer", lambda spec: item(spec)["get"].update(summary="Fetch one space"))
    status, out = repo.gate("--base", "HEAD")
    assert (status, out.splitlines()[1:]) == (
        0,
        ["no API changes (descriptions, examples and x- extensions are not compared)"],
    )
