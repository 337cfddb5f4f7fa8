"""Authentication (scenario 17): HS256 JWT and Redis sessions; each protected read hits the DB once."""

import secrets
import time
import warnings

import jwt
from django.conf import settings
from jwt.warnings import InsecureKeyLengthWarning
from rest_framework.response import Response
from rest_framework.views import APIView

from api.clients import redis_client
from api.exceptions import Unauthorized
from api.models import User
from api.params import LoginQuery, in_pg_int_range, parse_query

TOKEN_TTL_SECONDS = 1800
ALGORITHM = "HS256"

# The contract fixes a 26-byte default secret; PyJWT would warn about it on every token.
warnings.filterwarnings("ignore", category=InsecureKeyLengthWarning)


def find_user(user_id: int) -> dict:
    """`SELECT id, email FROM users WHERE id = %s`, or 401 `User not found` (a token's id may lie
    outside PostgreSQL's integer; the login's user_id cannot, LoginQuery bounds it)."""
    user = User.objects.filter(pk=user_id).values("id", "email").first() if in_pg_int_range(user_id) else None
    if user is None:
        raise Unauthorized("User not found")
    return user


def issue_jwt(user_id: int, email: str, secret: str, now: float | None = None) -> str:
    """HS256 token with claims `{sub: "<id>", email, exp: now + 1800}` (exp an integer)."""
    issued = int(time.time() if now is None else now)
    return jwt.encode({"sub": str(user_id), "email": email, "exp": issued + TOKEN_TTL_SECONDS}, secret, algorithm=ALGORITHM)


def verify_jwt(token: str, secret: str) -> int:
    """The user id of a valid, unexpired HS256 token; anything else is 401 `Invalid JWT token`."""
    try:
        claims = jwt.decode(token, secret, algorithms=[ALGORITHM], options={"require": ["sub", "exp"]})
        return int(claims["sub"])
    except (jwt.InvalidTokenError, ValueError, TypeError):
        raise Unauthorized("Invalid JWT token") from None


def bearer_token(request) -> str:
    """The token of `Authorization: Bearer <token>`, or 401 `Invalid authorization header`."""
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        raise Unauthorized("Invalid authorization header")
    return header[len("Bearer ") :]


def elapsed_since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 3)


class PublicView(APIView):
    def get(self, request):
        return Response({"message": "public endpoint", "authenticated": False})


class JwtLoginView(APIView):
    def post(self, request):
        user_id = parse_query(request, LoginQuery)["user_id"]
        started = time.perf_counter()
        user = find_user(user_id)
        token = issue_jwt(user["id"], user["email"], settings.ENV.jwt_secret)
        return Response({"access_token": token, "token_type": "bearer", "elapsed_ms": elapsed_since(started)})


class SessionLoginView(APIView):
    """32 random bytes as base64url (43 chars) → `SET session:<token> "<id>" EX 1800`."""

    def post(self, request):
        user_id = parse_query(request, LoginQuery)["user_id"]
        started = time.perf_counter()
        user = find_user(user_id)
        token = secrets.token_urlsafe(32)
        redis_client().set(f"session:{token}", str(user["id"]), ex=TOKEN_TTL_SECONDS)
        return Response({"session_token": token, "token_type": "session", "elapsed_ms": elapsed_since(started)})


def protected_body(auth_type: str, user: dict, started: float) -> dict:
    return {"message": "protected resource", "auth_type": auth_type, "user_id": user["id"], "email": user["email"], "elapsed_ms": elapsed_since(started)}


class JwtProtectedView(APIView):
    def get(self, request):
        started = time.perf_counter()
        user_id = verify_jwt(bearer_token(request), settings.ENV.jwt_secret)
        return Response(protected_body("jwt", find_user(user_id), started))


class SessionProtectedView(APIView):
    def get(self, request):
        started = time.perf_counter()
        stored = redis_client().get(f"session:{bearer_token(request)}")
        if stored is None:
            raise Unauthorized("Invalid or expired session")
        return Response(protected_body("session", find_user(int(stored)), started))
