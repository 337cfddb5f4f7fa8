"""Unmanaged models over the lab's schema (libs/contract/sql/schema.sql); no migrations.

Timestamps are naive UTC (`TIMESTAMP WITHOUT TIME ZONE`, USE_TZ=False). Columns whose default
is NOW() use `db_default=Now()`, so an INSERT sends DEFAULT and reads the value back with
RETURNING.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models.functions import Now


class User(models.Model):
    """A row of `users`."""

    name = models.CharField(max_length=100)
    email = models.CharField(max_length=255, unique=True)
    created_at = models.DateTimeField(db_default=Now())

    class Meta:
        managed = False
        db_table = "users"


class PaginatedUser(models.Model):
    """A row of `users_pagination` (100,000 rows)."""

    name = models.CharField(max_length=100)
    email = models.CharField(max_length=255, unique=True)
    created_at = models.DateTimeField(db_default=Now())

    class Meta:
        managed = False
        db_table = "users_pagination"


class Author(models.Model):
    """A row of `authors`; `author.posts` is the reverse relation."""

    name = models.CharField(max_length=100)
    email = models.CharField(max_length=255, unique=True)
    bio = models.TextField(null=True)
    created_at = models.DateTimeField(db_default=Now())

    class Meta:
        managed = False
        db_table = "authors"


class PostManager(models.Manager):
    """Never loads the tsvector unless asked: only the search endpoints need it."""

    def get_queryset(self):
        return super().get_queryset().defer("search_vector")


class Post(models.Model):
    """A row of `posts`. Related managers (`author.posts`) inherit the deferred tsvector."""

    author = models.ForeignKey(Author, on_delete=models.DO_NOTHING, related_name="posts", db_constraint=False)
    title = models.CharField(max_length=200)
    content = models.TextField(null=True)
    view_count = models.IntegerField(db_default=0)
    created_at = models.DateTimeField(db_default=Now())
    #: Generated column (STORED) with a GIN index; read-only here.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = PostManager()

    class Meta:
        managed = False
        db_table = "posts"
        # An author's posts are listed by id (the contract's order), lazily or prefetched.
        ordering = ["id"]


class BulkItem(models.Model):
    """A row of `bulk_items`."""

    name = models.CharField(max_length=100)
    value = models.IntegerField(db_default=0)
    created_at = models.DateTimeField(db_default=Now())

    class Meta:
        managed = False
        db_table = "bulk_items"


class Product(models.Model):
    """A row of `products`; `version` is the optimistic-lock counter."""

    name = models.CharField(max_length=100)
    stock = models.IntegerField()
    version = models.IntegerField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        managed = False
        db_table = "products"


class NarrowUser(models.Model):
    """A row of `users_narrow` (5 columns)."""

    name = models.CharField(max_length=100)
    email = models.CharField(max_length=255)
    status = models.CharField(max_length=20, null=True)
    created_at = models.DateTimeField(null=True)

    class Meta:
        managed = False
        db_table = "users_narrow"


class WideUser(models.Model):
    """A row of `users_wide` (20 columns)."""

    name = models.CharField(max_length=100)
    email = models.CharField(max_length=255)
    status = models.CharField(max_length=20, null=True)
    created_at = models.DateTimeField(null=True)
    phone = models.CharField(max_length=20, null=True)
    address = models.CharField(max_length=500, null=True)
    city = models.CharField(max_length=100, null=True)
    country = models.CharField(max_length=100, null=True)
    postal_code = models.CharField(max_length=20, null=True)
    birth_date = models.DateField(null=True)
    gender = models.CharField(max_length=10, null=True)
    occupation = models.CharField(max_length=100, null=True)
    company = models.CharField(max_length=200, null=True)
    website = models.CharField(max_length=255, null=True)
    bio = models.TextField(null=True)
    avatar_url = models.CharField(max_length=500, null=True)
    last_login = models.DateTimeField(null=True)
    login_count = models.IntegerField(null=True)
    preferences = models.JSONField(null=True)

    class Meta:
        managed = False
        db_table = "users_wide"


def _table_model(name: str, db_table: str, columns, doc: str) -> type[models.Model]:
    """An unmanaged model with id, name, email and then the fields `columns()` makes (fields
    are ordered by creation, so they are created after name and email)."""
    meta = type("Meta", (), {"managed": False, "db_table": db_table})
    base = {"name": models.CharField(max_length=100), "email": models.CharField(max_length=255)}
    attrs = {"__module__": __name__, "__doc__": doc, "Meta": meta, **base, **columns()}
    return type(name, (models.Model,), attrs)


def _numbered(prefix: str, count: int, field) -> dict:
    """`{prefix01: field(), …, prefix<count>: field()}`."""
    return {f"{prefix}{i:02d}": field() for i in range(1, count + 1)}


def _varchar():
    return models.CharField(max_length=100, null=True)


ExtraWideUser = _table_model(
    "ExtraWideUser",
    "users_extra_wide",
    lambda: {**_numbered("field_", 45, _varchar), "created_at": models.DateTimeField(null=True)},
    "A row of `users_extra_wide` (49 columns).",
)

#: Column prefix and field of each data-type table of scenario 10-B (five columns each).
_TYPED_COLUMNS = {
    "int": ("int_col_", lambda: models.IntegerField(null=True)),
    "varchar": ("varchar_col_", _varchar),
    "text": ("text_col_", lambda: models.TextField(null=True)),
    "jsonb": ("json_col_", lambda: models.JSONField(null=True)),
    "timestamp": ("ts_col_", lambda: models.DateTimeField(null=True)),
    "uuid": ("uuid_col_", lambda: models.UUIDField(null=True)),
}

#: The six `users_type_<type>` models, by the type in their URL.
TYPE_MODELS: dict[str, type[models.Model]] = {
    kind: _table_model(
        f"{kind.capitalize()}TypeUser",
        f"users_type_{kind}",
        lambda prefix=prefix, field=field: _numbered(prefix, 5, field),
        f"A row of `users_type_{kind}`.",
    )
    for kind, (prefix, field) in _TYPED_COLUMNS.items()
}
