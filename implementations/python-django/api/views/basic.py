"""Basic endpoints (scenarios 01–08) except /users: health, echo, external, protected, upload."""

import json
import time

import urllib3
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from rest_framework.exceptions import ParseError, UnsupportedMediaType
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from api.clients import upstream_pool
from api.exceptions import BadGateway, Unauthorized, Unprocessable
from api.serializers import EchoSerializer

SERVER_ID = "python-django"


class HealthView(APIView):
    """Readiness probe; no database access."""

    def get(self, request):
        return Response({"status": "ok", "server": SERVER_ID})


class EchoView(APIView):
    """Validates and re-builds `{message, data}`; extra keys are dropped."""

    def post(self, request):
        serializer = EchoSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(serializer.validated_data)


class ExternalView(APIView):
    """GET {UPSTREAM_URL}/delay over a kept-alive connection; the worker thread blocks meanwhile."""

    def get(self, request):
        started = time.perf_counter()
        try:
            reply = upstream_pool().request("GET", f"{settings.ENV.upstream_url}/delay", timeout=10.0)
            data = json.loads(reply.data)
        except (urllib3.exceptions.HTTPError, ValueError) as error:
            raise BadGateway(f"Upstream request failed: {error}") from error
        if reply.status != 200:
            raise BadGateway(f"Upstream answered {reply.status}")
        latency_ms = (time.perf_counter() - started) * 1000
        return Response({"source": "upstream", "latency_ms": round(latency_ms, 3), "data": data})


def simulated_user(authorization: str | None) -> str:
    """The /protected rules, in order; returns the simulated user name or raises 401."""
    if authorization is None:
        raise Unauthorized("Authorization header required")
    if not authorization.startswith("Bearer "):
        raise Unauthorized("Invalid authorization format")
    token = authorization[len("Bearer ") :]
    if len(token) < 10:
        raise Unauthorized("Invalid token")
    return f"user_from_token_{token[:8]}"


class ProtectedView(APIView):
    """Simulated bearer check (no verification, no lookup); X-Request-Id is ignored."""

    def get(self, request):
        user = simulated_user(request.headers.get("Authorization"))
        return Response({"message": "Access granted", "user": user})


class UploadView(APIView):
    """multipart/form-data part `file`: its name, byte size and content type.

    Every body without a proper file part is the contract's 422 `No file uploaded`: no part
    `file`, a plain field `file`, multipart Django cannot parse (no boundary, a broken part, more
    parts than DATA_UPLOAD_MAX_NUMBER_FILES/FIELDS allow) or a body that is not multipart."""

    parser_classes = [MultiPartParser]

    def post(self, request):
        try:
            upload = request.FILES.get("file")
        except (ParseError, UnsupportedMediaType, SuspiciousOperation):
            upload = None
        if upload is None:
            raise Unprocessable("No file uploaded")
        return Response({"filename": upload.name, "size": upload.size, "content_type": upload.content_type})
