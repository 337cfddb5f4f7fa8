"""Lock strategies over a fake product repository that can simulate a concurrent writer."""

import pytest

from app.application.transactions import DecrementStock, GetProduct, ResetStocks
from app.domain.entities import Product
from app.domain.errors import ProductNotFound, StockOutOfRange
from tests.fakes import NOW, FakeProducts, FakeTransactions


def setup(stock=1000, version=0):
    products = FakeProducts(Product(1, "P", stock, version, NOW))
    tx = FakeTransactions()
    return products, tx, DecrementStock(products, tx)


async def test_no_lock_writes_the_absolute_value_it_computed():
    products, tx, use_case = setup()

    def concurrent_decrement():
        products.rows[1].stock -= 5  # another request's write, overwritten below

    products.before_write = concurrent_decrement
    result = await use_case.no_lock(1, 1)
    assert (result.success, result.old_stock, result.new_stock, products.rows[1].stock) == (True, 1000, 999, 999)


async def test_pessimistic_locks_the_row():
    products, tx, use_case = setup()
    result = await use_case.pessimistic(1, 3)
    assert (products.locked, result.new_stock, tx.commits) == ([1], 997, 1)


async def test_optimistic_retries_without_back_off_then_succeeds():
    products, tx, use_case = setup()
    conflicts = iter([True, True, False])

    def maybe_conflict():
        if next(conflicts):
            products.rows[1].version += 1
            products.rows[1].stock -= 1

    products.before_write = maybe_conflict
    result = await use_case.optimistic(1, 1, max_retries=5)
    assert (result.success, result.retries, result.old_stock, result.new_stock, tx.rollbacks) == (True, 2, 998, 997, 2)
    assert products.rows[1].version == 3


async def test_optimistic_gives_up_after_max_retries():
    products, tx, use_case = setup()

    def always_conflict():
        products.rows[1].version += 1

    products.before_write = always_conflict
    result = await use_case.optimistic(1, 1, max_retries=5)
    assert (result.success, result.retries, result.error) == (False, 5, "Max retries exceeded")
    assert tx.rollbacks == 6


async def test_serializable_failure_is_reported_not_retried():
    products, tx, use_case = setup()
    tx.fail_next_commit = "could not serialize access due to concurrent update"
    result = await use_case.serializable(1, 1)
    assert tx.serializable
    assert (result.success, result.old_stock, result.new_stock, result.retries) == (False, 0, 0, 0)
    assert result.error == "could not serialize access due to concurrent update"
    assert tx.rollbacks == 1


async def test_serializable_success():
    products, tx, use_case = setup()
    result = await use_case.serializable(1, 4)
    assert (result.success, result.error, result.new_stock) == (True, None, 996)


@pytest.mark.parametrize("method", ["no_lock", "pessimistic", "serializable"])
async def test_unknown_product(method):
    _, _, use_case = setup()
    with pytest.raises(ProductNotFound):
        await getattr(use_case, method)(42, 1)


def test_a_stock_stays_within_its_integer_column():
    product = Product(1, "P", -2147483000, 0, NOW)
    product.decrement(648)
    assert product.stock == -2147483648
    with pytest.raises(StockOutOfRange):
        product.decrement(1)
    assert product.stock == -2147483648


@pytest.mark.parametrize(("method", "args"), [("no_lock", ()), ("pessimistic", ()), ("optimistic", (5,)), ("serializable", ())])
async def test_a_decrement_past_the_stock_range_writes_nothing_and_rolls_back(method, args):
    products, tx, use_case = setup(stock=-2147483000)
    with pytest.raises(StockOutOfRange):
        await getattr(use_case, method)(1, 1000, *args)
    assert (products.rows[1].stock, products.rows[1].version, tx.commits, tx.rollbacks) == (-2147483000, 0, 0, 1)


async def test_reset_and_get():
    products, tx, _ = setup(stock=3, version=7)
    await ResetStocks(products, tx).execute()
    product = await GetProduct(products).execute(1)
    assert (product.stock, product.version, tx.commits) == (1000, 0, 1)
