"""The Flask application factory: settings, clients, error handlers and one blueprint per group."""

from __future__ import annotations

import warnings

import jwt
from flask import Flask

from app.clients import init_clients
from app.config import Settings, load_settings
from app.db import create_db_engine, init_db
from app.errors import register_error_handlers
from app.json_provider import JSONProvider
from app.routes import aggregation, auth, basic, bulk, caching, column_overhead, n_plus_one, pagination, search, server_config, transactions, users

# The contract fixes a 26-byte HS256 secret; PyJWT would warn about its length on every call.
warnings.filterwarnings("ignore", category=jwt.InsecureKeyLengthWarning)

BLUEPRINTS = (basic, users, pagination, column_overhead, n_plus_one, bulk, transactions, caching, auth, aggregation, server_config, search)


class LabFlask(Flask):
    """Flask with the contract's JSON rendering (ISO 8601 timestamps, keys unsorted)."""

    json_provider_class = JSONProvider


def create_app(settings: Settings | None = None) -> Flask:
    """The application for one worker process. Production settings: no debug, no reloader (the
    server is gunicorn), no SQL echo, no per-request log."""
    settings = settings or load_settings()
    app = LabFlask(__name__, static_folder=None)  # no static files: only the contract is served
    app.config.update(
        DEBUG=False,
        TESTING=False,
        # Unsupported methods answer 405 with Allow rather than an automatic OPTIONS reply.
        PROVIDE_AUTOMATIC_OPTIONS=False,
    )
    app.config["LAB_SETTINGS"] = settings
    # `/users//1` is an unknown path (404), not a 308 redirect (an HTML body) to `/users/1`.
    app.url_map.merge_slashes = False
    init_db(app, create_db_engine(settings))
    init_clients(app, settings)
    register_error_handlers(app)
    for module in BLUEPRINTS:
        app.register_blueprint(module.bp)
    return app
