from django.contrib import admin
from django.urls import include, path

from catalog.admin import history, importing
from catalog.admin.api_token import api_token
from jjsite import health

admin.site.site_header = "Season wiki editors"
admin.site.site_title = "Season wiki admin"
admin.site.index_title = "Content"

urlpatterns = [
    # For load balancers: the process answers; the database answers (jjsite/health.py).
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/api-token/", api_token, name="admin-api-token"),
    path("admin/catalog/recent-changes/", history.recent_changes, name="admin-recent-changes"),
    path(
        "admin/catalog/recent-changes/<int:revision_id>/",
        history.revision_changes,
        name="admin-revision",
    ),
    path("admin/catalog/import/", importing.import_article, name="admin-import-article"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("catalog.api.urls")),
    path("tmdb/3/", include("catalog.tmdb.urls")),
    path("", include("catalog.urls")),
]

# Server errors under /api/ answer JSON, elsewhere the site's page; the database out of reach
# is a 503 with Retry-After (jjsite/middleware.py).
handler500 = "jjsite.middleware.server_error"
