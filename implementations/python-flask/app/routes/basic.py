"""Basic endpoints without a database: health, echo, external, protected, upload."""

from __future__ import annotations

import time
from typing import Any

import urllib3
from flask import Blueprint, Response, current_app, request

from app.clients import upstream
from app.config import SERVER_NAME
from app.errors import ApiError, invalid
from app.logic import bearer_check
from app.params import json_object, parse_json
from app.timing import elapsed_ms

bp = Blueprint("basic", __name__)


@bp.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok", "server": SERVER_NAME}


@bp.post("/echo")
def echo() -> Response:
    body = json_object()
    message = body.get("message")
    if not isinstance(message, str):
        raise invalid("message: field required, must be a string")
    data = body.get("data")
    if data is not None and not isinstance(data, dict):
        raise invalid("data: must be an object or null")
    try:  # rendered here so that a body nested to the recursion limit is a 422, not a 500
        return current_app.json.response({"message": message, "data": data})
    except RecursionError:
        raise invalid("data: nested too deeply") from None


@bp.get("/external")
def external() -> dict[str, Any]:
    started = time.perf_counter()
    url = current_app.config["LAB_SETTINGS"].upstream_url + "/delay"
    try:
        # The worker thread waits here (WSGI); the pool keeps the connection alive for the next call.
        reply = upstream().request("GET", url)
        if reply.status != 200:
            raise ApiError(502, f"Upstream answered {reply.status}")
        data = parse_json(reply.data)
    except (urllib3.exceptions.HTTPError, ValueError) as error:
        raise ApiError(502, "Upstream unavailable") from error
    return {"source": "upstream", "latency_ms": elapsed_ms(started), "data": data}


@bp.get("/protected")
def protected() -> dict[str, str]:
    # X-Request-Id is accepted and ignored.
    user, error = bearer_check(request.headers.get("Authorization"))
    if error:
        raise ApiError(401, error)
    return {"message": "Access granted", "user": user}  # type: ignore[dict-item]


@bp.post("/upload")
def upload() -> dict[str, Any]:
    # Werkzeug parses multipart/form-data; a part counts as a file when it has a filename
    # parameter. Anything else (no part `file`, a plain field `file`, not multipart) is a 422.
    part = request.files.get("file")
    if part is None:
        raise invalid("No file uploaded")
    stream = part.stream
    stream.seek(0, 2)  # in memory up to 500 kB, then a temporary file: its size without copying it
    return {
        "filename": part.filename or "",
        "size": stream.tell(),
        "content_type": part.content_type or "application/octet-stream",
    }
