"""Compare two versions of an OpenAPI spec: operations, parameters, request bodies and responses.

Operations are matched by path and method, then by ``operationId`` (a moved operation is one change at
its old pointer). Parameters and request bodies are compared as requests, response bodies as responses
(see ``release.schema_diff``).
"""

from __future__ import annotations

from typing import Any

from release.changes import Change, Direction
from release.schema_diff import At, Node, SchemaDiff, Side

METHODS = ("get", "put", "post", "patch", "delete", "head", "options", "trace")


def operations(spec: Node) -> dict[tuple[str, str], Node]:
    """``(path, method)`` -> operation."""
    paths: Node = spec.get("paths") or {}
    return {
        (path, method): item[method] for path, item in paths.items() for method in METHODS if method in item
    }


def label(key: tuple[str, str]) -> str:
    return f"{key[1].upper()} {key[0]}"


class SpecDiff(SchemaDiff):
    """Every change between two versions of a spec (an empty old spec makes everything added)."""

    def run(self) -> set[Change]:
        olds, news = operations(self.specs["old"]), operations(self.specs["new"])
        by_id = {op["operationId"]: key for key, op in news.items() if "operationId" in op}
        matched: set[tuple[str, str]] = set()
        for key, op in olds.items():
            at = ("paths", *key)
            target = key if key in news else by_id.get(op.get("operationId", ""))
            if target is None:
                self.add(at, "removed", f"operation {label(key)}", breaking=True)
                continue
            if target != key:
                self.add(at, "changed", f"operation moved: {label(key)} -> {label(target)}", breaking=True)
            matched.add(target)
            self.operation(key, target)
        for key in sorted(news.keys() - matched):
            self.add(("paths", *key), "added", f"operation {label(key)}", breaking=False)
        return self.changes

    def operation(self, old_key: tuple[str, str], new_key: tuple[str, str]) -> None:
        self.parameters(old_key, new_key)
        self.request_body(("paths", *old_key), ("paths", *new_key))
        self.responses(("paths", *old_key, "responses"), ("paths", *new_key, "responses"))

    def side_parameters(self, side: Side, key: tuple[str, str]) -> dict[tuple[str, str], tuple[Node, At]]:
        """``(in, name)`` -> resolved parameter and pointer; operation-level ones override path-level ones."""
        item = self.specs[side]["paths"][key[0]]
        found: dict[tuple[str, str], tuple[Node, At]] = {}
        for at in (("paths", key[0]), ("paths", *key)):
            owner = item if len(at) == 2 else item[key[1]]
            for index, parameter in enumerate(owner.get("parameters", [])):
                node, where = self.resolve(
                    "new" if side == "new" else "old", parameter, (*at, "parameters", str(index))
                )
                found[(node["in"], node["name"])] = (node, where)
        return found

    def parameters(self, old_key: tuple[str, str], new_key: tuple[str, str]) -> None:
        olds, news = self.side_parameters("old", old_key), self.side_parameters("new", new_key)
        for key in sorted(olds.keys() - news.keys()):
            self.add(olds[key][1], "removed", f"{key[0]} parameter {key[1]}", breaking=True)
        for key in sorted(news.keys() - olds.keys()):
            required = bool(news[key][0].get("required"))
            kind = "required" if required else "optional"
            self.add(news[key][1], "added", f"{kind} {key[0]} parameter {key[1]}", breaking=required)
        for key in sorted(olds.keys() & news.keys()):
            (old, at_old), (new, at_new) = olds[key], news[key]
            self.required(old, new, at_new, f"{key[0]} parameter {key[1]}")
            self.schema(
                old.get("schema", {}),
                new.get("schema", {}),
                (*at_old, "schema"),
                (*at_new, "schema"),
                "request",
            )

    def required(self, old: Node, new: Node, at: At, what: str) -> None:
        """A parameter or request body newly required (breaking) or now optional."""
        if bool(old.get("required")) != bool(new.get("required")):
            now = "required" if new.get("required") else "optional"
            self.add(at, "changed", f"{what} now {now}", breaking=now == "required")

    def request_body(self, at_old: At, at_new: At) -> None:
        old, new = self.lookup("old", at_old, "requestBody"), self.lookup("new", at_new, "requestBody")
        if old is None and new is None:
            return
        if new is None:
            assert old is not None
            self.add(old[1], "removed", "request body", breaking=True)
        elif old is None:
            required = bool(new[0].get("required"))
            self.add(
                new[1], "added", f"{'required' if required else 'optional'} request body", breaking=required
            )
        else:
            self.required(old[0], new[0], new[1], "request body")
            self.content(old, new, "request")

    def responses(self, at_old: At, at_new: At) -> None:
        olds: Node = self.node("old", at_old) or {}
        news: Node = self.node("new", at_new) or {}
        for status in sorted(olds.keys() - news.keys()):
            self.add((*at_old, status), "removed", f"status code {status}", breaking=True)
        for status in sorted(news.keys() - olds.keys()):
            self.add((*at_new, status), "added", f"status code {status}", breaking=False)
        for status in sorted(olds.keys() & news.keys()):
            old = self.resolve("old", olds[status], (*at_old, status))
            new = self.resolve("new", news[status], (*at_new, status))
            self.content(old, new, "response")

    def content(self, old: tuple[Node, At], new: tuple[Node, At], direction: Direction) -> None:
        """Media types of a request body or response, and their schemas."""
        olds: Node = old[0].get("content") or {}
        news: Node = new[0].get("content") or {}
        for media in sorted(olds.keys() - news.keys()):
            self.add((*old[1], "content", media), "removed", f"{direction} media type {media}", breaking=True)
        for media in sorted(news.keys() - olds.keys()):
            self.add((*new[1], "content", media), "added", f"{direction} media type {media}", breaking=False)
        for media in sorted(olds.keys() & news.keys()):
            self.schema(
                olds[media].get("schema", {}),
                news[media].get("schema", {}),
                (*old[1], "content", media, "schema"),
                (*new[1], "content", media, "schema"),
                direction,
            )

    def node(self, side: Side, at: At) -> Any:
        node: Any = self.specs[side]
        for part in at:
            node = node.get(part) if isinstance(node, dict) else None
        return node

    def lookup(self, side: Side, at: At, key: str) -> tuple[Node, At] | None:
        """The resolved child ``key`` of the node at ``at`` with its pointer, or None."""
        found = self.node(side, (*at, key))
        return None if found is None else self.resolve(side, found, (*at, key))


def diff(label: str, old: Node, new: Node) -> list[Change]:
    """The changes from ``old`` to ``new`` (both parsed specs; ``{}`` for a spec that does not exist)."""
    return sorted(SpecDiff(label, old, new).run())
