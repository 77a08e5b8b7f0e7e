"""The examples of the README's "Using the clients" section run, as written, against the mocks over TCP, and
pass ``mypy --strict`` with exact types."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mocks import lighthouse as lighthouse_mock
from mocks import pilfer as pilfer_mock
from mocks.server import serving_in_thread

from .fakes import log_levels_kept

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## Using the clients", 1)[1].split("\n## ", 1)[0]
EXAMPLES = re.findall(r"```python\n(.*?)```", SECTION, flags=re.DOTALL)
REVEALED = [  # the example that has ..., one of its variables, the type mypy gives it
    ('create_space(name="Research"', "space", "pilfer_models.Space"),
    ("sales = list(", "sales", "list[lighthouse_models.Workspace]"),
    ("sales = list(", "page", "lighthouse_models.WorkspaceListResponse"),
    ("with_raw_response.create_space", "raw", "vendor_clients.raw.RawResponse[pilfer_models.Space]"),
    ("with_options(timeout=2.0", "quick", "pilfer_client.api.PilferClient"),
]


@pytest.fixture(scope="module")
def mocks_over_tcp() -> Iterator[dict[str, str]]:
    with (
        serving_in_thread(pilfer_mock.create_app(spaces=12)) as pilfer_url,
        serving_in_thread(lighthouse_mock.create_app(size=250)) as lighthouse_url,
    ):
        yield {
            "PILFER_API_KEY": pilfer_mock.TOKEN,
            "PILFER_BASE_URL": pilfer_url,
            "PIERCLOUD_TOKEN": lighthouse_mock.TOKEN,
            "PIERCLOUD_BASE_URL": lighthouse_url,
            "PIERCLOUD_ORG_ID": lighthouse_mock.ORG_ID,
            "PIERCLOUD_BUSINESS_ID": lighthouse_mock.BUSINESS_ID,
        }


def test_the_section_has_the_examples_it_promises() -> None:
    assert len(EXAMPLES) == 9
    names = ("PilferClient", "LighthouseClient", "AsyncLighthouseClient", "NotFoundError", "RetryPolicy")
    for name in (*names, "with_raw_response", "with_options", "PILFER_LOG=info", "strict=False"):
        assert any(name in example for example in EXAMPLES), name


def run(example: str, env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> str:
    """Execute ``example`` with ``env`` set; what it printed."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(example, "README.md", "exec"), {"__name__": "readme_example"})
    return output.getvalue().strip()


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"example{n}" for n in range(1, len(EXAMPLES) + 1)])
def test_readme_example_runs(
    example: str,
    mocks_over_tcp: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    switch = re.search(r"^# (\w+_LOG)=(\w+) ", example, flags=re.MULTILINE)
    env = {**mocks_over_tcp, switch[1]: switch[2]} if switch else mocks_over_tcp
    with log_levels_kept():
        printed = run(example, env, monkeypatch)
    assert printed
    if switch:
        url = mocks_over_tcp["PILFER_BASE_URL"]
        logged = [record.getMessage() for record in caplog.records if record.name == "vendor_clients.pilfer"]
        assert printed == "5"
        assert [line.split(" in ")[0] for line in logged] == [
            f"GET {url}/api/v1/spaces?limit=5 -> 200 OK (HTTP/1.1)"
        ]
    if "strict=False" in example:
        assert printed == "None"
        assert [record.getMessage() for record in caplog.records if record.name == "vendor_clients"] == [
            "listSpaces: response field data[0].name kept as sent: Input should be a valid string"
        ]
    if "NotFoundError" in example and "LighthouseClient" in example:
        assert printed == "404 workspace/not-found Workspace not found"
    if "with_raw_response" in example:
        lines = printed.splitlines()
        assert lines[0] == "201 application/json HTTP/1.1"
        assert lines[1] == "200 13 True"  # the 12 seeded spaces and the new one, on one page
        assert lines[-1] == '404 {"code":"not_found","message":"Space not found"} None'
    if "with_options" in example:
        assert printed.splitlines() == ["urgent", "1", "Extras", "research t-1 ops", "pilfer-client/2.0.0"]


def test_readme_examples_pass_mypy_strict_with_exact_types(tmp_path: Path) -> None:
    expected = {}
    for number, example in enumerate(EXAMPLES, 1):
        lines = example.splitlines()
        for marker, name, revealed in REVEALED:
            if marker in example:
                lines.append(f"reveal_type({name})")
                expected[f"example{number}.py:{len(lines)}"] = revealed
        (tmp_path / f"example{number}.py").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert len(expected) == len(REVEALED)
    files = sorted(path.name for path in tmp_path.glob("example*.py"))
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / ".cache"), *files]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert [line for line in done.stdout.splitlines() if ": error:" in line] == []
    found = re.findall(
        r'^(example\d+\.py:\d+): note: Revealed type is "(.*)"$', done.stdout, flags=re.MULTILINE
    )
    assert dict(found) == expected
