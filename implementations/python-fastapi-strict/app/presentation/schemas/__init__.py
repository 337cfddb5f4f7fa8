"""Pydantic request/response schemas; responses read entities with from_attributes."""
