from django.contrib import admin
from django.urls import include, path

from catalog.admin_token import api_token

admin.site.site_header = "Season wiki editors"
admin.site.site_title = "Season wiki admin"
admin.site.index_title = "Content"

urlpatterns = [
    path("admin/api-token/", api_token, name="admin-api-token"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("catalog.api.urls")),
    path("", include("catalog.urls")),
]
