"""The contract's error bodies: `{"detail": <message>}` for every error, JSON for every status.

Flask and Werkzeug answer errors with HTML pages by default (404, 405, a malformed body's 400);
the handlers here turn each into JSON. Invalid input is 422 whatever Werkzeug called it (400
bad request, 413 a form field over its memory limit, 415 an unsupported media type).
"""

from __future__ import annotations

from flask import Flask, Response, current_app, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

#: Werkzeug statuses that mean the input was invalid: answered 422, as the contract asks.
INVALID_INPUT = frozenset({400, 413, 415})


class ApiError(Exception):
    """An error answered with `status` and `{"detail": detail}`."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def invalid(detail: str) -> ApiError:
    """422: invalid input (a parameter, a body, a missing upload)."""
    return ApiError(422, detail)


def no_content() -> Response:
    """204 with neither a body nor a Content-Type."""
    response = Response(status=204)
    del response.headers["Content-Type"]
    return response


def detail_response(status: int, detail: str) -> Response:
    response = current_app.json.response({"detail": detail})
    response.status_code = status
    return response


def api_error(error: ApiError) -> Response:
    return detail_response(error.status, error.detail)


def allowed_methods(error: MethodNotAllowed) -> list[str]:
    """The methods of the path's own rule. Werkzeug's `Allow` joins every rule the path matches,
    so `/users/offset` would also name PUT and DELETE of `/users/<id>`; as in the contract,
    literal segments win: only the rules with the fewest variable parts count."""
    adapter = current_app.create_url_adapter(request)
    rules = []
    for method in error.valid_methods or ():
        try:
            rule, _ = adapter.match(request.path, method=method, return_rule=True)  # type: ignore[union-attr]
        except HTTPException:
            continue
        rules.append(rule)
    if not rules:
        return sorted(error.valid_methods or ())
    fewest = min(len(rule.arguments) for rule in rules)
    return sorted({m for rule in rules if len(rule.arguments) == fewest for m in rule.methods or ()})


def http_error(error: HTTPException) -> Response:
    """Werkzeug's HTTP errors (404 unknown path, 405 wrong method, …) as JSON, keeping their
    headers (`Allow` on a 405, naming the path's own methods)."""
    status = error.code or 500
    if status in INVALID_INPUT:
        response = detail_response(422, error.description or error.name)
    else:
        response = detail_response(status, error.name)
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    if isinstance(error, MethodNotAllowed):
        response.headers["Allow"] = ", ".join(allowed_methods(error))
    return response


def internal_error(error: Exception) -> Response:
    """Anything unexpected: logged, answered 500 with the contract's error body."""
    current_app.logger.error("unhandled error on %s %s", request.method, request.path, exc_info=error)
    return detail_response(500, "Internal Server Error")


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(ApiError, api_error)
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(Exception, internal_error)
