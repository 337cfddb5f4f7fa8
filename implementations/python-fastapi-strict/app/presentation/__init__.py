"""HTTP: routers, Pydantic schemas, dependency wiring, domain-error → HTTP mapping."""
