"""Adapters implementing the domain's repository and port interfaces: SQLAlchemy, Redis, httpx, PyJWT, bcrypt."""
