"""SQLAlchemy implementations of the domain repositories; each maps ORM rows ↔ entities."""
