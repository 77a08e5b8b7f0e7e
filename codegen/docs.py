"""The Google-style docstrings of the generated methods and iterators, from the spec's summaries and
descriptions (``codegen/describe.py``), as Jinja filters of the client template."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable
from typing import Any

from openapi_python_client.strings import safe_for_docstring
from vendor_clients.base_client import DEFAULT_PAGE_SIZE

from codegen.describe import Argument, OperationView

WIDTH = 110
INDENT = " " * 8
"""A method's docstring in a generated class."""
PER_CALL = {
    "timeout": "Seconds or an ``httpx.Timeout`` per attempt, None for no limit; the client's by default.",
    "deadline": "Seconds the whole call may take, retries included, None for none; the client's by default.",
    "max_response_bytes": "The largest decompressed response body read; the client's by default.",
    "extra_headers": "Headers sent after the operation's own (a same name replaces it).",
    "extra_query": "Query parameters sent after the operation's own.",
    "extra_body": "Fields merged into the JSON or form body.",
}
ITERATING = {
    "page_size": "Items asked for per page.",
    "max_items": "Stop after this many items; None for all of them.",
    "prefetch": "Pages fetched concurrently once the first page gives the total (still yielded in order).",
}
INVALID = ("InvalidRequestError", "The arguments do not fit the spec; nothing was sent.")


def wrapped(text: str, indent: str, hanging: str = "") -> list[str]:
    """``text`` made safe in a docstring and wrapped at ``WIDTH``, continuation lines indented more."""
    return textwrap.wrap(
        safe_for_docstring(text),
        WIDTH,
        initial_indent=indent,
        subsequent_indent=indent + hanging,
        break_long_words=False,
        break_on_hyphens=False,
    )


def section(title: str, entries: Iterable[tuple[str, str]]) -> list[str]:
    """A Google-style section (``Args:``, ``Raises:``...): one ``name: text`` entry each."""
    lines = [f"{INDENT}{title}:"]
    for name, text in entries:
        lines += wrapped(f"{name}: {text}" if text else f"{name}:", INDENT + "    ", "    ")
    return ["", *lines]


def sentence(text: str) -> str:
    """``text`` ending as a sentence does."""
    return text if text.endswith((".", "!", "?", ":")) else f"{text}."


def docstring(
    title: str, op: OperationView, documented: list[tuple[str, str]], result: tuple[str, str, str]
) -> str:
    """A docstring's text between its quotes: title, description, route, then the ``Args``, ``Returns``
    or ``Yields``, and ``Raises`` sections."""
    lines = wrapped(sentence(title), "")
    for paragraph in (op.description, f"``{op.method} {op.path}``"):
        lines += ["", *wrapped(paragraph, INDENT)] if paragraph else []
    lines += section("Args", [*documented, *PER_CALL.items()])
    lines += section(result[0], [(result[1], result[2])])
    lines += section("Raises", errors(op))
    return "\n".join(lines) + f"\n{INDENT}"


def errors(op: OperationView) -> list[tuple[str, str]]:
    """The ``Raises`` entries: the spec's error responses, then the arguments' check."""
    return [(name, f"{status}: {text}" if text else status) for name, status, text in op.errors] + [INVALID]


def described(arguments: list[Argument]) -> list[tuple[str, str]]:
    return [(arg.name, arg.description) for arg in arguments]


def method(op: OperationView) -> str:
    """The docstring of an operation's method."""
    returned = op.returns_doc if op.returns != "None" else "Nothing (the response has no body)."
    return docstring(
        op.summary, op, described(op.positional + op.keywords), ("Returns", op.returns, returned)
    )


def iterator(op: OperationView, prefetching: bool, items: bool) -> str:
    """The docstring of a paginated operation's item (``items``) or page iterator, its arguments in the
    template's order."""
    paging = op.paging
    assert paging is not None
    head = ["page_size"] * bool(paging.size) + ["max_items"] * items
    documented = [(name, ITERATING[name]) for name in head] + described(op.filters)
    documented += [("prefetch", ITERATING["prefetch"])] if prefetching else []
    if items:
        title = f"Every item of ``{op.name}`` ({op.summary}), in server order, one page in memory at a time"
        return docstring(
            title, op, documented, ("Yields", paging.item, f"Each item of ``{'.'.join(paging.results)}``.")
        )
    title = f"Every page of ``{op.name}`` ({op.summary}), fetched lazily"
    return docstring(title, op, documented, ("Yields", str(op.response), op.returns_doc))


def signature(op: OperationView, kind: str = "method") -> str:
    """A method's (or, ``kind`` ``items`` / ``pages``, an iterator's) signature as the README and
    ``api.md`` show it, without ``self`` and the per-call options."""
    paging = op.paging
    if kind == "method":
        name, returns, positional = op.name, op.returns, [arg.declaration for arg in op.positional]
        keywords = [arg.declaration for arg in op.keywords]
    else:
        assert paging is not None
        items = kind == "items"
        name = paging.items_method if items else paging.pages_method
        returns, positional = f"Iterator[{paging.item if items else op.response}]", []
        keywords = [f"page_size: int = {DEFAULT_PAGE_SIZE}"] * bool(paging.size)
        keywords += ["max_items: int | None = None"] * items + [arg.declaration for arg in op.filters]
    listed = [*positional, *(["*", *keywords] if keywords else [])]
    return f"{name}({', '.join(listed)}) -> {returns}"


def cell(text: str) -> str:
    """Text in a Markdown table cell."""
    return text.replace("|", "\\|")


FILTERS: dict[str, Callable[..., Any]] = {
    "method_doc": method,
    "iterator_doc": iterator,
    "signature": signature,
    "cell": cell,
    "sentence": sentence,
}
"""What ``codegen/generate.py`` adds to the template filters."""
