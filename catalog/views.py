"""Public pages. These are minimal until the public-pages issue gives them their full shape."""

from django.shortcuts import get_object_or_404, render

from catalog.models import Person, Season


def home(request):
    seasons = Season.objects.published().with_series()
    return render(request, "catalog/home.html", {"seasons": seasons})


def season_detail(request, slug):
    season = get_object_or_404(Season.objects.published().with_series(), slug=slug)
    return render(request, "catalog/season_detail.html", {"season": season})


def person_detail(request, slug):
    person = get_object_or_404(Person, slug=slug)
    return render(request, "catalog/person_detail.html", {"person": person})
