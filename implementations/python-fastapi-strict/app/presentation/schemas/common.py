"""Schema base and shared schemas."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict


class Schema(BaseModel):
    """Reads entity attributes (dataclasses) when validating a response."""

    model_config = ConfigDict(from_attributes=True)


class UserResponse(Schema):
    id: int
    name: str
    email: str
    created_at: datetime | None


class MessageResponse(Schema):
    message: str
