"""Health, echo, external, protected, upload."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.application.external import CallUpstream
from app.config import SERVER_NAME
from app.domain.rules import simulated_bearer_user
from app.presentation import dependencies as deps
from app.presentation.schemas.operations import EchoRequest, EchoResponse, ExternalResponse
from app.presentation.strict_json import StrictJsonRoute

router = APIRouter(route_class=StrictJsonRoute)

NO_FILE = "No file uploaded"


def verify_token(authorization: Annotated[str | None, Header()] = None, x_request_id: Annotated[str | None, Header()] = None) -> str:
    """The reusable /protected check (X-Request-Id accepted and ignored); raises AuthenticationFailed."""
    return simulated_bearer_user(authorization)


@router.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok", "server": SERVER_NAME}


@router.post("/echo", response_model=EchoResponse)
async def echo(body: EchoRequest):
    return EchoResponse(message=body.message, data=body.data)


@router.get("/external", response_model=ExternalResponse)
async def external(use_case: Annotated[CallUpstream, Depends(deps.call_upstream)]):
    reply = await use_case.execute()
    return ExternalResponse(source="upstream", latency_ms=reply.latency_ms, data=reply.data)


@router.get("/protected")
async def protected(user: Annotated[str, Depends(verify_token)]) -> dict[str, str]:
    return {"message": "Access granted", "user": user}


async def _form(request: Request) -> FormData:
    try:
        return await request.form()
    except StarletteHTTPException as error:  # Starlette's 400 for multipart it cannot parse
        raise HTTPException(422, NO_FILE) from error


@router.post("/upload")
async def upload(request: Request) -> dict[str, Any]:
    # The form is read here rather than through File(): every body without a proper file part
    # (malformed multipart, no boundary, no part `file`, a plain field `file`, not multipart at
    # all) is the contract's 422 "No file uploaded", not a 400 or a list of issues.
    form = await _form(request)
    try:
        file = form.get("file")
        if not isinstance(file, UploadFile):
            raise HTTPException(422, NO_FILE)
        content = await file.read()
        return {"filename": file.filename or "unknown", "size": len(content), "content_type": file.content_type or "application/octet-stream"}
    finally:
        await form.close()
