"""Every route of the contract, without trailing slashes. Literal paths come before `<pk>` ones."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from api.views import aggregation, auth, basic, bulk, caching, column_overhead, n_plus_one, search, server_config, transactions, users

router = SimpleRouter(trailing_slash=False)
router.register("users", users.UserViewSet, basename="users")

COLUMN_TYPES = "int|varchar|text|jsonb|timestamp|uuid"

urlpatterns = [
    path("health", basic.HealthView.as_view()),
    path("echo", basic.EchoView.as_view()),
    path("external", basic.ExternalView.as_view()),
    path("protected", basic.ProtectedView.as_view()),
    path("upload", basic.UploadView.as_view()),
    # Pagination first: /users/offset and /users/cursor are not user ids.
    path("users/offset", users.OffsetPageView.as_view()),
    path("users/cursor", users.CursorPageView.as_view()),
    *router.urls,
    path("column-overhead/narrow", column_overhead.narrow),
    path("column-overhead/wide", column_overhead.wide),
    path("column-overhead/extra-wide", column_overhead.extra_wide),
    *[path(f"column-overhead/type/{t}", column_overhead.by_type, {"type": t}) for t in COLUMN_TYPES.split("|")],
    path("n-plus-one/lazy", n_plus_one.LazyView.as_view()),
    path("n-plus-one/eager", n_plus_one.EagerView.as_view()),
    path("n-plus-one/subquery", n_plus_one.SubqueryView.as_view()),
    path("bulk-operations/cleanup", bulk.CleanupView.as_view()),
    *[path(f"bulk-operations/{name}", bulk.BulkOperationView.as_view(operation=name)) for name in bulk.OPERATIONS],
    path("transactions/products/<str:pk>", transactions.ProductView.as_view()),
    path("transactions/reset", transactions.ResetView.as_view()),
    *[path(f"transactions/decrement/{m}", transactions.DecrementView.as_view(method=m)) for m in transactions.STRATEGIES],
    path("cache/users/<str:pk>/no-cache", caching.NoCacheView.as_view()),
    path("cache/users/<str:pk>/cached", caching.CachedView.as_view()),
    path("cache/users/<str:pk>", caching.DeleteKeyView.as_view()),
    path("cache/warmup", caching.WarmupView.as_view()),
    path("cache/flush", caching.FlushView.as_view()),
    path("auth/public", auth.PublicView.as_view()),
    path("auth/login/jwt", auth.JwtLoginView.as_view()),
    path("auth/login/session", auth.SessionLoginView.as_view()),
    path("auth/protected/jwt", auth.JwtProtectedView.as_view()),
    path("auth/protected/session", auth.SessionProtectedView.as_view()),
    path("aggregation/count/orm", aggregation.CountOrmView.as_view()),
    path("aggregation/count/raw", aggregation.CountRawView.as_view()),
    path("aggregation/stats/country/orm", aggregation.CountryOrmView.as_view()),
    path("aggregation/stats/country/raw", aggregation.CountryRawView.as_view()),
    path("aggregation/stats/author/orm", aggregation.AuthorOrmView.as_view()),
    path("aggregation/stats/author/raw", aggregation.AuthorRawView.as_view()),
    path("io/sleep", server_config.SleepView.as_view()),
    path("io/db", server_config.IoDbView.as_view()),
    path("cpu/fibonacci", server_config.FibonacciView.as_view()),
    path("cpu/hash", server_config.HashView.as_view()),
    path("cpu/json-serialize", server_config.JsonSerializeView.as_view()),
    path("mixed/report", server_config.MixedReportView.as_view()),
    path("search/like", search.LikeView.as_view()),
    path("search/fulltext", search.FulltextView.as_view()),
]
