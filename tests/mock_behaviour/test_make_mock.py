"""`make mock` (python -m mocks) serves every API and its export lines point the clients at the mocks."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from vendor_clients import LighthouseClient, PilferClient

from codegen.registry import apis
from mocks.server import free_port, wait_until_listening

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
