"""Cache-aside reads of users through Redis."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from app.application.caching import ManageCache, ReadUserCaching
from app.domain.entities import CacheRead
from app.presentation import dependencies as deps
from app.presentation.params import MAX_ID, IntText
from app.presentation.schemas.common import MessageResponse
from app.presentation.schemas.operations import CacheReadResponse, EvictResponse, WarmupResponse

router = APIRouter(prefix="/cache")

UserId = Annotated[IntText, Path(ge=1, le=MAX_ID)]
Reader = Annotated[ReadUserCaching, Depends(deps.read_user_caching)]


def _response(read: CacheRead) -> CacheReadResponse:
    return CacheReadResponse(source=read.source, user_id=read.user.id, name=read.user.name, email=read.user.email, elapsed_ms=read.elapsed_ms)


@router.get("/users/{id}/no-cache", response_model=CacheReadResponse)
async def no_cache(id: UserId, use_case: Reader):
    return _response(await use_case.without_cache(id))


@router.get("/users/{id}/cached", response_model=CacheReadResponse)
async def cached(id: UserId, use_case: Reader):
    return _response(await use_case.through_cache(id))


@router.post("/warmup", response_model=WarmupResponse)
async def warmup(use_case: Annotated[ManageCache, Depends(deps.manage_cache)], count: Annotated[IntText, Query(ge=1, le=1000)] = 100):
    warmed, elapsed = await use_case.warm_up(count)
    return WarmupResponse(warmed_count=warmed, elapsed_ms=elapsed)


@router.delete("/flush", response_model=MessageResponse)
async def flush(use_case: Annotated[ManageCache, Depends(deps.manage_cache_only)]):
    await use_case.flush()
    return MessageResponse(message="Cache flushed")


@router.delete("/users/{id}", response_model=EvictResponse)
async def evict(id: UserId, use_case: Annotated[ManageCache, Depends(deps.manage_cache_only)]):
    key, existed = await use_case.evict(id)
    return EvictResponse(deleted=key, success=existed)
