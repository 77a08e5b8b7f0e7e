"""A small router shared by both mocks: exact path templates, 405 with ``Allow``, errors rendered per API.

Starlette's own routing answers unknown methods and paths in plain text and matches on the decoded
path (so an id containing ``%2F`` would miss its route); this one matches the raw path segment by
segment and answers everything in the API's error vocabulary.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import request_response

from tests.mocks.errors import ApiError, ErrorVocabulary

Handler = Callable[[Request, dict[str, str]], Awaitable[Response]]


@dataclass(frozen=True)
class Resource:
    """One path template (``/spaces/{id}``) and its handler per HTTP method."""

    template: str
    methods: Mapping[str, Handler]

    def match(self, segments: Sequence[str]) -> dict[str, str] | None:
        """The path parameters when ``segments`` fit the template, else None."""
        parts = self.template.strip("/").split("/")
        if len(parts) != len(segments):
            return None
        params: dict[str, str] = {}
        for part, segment in zip(parts, segments, strict=True):
            if part.startswith("{") and part.endswith("}"):
                if not segment:
                    return None
                params[part[1:-1]] = segment
            elif part != segment:
                return None
        return params


def path_segments(request: Request) -> list[str]:
    """The request path split on ``/`` before percent-decoding, each segment then decoded."""
    raw: bytes = request.scope.get("raw_path") or request.url.path.encode()
    path = raw.decode("latin-1").partition("?")[0]
    return [unquote(segment) for segment in path.split("/")[1:]]


def build_app(resources: Sequence[Resource], errors: ErrorVocabulary, state: Any) -> Starlette:
    """A Starlette app routing to ``resources``; ``state`` is exposed as ``app.state.store``."""

    async def dispatch(request: Request) -> Response:
        try:
            segments = path_segments(request)
            for resource in resources:
                params = resource.match(segments)
                if params is None:
                    continue
                handler = resource.methods.get(request.method)
                if handler is None:
                    allow = ", ".join(resource.methods)
                    raise ApiError("method_not_allowed", f"Use one of: {allow}", {"Allow": allow})
                return await handler(request, params)
            raise ApiError("not_found", "No such path")
        except ApiError as error:
            return errors.render(error)

    app = Starlette()
    # Every request goes to ``dispatch``; a Mount would miss paths whose decoded form holds a newline.
    app.router.default = request_response(dispatch)
    app.state.store = state
    return app
