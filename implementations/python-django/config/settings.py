"""Production settings for the lab: no debug, no sessions, JSON only, persistent connections."""

import os

from config.env import database_settings, read_env

ENV = read_env()

DEBUG = False
SECRET_KEY = "lab-django-not-used-for-signing"  # no sessions, CSRF or signed cookies are used
# Loopback names; a container adds its own through DJANGO_ALLOWED_HOSTS (comma-separated).
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", *filter(None, os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(","))]

INSTALLED_APPS = ["rest_framework", "api"]

# CommonMiddleware is the only one: it sets Content-Length (gunicorn would otherwise send
# chunked bodies). No sessions, CSRF, auth, messages or clickjacking middleware.
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
APPEND_SLASH = False

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {"default": database_settings(ENV.database_url)}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

# The lab's columns are TIMESTAMP WITHOUT TIME ZONE holding UTC. With USE_TZ=False Django reads
# and writes naive datetimes, sets the connection's TimeZone to TIME_ZONE (UTC) so NOW() is UTC,
# and renders them as ISO 8601 without an offset, which the contract reads as UTC.
USE_TZ = False
TIME_ZONE = "UTC"
USE_I18N = False

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # Strict JSON: anything that is not (NaN, 1e999, a lone surrogate, too deep) is a 422.
    "DEFAULT_PARSER_CLASSES": ["api.parsers.StrictJSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "DEFAULT_THROTTLE_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    "UNAUTHENTICATED_TOKEN": None,
    "DEFAULT_VERSIONING_CLASS": None,
    "URL_FORMAT_OVERRIDE": None,
    "EXCEPTION_HANDLER": "api.exceptions.exception_handler",
    "COERCE_DECIMAL_TO_STRING": False,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    # Unexpected (500) errors only; nothing per request.
    "loggers": {"django.request": {"handlers": ["stderr"], "level": "ERROR", "propagate": False}},
}
