"""Bulk operations' transaction boundaries and the three loading strategies."""

from app.application.bulk import BulkOperations
from app.application.n_plus_one import ListAuthorsWithPosts
from app.domain.entities import Author, Post
from tests.fakes import NOW, FakeAuthors, FakeBulkItems, FakeTransactions


async def test_individual_inserts_commit_per_row_batch_and_raw_once():
    items, tx = FakeBulkItems(), FakeTransactions()
    ops = BulkOperations(items, tx)
    result = await ops.insert_individual(3)
    assert (result.operation, result.count, tx.commits, items.statements) == ("insert-individual", 3, 3, ["INSERT"] * 3)
    assert [(i.name, i.value) for i in items.rows.values()] == [("item_0", 0), ("item_1", 1), ("item_2", 2)]
    await ops.cleanup()
    await ops.insert_batch(5)
    await ops.insert_raw(2)
    assert tx.commits == 3 + 1 + 1 + 1
    assert items.statements[-2:] == ["INSERT BATCH", "INSERT MULTIROW"]


async def test_updates_write_id_times_ten():
    items, tx = FakeBulkItems(), FakeTransactions()
    ops = BulkOperations(items, tx)
    await ops.insert_raw(4)
    await ops.update_individual(2)
    await ops.update_bulk(4)
    assert [i.value for i in items.rows.values()] == [10, 20, 30, 40]
    assert items.statements.count("UPDATE") == 2 and items.statements.count("UPDATE CASE") == 1
    assert tx.commits == 1 + 2 + 1


def _authors(n):
    return [Author(i, f"A{i}", f"a{i}@x", None, NOW, [Post(10 * i + j, "t", "c", j, NOW) for j in range(2)]) for i in range(1, n + 1)]


async def test_strategies_return_identical_authors_with_their_query_counts():
    bodies = {}
    for strategy, queries in [("lazy", 1 + 3), ("eager", 1), ("subquery", 2)]:
        repo = FakeAuthors(_authors(5))
        bodies[strategy] = await ListAuthorsWithPosts(repo).execute(strategy, limit=3, offset=1)
        assert repo.queries == queries
    assert bodies["lazy"] == bodies["eager"] == bodies["subquery"]
    assert [a.id for a in bodies["lazy"]] == [2, 3, 4]
