"""Docs from the spec, in ``tests/fixtures/docs/almanac.yaml`` generated into a temporary folder and in the
committed clients: Google-style docstrings in ``help()`` with readable defaults, ``Field(description=...)``,
``__all__``, the generated ``api.md`` and the README's method list."""

from __future__ import annotations

import contextlib
import importlib
import inspect
import io
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from types import ModuleType

import pytest
from pydantic import BaseModel
from vendor_clients import USE_DEFAULT

from tests.test_features import generated

DOCS = Path(__file__).resolve().parent / "fixtures" / "docs"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def almanac(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The generated ``almanac-client`` folder, its packages importable."""
    for specs, _ in generated(tmp_path_factory, DOCS, ("almanac",)):
        yield specs.parent / "generated" / "almanac-client"


def shown(thing: object) -> str:
    """What ``help(thing)`` prints."""
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        help(thing)
    return printed.getvalue()


def test_help_shows_the_operations_descriptions_returns_and_errors(almanac):
    text = shown(importlib.import_module("almanac_client").AlmanacClient.list_entries)
    for part in (
        "List entries.\n",
        "Every entry of the almanac, oldest first.",
        'A quote \\ and """ stay as written.',
        "``GET /entries``",
        "season: Only the entries of this season.",
        "word: A word the entry's text holds.",  # only on the parameter's schema
        "Returns:\n        EntryList: One page of entries.",
        "NotFoundError: 404: No almanac here.",
        "ServerError: 5XX: The almanac is down.",
        "timeout: 'CallTimeout' = USE_DEFAULT",
    ):
        assert part in text, part
    assert " object at 0x" not in text


def test_iterators_and_async_methods_have_the_same_docs(almanac):
    client = importlib.import_module("almanac_client").AsyncAlmanacClient
    items = shown(client.iter_entries)
    assert "Yields:\n        Entry: Each item of ``data``." in items
    assert "max_items: Stop after" in items
    assert "word: A word the entry's text holds." in items
    assert "Yields:\n        EntryList: One page of entries." in shown(client.iter_entry_pages)
    created = shown(client.create_entry)
    assert "text: What the entry says." in created
    assert "APIStatusError: default: Anything else went wrong." in created


def test_the_default_of_the_per_call_options_reads_as_its_name():
    assert repr(USE_DEFAULT) == "USE_DEFAULT"


def test_the_committed_clients_document_their_parameters():
    from pilfer_client import PilferClient

    text = shown(PilferClient.list_spaces)
    assert "organization_id: Organization scope id." in text
    assert "PermissionDeniedError: 403:" in text


def test_field_descriptions_are_in_the_models(almanac):
    entry = importlib.import_module("almanac_models").Entry
    assert entry.model_fields["text"].description == "What the entry says."
    assert entry.model_fields["season"].description == "When the entry is about."  # beside its $ref
    from pilfer_models import Space

    assert (Space.model_fields["status"].description or "").startswith("Open string.")


def defined_models(module: ModuleType) -> list[str]:
    """The model and enum classes a module defines."""
    return sorted(
        name
        for name, value in vars(module).items()
        if inspect.isclass(value)
        and issubclass(value, BaseModel | Enum)
        and value.__module__ == module.__name__
    )


@pytest.mark.parametrize("api", ["almanac", "pilfer", "lighthouse"])
def test_every_generated_package_declares_all(almanac, api):
    models = importlib.import_module(f"{api}_models")
    assert models.__all__ == defined_models(models)
    client = importlib.import_module(f"{api}_client.api")
    title = api.title()
    assert {f"{title}Client", f"Async{title}Client", "API"} <= set(client.__all__)
    assert all(hasattr(client, name) for name in client.__all__)


def test_api_md_lists_each_method_route_return_and_model(almanac):
    reference = (almanac / "api.md").read_text(encoding="utf-8")
    for part in (
        "def list_entries(*, season: Season",
        "word: str | None = None, limit: int | None = None, offset: int | None = None) -> EntryList\n",
        "`GET /entries`: List entries. Returns `EntryList`: One page of entries.",
        "def iter_entries(*, page_size: int = 100, max_items: int | None = None, season:",
        "| `text` | `str` (required) | What the entry says. |",
        "### `Moon`\n\nThe moon on the entry's day.",
        # a response's enum is open; the request's model keeps the class
        "| `season` | `Literal['spring', 'summer', 'autumn', 'winter'] \\| str \\| MISSING` | When the entry"
        " is about. |",
        "| `season` | `Season \\| MISSING` | A season of the year. |",
    ):
        assert part in reference, part
    readme = (almanac / "README.md").read_text(encoding="utf-8")
    assert "[API reference](api.md)" in readme
    assert "- `create_entry(*, text: str, season: Season" in readme
    assert "| None = None) -> Entry`: Create entry (`POST /entries`)" in readme


def test_the_committed_readmes_show_keyword_only_parameters():
    readme = (ROOT / "generated" / "pilfer-client" / "README.md").read_text(encoding="utf-8")
    assert "- `get_space(id: str, *, include: str | None = None) -> Space`" in readme
    assert (ROOT / "generated" / "pilfer-client" / "api.md").is_file()
