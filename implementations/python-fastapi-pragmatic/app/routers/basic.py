"""Basic endpoints without a database: health, echo, external, protected, upload."""

from __future__ import annotations

import time
from typing import Any

import httpx
from fastapi import APIRouter, File, Header, HTTPException, UploadFile
from pydantic import BaseModel

from app.clients import UpstreamClient
from app.config import SERVER_NAME
from app.logic import bearer_check
from app.timing import elapsed_ms

router = APIRouter()


class EchoIn(BaseModel):
    message: str
    data: dict[str, Any] | None = None


class EchoOut(BaseModel):
    message: str
    data: dict[str, Any] | None


@router.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok", "server": SERVER_NAME}


@router.post("/echo", response_model=EchoOut)
async def echo(body: EchoIn) -> EchoOut:
    return EchoOut(message=body.message, data=body.data)


@router.get("/external")
async def external(client: UpstreamClient) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        response = await client.get("/delay")
        response.raise_for_status()
        data = response.json()
    except httpx.HTTPError as error:
        raise HTTPException(502, "Upstream unavailable") from error
    return {"source": "upstream", "latency_ms": elapsed_ms(started), "data": data}


@router.get("/protected")
async def protected(
    authorization: str | None = Header(None),
    x_request_id: str | None = Header(None),  # accepted and ignored
) -> dict[str, str]:
    user, error = bearer_check(authorization)
    if error:
        raise HTTPException(401, error)
    return {"message": "Access granted", "user": user}  # type: ignore[dict-item]


@router.post("/upload")
async def upload(file: UploadFile | None = File(None)) -> dict[str, Any]:
    if file is None:
        raise HTTPException(422, "No file uploaded")
    content = await file.read()
    return {
        "filename": file.filename or "unknown",
        "size": len(content),
        "content_type": file.content_type or "application/octet-stream",
    }
