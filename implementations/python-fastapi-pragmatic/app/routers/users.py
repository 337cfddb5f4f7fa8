"""Users CRUD on the `users` table."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Response
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.db import Session
from app.models import User
from app.params import MAX_ID, STORABLE_EMAIL, STORABLE_TEXT, IntText
from app.schemas import UserOut
from app.strict_json import StrictJsonRoute

router = APIRouter(route_class=StrictJsonRoute)

# No NUL in either (PostgreSQL cannot store it); the email contains "@".
Name = Annotated[str, Field(min_length=1, max_length=100, pattern=STORABLE_TEXT)]
Email = Annotated[str, Field(max_length=255, pattern=STORABLE_EMAIL)]
UserId = Annotated[IntText, Path(ge=1, le=MAX_ID)]


class UserCreate(BaseModel):
    name: Name
    email: Email


class UserUpdate(BaseModel):
    # Absent → None (defaults are not validated); an explicit null is a 422.
    name: Name = None  # type: ignore[assignment]
    email: Email = None  # type: ignore[assignment]


def _is_unique_violation(error: IntegrityError) -> bool:
    return getattr(error.orig, "sqlstate", None) == "23505"


async def _user_or_404(session: Session, user_id: int) -> User:
    user = await session.get(User, user_id)
    if user is None:
        raise HTTPException(404, "User not found")
    return user


@router.get("/users", response_model=list[UserOut])
async def list_users(session: Session):
    return (await session.scalars(select(User).order_by(User.id))).all()


@router.post("/users", response_model=UserOut, status_code=201)
async def create_user(body: UserCreate, session: Session):
    user = User(name=body.name, email=body.email)
    session.add(user)
    try:
        await session.commit()  # INSERT … RETURNING id, created_at
    except IntegrityError as error:
        await session.rollback()
        if _is_unique_violation(error):
            raise HTTPException(409, "Email already exists") from error
        raise
    return user


@router.get("/users/{id}", response_model=UserOut)
async def get_user(id: UserId, session: Session):
    return await _user_or_404(session, id)


@router.put("/users/{id}", response_model=UserOut)
async def update_user(id: UserId, body: UserUpdate, session: Session):
    user = await _user_or_404(session, id)
    if body.name is not None:
        user.name = body.name
    if body.email is not None:
        user.email = body.email
    try:
        await session.commit()
    except IntegrityError as error:
        await session.rollback()
        if _is_unique_violation(error):
            raise HTTPException(409, "Email already exists") from error
        raise
    return user


@router.delete("/users/{id}", status_code=204)
async def delete_user(id: UserId, session: Session) -> Response:
    user = await _user_or_404(session, id)
    await session.delete(user)
    await session.commit()
    return Response(status_code=204)
