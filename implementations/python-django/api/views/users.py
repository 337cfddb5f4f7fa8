"""`/users` as a DRF ModelViewSet, and the two pagination styles over `users_pagination`."""

import math

from django.db import IntegrityError
from rest_framework import viewsets
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from api.exceptions import Conflict
from api.models import PaginatedUser, User
from api.params import CursorPageQuery, OffsetPageQuery, parse_path_int, parse_query
from api.serializers import UserSerializer

UNIQUE_VIOLATION = "23505"


def is_unique_violation(error: IntegrityError) -> bool:
    """True when psycopg reports SQLSTATE 23505 (here: the unique email)."""
    return getattr(error.__cause__, "sqlstate", None) == UNIQUE_VIOLATION


class UserViewSet(viewsets.ModelViewSet):
    """GET/POST /users, GET/PUT/DELETE /users/{id}. PUT is partial; no PATCH, no pagination.

    list → `SELECT … FROM users ORDER BY id` (every row); create → `INSERT … RETURNING id,
    created_at`; update → `SELECT` then `UPDATE … SET name, email, created_at`; destroy →
    `SELECT` then `DELETE`. A duplicate email is the database's unique violation → 409.
    """

    queryset = User.objects.order_by("id")
    serializer_class = UserSerializer
    pagination_class = None
    http_method_names = ["get", "post", "put", "delete"]
    # Any segment reaches the view, so '/users/abc' is a 422 rather than an unrouted 404.
    lookup_value_regex = "[^/]+"

    def get_object(self):
        pk = parse_path_int(self.kwargs["pk"])  # 1–2147483647, else 422
        try:
            return User.objects.get(pk=pk)
        except User.DoesNotExist:
            raise NotFound("User not found") from None

    def update(self, request, *args, **kwargs):
        kwargs["partial"] = True  # PUT carries {name?, email?}: only given fields change
        return super().update(request, *args, **kwargs)

    def perform_create(self, serializer):
        self._save(serializer)

    def perform_update(self, serializer):
        self._save(serializer)

    @staticmethod
    def _save(serializer):
        try:
            serializer.save()
        except IntegrityError as error:
            if is_unique_violation(error):
                raise Conflict("Email already exists") from error
            raise


class OffsetPageView(APIView):
    """`SELECT COUNT(*)`, then `… ORDER BY id LIMIT size OFFSET (page-1)*size`."""

    def get(self, request):
        q = parse_query(request, OffsetPageQuery)
        page, size = q["page"], q["size"]
        total = PaginatedUser.objects.count()
        start = (page - 1) * size
        rows = PaginatedUser.objects.order_by("id")[start : start + size]
        return Response(
            {
                "items": UserSerializer(rows, many=True).data,
                "total": total,
                "page": page,
                "size": size,
                "total_pages": math.ceil(total / size),
            }
        )


class CursorPageView(APIView):
    """Keyset: `… WHERE id > cursor ORDER BY id LIMIT size + 1` (the extra row means "more")."""

    def get(self, request):
        q = parse_query(request, CursorPageQuery)
        cursor, size = q["cursor"], q["size"]
        rows = list(PaginatedUser.objects.filter(id__gt=cursor).order_by("id")[: size + 1])
        items = rows[:size]
        next_cursor = items[-1].id if len(rows) > size else None
        return Response({"items": UserSerializer(items, many=True).data, "next_cursor": next_cursor, "size": size})
