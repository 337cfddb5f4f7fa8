"""Upstream on a shared keep-alive httpx.AsyncClient (base_url = UPSTREAM_URL)."""

from __future__ import annotations

from typing import Any

import httpx

from app.domain.errors import UpstreamUnavailable


def create_client(upstream_url: str) -> httpx.AsyncClient:
    """One client per process, created in the lifespan."""
    return httpx.AsyncClient(
        base_url=upstream_url,
        limits=httpx.Limits(max_connections=100, max_keepalive_connections=100),
        timeout=httpx.Timeout(10.0),
    )


class HttpxUpstream:
    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def fetch_delay(self) -> dict[str, Any]:
        try:
            response = await self.client.get("/delay")
            response.raise_for_status()
            return response.json()
        except httpx.HTTPError as error:
            raise UpstreamUnavailable() from error
