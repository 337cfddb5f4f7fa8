"""The slow upstream call."""

from __future__ import annotations

from app.application.timing import elapsed_ms, start
from app.domain.entities import UpstreamReply
from app.domain.repositories import Upstream


class CallUpstream:
    def __init__(self, upstream: Upstream) -> None:
        self.upstream = upstream

    async def execute(self) -> UpstreamReply:
        started = start()
        data = await self.upstream.fetch_delay()
        return UpstreamReply(elapsed_ms(started), data)
