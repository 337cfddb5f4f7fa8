"""Users CRUD."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response

from app.application.users import CreateUser, DeleteUser, GetUser, ListUsers, UpdateUser
from app.presentation import dependencies as deps
from app.presentation.params import MAX_ID, IntText
from app.presentation.schemas.common import UserResponse
from app.presentation.schemas.users import UserCreate, UserUpdate
from app.presentation.strict_json import StrictJsonRoute

router = APIRouter(route_class=StrictJsonRoute)

UserId = Annotated[IntText, Path(ge=1, le=MAX_ID)]


@router.get("/users", response_model=list[UserResponse])
async def list_users(use_case: Annotated[ListUsers, Depends(deps.list_users)]):
    return await use_case.execute()


@router.post("/users", response_model=UserResponse, status_code=201)
async def create_user(body: UserCreate, use_case: Annotated[CreateUser, Depends(deps.create_user)]):
    return await use_case.execute(body.name, body.email)


@router.get("/users/{id}", response_model=UserResponse)
async def get_user(id: UserId, use_case: Annotated[GetUser, Depends(deps.get_user)]):
    return await use_case.execute(id)


@router.put("/users/{id}", response_model=UserResponse)
async def update_user(id: UserId, body: UserUpdate, use_case: Annotated[UpdateUser, Depends(deps.update_user)]):
    return await use_case.execute(id, body.name, body.email)


@router.delete("/users/{id}", status_code=204)
async def delete_user(id: UserId, use_case: Annotated[DeleteUser, Depends(deps.delete_user)]) -> Response:
    await use_case.execute(id)
    return Response(status_code=204)
