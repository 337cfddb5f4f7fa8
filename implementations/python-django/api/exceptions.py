"""The contract's error bodies: `{"detail": <message>}`, and 422 for every kind of invalid input.

DRF answers invalid input with 400 (ValidationError, ParseError) or 415; the contract says 422,
with `detail` a message or a list of issues. DRF would also turn a 401 into a 403 when no
authentication class is configured (there is none), so 401s use their own exception class. A
method the view does not serve is 405 `{"detail":"Method Not Allowed"}` (DRF words it
`Method "TRACE" not allowed.`); DRF's `Allow` header lists the view's methods.
"""

from django.http import JsonResponse
from rest_framework import exceptions, status
from rest_framework.views import exception_handler as drf_exception_handler


class Unauthorized(exceptions.APIException):
    """401 with the contract's message; not DRF's AuthenticationFailed (that becomes a 403)."""

    status_code = status.HTTP_401_UNAUTHORIZED
    default_detail = "Unauthorized"


class Conflict(exceptions.APIException):
    """409, e.g. a duplicate email."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = "Conflict"


class Unprocessable(exceptions.APIException):
    """422 with a single message, e.g. `No file uploaded`."""

    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = "Unprocessable Entity"


class BadGateway(exceptions.APIException):
    """502: the upstream of /external failed."""

    status_code = status.HTTP_502_BAD_GATEWAY
    default_detail = "Upstream request failed"


#: DRF's statuses for invalid input, all answered with 422.
INVALID_INPUT = {status.HTTP_400_BAD_REQUEST, status.HTTP_415_UNSUPPORTED_MEDIA_TYPE}


def validation_issues(detail, loc: tuple = ()) -> list[dict]:
    """Flattens DRF's error detail (dict / list / message) into `[{"loc": [...], "msg": ...}]`."""
    if isinstance(detail, dict):
        return [issue for key, value in detail.items() for issue in validation_issues(value, (*loc, key))]
    if isinstance(detail, list):
        if all(isinstance(item, str) for item in detail):
            return [{"loc": list(loc), "msg": str(item), "type": getattr(item, "code", "invalid")} for item in detail]
        return [issue for i, item in enumerate(detail) for issue in validation_issues(item, (*loc, i))]
    return [{"loc": list(loc), "msg": str(detail), "type": getattr(detail, "code", "invalid")}]


def exception_handler(exc, context):
    """DRF's handler, then 400/415 → 422 and every body reduced to `{"detail": ...}`."""
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # unexpected: Django's 500 handler answers
    if isinstance(exc, exceptions.MethodNotAllowed):
        response.data = {"detail": "Method Not Allowed"}
    if response.status_code in INVALID_INPUT:
        response.status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
        if isinstance(exc, exceptions.ValidationError):
            response.data = {"detail": validation_issues(exc.detail)}
    if not (isinstance(response.data, dict) and set(response.data) == {"detail"}):
        response.data = {"detail": validation_issues(response.data)}
    return response


def bad_request(request, exception=None):
    """Django's handler400 (e.g. a Host header not in ALLOWED_HOSTS)."""
    return JsonResponse({"detail": "Bad Request"}, status=400)


def not_found(request, exception=None):
    """Django's handler404 for paths no route matches."""
    return JsonResponse({"detail": "Not Found"}, status=404)


def server_error(request):
    """Django's handler500 (the error itself is logged by django.request)."""
    return JsonResponse({"detail": "Internal Server Error"}, status=500)
