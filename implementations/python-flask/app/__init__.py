"""python-flask: Flask 3 + SQLAlchemy 2 (sync, psycopg 3) on gunicorn."""
