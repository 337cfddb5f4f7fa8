"""Health, echo, external, protected, upload."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Header, HTTPException, UploadFile

from app.application.external import CallUpstream
from app.config import SERVER_NAME
from app.domain.rules import simulated_bearer_user
from app.presentation import dependencies as deps
from app.presentation.schemas.operations import EchoRequest, EchoResponse, ExternalResponse

router = APIRouter()


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


@router.post("/upload")
async def upload(file: UploadFile | None = File(None)) -> dict[str, Any]:
    if file is None:
        raise HTTPException(422, "No file uploaded")
    content = await file.read()
    return {"filename": file.filename or "unknown", "size": len(content), "content_type": file.content_type or "application/octet-stream"}
