"""User use cases over fake repositories."""

import pytest

from app.application.users import CreateUser, DeleteUser, GetUser, ListUsers, UpdateUser
from app.domain.entities import User
from app.domain.errors import EmailAlreadyExists, InvalidUserData, UserNotFound
from tests.fakes import NOW, FakeTransactions, FakeUsers


@pytest.fixture
def users():
    return FakeUsers([User(1, "One", "one@x.com", NOW), User(2, "Two", "two@x.com", NOW)])


async def test_list_is_ordered_by_id(users):
    assert [u.id for u in await ListUsers(users).execute()] == [1, 2]


async def test_get_unknown_user_raises_not_found(users):
    with pytest.raises(UserNotFound):
        await GetUser(users).execute(99)


async def test_create_commits_once_and_rejects_duplicates(users):
    tx = FakeTransactions()
    created = await CreateUser(users, tx).execute("Three", "three@x.com")
    assert (created.id, created.name, tx.commits) == (3, "Three", 1)
    with pytest.raises(EmailAlreadyExists):
        await CreateUser(users, tx).execute("Dup", "one@x.com")


@pytest.mark.parametrize(
    ("name", "email"),
    [
        ("", "a@b"),
        ("n" * 101, "a@b"),
        ("ok", "no-at-sign"),
        ("ok", "@" + "x" * 255),
        ("a\x00b", "a@b"),
        ("ok", "a\x00@b"),
    ],
)
async def test_entity_rules_reject_invalid_users(users, name, email):
    with pytest.raises(InvalidUserData):
        await CreateUser(users, FakeTransactions()).execute(name, email)


async def test_update_applies_only_given_fields(users):
    tx = FakeTransactions()
    updated = await UpdateUser(users, tx).execute(1, "Uno", None)
    assert (updated.name, updated.email, tx.commits) == ("Uno", "one@x.com", 1)
    unchanged = await UpdateUser(users, tx).execute(1, None, None)
    assert (unchanged.name, tx.commits) == ("Uno", 1)
    with pytest.raises(EmailAlreadyExists):
        await UpdateUser(users, tx).execute(1, None, "two@x.com")


async def test_delete(users):
    tx = FakeTransactions()
    await DeleteUser(users, tx).execute(2)
    assert 2 not in users.rows and tx.commits == 1
    with pytest.raises(UserNotFound):
        await DeleteUser(users, tx).execute(2)
