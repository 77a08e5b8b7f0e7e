"""``make corpus``: each document of a folder through every stage, one table, exit 1 on any failure."""

from __future__ import annotations

import shutil
import subprocess
import sys

from tests.test_generation import ROOT

FEED = ROOT / "tests" / "fixtures" / "paging" / "feed.yaml"
ECHO = """\
openapi: 3.0.3
info: {title: Echo, version: "1"}
servers: [{url: "https://echo.example.com"}]
paths:
  /echo:
    get:
      operationId: echo
      parameters:
        - {name: times, in: query, required: true, schema: {type: integer, minimum: 1, maximum: 3}}
      responses:
        "200":
          description: Only a success is documented.
          content:
            application/json:
              schema: {type: object, properties: {times: {type: integer}}}
        "400": {description: Not a number of times.}
  /twice:
    get:
      operationId: twice
      responses:
        "200":
          description: A oneOf naming one schema twice, which no body satisfies.
          content:
            application/json:
              schema:
                oneOf: [{$ref: "#/components/schemas/Echo"}, {$ref: "#/components/schemas/Echo"}]
components:
  schemas:
    Echo: {type: object, properties: {times: {type: integer}}}
"""


def corpus(folder, *options: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "corpus", str(folder), "--examples", "5", *options]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False, timeout=600)


def test_a_document_that_works_passes_every_stage_and_a_broken_one_is_named_with_its_reason(tmp_path):
    shutil.copy(FEED, tmp_path / "Feed-API.yaml")  # the name becomes a valid API name
    broken = FEED.read_text().replace(
        '$ref: "#/components/schemas/Event"', '$ref: "#/components/schemas/Gone"'
    )
    (tmp_path / "broken.yaml").write_text(broken)
    done = corpus(tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    rows = {line.split()[0]: line.split()[1:] for line in done.stdout.splitlines()[2:4]}
    assert rows["Feed-API.yaml"] == ["ok", "ok", "ok", "ok", "ok", "4/4", "ok", "ok", "0"]
    assert rows["broken.yaml"][1:] == ["FAIL", "-", "-", "-", "-", "-", "-"]
    assert (
        "broken.yaml generate: error: broken.yaml#: a $ref names nothing: /components/schemas/Gone"
        in done.stdout
    )
    assert "1 of 2 documents passed every stage" in done.stdout


def test_a_folder_without_documents_is_exit_2(tmp_path):
    done = corpus(tmp_path)
    assert done.returncode == 2
    assert "no OpenAPI document" in done.stderr


def test_a_document_that_contradicts_itself_is_named_and_fuzzed_and_until_stops_early(tmp_path):
    (tmp_path / "echo.yaml").write_text(
        ECHO.replace('        "400": {description: Not a number of times.}\n', "")
    )
    done = corpus(tmp_path)  # /echo takes input and documents no answer for invalid input
    assert done.returncode == 0, done.stdout + done.stderr  # the mock's 400 to invalid input is not a failure
    assert done.stdout.splitlines()[2].split() == ["echo.yaml", *["ok"] * 5, "2/2", "ok", "ok", "2"]
    assert (
        "contradiction: echo.yaml#/paths/~1echo/get/responses: takes input but documents no 4xx or default "
        "response" in done.stdout
    )
    assert (
        "contradiction: echo.yaml#/paths/~1twice/get/responses/200/content/application~1json/schema/oneOf: "
        "names one schema twice" in done.stdout
    )
    early = corpus(tmp_path, "--until", "calls")
    assert early.stdout.splitlines()[2].split() == ["echo.yaml", *["ok"] * 5, "2/2", "-", "-", "2"]
    assert "1 of 1 documents passed every stage through calls" in early.stdout
