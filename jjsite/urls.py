from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Season wiki editors"
admin.site.site_title = "Season wiki admin"
admin.site.index_title = "Content"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("catalog.urls")),
]
