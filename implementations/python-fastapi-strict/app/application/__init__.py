"""Use cases: orchestrate entities and repository/port interfaces; know nothing of HTTP or SQL."""
