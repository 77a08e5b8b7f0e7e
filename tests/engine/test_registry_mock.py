"""The registry's mock settings: defaults derived from the name, ports in registry order around fixed ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from codegen.registry import Api, RegistryError, apis
from tests.engine.conftest import HERE


def registry(tmp_path: Path, names: list[str], table: str = "") -> dict[str, Api]:
    for name in names:
        shutil.copy(HERE / "tasks.yaml", tmp_path / f"{name}.yaml")
    (tmp_path / "pyproject.toml").write_text(table, encoding="utf-8")
    return {api.name: api for api in apis(specs=tmp_path, pyproject=tmp_path / "pyproject.toml")}


def test_ports_follow_registry_order_and_skip_the_fixed_ones(tmp_path):
    table = (
        "[tool.vendor-clients.apis.beta]\nmock = { port = 4010 }\n"
        "[tool.vendor-clients.apis.delta]\nmock = { port = 4012 }\n"
    )
    found = registry(tmp_path, ["alpha", "beta", "gamma", "delta", "omega"], table)
    assert {name: api.mock.port for name, api in found.items()} == {
        "alpha": 4011,
        "beta": 4010,
        "delta": 4012,
        "gamma": 4013,
        "omega": 4014,
    }


def test_defaults_come_from_the_name_and_the_client_parameters(tmp_path):
    table = '[tool.vendor-clients.apis.shop]\nclient-parameters = { store_id = "SHOP_STORE_ID" }\n'
    shop = registry(tmp_path, ["shop"], table)["shop"]
    assert (shop.mock.token, shop.mock.seed, shop.mock.override, shop.mock.options) == (
        "shop-test-token",
        3,
        None,
        {},
    )
    [(parameter, value)] = shop.mock.scope.items()
    assert parameter == "store_id"
    assert value == registry(tmp_path, ["shop"], table)["shop"].mock.scope["store_id"]  # stable


def test_the_vendor_entries_keep_their_tokens_ports_and_ids():
    found = {api.name: api for api in apis()}
    assert (found["pilfer"].mock.token, found["pilfer"].mock.port) == ("pilfer_test_key_0123456789", 4010)
    lighthouse = found["lighthouse"].mock
    assert (lighthouse.token, lighthouse.port) == ("lighthouse-test-token-0123456789", 4011)
    assert lighthouse.scope == {
        "org_id": "8f14e45f-ceea-4e67-a1c3-6b0a5c1d2e01",
        "business_id": "c9f0f895-fb98-4b91-8f1e-2d3c4b5a6f02",
    }


def test_an_unknown_mock_setting_is_named(tmp_path):
    with pytest.raises(RegistryError, match="unknown settings \\['colour'\\]"):
        registry(tmp_path, ["shop"], '[tool.vendor-clients.apis.shop]\nmock = { colour = "red" }\n')
