"""A new operation and a new spec become callable clients with no hand-written Python: a copy of specs/
gains ``deleteWorkspace`` (204) and ``notes.yaml`` (CRUD with x-pagination), is regenerated into a temporary
folder, installed into a clean virtual environment, and the new methods are driven through
``httpx.MockTransport`` by the script below."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from tests.test_generation import copy_specs, generate
from tests.test_packages_install import install, runtime_project

ROOT = Path(__file__).resolve().parent.parent
DELETE_WORKSPACE = {
    "operationId": "deleteWorkspace",
    "summary": "Delete a workspace",
    "tags": ["workspaces"],
    "responses": {
        "204": {"description": "Deleted."},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "403": {"$ref": "#/components/responses/Forbidden"},
        "404": {
            "description": "Not found.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        },
    },
}
DRIVER = """
import json, os, uuid
import httpx
from vendor_clients import NotesClient, NotFoundError, ResponseValidationError, InvalidRequestError
from lighthouse_client import LighthouseClient

notes, seen = {}, []

def serve(request):
    seen.append(request)
    assert request.headers["authorization"] == "Bearer env-token"
    assert str(request.url).startswith("https://notes.example.com/v2/notes"), request.url
    parts = request.url.path.split("/")
    if request.method == "POST":
        note = {"id": str(uuid.uuid4()), "tags": [], **json.loads(request.content)}
        notes[note["id"]] = note
        return httpx.Response(201, json=note)
    if request.method == "GET" and len(parts) == 3:
        skip, take = int(request.url.params["skip"]), int(request.url.params["take"])
        items = list(notes.values())
        return httpx.Response(200, json={"items": items[skip : skip + take], "total": len(items)})
    note = notes.get(parts[3])
    if note is None:
        return httpx.Response(404, json={"code": "note/missing", "message": "No such note"})
    if request.method == "DELETE":
        del notes[parts[3]]
        return httpx.Response(204)
    if note["title"] == "wrong":
        return httpx.Response(200, json={**note, "tags": "not-a-list"})
    return httpx.Response(200, json=note)

os.environ["NOTES_TOKEN"] = "env-token"
with NotesClient(transport=httpx.MockTransport(serve)) as client:
    created = [client.create_note(title=f"note {n}", tags=["t"], priority="high") for n in range(7)]
    assert client.get_note(created[0].id) == created[0]
    assert [note.title for note in client.iter_notes(page_size=3)] == [f"note {n}" for n in range(7)]
    assert [request.url.params["skip"] for request in seen[-3:]] == ["0", "3", "6"]
    assert client.delete_note(created[0].id) is None
    try:
        client.get_note(created[0].id)
        raise AssertionError("no error")
    except NotFoundError as error:
        assert (error.status, error.code, error.message) == (404, "note/missing", "No such note")
    wrong = client.create_note(title="wrong")
    try:
        client.get_note(wrong.id)
        raise AssertionError("no error")
    except ResponseValidationError as error:
        assert error.path == "tags", error.path
    before = len(seen)
    bad = (lambda: client.create_note(title=""), lambda: client.get_note("not-a-uuid"),
           lambda: client.create_note(title="x", priority="urgent"), lambda: client.list_notes(take=51))
    for call in bad:
        try:
            call()
            raise AssertionError("no error")
        except InvalidRequestError:
            pass
    assert len(seen) == before, "a request was sent for invalid arguments"
    assert len(list(client.iter_notes(page_size=500))) == 7  # iterators keep to the spec's maximum
    assert seen[-1].url.params["take"] == "50"

def lighthouse(request):
    seen.append(request)
    if request.url.path.endswith("/workspaces/5"):
        return httpx.Response(204)
    return httpx.Response(404, json={"code": "workspace/not-found", "message": "Workspace not found"})

with LighthouseClient("t", org_id="o", business_id="b", transport=httpx.MockTransport(lighthouse)) as client:
    assert client.delete_workspace(5) is None
    assert seen[-1].method == "DELETE" and seen[-1].url.path == "/lighthouse/orgs/o/businesses/b/workspaces/5"
    try:
        client.delete_workspace(6)
        raise AssertionError("no error")
    except NotFoundError as error:
        assert error.code == "workspace/not-found"
print("driven")
"""


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """specs/ plus notes.yaml and deleteWorkspace, generated into a temporary folder."""
    work = tmp_path_factory.mktemp("new-api")
    specs = copy_specs(work, ROOT / "tests" / "fixtures" / "new_api" / "notes.yaml")
    lighthouse = yaml.safe_load((specs / "lighthouse.yaml").read_text())
    item = next(path for path in lighthouse["paths"] if path.endswith("{id}"))
    lighthouse["paths"][item]["delete"] = DELETE_WORKSPACE
    (specs / "lighthouse.yaml").write_text(yaml.safe_dump(lighthouse, sort_keys=False))
    target = work / "generated"
    done = generate("--specs", specs, "--target", target)
    assert done.returncode == 0, done.stderr
    return target


def test_new_operation_and_new_spec_are_callable_from_a_clean_install(regenerated: Path, tmp_path: Path):
    projects = [
        regenerated / name
        for name in ("notes-client", "notes-models", "lighthouse-client", "lighthouse-models")
    ]
    python = install(tmp_path, *projects, runtime_project(tmp_path))
    done = subprocess.run([python, "-c", DRIVER], capture_output=True, text=True, check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "driven"


def test_the_new_methods_are_generated_with_their_iterators(regenerated: Path):
    source = (regenerated / "notes-client" / "notes_client" / "api" / "__init__.py").read_text()
    for signature in (
        "def list_notes(", "def iter_notes(", "def iter_note_pages(", "def create_note(",
        "def get_note(", "def delete_note(", "-> None:",
    ):  # fmt: skip
        assert signature in source
    assert "prefetch: int = 0" in source  # x-pagination gives a total: the async iterators prefetch
