"""String enums in responses are typed open (``Literal[...] | str``) and keep a value the vendor added, with
a WARNING; requests keep their enum classes. ``fixtures/open_enums/shelter.yaml``, generated into a
temporary folder, called through ``httpx.MockTransport`` and over loopback against its mock."""

from __future__ import annotations

import importlib
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, get_args, get_origin, get_type_hints

import httpx
import pytest
from pydantic import MISSING
from vendor_clients import InvalidRequestError, ResponseValidationError

from codegen.registry import apis
from mocks.engine import MockApp
from mocks.faults import Fault
from mocks.server import serving_in_thread
from tests.test_features import Server, generated

FOLDER = Path(__file__).resolve().parent / "fixtures" / "open_enums"
ANIMAL = {"id": 1, "name": "Rex", "kind": "dog", "status": "available", "shelter": "main"}


@pytest.fixture(scope="module")
def generation(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Path, subprocess.CompletedProcess[str]]]:
    yield from generated(tmp_path_factory, FOLDER, ("shelter",))


def modules() -> tuple[Any, Any]:
    return importlib.import_module("shelter_client"), importlib.import_module("shelter_models")


def client(body: Any, status: int = 200, strict: bool = True) -> tuple[Any, Server]:
    server = Server(status, body)
    shelter, _ = modules()
    return shelter.ShelterClient("t", transport=httpx.MockTransport(server), strict=strict), server


def test_response_enums_are_typed_open_and_request_enums_stay_classes(generation):
    shelter, models = modules()
    output = get_type_hints(models.AnimalOutput)
    assert output["kind"] == Literal["cat", "dog"] | str
    assert output["status"] == Literal["available", "adopted"] | str | MISSING
    assert output["shelter"] == models.Shelter | MISSING  # one value: a tag, closed
    request = get_type_hints(models.Animal)
    assert (request["kind"], request["status"]) == (models.Kind, models.Status | MISSING)
    listed = get_type_hints(models.ListAnimalsResponse)
    assert (get_origin(listed["animals"]), get_args(listed["animals"])) == (list, (models.AnimalOutput,))
    assert listed["sizes"] == list[Literal["small", "large"] | str] | MISSING
    assert listed["mood"] == Literal["calm", "wild"] | str | None | MISSING
    pen, bird = get_type_hints(models.Pen), get_type_hints(models.Bird)
    assert pen["climate"] == Literal["warm", "cold"] | str | MISSING
    assert bird["wings"] == models.Wings | MISSING  # a union member's enum stays closed
    assert bird["type"] == Literal["bird"]  # the discriminator
    methods = shelter.ShelterClient
    assert get_type_hints(methods.create_animal)["return"] is models.AnimalOutput
    assert get_type_hints(methods.get_kind)["return"] == Literal["cat", "dog"] | str


def test_an_unknown_value_is_kept_and_warned_once_per_field_in_both_modes(generation, caplog):
    animals = [{**ANIMAL, "kind": "bird", "status": "lost"}, {**ANIMAL, "id": 2, "status": "lost"}]
    body = {"animals": animals, "sizes": ["small", "huge"], "mood": None}
    with caplog.at_level(logging.WARNING):
        for strict in (True, False):
            found = client(body, strict=strict)[0].list_animals()
            assert [(a.kind, a.status) for a in found.animals] == [("bird", "lost"), ("dog", "lost")]
            assert (found.sizes, found.mood) == (["small", "huge"], None)
    assert [record.getMessage() for record in caplog.records] == [
        "listAnimals: response field animals[0].kind kept as sent: 'bird' is none of 'cat', 'dog'",
        "listAnimals: response field animals[0].status kept as sent: "
        "'lost' is none of 'available', 'adopted'",
        "listAnimals: response field sizes[1] kept as sent: 'huge' is none of 'small', 'large'",
    ] * 2


def test_known_values_warn_nothing_and_a_whole_body_enum_is_open(generation, caplog):
    with caplog.at_level(logging.WARNING):
        assert client({"animals": [ANIMAL], "mood": "calm"})[0].list_animals().animals[0].kind == "dog"
        assert client("cat")[0].get_kind(1) == "cat"
        assert caplog.records == []
        assert client("fox")[0].get_kind(1) == "fox"
    assert [record.getMessage() for record in caplog.records] == [
        "getKind: response field <body> kept as sent: 'fox' is none of 'cat', 'dog'"
    ]


def test_a_request_still_refuses_a_value_off_its_enum(generation):
    shelter_client, server = client(ANIMAL, status=201)
    assert shelter_client.create_animal(id=1, name="Rex", kind="cat", status="adopted").status == "available"
    for argument, value in (("kind", "bird"), ("status", "lost")):
        with pytest.raises(InvalidRequestError) as raised:
            shelter_client.create_animal(id=1, name="Rex", **{"kind": "cat", argument: value})
        assert raised.value.path == argument
    assert len(server.seen) == 1


def test_a_value_of_the_wrong_type_is_named_by_its_field_path(generation):
    for animal, path in (({**ANIMAL, "status": 7}, "animals[0].status"), ({"id": 1}, "animals[0].name")):
        with pytest.raises(ResponseValidationError) as raised:
            client({"animals": [animal]})[0].list_animals()
        assert raised.value.path == path


def test_a_closed_enum_of_a_union_member_is_kept_as_sent_in_strict_mode_too(generation, caplog):
    pen = {"id": 1, "climate": "humid", "resident": {"type": "bird", "wings": "none"}}
    with caplog.at_level(logging.WARNING):
        found = client(pen)[0].get_pen(1)
    # the member is not told by its tag when salvaged: the whole union value is kept as sent
    assert (found.climate, found.resident) == ("humid", {"type": "bird", "wings": "none"})
    assert sorted(record.getMessage().split(" kept as sent")[0] for record in caplog.records) == [
        "getPen: response field climate",
        "getPen: response field resident",
    ]


def test_an_unknown_value_over_loopback_from_the_mock(generation, caplog):
    specs, _ = generation
    [served] = [api for api in apis(specs=specs, pyproject=specs / "none.toml") if api.name == "shelter"]
    app = MockApp(served)
    app.faults.add("getKind", Fault(status=200, body="fox"), validate=False)
    shelter, _ = modules()
    with serving_in_thread(app) as url, caplog.at_level(logging.WARNING):
        created = shelter.ShelterClient("t", base_url=url).create_animal(id=1, name="Rex", kind="cat")
        assert created.kind in ("cat", "dog")
        assert shelter.ShelterClient("t", base_url=url).get_kind(created.id) == "fox"
    assert [record.getMessage() for record in caplog.records] == [
        "getKind: response field <body> kept as sent: 'fox' is none of 'cat', 'dog'"
    ]


def test_mypy_reveals_the_open_types(generation, tmp_path):
    specs, _ = generation
    packages = [specs.parent / "generated" / f"shelter-{kind}" for kind in ("client", "models")]
    example = tmp_path / "example.py"
    example.write_text(
        "from shelter_client import ShelterClient\n"
        "client = ShelterClient('t')\n"
        "reveal_type(client.list_animals().animals[0].kind)\n"
        "reveal_type(client.get_kind(1))\n"
        "client.create_animal(id=1, name='Rex', kind='bird')\n",
        encoding="utf-8",
    )
    command = [
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--cache-dir",
        str(tmp_path / ".cache"),
        "example.py",
    ]
    env = {**os.environ, "MYPYPATH": os.pathsep.join(map(str, packages))}
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False, env=env)
    lines = done.stdout.splitlines()
    assert [line.split("note: ")[1] for line in lines if "note: Revealed" in line] == [
        'Revealed type is "str"',  # a checker folds `Literal["cat", "dog"] | str` into str
    ] * 2
    assert [line.split(": error: ")[0] for line in lines if ": error: " in line] == ["example.py:5"]
