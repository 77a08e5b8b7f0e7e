"""Error responses: one exception for every handler, rendered in each API's own error vocabulary."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel
from starlette.responses import JSONResponse

ErrorKind = Literal["bad_request", "unauthorized", "forbidden", "not_found", "method_not_allowed"]

STATUS: Mapping[ErrorKind, int] = {
    "bad_request": 400,
    "unauthorized": 401,
    "forbidden": 403,
    "not_found": 404,
    "method_not_allowed": 405,
}


class ApiError(Exception):
    """Raised by handlers and helpers; the router turns it into the API's error response."""

    def __init__(
        self, kind: ErrorKind, message: str | None = None, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(message or kind)
        self.kind: ErrorKind = kind
        self.message = message
        self.headers = dict(headers or {})


@dataclass(frozen=True)
class ErrorVocabulary:
    """How one API spells its errors: a code and a default message per kind, and its Error model."""

    model: Callable[..., BaseModel]
    codes: Mapping[ErrorKind, tuple[str, str]] = field(default_factory=dict)

    def render(self, error: ApiError) -> JSONResponse:
        """The JSON error response for ``error``, validated through the generated Error model."""
        code, default_message = self.codes[error.kind]
        body = self.model(code=code, message=error.message or default_message)
        return JSONResponse(
            body.model_dump(mode="json", by_alias=True), status_code=STATUS[error.kind], headers=error.headers
        )
