"""Strings matching a regular expression, for ids and sampled values of schemas with a ``pattern``.

A small walk over Python's parse of the pattern: literals as written, the first branch of an alternation,
and each character class or repetition of one spelling ``number`` in the class's own characters, so that
distinct numbers give distinct strings where the pattern leaves room. A pattern beyond this subset (back
references, lookarounds that the walk ignores) gives None rather than a string it does not match.
"""

from __future__ import annotations

import importlib
import re
import string
from typing import Any

# Python's own parse of a pattern; typeshed has no stubs for these private modules.
sre: Any = importlib.import_module("re._constants")
parser: Any = importlib.import_module("re._parser")

CATEGORIES = {
    sre.CATEGORY_DIGIT: string.digits,
    sre.CATEGORY_WORD: string.ascii_lowercase + string.digits + "_",
    sre.CATEGORY_SPACE: " ",
    sre.CATEGORY_NOT_DIGIT: string.ascii_lowercase,
    sre.CATEGORY_NOT_WORD: "-",
    sre.CATEGORY_NOT_SPACE: string.ascii_lowercase + string.digits,
}
OUTSIDE = string.ascii_lowercase + string.digits + "_-"
"""Candidates for a negated class, in order."""


def matching(pattern: str, number: int) -> str | None:
    """A string ``pattern`` matches whole or in part (as JSON Schema's ``pattern`` does), spelling
    ``number``; None when the walk cannot build one."""
    try:
        text = emit(parser.parse(pattern), number)
        found = re.search(pattern, text) is not None
    except (re.error, ValueError, RecursionError):
        return None
    return text if found else None


def spelled(number: int, alphabet: str, low: int, high: int) -> str:
    """``number`` in base ``len(alphabet)`` with its digits, padded to ``low`` and cut to ``high``."""
    digits = ""
    while number and len(alphabet) > 1:
        number, digit = divmod(number, len(alphabet))
        digits = alphabet[digit] + digits
    return digits.rjust(low, alphabet[0])[-high:] if high else ""


def alphabet(items: Any) -> str:
    """The characters a class (``[a-z0-9_]``, ``[^/]``) admits, in order (a negated one: a few outside it)."""
    inside = ""
    negated = False
    for op, value in items:
        if op == sre.NEGATE:
            negated = True
        elif op == sre.LITERAL:
            inside += chr(value)
        elif op == sre.RANGE:
            inside += "".join(chr(code) for code in range(value[0], min(value[1], value[0] + 63) + 1))
        elif op == sre.CATEGORY:
            inside += CATEGORIES[value]
        else:
            raise ValueError(f"unsupported class item {op}")
    if negated:
        inside = "".join(c for c in OUTSIDE if c not in inside)
    if not inside:
        raise ValueError("empty class")
    return inside


def single(op: Any, value: Any) -> str | None:
    """The characters one token admits when it stands for a single character, else None."""
    if op == sre.IN:
        return alphabet(value)
    if op == sre.LITERAL:
        return chr(value)
    if op == sre.ANY:
        return string.ascii_lowercase
    if op == sre.CATEGORY:
        return CATEGORIES[value]
    if op == sre.NOT_LITERAL:
        return "".join(c for c in OUTSIDE if ord(c) != value)
    return None


def emit(tokens: Any, number: int) -> str:
    """The text of parsed ``tokens``."""
    text = ""
    for op, value in tokens:
        chars = single(op, value)
        if chars is not None:
            text += spelled(number, chars, 1, 1) if len(chars) > 1 and op == sre.IN else chars[0]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
            low, high, body = value
            inner = single(*body[0]) if len(body) == 1 else None
            if inner is not None:
                text += spelled(number, inner, max(low, 1) if high else 0, min(high, low + 24))
            else:
                text += emit(body, number) * low
        elif op in (sre.SUBPATTERN, getattr(sre, "ATOMIC_GROUP", None)):
            text += emit(value[-1], number)
        elif op == sre.BRANCH:
            text += emit(value[1][0], number)
        elif op != sre.AT:
            raise ValueError(f"unsupported pattern token {op}")
    return text
