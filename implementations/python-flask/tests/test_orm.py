"""The techniques as SQLAlchemy compiles them for PostgreSQL (no connection needed)."""

from sqlalchemy import case, select, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import joinedload, selectinload

from app.models import Author, BulkItem, Post, Product
from app.serialize import column_keys

DIALECT = postgresql.dialect()


def sql(statement) -> str:
    return " ".join(str(statement.compile(dialect=DIALECT)).split())


def test_author_posts_lazy_loads_one_select_per_author():
    rel = Author.__mapper__.relationships["posts"]
    assert rel.lazy == "select"
    assert [c.name for c in rel.order_by] == ["id"]


def test_eager_is_one_join_with_the_page_in_a_subquery():
    text = sql(select(Author).order_by(Author.id).offset(3).limit(7).options(joinedload(Author.posts)))
    assert "FROM (SELECT authors.id" in text and "LIMIT" in text.split(") AS anon_1")[0]
    assert "LEFT OUTER JOIN posts AS posts_1 ON anon_1.id = posts_1.author_id" in text
    assert text.endswith("ORDER BY anon_1.id, posts_1.id")


def test_subquery_strategy_is_selectinload():
    option = selectinload(Author.posts)
    assert option.context[0].strategy == (("lazy", "selectin"),)


def test_pessimistic_locks_the_row():
    assert sql(select(Product).where(Product.id == 1).with_for_update()).endswith("FOR UPDATE")


def test_optimistic_update_checks_the_version():
    text = sql(update(Product).where(Product.id == 1, Product.version == 0).values(stock=9, version=1))
    assert "WHERE products.id = %(id_1)s::INTEGER AND products.version = %(version_1)s::INTEGER" in text
    assert "updated_at=now()" in text


def test_bulk_update_is_one_case_statement():
    ids = range(1, 4)
    text = sql(update(BulkItem).where(BulkItem.id.in_(ids)).values(value=case({i: i * 10 for i in ids}, value=BulkItem.id)))
    assert text.startswith("UPDATE bulk_items SET value=CASE bulk_items.id WHEN")


def test_search_vector_is_never_loaded_with_a_post():
    assert "search_vector" not in column_keys(Post)
    assert "search_vector" not in sql(select(Post))
