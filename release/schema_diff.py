"""Compare two versions of a JSON schema inside a spec, knowing whether it describes a request or a response.

What narrows a request (fewer types, enum values or formats, tighter bounds, a field newly required or
removed) breaks callers; in a response the mirror image breaks them (more types or enum values, looser
bounds, a field no longer guaranteed). ``allOf``, ``not`` and ``if`` are not compared.
"""

from __future__ import annotations

from typing import Any, Literal

from release.changes import Action, Change, Direction, narrowing, pointer

Node = dict[str, Any]
At = tuple[str, ...]
Side = Literal["old", "new"]
LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")
BRANCHES = ("anyOf", "oneOf")


def types(schema: Node) -> set[str] | None:
    """The JSON types a schema allows (``integer`` implied by ``number``), or None for any."""
    declared = schema.get("type")
    if declared is None:
        return {"object"} if "properties" in schema else None
    found = {declared} if isinstance(declared, str) else set(declared)
    return found | {"integer"} if "number" in found else found


def branches(schema: Node) -> list[Node]:
    """The alternatives of an ``anyOf``/``oneOf``, or the schema itself as the only one."""
    for keyword in BRANCHES:
        if keyword in schema:
            found: list[Node] = schema[keyword]
            return found
    return [schema]


def branch_key(schema: Node) -> str:
    """What identifies an alternative across versions: its ``$ref`` or its type."""
    return str(schema.get("$ref") or schema.get("type") or "any")


def enum(schema: Node) -> set[str] | None:
    """The allowed values (``enum`` or ``const``) as their reprs, or None when any value is allowed."""
    if "const" in schema:
        return {repr(schema["const"])}
    return {repr(value) for value in schema["enum"]} if "enum" in schema else None


def listed(values: set[str]) -> str:
    return ", ".join(sorted(values))


def shown(value: Any) -> str:
    return "(none)" if value is None else str(value)


class SchemaDiff:
    """The changes between two versions of one spec; ``label`` is its path, e.g. ``specs/x.yaml``."""

    def __init__(self, label: str, old: Node, new: Node) -> None:
        self.label = label
        self.specs = {"old": old, "new": new}
        self.changes: set[Change] = set()
        self.seen: set[tuple[At, At, Direction]] = set()

    def add(self, at: At, action: Action, detail: str, *, breaking: bool) -> None:
        self.changes.add(Change(pointer(self.label, at), action, detail, breaking))

    def resolve(self, side: Side, node: Node, at: At) -> tuple[Node, At]:
        """Follow local ``$ref``s: the node they point at, and its pointer (where a change is reported)."""
        while isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/"):
            at = tuple(part.replace("~1", "/").replace("~0", "~") for part in node["$ref"][2:].split("/"))
            node = self.specs[side]
            for part in at:
                node = node[part]
        return node, at

    def narrow(self, at: At, detail: str, direction: Direction, *, narrowed: bool, widened: bool) -> None:
        """Report a changed constraint that now accepts less (``narrowed``) and/or more (``widened``)."""
        self.add(
            at,
            "changed",
            f"{direction} {detail}",
            breaking=narrowing(direction, narrowed=narrowed, widened=widened),
        )

    def schema(self, old: Node, new: Node, at_old: At, at_new: At, direction: Direction) -> None:
        """Compare two schemas; ``at_old``/``at_new`` are their pointers in the old and new spec."""
        old, at_old = self.resolve("old", old, at_old)
        new, at_new = self.resolve("new", new, at_new)
        if (at_old, at_new, direction) in self.seen:
            return
        self.seen.add((at_old, at_new, direction))
        if any(keyword in schema for schema in (old, new) for keyword in BRANCHES):
            self.alternatives(old, new, at_old, at_new, direction)
            return
        self.type(old, new, at_new, direction)
        self.values(old, new, at_new, direction)
        self.bounds(old, new, at_new, direction)
        self.properties(old, new, at_old, at_new, direction)
        if "items" in old and "items" in new:
            self.schema(old["items"], new["items"], (*at_old, "items"), (*at_new, "items"), direction)

    def alternatives(self, old: Node, new: Node, at_old: At, at_new: At, direction: Direction) -> None:
        """``anyOf``/``oneOf`` (a plain schema counts as one alternative), matched by ``$ref`` or type."""
        old_keyword = next((k for k in BRANCHES if k in old), None)
        new_keyword = next((k for k in BRANCHES if k in new), None)
        olds = {
            branch_key(b): (b, (*at_old, old_keyword, str(i)) if old_keyword else at_old)
            for i, b in enumerate(branches(old))
        }
        news = {
            branch_key(b): (b, (*at_new, new_keyword, str(i)) if new_keyword else at_new)
            for i, b in enumerate(branches(new))
        }
        removed, added = olds.keys() - news.keys(), news.keys() - olds.keys()
        if removed or added:
            detail = f"alternatives {listed(set(olds))} -> {listed(set(news))}"
            self.narrow(at_new, detail, direction, narrowed=bool(removed), widened=bool(added))
        for key in olds.keys() & news.keys():
            (old_branch, old_at), (new_branch, new_at) = olds[key], news[key]
            self.schema(old_branch, new_branch, old_at, new_at, direction)

    def type(self, old: Node, new: Node, at: At, direction: Direction) -> None:
        before, after = types(old), types(new)
        if before != after:
            self.narrow(
                (*at, "type"),
                f"type {listed(before or {'any'})} -> {listed(after or {'any'})}",
                direction,
                narrowed=after is not None and (before is None or not before <= after),
                widened=before is not None and (after is None or not after <= before),
            )

    def values(self, old: Node, new: Node, at: At, direction: Direction) -> None:
        """Enums and formats. An enum value added to a response breaks callers: the generated enums and
        models reject a value they do not know. Any format change breaks them: the generators map formats to
        Python types (``date-time`` to ``datetime``), so the generated signatures change either way."""
        before, after = enum(old), enum(new)
        if before != after:
            removed = before - after if before is not None and after is not None else set()
            added = after - before if before is not None and after is not None else set()
            detail = f"enum: added {listed(added) or '-'}, removed {listed(removed) or '-'}"
            if before is None or after is None:
                detail = f"enum {'added' if before is None else 'removed'}"
            self.narrow(
                (*at, "enum"),
                detail,
                direction,
                narrowed=bool(removed) or before is None,
                widened=bool(added) or after is None,
            )
        if old.get("format") != new.get("format"):
            detail = f"{direction} format {shown(old.get('format'))} -> {shown(new.get('format'))}"
            self.add((*at, "format"), "changed", detail, breaking=True)

    def bounds(self, old: Node, new: Node, at: At, direction: Direction) -> None:
        """Minimums, maximums, lengths, sizes, ``pattern`` and ``additionalProperties: false``."""
        for keyword in (*LOWER_BOUNDS, *UPPER_BOUNDS):
            before, after = old.get(keyword), new.get(keyword)
            if before != after:
                tighter = after is not None and (
                    before is None or (after > before if keyword in LOWER_BOUNDS else after < before)
                )
                detail = (
                    f"{keyword} {'narrowed' if tighter else 'widened'}: {shown(before)} -> {shown(after)}"
                )
                self.narrow((*at, keyword), detail, direction, narrowed=tighter, widened=not tighter)
        before, after = old.get("pattern"), new.get("pattern")
        if before != after:
            detail = f"pattern {shown(before)} -> {shown(after)}"
            self.narrow(
                (*at, "pattern"), detail, direction, narrowed=after is not None, widened=before is not None
            )
        closed_before = old.get("additionalProperties", True) is False
        closed_after = new.get("additionalProperties", True) is False
        if closed_before != closed_after:
            detail = f"additionalProperties {'closed' if closed_after else 'opened'}"
            self.narrow(
                (*at, "additionalProperties"), detail, direction, narrowed=closed_after, widened=closed_before
            )

    def properties(self, old: Node, new: Node, at_old: At, at_new: At, direction: Direction) -> None:
        """Fields: removed (always breaking), added, newly required or optional, and their schemas."""
        olds: Node = old.get("properties", {})
        news: Node = new.get("properties", {})
        old_required, new_required = set(old.get("required", [])), set(new.get("required", []))
        for name in sorted(olds.keys() - news.keys()):
            self.add((*at_old, "properties", name), "removed", f"{direction} field", breaking=True)
        for name in sorted(news.keys() - olds.keys()):
            required = name in new_required
            kind = "required" if required else "optional"
            self.add(
                (*at_new, "properties", name),
                "added",
                f"{kind} {direction} field",
                breaking=required and direction == "request",
            )
        for name in sorted(olds.keys() & news.keys()):
            here = (*at_new, "properties", name)
            if (name in old_required) != (name in new_required):
                now = "required" if name in new_required else "optional"
                self.add(
                    here,
                    "changed",
                    f"{direction} field now {now}",
                    breaking=(now == "required") == (direction == "request"),
                )
            self.schema(olds[name], news[name], (*at_old, "properties", name), here, direction)
