"""The contract's error responses, registered once on the app: always `{"detail": …}`.

- Domain errors map to their status (STATUS).
- 400 — a body Starlette or FastAPI could not parse — is answered 422: invalid input is 422.
- 405 is `{"detail":"Method Not Allowed"}` with an `Allow` header naming every method the path
  serves. FastAPI registers one route per method and Starlette's own `Allow` lists only the
  first route whose path matched (`TRACE /users` would name GET but not POST).
- Validation errors are FastAPI's array of issues (`type`, `loc`, `msg`, plain `ctx` values)
  without the `input` each one echoes, which may be a whole body or bytes that are not UTF-8.
- Anything unexpected is logged and answered 500 `{"detail":"Internal Server Error"}`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import BaseRoute

from app.domain.errors import (
    AuthenticationFailed,
    DomainError,
    EmailAlreadyExists,
    InvalidUserData,
    ProductNotFound,
    StockOutOfRange,
    UpstreamUnavailable,
    UserNotFound,
)

log = logging.getLogger("uvicorn.error")

#: Status code of each domain error.
STATUS: dict[type[DomainError], int] = {
    UserNotFound: 404,
    ProductNotFound: 404,
    EmailAlreadyExists: 409,
    InvalidUserData: 422,
    StockOutOfRange: 422,
    AuthenticationFailed: 401,
    UpstreamUnavailable: 502,
}


class AllowedMethods:
    """The methods each path template serves. Templates are tried in registration order, as
    the router tries them, so `/users/offset` (registered before `/users/{id}`) is its own path."""

    def __init__(self, routes: Iterable[BaseRoute]) -> None:
        self._templates: list[tuple[re.Pattern[str], str]] = []
        self._methods: dict[str, set[str]] = {}
        for route in routes:
            if not isinstance(route, APIRoute):
                continue
            if route.path not in self._methods:
                self._templates.append((route.path_regex, route.path))
            self._methods.setdefault(route.path, set()).update(route.methods)

    def of(self, path: str) -> list[str]:
        for regex, template in self._templates:
            if regex.match(path):
                return sorted(self._methods[template])
        return []


async def domain_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    return JSONResponse({"detail": exc.detail}, status_code=STATUS.get(type(exc), 500))


def _issue(error: dict[str, Any]) -> dict[str, Any]:
    issue = {"type": error["type"], "loc": list(error["loc"]), "msg": error["msg"]}
    # Plain context values only (bounds, the JSON error's reason), not exception objects.
    context = {k: v for k, v in error.get("ctx", {}).items() if isinstance(v, str | int | float)}
    if context:
        issue["ctx"] = context
    return issue


async def validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return JSONResponse({"detail": [_issue(e) for e in exc.errors()]}, status_code=422)


async def internal_error(request: Request, exc: Exception) -> JSONResponse:
    """Unexpected errors keep the contract's error body: 500 {"detail": …}."""
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"detail": "Internal Server Error"}, status_code=500)


def register(app: FastAPI, routes: Iterable[BaseRoute]) -> None:
    """Installs the handlers; `routes` are every route of the app, in registration order."""
    allowed = AllowedMethods(routes)

    async def http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        if exc.status_code == 405:
            methods = ", ".join(allowed.of(request.scope["path"]))
            return JSONResponse({"detail": "Method Not Allowed"}, status_code=405, headers={"Allow": methods})
        status = 422 if exc.status_code == 400 else exc.status_code
        return JSONResponse({"detail": exc.detail}, status_code=status, headers=exc.headers)

    app.add_exception_handler(DomainError, domain_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, internal_error)
