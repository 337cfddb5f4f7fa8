"""The WSGI entry point gunicorn loads (`app.wsgi:app`, see gunicorn.conf.py)."""

from app.main import create_app

app = create_app()
