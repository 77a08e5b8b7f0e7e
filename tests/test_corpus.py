"""``make corpus``: each document of a folder through every stage, one table, exit 1 on any failure."""

from __future__ import annotations

import shutil
import subprocess
import sys

from tests.test_generation import ROOT

FEED = ROOT / "tests" / "fixtures" / "paging" / "feed.yaml"


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
    assert rows["Feed-API.yaml"] == ["ok", "ok", "ok", "ok", "ok", "4/4", "ok", "ok"]
    assert rows["broken.yaml"][1:] == ["FAIL", "-", "-", "-", "-", "-"]
    assert (
        "broken.yaml generate: error: broken.yaml#: a $ref names nothing: /components/schemas/Gone"
        in done.stdout
    )
    assert "1 of 2 documents passed every stage" in done.stdout


def test_a_folder_without_documents_is_exit_2(tmp_path):
    done = corpus(tmp_path)
    assert done.returncode == 2
    assert "no OpenAPI document" in done.stderr
