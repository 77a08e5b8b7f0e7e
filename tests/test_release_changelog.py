"""``make changelog``: each API's spec changes under its version in CHANGELOG.md, idempotently."""

from __future__ import annotations

from release import changelog
from tests.release_repo import Repo

OTHER = "## lighthouse 1.0.0\n\nKept as it was.\n"


def test_changelog_sections_per_api_and_version_are_replaced_not_repeated(tmp_path):
    repo = Repo(tmp_path)
    output = tmp_path / "CHANGELOG.md"
    output.write_text(f"{changelog.PREAMBLE}\n{OTHER}", encoding="utf-8")
    repo.edit("pilfer", lambda spec: spec["paths"]["/api/v1/spaces/{id}"].pop("delete"))
    repo.bump("pilfer", "2.0.0")

    assert repo.run(changelog.main, "--since", "HEAD") == (0, "CHANGELOG.md: pilfer 2.0.0 since HEAD\n")
    first = output.read_text(encoding="utf-8")
    assert first == (
        f"{changelog.PREAMBLE}\n"
        "## pilfer 2.0.0\n\nSince `HEAD` (specs/pilfer.yaml).\n\n### Removed\n\n"
        "- **breaking** `specs/pilfer.yaml#/paths/~1api~1v1~1spaces~1{id}/delete`: "
        "operation DELETE /api/v1/spaces/{id}\n\n"
        f"{OTHER}"
    )
    repo.run(changelog.main, "--since", "HEAD")
    assert output.read_text(encoding="utf-8") == first

    repo.edit("pilfer", lambda spec: spec["components"]["schemas"]["Space"]["properties"].update(tag={}))
    repo.run(changelog.main, "--since", "HEAD")
    second = output.read_text(encoding="utf-8")
    assert second.count("## pilfer 2.0.0") == 1
    added = "- `specs/pilfer.yaml#/components/schemas/Space/properties/tag`: optional response field\n"
    assert f"### Added\n\n{added}" in second
    assert second.endswith(OTHER)


def test_changelog_default_since_is_the_newest_tag(tmp_path):
    repo = Repo(tmp_path)
    repo.git("tag", "v1")
    repo.edit("pilfer", lambda spec: spec["paths"]["/api/v1/spaces/{id}"].pop("delete"))
    repo.commit("after the tag")
    assert repo.run(changelog.main) == (0, "CHANGELOG.md: pilfer 1.0.0 since v1\n")
