"""Public pages. Each view asks one selector for its data, has a shaper (catalog/pages/shapers/)
turn it into what the page shows, and hands that to a template.

A season's pages and a person's page show editors (who may view seasons) drafts too, under a
"Draft: not public" banner; visitors get only what is published, and a 404 for the rest. The
listings (home, search, sitemap) are published content only, for everyone.
"""

import base64
import hashlib
from functools import wraps

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.html import conditional_escape
from django.utils.text import Truncator

from catalog.content import selectors
from catalog.content.search import search as run_search
from catalog.delivery.caching import (
    CHANGES,
    add_keys,
    add_purge_only_keys,
    add_subject_keys,
    keys_of,
    with_keys,
)
from catalog.domain.vocabulary import strip_markers
from catalog.history import public, visibility
from catalog.models.base import VIEW_DRAFTS_PERMISSION
from catalog.pages import seo
from catalog.pages.shapers import PersonProfile, SeasonArticle

SITE_NAME = "Season wiki"
DESCRIPTION_WORDS = 30
HOME_CHANGES = 10
# Seasons a page of the home page lists (a large catalogue has thousands).
HOME_SEASONS = 50


def _meta(request, title, description, og_type="website", path=None):
    """What base.html puts in <head>: title, description, canonical URL, Open Graph type."""
    return {
        "title": title,
        "description": Truncator(" ".join(description.split())).words(DESCRIPTION_WORDS),
        "canonical": request.build_absolute_uri(path or request.path),
        "og_type": og_type,
    }


def render_with_style(request, template, context, css):
    """Render a page whose <style> holds `css` (its colours, which editors choose). The
    Content-Security-Policy allows that CSS by its hash, not a nonce: the same page is served to
    many visitors from the cache (catalog.delivery.caching), and a nonce would then be repeated."""
    style = conditional_escape(css)  # the text as the page carries it, which the hash covers
    digest = base64.b64encode(hashlib.sha256(str(style).encode()).digest()).decode()
    response = render(request, template, {**context, "style": style})
    response._csp_update = {"style-src": [f"'sha256-{digest}'"]}  # django-csp's hook
    return response


def editors_see_drafts(view):
    """For a page that shows editors drafts. What it shows depends on who asks, so its
    responses vary on the session cookie, and no cache may store one made for an editor: a
    visitor must never be served a copy with drafts, nor an editor a copy without them."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        patch_vary_headers(response, ["Cookie"])
        if request.user.has_perm(VIEW_DRAFTS_PERMISSION):
            add_never_cache_headers(response)  # Cache-Control: private, no-store, ...
        return response

    return wrapped


def _page(request, queryset, per_page, what):
    """The page `?page=` asks for; a 404 for one that is not a number or is past the end."""
    try:
        return Paginator(queryset, per_page).page(request.GET.get("page", 1))
    except InvalidPage as error:
        raise Http404(f"No such page of {what}.") from error


def _page_path(request, page):
    """Each page is its own canonical page; the first is the bare path."""
    return request.path + (f"?page={page.number}" if page.number > 1 else "")


@with_keys("season-list", CHANGES)
def home(request):
    page = _page(request, selectors.seasons_for_home(), HOME_SEASONS, "seasons")
    changes = public.recent_changes(visibility.public_revisions()[:HOME_CHANGES])
    # Checked against `changes` (any change to a season listed is one), so only named here.
    add_purge_only_keys(request, *keys_of(page.object_list))
    meta = _meta(
        request,
        SITE_NAME + (f" (page {page.number})" if page.number > 1 else ""),
        "A wiki of television seasons: cast and characters, episodes, production timelines, "
        "reviews and awards.",
        path=_page_path(request, page),
    )
    # Each season's card in its colour.
    css = "".join(
        f"#season-{season.pk} {{ border-top-color: {season.background_color or '#eaecf0'}; }}"
        for season in page.object_list
    )
    context = {"page": page, "seasons": page.object_list, "changes": changes, "meta": meta}
    return render_with_style(request, "catalog/home.html", context, css)


@editors_see_drafts
def season_detail(request, slug):
    season = get_object_or_404(selectors.seasons_for_article(request.user), slug=slug)
    article = SeasonArticle(season)
    add_keys(request, *article.surrogate_keys())
    path = season.get_absolute_url()
    description = strip_markers(season.lead) or season.title
    meta = _meta(request, season.title, description, "video.tv_show", path)
    context = {
        "season": season,
        "article": article,
        "meta": meta,
        "json_ld": seo.season_json_ld(article, request.build_absolute_uri),
        "draft": not season.is_published,
    }
    css = (
        f".infobox .infobox-title {{ background-color: {article.header_background}; "
        f"color: {article.header_text}; }}"
    )
    return render_with_style(request, "catalog/season_detail.html", context, css)


@editors_see_drafts
def season_timeline(request, slug):
    season = get_object_or_404(selectors.seasons_for_timeline(request.user), slug=slug)
    events = list(season.events.all())
    add_keys(request, *keys_of([season, *events]))
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
        {
            "season": season,
            "events": events,
            "meta": meta,
            "draft": not season.is_published,
        },
    )


@editors_see_drafts
def person_detail(request, slug):
    # A person known only from draft seasons has no public page yet (editors see it).
    person = get_object_or_404(selectors.people_for_profile(request.user), slug=slug)
    profile = PersonProfile(person)
    add_subject_keys(request, *person.surrogate_keys())
    add_keys(request, *profile.surrogate_keys())
    path = person.get_absolute_url()
    context = {
        "person": person,
        "cast": profile.cast,
        "crew": profile.crew,
        "introduction": profile.introduction,
        "meta": _meta(request, person.name, profile.summary, "profile", path),
        "json_ld": seo.person_json_ld(profile, request.build_absolute_uri),
        "draft": bool(profile.draft_seasons),
        "draft_seasons": profile.draft_seasons,
        "is_public": profile.is_public,
    }
    return render(request, "catalog/person_detail.html", context)


@with_keys(CHANGES)
def changes(request):
    page = _page(request, visibility.public_revisions(), public.CHANGES_PER_PAGE, "changes")
    meta = _meta(
        request,
        "Recent changes" + (f" (page {page.number})" if page.number > 1 else ""),
        "The latest edits to the wiki's published seasons and people: what changed, when, "
        "and by whom.",
        path=_page_path(request, page),
    )
    context = {"page": page, "changes": public.recent_changes(page.object_list), "meta": meta}
    return render(request, "catalog/changes.html", context)


@with_keys("season-list", "series-list", "person-list", "credit-list", "outlet-list")
def search(request):
    results = run_search(request.GET.get("q", ""))
    title = f"Search: {results.query}" if results.query and not results.problem else "Search"
    meta = _meta(request, title, "Search the wiki's seasons, people, characters and outlets.")
    return render(request, "catalog/search.html", {"results": results, "meta": meta})


@with_keys()
def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")
