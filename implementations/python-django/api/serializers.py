"""DRF serializers: request bodies (validated strictly) and entity rows (ModelSerializer)."""

from functools import cache

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from api.models import Author, Post, Product, User
from api.params import StrictCharField


def contains_at(value: str) -> None:
    """The contract's only email rule besides length: it contains "@"."""
    if "@" not in value:
        raise DjangoValidationError("Enter an email address containing '@'.", code="invalid")


class UserSerializer(serializers.ModelSerializer):
    """`{id, name, email, created_at}`; validates `{name: 1–100 chars, email: "@" ≤ 255}`.

    The email field is declared by hand so DRF adds no UniqueValidator (an extra SELECT before
    every INSERT): uniqueness is the database's job, and its IntegrityError becomes the 409.
    """

    name = StrictCharField(min_length=1, max_length=100)
    email = StrictCharField(max_length=255, validators=[contains_at])

    class Meta:
        model = User
        fields = ["id", "name", "email", "created_at"]
        read_only_fields = ["id", "created_at"]


class EchoSerializer(serializers.Serializer):
    """`POST /echo`: `message` string (required; any text, NUL included: it is only echoed),
    `data` object or null (absent → null)."""

    message = StrictCharField(allow_blank=True, allow_nul=True)
    data = serializers.DictField(allow_null=True, required=False, default=None)


class ProductSerializer(serializers.ModelSerializer):
    class Meta:
        model = Product
        fields = ["id", "name", "stock", "version", "updated_at"]


class PostSerializer(serializers.ModelSerializer):
    """A post nested under its author (no author_id)."""

    class Meta:
        model = Post
        fields = ["id", "title", "content", "view_count", "created_at"]


class AuthorWithPostsSerializer(serializers.ModelSerializer):
    """An author and `author.posts.all()`: a query per author unless prefetched."""

    posts = PostSerializer(many=True, read_only=True)

    class Meta:
        model = Author
        fields = ["id", "name", "email", "bio", "created_at", "posts"]


@cache
def row_serializer(model) -> type[serializers.ModelSerializer]:
    """A ModelSerializer with every column of `model` (column-overhead rows)."""
    meta = type("Meta", (), {"model": model, "fields": "__all__"})
    return type(f"{model.__name__}Serializer", (serializers.ModelSerializer,), {"Meta": meta})
