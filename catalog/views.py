"""Public pages. Each view asks one queryset method for its data and hands it to a template."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.text import Truncator

from catalog import seo
from catalog.article import SeasonArticle
from catalog.models import Person, Season
from catalog.search import search as run_search

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
    seasons = Season.objects.published().for_home()
    by_pk = {season.pk: season for season in seasons}
    changes = [
        {**row, "season": by_pk[row["season_ref"]]}
        for row in Season.objects.published().recent_changes()
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
    season = get_object_or_404(Season.objects.published().for_article(), slug=slug)
    article = SeasonArticle(season)
    path = season.get_absolute_url()
    meta = _meta(request, season.title, season.lead or season.title, "video.tv_show", path)
    context = {
        "season": season,
        "article": article,
        "meta": meta,
        "json_ld": seo.season_json_ld(article, request.build_absolute_uri),
    }
    return render(request, "catalog/season_detail.html", context)


def season_timeline(request, slug):
    season = get_object_or_404(Season.objects.published().for_timeline(), slug=slug)
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
    person = get_object_or_404(Person.objects.for_profile(), slug=slug)
    cast = [c for c in person.public_credits if c.department == "cast"]
    crew = [c for c in person.public_credits if c.department == "crew"]
    public = (person.public_credits, person.public_reviews, person.public_events)
    if not any(public) and not person.public_accolades:
        # A person known only from draft seasons has no public page yet.
        raise Http404("No public work for this person.")
    jobs = sorted({c.job for c in crew} | ({"actor"} if cast else set()))
    done = dict.fromkeys(
        [f"{c.character or 'a role'} in {c.season.title}" for c in cast]
        + [f"{c.job} on {c.season.title}" for c in crew]
        + [f"reviewed {r.season.title} for {r.outlet.name}" for r in person.public_reviews]
    )
    summary = f"{person.name}: {'; '.join(done)}." if done else person.name
    context = {
        "person": person,
        "cast": cast,
        "crew": crew,
        "meta": _meta(request, person.name, summary, "profile", person.get_absolute_url()),
        "json_ld": seo.person_json_ld(person, jobs, request.build_absolute_uri),
    }
    return render(request, "catalog/person_detail.html", context)


def search(request):
    results = run_search(request.GET.get("q", ""))
    title = f"Search: {results.query}" if results.query and not results.problem else "Search"
    meta = _meta(request, title, "Search the wiki's seasons, people, characters and outlets.")
    return render(request, "catalog/search.html", {"results": results, "meta": meta})


def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")
