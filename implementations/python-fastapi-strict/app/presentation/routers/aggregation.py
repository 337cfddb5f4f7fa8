"""Aggregations: the same use case over the ORM (`orm`) or raw-SQL (`raw`) statistics repository."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from app.application.aggregation import GetStatistics
from app.presentation import dependencies as deps
from app.presentation.params import IntText
from app.presentation.schemas.operations import AuthorStatsResponse, CountryStatsResponse, CountsResponse

router = APIRouter(prefix="/aggregation")

Limit = Annotated[IntText, Query(ge=1, le=100)]
Orm = Annotated[GetStatistics, Depends(deps.orm_statistics)]
Raw = Annotated[GetStatistics, Depends(deps.raw_statistics)]


@router.get("/count/orm", response_model=CountsResponse)
async def count_orm(use_case: Orm):
    return await use_case.counts()


@router.get("/count/raw", response_model=CountsResponse)
async def count_raw(use_case: Raw):
    return await use_case.counts()


@router.get("/stats/country/orm", response_model=list[CountryStatsResponse])
async def country_orm(use_case: Orm, limit: Limit = 10):
    return await use_case.by_country(limit)


@router.get("/stats/country/raw", response_model=list[CountryStatsResponse])
async def country_raw(use_case: Raw, limit: Limit = 10):
    return await use_case.by_country(limit)


@router.get("/stats/author/orm", response_model=list[AuthorStatsResponse])
async def author_orm(use_case: Orm, limit: Limit = 10):
    return await use_case.by_author(limit)


@router.get("/stats/author/raw", response_model=list[AuthorStatsResponse])
async def author_raw(use_case: Raw, limit: Limit = 10):
    return await use_case.by_author(limit)
