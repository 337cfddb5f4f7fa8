"""SQLAlchemy async engine, ORM models and repositories."""
