"""`make mock` (python -m mocks) serves every API and its export lines point the clients at the mocks."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from vendor_clients import LighthouseClient, PilferClient

from codegen.registry import apis
from mocks.server import free_port, listening_socket, wait_until_listening
from tests.engine.conftest import ANY_SPEC

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def exported() -> Iterator[dict[str, str]]:
    """Run `python -m mocks` on free ports; yield the variables its export lines set; stop it."""
    ports = {served.name: free_port() for served in apis()}
    env = {**os.environ, **{f"{name.upper()}_MOCK_PORT": str(port) for name, port in ports.items()}}
    server = subprocess.Popen(
        [sys.executable, "-m", "mocks"], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        lines = iter(server.stdout.readline, "\n")
        variables = dict(shlex.split(line)[1].split("=", 1) for line in lines if line.startswith("export "))
        for port in ports.values():
            wait_until_listening(port, server)
        yield variables
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_every_api_gets_its_clients_variables(exported):
    expected = set()
    for served in apis():
        expected |= {served.token_env, served.base_url_env, *served.client_parameters.values()}
        assert exported[served.base_url_env].startswith("http://127.0.0.1:")
        assert exported[served.token_env] == served.mock.token
    assert set(exported) == expected


def test_the_readme_clients_run_on_the_exported_variables(exported, monkeypatch):
    for name, value in exported.items():
        monkeypatch.setenv(name, value)
    with PilferClient() as pilfer:
        space = pilfer.create_space(name="Research", status="Draft")
        assert pilfer.get_space(space.id).name == "Research"
    with LighthouseClient() as lighthouse:
        page = lighthouse.list_workspaces(page_size=5, sort_field="name")
        assert page.meta.total > 1000
        assert lighthouse.get_workspace(1234).id == 1234


def run_mocks(*arguments: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mocks", *arguments],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_port_in_use_is_one_line_naming_it_and_its_variable_before_any_export_line():
    [first, *others] = apis()
    with listening_socket(0) as taken:
        port = taken.getsockname()[1]
        free = {f"{served.name.upper()}_MOCK_PORT": str(free_port()) for served in others}
        run = run_mocks(**free, **{f"{first.name.upper()}_MOCK_PORT": str(port)})
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == (
        f"mocks: {first.name} cannot listen on 127.0.0.1:{port} (Address already in use): "
        f"set {first.name.upper()}_MOCK_PORT to a free port\n"
    )


def test_help_prints_usage_and_serves_nothing():
    run = run_mocks("--help")
    assert run.returncode == 0
    assert run.stdout.startswith("usage: python -m mocks")
    assert "<NAME>_MOCK_PORT" in run.stdout


def test_a_spec_that_cannot_be_served_is_one_line_and_the_others_are_served(tmp_path):
    (tmp_path / "broken.yaml").write_text(
        "openapi: 3.1.0\npaths: {/x: {$ref: '#/nowhere'}}\n", encoding="utf-8"
    )
    shutil.copy(ANY_SPEC / "vault.yaml", tmp_path)
    command = [sys.executable, "-m", "mocks", "--free-ports", "--specs", str(tmp_path)]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        [(name, port)] = [line.split() for line in iter(server.stdout.readline, "\n")]
        health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=10)
        assert (name, health.status_code) == ("vault", 200)
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=10)
    assert errors.startswith(f"mocks: {tmp_path / 'broken.yaml'} cannot be served: ")
