"""The README's curl lines (the vendor pages' examples with the host swapped) work against `make mock`."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import httpx
import pytest

from codegen.registry import api
from mocks import create_app

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
PILFER_URL, LIGHTHOUSE_URL = "http://127.0.0.1:4010", "http://127.0.0.1:4011"


def curl_commands() -> list[list[str]]:
    """Every curl command in the README's sh blocks, continuation lines joined, split like a shell."""
    blocks = re.findall(r"```sh\n(.*?)```", README, flags=re.DOTALL)
    text = "\n".join(blocks).replace("\\\n", " ")
    return [shlex.split(line) for line in text.splitlines() if line.strip().startswith("curl ")]


def request_of(argv: list[str]) -> tuple[str, str, dict[str, str], str | None]:
    """(method, url, headers, body) of a curl command line using -X, -H and -d."""
    method, url, headers, body = "GET", "", {}, None
    args = iter(argv[1:])
    for arg in args:
        if arg == "-X":
            method = next(args)
        elif arg == "-H":
            name, _, value = next(args).partition(":")
            headers[name.strip()] = value.strip()
        elif arg == "-d":
            body = next(args)
        else:
            url = arg
    return method, url, headers, body


COMMANDS = curl_commands()
pytestmark = pytest.mark.anyio


def test_the_readme_shows_the_pages_examples_for_both_mocks():
    urls = [request_of(argv)[1] for argv in COMMANDS]
    assert sum(url.startswith(PILFER_URL) for url in urls) >= 2
    assert sum(url.startswith(LIGHTHOUSE_URL) for url in urls) >= 2
    assert any(url.endswith("/workspaces/1234") for url in urls)  # the page's example id


@pytest.mark.parametrize("argv", COMMANDS, ids=[" ".join(argv[1:3]) for argv in COMMANDS])
async def test_readme_curl_line_succeeds(argv):
    method, url, headers, body = request_of(argv)
    served = api("pilfer" if url.startswith(PILFER_URL) else "lighthouse")
    app = create_app(served.name, **served.mock.options)  # as `make mock` serves it
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app)) as client:
        response = await client.request(method, url, headers=headers, content=body)
    assert response.status_code in (200, 201), response.text
    assert "data" in response.json()


def test_the_mocks_sections_python_example_runs():
    section = README.split("## Mock servers and contract tests", 1)[1].split("\n## ", 1)[0]
    [example] = re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)
    namespace: dict[str, str] = {}
    exec(compile(example, "README.md", "exec"), namespace)
    assert namespace["url"].startswith("http://127.0.0.1:")  # the example served the mock
