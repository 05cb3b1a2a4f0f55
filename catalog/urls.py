from django.urls import path

from catalog import views

app_name = "catalog"

urlpatterns = [
    path("", views.home, name="home"),
    path("seasons/<slug:slug>/", views.season_detail, name="season-detail"),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
]
