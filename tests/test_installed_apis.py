"""The installed client packages describe the same APIs as the repository's registry: each ships its spec
byte for byte and its registry entry, and declares itself in the entry point group the mocks read."""

from __future__ import annotations

from dataclasses import replace

from codegen.registry import apis
from mocks.installed import installed_apis


def test_every_api_of_the_registry_is_installed_with_its_spec_and_settings():
    installed = {found.name: found for found in installed_apis()}
    assert set(installed) == {found.name for found in apis()}
    for found in apis():
        shipped = installed[found.name]
        assert shipped.spec_path.read_bytes() == found.spec_path.read_bytes()
        assert replace(shipped, spec_path=found.spec_path) == found
