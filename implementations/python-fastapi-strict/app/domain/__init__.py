"""Entities, repository/port interfaces and domain errors; imports nothing from outer layers."""
