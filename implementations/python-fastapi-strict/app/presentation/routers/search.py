"""Text search on posts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from app.application.search import SearchPosts
from app.presentation import dependencies as deps
from app.presentation.params import STORABLE_TEXT, IntText
from app.presentation.schemas.operations import PostHitResponse, RankedPostHitResponse

router = APIRouter(prefix="/search")

Q = Annotated[str, Query(min_length=1, max_length=100, pattern=STORABLE_TEXT)]
Limit = Annotated[IntText, Query(ge=1, le=100)]
UseCase = Annotated[SearchPosts, Depends(deps.search_posts)]


@router.get("/like", response_model=list[PostHitResponse])
async def like(use_case: UseCase, q: Q, limit: Limit = 20):
    return await use_case.like(q, limit)


@router.get("/fulltext", response_model=list[RankedPostHitResponse])
async def fulltext(use_case: UseCase, q: Q, limit: Limit = 20):
    return await use_case.fulltext(q, limit)
