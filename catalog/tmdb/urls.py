from django.urls import path, re_path

from catalog.tmdb import changes, views

app_name = "tmdb"

urlpatterns = [
    path("tv/changes", changes.tv_changes, name="tv-changes"),
    path("tv/<int:tv_id>", views.tv, name="tv"),
    path("tv/<int:tv_id>/credits", views.tv_credits),
    path("tv/<int:tv_id>/aggregate_credits", views.tv_aggregate_credits),
    path("tv/<int:tv_id>/changes", changes.tv_series_changes, name="tv-series-changes"),
    path("tv/<int:tv_id>/season/<int:season_number>", views.tv_season, name="tv-season"),
    path("tv/<int:tv_id>/season/<int:season_number>/credits", views.tv_season_credits),
    path(
        "tv/<int:tv_id>/season/<int:season_number>/aggregate_credits",
        views.tv_season_aggregate_credits,
    ),
    path("person/<int:person_id>", views.person, name="person"),
    path("person/<int:person_id>/tv_credits", views.person_tv_credits),
    path("search/tv", views.search_tv, name="search-tv"),
    path("search/person", views.search_person),
    path("search/multi", views.search_multi),
    # Anything else under /tmdb/3/: TMDb's 404, not the site's HTML page.
    re_path(r"", views.not_found),
]
