from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The lab's API: unmanaged models over the shared schema, DRF views."""

    name = "api"

    def ready(self):
        from api import lookups  # noqa: F401  (registers the __ilike lookup)
