"""python-fastapi-strict: Clean Architecture — domain ← application ← infrastructure/presentation."""
