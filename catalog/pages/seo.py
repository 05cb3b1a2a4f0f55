"""Machine-readable metadata: schema.org JSON-LD for the season and person pages.

Every node that another page also describes has an `@id`, its page's address and a fragment
(`/seasons/<slug>/#season`, `#episode-3`, `#review-<pk>`, `/people/<slug>/#person`; the series,
which has no page, its API address and `#series`), so a reader joins the season page's cast
and reviews with the person pages' roles and reviews.

Ratings follow Google's review-snippet rules as well as schema.org's:
- a critic's rating is given on its own scale: "4 out of 5 stars" as 4 of 5, "7/10" as 7 of
  10, a letter grade as the text itself (no numeric scale claimed);
- a review with neither a rating nor a publication date is left out of the markup (Google
  requires one of the two; the wiki keeps no review dates, and invents no rating);
- the season's one `aggregateRating` is an average with its scale: an aggregator's average
  rating ("7.00/10" over 89 reviews), else a score out of 100 that is itself an average
  (Metacritic's weighted one). An approval percentage (Rotten Tomatoes' 82%, the share of
  positive reviews) is no average rating, so it is never one.

The JSON goes inside a <script> element, where the HTML parser ends the script at the first
"</script>" whatever the JSON means; so <, > and & are written as \\u003c, \\u003e, \\u0026,
which JSON parsers read back as the same characters (as Django's json_script does).
"""

import json

from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from catalog.domain.ratings import parse_rating
from catalog.domain.vocabulary import strip_markers

# str.replace, one character each: str.translate with a mapping walks the text in Python.
_SCRIPT_ESCAPES = [("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")]
_CREW_AS_PRODUCER = {"showrunner", "executive producer", "producer"}


def json_ld_script(data):
    text = json.dumps(data, ensure_ascii=False, indent=1)
    for character, escape in _SCRIPT_ESCAPES:
        text = text.replace(character, escape)
    # Safe: the only characters that could end or open markup are escaped above.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


# The season page ----------------------------------------------------------------------------


def season_json_ld(article, absolute):
    """A schema.org TVSeason; `absolute` turns a path into an absolute URL."""
    season = article.season
    data = {"@context": "https://schema.org", **_season_node(season, absolute)}
    data["seasonNumber"] = season.number
    data["partOfSeries"] = _series(season.series, absolute)
    if season.lead:
        data["description"] = strip_markers(season.lead_paragraphs[0])
    if season.episode_count is not None:
        data["numberOfEpisodes"] = season.episode_count
    if season.release_date:
        data["startDate"] = season.release_date.isoformat()
    if article.production_companies:
        data["productionCompany"] = [_organization(n) for n in article.production_companies]
    if article.cast:
        data["actor"] = [_performance(c, _person(c.person, absolute)) for c in article.cast]
    producers = list(dict.fromkeys(c.person for c in article.crew if c.job in _CREW_AS_PRODUCER))
    if producers:
        data["producer"] = [_person(p, absolute) for p in producers]
    if article.crew:
        data["contributor"] = _contributions(article.crew, lambda p: _person(p, absolute))
    if article.episodes:
        data["episode"] = [_episode(e, data["@id"]) for e in article.episodes]
    average = _average(article.aggregate_reviews)
    if average:
        data["aggregateRating"] = average
    reviews = [r for r in article.critic_reviews if _markable(r)]
    if reviews:
        season_id = {"@id": data["@id"]}
        data["review"] = [
            _review(r, r.critic and _person(r.critic, absolute), about=season_id) for r in reviews
        ]
    return json_ld_script(data)


def _series(series, absolute):
    # The series has no page of its own: its API address is where it is described.
    url = absolute(reverse("api:series-detail", args=[series.slug]))
    return {"@type": "TVSeries", "@id": f"{url}#series", "name": series.name, "url": url}


def _episode(episode, season_id):
    data = {
        "@type": "TVEpisode",
        "@id": season_id.replace("#season", f"#episode-{episode.number}"),
        "episodeNumber": episode.number,
    }
    if episode.title:
        data["name"] = episode.title
    return data


def _average(aggregates):
    """One AggregateRating that is an average on its scale, or None (see the module doc)."""
    for review in aggregates:
        scale = _scale(review.average_rating)
        if scale and review.sample_size:
            return _aggregate(review, *scale)
    for review in aggregates:
        scale = _scale(review.rating_text)  # an approval percentage is no scale
        if scale and scale[1] == 100 and review.sample_size:
            return _aggregate(review, *scale)
    return None


def _aggregate(review, value, best):
    return {
        "@type": "AggregateRating",
        "ratingValue": value,
        "bestRating": best,
        "worstRating": 0,
        "reviewCount": review.sample_size,
        "author": _organization(review.outlet.name),
    }


# The person page ----------------------------------------------------------------------------


def person_json_ld(profile, absolute):
    """A schema.org Person, from a `PersonProfile`, in a graph with the seasons they worked on
    (their roles in each, as the season page gives them) and the reviews they wrote."""
    person = profile.person
    node = {
        "@type": "Person",
        "@id": _person_id(person, absolute),
        "name": person.name,
        "url": absolute(person.get_absolute_url()),
        "description": profile.introduction,
    }
    if profile.jobs:
        node["jobTitle"] = profile.jobs
    me = {"@id": node["@id"]}
    seasons = {}
    for credit in profile.cast:
        season = _season_in_graph(seasons, credit.season, absolute)
        season.setdefault("actor", []).append(_performance(credit, me))
    crew_by_season = {}
    for credit in profile.crew:
        crew_by_season.setdefault(credit.season, []).append(credit)
    for season, credits in crew_by_season.items():
        node_of_season = _season_in_graph(seasons, season, absolute)
        node_of_season["contributor"] = _contributions(credits, lambda _person: me)
    author = {**me, "@type": "Person", "name": person.name}
    reviews = [
        _review(r, author, about=_season_node(r.season, absolute))
        for r in profile.reviews
        if _markable(r)
    ]
    graph = [node, *seasons.values(), *reviews]
    return json_ld_script({"@context": "https://schema.org", "@graph": graph})


def _season_in_graph(seasons, season, absolute):
    node = _season_node(season, absolute)
    return seasons.setdefault(node["@id"], node)


# Shared pieces ------------------------------------------------------------------------------


def _season_node(season, absolute):
    url = absolute(season.get_absolute_url())
    return {"@type": "TVSeason", "@id": f"{url}#season", "name": season.title, "url": url}


def _person_id(person, absolute):
    return absolute(person.get_absolute_url()) + "#person"


def _person(person, absolute):
    # A person of a SeasonArticle, whose page's address the article set as `url`.
    url = absolute(person.url)
    return {"@type": "Person", "@id": f"{url}#person", "name": person.name, "url": url}


def _organization(name):
    return {"@type": "Organization", "name": name}


def _performance(credit, actor):
    """schema.org's role pattern: the season's `actor` is a PerformanceRole wrapping the
    person, with the character played."""
    role = {"@type": "PerformanceRole", "actor": actor}
    if credit.character:
        role["characterName"] = credit.character
    return role


def _contributions(crew, person_node):
    """A crew's credits as `contributor` Roles, one per person, with their jobs as roleName."""
    jobs = {}
    for credit in crew:
        jobs.setdefault(credit.person, {})[credit.job] = None
    return [
        {"@type": "Role", "contributor": person_node(person), "roleName": list(names)}
        for person, names in jobs.items()
    ]


def _markable(review):
    """Whether a review may be marked up: Google wants its rating or its date (see above)."""
    return bool(review.rating_text)


def _review(review, author, *, about):
    """A critic's Review of the season `about` (its node; on its own page, only its @id)."""
    data = {
        "@type": "Review",
        "@id": about["@id"].replace("#season", f"#review-{review.pk}"),
        "author": author or _organization(review.outlet.name),
        "publisher": _organization(review.outlet.name),
        "reviewRating": _rating(review.rating_text),
    }
    if len(about) > 1:
        data["itemReviewed"] = about
    if review.excerpt:
        data["reviewBody"] = review.excerpt
    return data


def _rating(text):
    """A Rating on the critic's own scale; a letter grade (or anything else) as its text."""
    scale = _scale(text)
    if scale:
        value, best = scale
        return {"@type": "Rating", "ratingValue": value, "bestRating": best, "worstRating": 0}
    return {"@type": "Rating", "ratingValue": text}


def _scale(text):
    """(value, best) of a rating on a stated scale ("4 out of 5 stars", "7.00/10", "3½
    stars"), as the importer reads it; None for a grade, a percentage or anything else."""
    rating = parse_rating(text or "")
    if rating is None or rating.maximum is None:
        return None
    return _number(rating.value), _number(rating.maximum)


def _number(fraction):
    return int(fraction) if fraction.denominator == 1 else float(fraction)
