"""Pydantic schemas shared by several routers."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict


class UserOut(BaseModel):
    """A users / users_pagination row: {id, name, email, created_at}."""

    model_config = ConfigDict(from_attributes=True)
    id: int
    name: str
    email: str
    created_at: datetime | None
