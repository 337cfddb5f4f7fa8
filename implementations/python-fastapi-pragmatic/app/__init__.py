"""python-fastapi-pragmatic: routers talk to the SQLAlchemy AsyncSession directly."""
