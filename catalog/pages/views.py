"""Public pages. Each view asks one selector for its data, has a shaper (catalog/pages/shapers/)
turn it into what the page shows, and hands that to a template."""

from django.shortcuts import get_object_or_404, render
from django.utils.text import Truncator

from catalog import selectors
from catalog.models import Season
from catalog.pages import seo
from catalog.pages.search import search as run_search
from catalog.pages.shapers import PersonProfile, SeasonArticle
from catalog.vocabulary import strip_markers

SITE_NAME = "Season wiki"
DESCRIPTION_WORDS = 30


def _meta(request, title, description, og_type="website", path=None):
    """What base.html puts in <head>: title, description, canonical URL, Open Graph type."""
    return {
        "title": title,
        "description": Truncator(" ".join(description.split())).words(DESCRIPTION_WORDS),
        "canonical": request.build_absolute_uri(path or request.path),
        "og_type": og_type,
    }


def home(request):
    seasons = selectors.seasons_for_home()
    by_pk = {season.pk: season for season in seasons}
    changes = [
        {**row, "season": by_pk[row["season_ref"]]}
        for row in selectors.recent_changes(Season.objects.published())
        if row["season_ref"] in by_pk
    ]
    meta = _meta(
        request,
        SITE_NAME,
        "A wiki of television seasons: cast and characters, episodes, production timelines, "
        "reviews and awards.",
    )
    return render(
        request, "catalog/home.html", {"seasons": seasons, "changes": changes, "meta": meta}
    )


def season_detail(request, slug):
    season = get_object_or_404(selectors.seasons_for_article(), slug=slug)
    article = SeasonArticle(season)
    path = season.get_absolute_url()
    description = strip_markers(season.lead) or season.title
    meta = _meta(request, season.title, description, "video.tv_show", path)
    context = {
        "season": season,
        "article": article,
        "meta": meta,
        "json_ld": seo.season_json_ld(article, request.build_absolute_uri),
    }
    return render(request, "catalog/season_detail.html", context)


def season_timeline(request, slug):
    season = get_object_or_404(selectors.seasons_for_timeline(), slug=slug)
    events = list(season.events.all())
    meta = _meta(
        request,
        f"Timeline of {season.title}",
        f"The production and release of {season.title}, date by date: development, "
        "writing, casting, filming, marketing and release.",
        path=season.get_timeline_url(),
    )
    return render(
        request,
        "catalog/season_timeline.html",
        {"season": season, "events": events, "meta": meta},
    )


def person_detail(request, slug):
    # A person known only from draft seasons has no public page yet.
    person = get_object_or_404(selectors.people_for_profile(), slug=slug)
    profile = PersonProfile(person)
    path = person.get_absolute_url()
    context = {
        "person": person,
        "cast": profile.cast,
        "crew": profile.crew,
        "meta": _meta(request, person.name, profile.summary, "profile", path),
        "json_ld": seo.person_json_ld(profile, request.build_absolute_uri),
    }
    return render(request, "catalog/person_detail.html", context)


def search(request):
    results = run_search(request.GET.get("q", ""))
    title = f"Search: {results.query}" if results.query and not results.problem else "Search"
    meta = _meta(request, title, "Search the wiki's seasons, people, characters and outlets.")
    return render(request, "catalog/search.html", {"results": results, "meta": meta})


def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")
