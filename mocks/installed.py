"""The APIs of the installed client packages: each generated ``<name>_client`` declares itself in the
``vendor_clients.apis`` entry point group and ships its spec (``openapi.yaml``, the bytes of
``specs/<name>.yaml``) and its registry entry (``registry.json``)."""

from __future__ import annotations

import json
from importlib.metadata import entry_points
from importlib.resources import files
from pathlib import Path

from mocks.apis import Api, make_api, with_ports

GROUP = "vendor_clients.apis"
SPEC = "openapi.yaml"
ENTRY = "registry.json"


def installed_apis() -> list[Api]:
    """One API per installed client package of the group, sorted by name."""
    found = []
    for point in entry_points(group=GROUP):
        package = files(point.value)
        entry = json.loads((package / ENTRY).read_text(encoding="utf-8"))
        found.append(make_api(Path(str(package / SPEC)), entry, name=point.name))
    return with_ports(sorted(found, key=lambda served: served.name))
