"""Authors with posts, three loading strategies."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from app.application.n_plus_one import ListAuthorsWithPosts
from app.presentation import dependencies as deps
from app.presentation.params import MAX_OFFSET, IntText
from app.presentation.schemas.n_plus_one import AuthorResponse

router = APIRouter(prefix="/n-plus-one")

Limit = Annotated[IntText, Query(ge=1, le=100)]
Offset = Annotated[IntText, Query(ge=0, le=MAX_OFFSET)]
UseCase = Annotated[ListAuthorsWithPosts, Depends(deps.authors_with_posts)]


@router.get("/lazy", response_model=list[AuthorResponse])
async def lazy(use_case: UseCase, limit: Limit = 20, offset: Offset = 0):
    return await use_case.execute("lazy", limit, offset)


@router.get("/eager", response_model=list[AuthorResponse])
async def eager(use_case: UseCase, limit: Limit = 20, offset: Offset = 0):
    return await use_case.execute("eager", limit, offset)


@router.get("/subquery", response_model=list[AuthorResponse])
async def subquery(use_case: UseCase, limit: Limit = 20, offset: Offset = 0):
    return await use_case.execute("subquery", limit, offset)
