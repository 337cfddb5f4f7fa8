"""Bulk, transactions, caching, auth, aggregation, server-config, search and basic responses."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel

from app.presentation.schemas.common import Schema


class EchoRequest(BaseModel):
    message: str
    data: dict[str, Any] | None = None


class EchoResponse(Schema):
    message: str
    data: dict[str, Any] | None


class ExternalResponse(Schema):
    source: str
    latency_ms: float
    data: dict[str, Any]


class BulkResponse(Schema):
    operation: str
    count: int
    elapsed_ms: float


class ProductResponse(Schema):
    id: int
    name: str
    stock: int
    version: int
    updated_at: datetime | None


class DecrementResponse(Schema):
    success: bool
    method: str
    product_id: int
    old_stock: int
    new_stock: int
    retries: int
    elapsed_ms: float
    error: str | None


class CacheReadResponse(Schema):
    source: str
    user_id: int
    name: str
    email: str
    elapsed_ms: float


class WarmupResponse(Schema):
    warmed_count: int
    elapsed_ms: float


class EvictResponse(Schema):
    deleted: str
    success: bool


class JwtLoginResponse(Schema):
    access_token: str
    token_type: str
    elapsed_ms: float


class SessionLoginResponse(Schema):
    session_token: str
    token_type: str
    elapsed_ms: float


class ProtectedResponse(Schema):
    message: str
    auth_type: str
    user_id: int
    email: str
    elapsed_ms: float


class CountsResponse(Schema):
    count_star: int
    count_id: int
    count_distinct_status: int


class CountryStatsResponse(Schema):
    country: str
    user_count: int
    total_logins: int
    avg_logins: float


class AuthorStatsResponse(Schema):
    author_id: int
    author_name: str
    post_count: int
    total_views: int
    avg_views: float


class AuthorTotalsResponse(Schema):
    id: int
    name: str
    email: str
    post_count: int
    total_views: int


class IoDbResponse(Schema):
    count: int
    authors: list[AuthorTotalsResponse]


class ReportEntryResponse(Schema):
    id: int
    name: str
    post_count: int
    total_views: int
    avg_views: float


class ReportSummaryResponse(Schema):
    total_authors: int
    total_posts: int
    total_views: int
    avg_posts_per_author: float
    avg_views_per_post: float


class ReportResponse(Schema):
    summary: ReportSummaryResponse
    top_by_posts: list[ReportEntryResponse]
    top_by_views: list[ReportEntryResponse]


class PostHitResponse(Schema):
    id: int
    author_id: int
    title: str


class RankedPostHitResponse(PostHitResponse):
    rank: float
