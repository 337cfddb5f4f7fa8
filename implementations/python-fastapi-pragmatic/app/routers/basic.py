"""Basic endpoints without a database: health, echo, external, protected, upload."""

from __future__ import annotations

import time
from typing import Any

import httpx
from fastapi import APIRouter, Header, HTTPException, Request
from pydantic import BaseModel
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.clients import UpstreamClient
from app.config import SERVER_NAME
from app.logic import bearer_check
from app.strict_json import StrictJsonRoute
from app.timing import elapsed_ms

router = APIRouter(route_class=StrictJsonRoute)

NO_FILE = "No file uploaded"


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
        return {
            "filename": file.filename or "unknown",
            "size": len(content),
            "content_type": file.content_type or "application/octet-stream",
        }
    finally:
        await form.close()
