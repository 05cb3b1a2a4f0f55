"""Machine-readable metadata: schema.org JSON-LD for the season and person pages.

The JSON goes inside a <script> element, where the HTML parser ends the script at the first
"</script>" whatever the JSON means; so <, > and & are written as \\u003c, \\u003e, \\u0026,
which JSON parsers read back as the same characters (as Django's json_script does).
"""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from catalog.vocabulary import strip_markers

# str.replace, one character each: str.translate with a mapping walks the text in Python.
_SCRIPT_ESCAPES = [("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")]


def json_ld_script(data):
    text = json.dumps(data, ensure_ascii=False, indent=1)
    for character, escape in _SCRIPT_ESCAPES:
        text = text.replace(character, escape)
    # Safe: the only characters that could end or open markup are escaped above.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def _person(person, absolute):
    # A person of a SeasonArticle, with their page's address as `url`.
    return {"@type": "Person", "name": person.name, "url": absolute(person.url)}


def _organization(name):
    return {"@type": "Organization", "name": name}


def season_json_ld(article, absolute):
    """A schema.org TVSeason; `absolute` turns a path into an absolute URL."""
    season = article.season
    data = {
        "@context": "https://schema.org",
        "@type": "TVSeason",
        "name": season.title,
        "url": absolute(season.get_absolute_url()),
        "seasonNumber": season.number,
        "partOfSeries": {"@type": "TVSeries", "name": season.series.name},
    }
    if season.lead:
        data["description"] = strip_markers(season.lead_paragraphs[0])
    if season.episode_count is not None:
        data["numberOfEpisodes"] = season.episode_count
    if season.release_date:
        data["startDate"] = season.release_date.isoformat()
    if article.production_companies:
        data["productionCompany"] = [_organization(n) for n in article.production_companies]
    if article.cast:
        data["actor"] = [
            {
                "@type": "PerformanceRole",
                "actor": _person(credit.person, absolute),
                "characterName": credit.character,
            }
            for credit in article.cast
        ]
    if article.showrunners:
        data["producer"] = [_person(p, absolute) for p in article.showrunners]
    if article.aggregate_reviews:
        data["aggregateRating"] = [_aggregate_rating(r) for r in article.aggregate_reviews]
    if article.critic_reviews:
        data["review"] = [_review(r, absolute) for r in article.critic_reviews]
    return json_ld_script(data)


def _aggregate_rating(review):
    rating = {"@type": "AggregateRating", "author": _organization(review.outlet.name)}
    if review.score is not None:
        rating.update(ratingValue=review.score, bestRating=100, worstRating=0)
    if review.sample_size is not None:
        rating["reviewCount"] = review.sample_size
    if review.rating_text:
        rating["name"] = review.rating_text
    if review.consensus:
        rating["description"] = review.consensus
    return rating


def _review(review, absolute):
    data = {"@type": "Review", "publisher": _organization(review.outlet.name)}
    if review.critic:
        data["author"] = _person(review.critic, absolute)
    if review.excerpt:
        data["reviewBody"] = review.excerpt
    if review.score is not None:
        data["reviewRating"] = {
            "@type": "Rating",
            "ratingValue": review.score,
            "bestRating": 100,
            "worstRating": 0,
            "name": review.rating_text,
        }
    return data


def person_json_ld(profile, absolute):
    """A schema.org Person, from a `PersonProfile`."""
    person, jobs = profile.person, profile.jobs
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": person.name,
        "url": absolute(person.get_absolute_url()),
    }
    if jobs:
        data["jobTitle"] = jobs
    return json_ld_script(data)
