"""Root URLconf: the API at the root, JSON 400/404/500 bodies."""

from django.urls import include, path

urlpatterns = [path("", include("api.urls"))]

handler400 = "api.exceptions.bad_request"
handler404 = "api.exceptions.not_found"
handler500 = "api.exceptions.server_error"
