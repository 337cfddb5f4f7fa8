"""`__ilike`: PostgreSQL's ILIKE as a Django lookup (registered on CharField and TextField).

Django's own `icontains` compiles to `UPPER(col) LIKE UPPER(%s)`; the contract names ILIKE, so
this lookup emits exactly that, with the pattern built by `like_pattern`.
"""

from django.db.models import CharField, Lookup, TextField


def escape_like(text: str) -> str:
    """Escapes `\\`, `%` and `_` so (I)LIKE matches them literally (PostgreSQL's escape is `\\`)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_pattern(text: str) -> str:
    """A substring pattern: `%<escaped text>%`."""
    return f"%{escape_like(text)}%"


@CharField.register_lookup
@TextField.register_lookup
class ILike(Lookup):
    """`<column> ILIKE <pattern>`; the right-hand side is a ready pattern (see `like_pattern`)."""

    lookup_name = "ilike"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} ILIKE {rhs}", (*lhs_params, *rhs_params)
