"""Domain errors → HTTP responses, registered once on the app."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from app.domain.errors import (
    AuthenticationFailed, DomainError, EmailAlreadyExists, InvalidUserData, ProductNotFound, UpstreamUnavailable, UserNotFound,
)

log = logging.getLogger("uvicorn.error")

#: Status code of each domain error.
STATUS: dict[type[DomainError], int] = {
    UserNotFound: 404,
    ProductNotFound: 404,
    EmailAlreadyExists: 409,
    InvalidUserData: 422,
    AuthenticationFailed: 401,
    UpstreamUnavailable: 502,
}


async def domain_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    return JSONResponse({"detail": exc.detail}, status_code=STATUS.get(type(exc), 500))


async def internal_error(request: Request, exc: Exception) -> JSONResponse:
    """Unexpected errors keep the contract's error body: 500 {"detail": …}."""
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"detail": "Internal Server Error"}, status_code=500)


def register(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, domain_error)
    app.add_exception_handler(Exception, internal_error)
