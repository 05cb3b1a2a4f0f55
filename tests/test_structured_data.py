"""The pages' structured data as search engines read it: extruct extracts the JSON-LD from the
rendered HTML, and each schema.org property is checked, with Google's review-snippet rules
(one aggregate rating that is an average on a stated scale; a review needs its rating or its
date) and the @ids that join the season page with the person pages."""

from http import HTTPStatus

import extruct
import pytest

from catalog.domain.vocabulary import strip_markers
from catalog.models import Episode, InfoboxField, Review
from catalog.pages.shapers.season import production_companies_in
from tests.factories import (
    CreditFactory,
    OutletFactory,
    PersonFactory,
    ReviewFactory,
    SeasonFactory,
)
from tests.pages import SEASON_URL

pytestmark = pytest.mark.django_db

HOST = "http://testserver"
SEASON_ID = f"{HOST}{SEASON_URL}#season"


def structured(client, url):
    """The one JSON-LD item of the page, as extruct reads it."""
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    items = extruct.extract(response.content.decode(), base_url=HOST + url, syntaxes=["json-ld"])[
        "json-ld"
    ]
    assert len(items) == 1
    return items[0]


def graph(client, url):
    """A person page's nodes by @type: [nodes]."""
    data = structured(client, url)
    assert data["@context"] == "https://schema.org"
    nodes = {}
    for node in data["@graph"]:
        nodes.setdefault(node["@type"], []).append(node)
    return nodes


def person_id(slug):
    return f"{HOST}/people/{slug}/#person"


# The season page -----------------------------------------------------------------------------


def test_the_season_is_a_tv_season_with_a_stable_id(client, season):
    data = structured(client, SEASON_URL)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "TVSeason"
    assert data["@id"] == SEASON_ID
    assert data["url"] == HOST + SEASON_URL
    assert data["name"] == "Jessica Jones season 2"
    assert data["seasonNumber"] == 2
    assert data["numberOfEpisodes"] == 13
    assert data["startDate"] == "2018-03-08"
    assert data["description"].startswith("The second season of the American television series")


def test_the_series_is_named_with_its_api_address_which_answers(client, season):
    series = structured(client, SEASON_URL)["partOfSeries"]
    url = f"{HOST}/api/v1/series/jessica-jones/"
    assert series == {
        "@type": "TVSeries",
        "@id": f"{url}#series",
        "name": "Jessica Jones",
        "url": url,
    }
    response = client.get(url.removeprefix(HOST))
    assert response.status_code == HTTPStatus.OK
    assert response.json()["name"] == "Jessica Jones"


def test_the_production_companies_are_the_ones_the_lead_names(client, season):
    assert structured(client, SEASON_URL)["productionCompany"] == [
        {"@type": "Organization", "name": "Marvel Television"},
        {"@type": "Organization", "name": "ABC Studios"},
        {"@type": "Organization", "name": "Tall Girls Productions"},
    ]


def test_a_production_company_line_in_the_infobox_comes_before_the_lead(client, season):
    InfoboxField.objects.create(
        season=season, position=8, key="Production companies", value="Marvel Television, ABC"
    )
    assert structured(client, SEASON_URL)["productionCompany"] == [
        {"@type": "Organization", "name": "Marvel Television"},
        {"@type": "Organization", "name": "ABC"},
    ]


@pytest.mark.parametrize(
    ("lead", "companies"),
    [
        (
            "It was produced by Foo Films[3] in association with Bar Media.",
            ["Foo Films", "Bar Media"],
        ),
        (
            "It was produced by Foo Films, Bar Media and Baz; it aired.",
            ["Foo Films", "Bar Media", "Baz"],
        ),
        ("It was produced by the same team as before.", []),
    ],
)
def test_the_companies_a_lead_names_are_read_from_its_produced_by_clause(lead, companies):
    assert production_companies_in(strip_markers(lead)) == companies


def test_a_season_naming_no_company_claims_none(client):
    season = SeasonFactory(lead="A season that says nothing of who produced it.")
    assert "productionCompany" not in structured(client, season.get_absolute_url())


def test_the_cast_are_performance_roles_whose_people_have_their_pages_ids(client, season):
    actors = structured(client, SEASON_URL)["actor"]
    assert len(actors) == 22
    assert actors[0] == {
        "@type": "PerformanceRole",
        "actor": {
            "@type": "Person",
            "@id": person_id("krysten-ritter"),
            "name": "Krysten Ritter",
            "url": f"{HOST}/people/krysten-ritter/",
        },
        "characterName": "Jessica Jones",
    }
    assert actors[-1]["characterName"] == "Thembi Wallace"
    person = graph(client, "/people/krysten-ritter/")["Person"][0]
    assert person["@id"] == actors[0]["actor"]["@id"]


def test_the_crew_are_producers_and_contributor_roles_with_their_jobs(client, season):
    data = structured(client, SEASON_URL)
    assert [p["name"] for p in data["producer"]] == ["Melissa Rosenberg", "Raelle Tucker"]
    roles = {r["contributor"]["name"]: r for r in data["contributor"]}
    assert roles["Raelle Tucker"] == {
        "@type": "Role",
        "contributor": {
            "@type": "Person",
            "@id": person_id("raelle-tucker"),
            "name": "Raelle Tucker",
            "url": f"{HOST}/people/raelle-tucker/",
        },
        "roleName": ["executive producer", "writer"],
    }
    assert roles["Sean Callery"]["roleName"] == ["composer"]
    assert sum(r["roleName"] == ["cover artist"] for r in roles.values()) == 13


def test_the_episodes_are_tv_episodes_with_ids_and_the_titles_editors_gave(client, season):
    Episode.objects.filter(season=season, number=3).update(title="AKA Sole Survivor")
    episodes = structured(client, SEASON_URL)["episode"]
    assert [e["episodeNumber"] for e in episodes] == list(range(1, 14))
    assert episodes[0] == {
        "@type": "TVEpisode",
        "@id": f"{HOST}{SEASON_URL}#episode-1",
        "episodeNumber": 1,
    }
    assert episodes[2]["name"] == "AKA Sole Survivor"
    assert [e for e in episodes if "name" in e] == [episodes[2]]


def average(value, best, count, by):
    return {
        "@type": "AggregateRating",
        "ratingValue": value,
        "bestRating": best,
        "worstRating": 0,
        "reviewCount": count,
        "author": {"@type": "Organization", "name": by},
    }


def test_the_one_aggregate_rating_is_rotten_tomatoes_average_on_its_scale(client, season):
    """Not the 82% approval (a share of positive reviews), not a list of two scores."""
    rating = structured(client, SEASON_URL)["aggregateRating"]
    assert rating == average(7.0, 10, 89, "Rotten Tomatoes")


def test_without_an_average_rating_the_metascore_out_of_100_is_the_aggregate(client, season):
    Review.objects.filter(season=season, outlet__name="Rotten Tomatoes").update(average_rating="")
    rating = structured(client, SEASON_URL)["aggregateRating"]
    assert rating == average(70, 100, 19, "Metacritic")


def test_an_approval_percentage_alone_is_no_aggregate_rating(client, season):
    Review.objects.filter(season=season, outlet__name="Metacritic").delete()
    Review.objects.filter(season=season, outlet__name="Rotten Tomatoes").update(average_rating="")
    assert "aggregateRating" not in structured(client, SEASON_URL)


def test_the_rated_reviews_carry_their_rating_on_its_own_scale(client, season):
    reviews = structured(client, SEASON_URL)["review"]
    # Digital Spy, The Washington Post and Polygon give no rating and the wiki knows no
    # date: Google's rules want one of the two, so those three are not marked up.
    assert [r["publisher"]["name"] for r in reviews] == ["Collider", "IndieWire"]
    keene, miller = reviews
    assert keene["@type"] == "Review"
    assert keene["@id"].startswith(f"{HOST}{SEASON_URL}#review-")
    assert keene["author"] == {
        "@type": "Person",
        "@id": person_id("allison-keene"),
        "name": "Allison Keene",
        "url": f"{HOST}/people/allison-keene/",
    }
    assert keene["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 4,
        "bestRating": 5,
        "worstRating": 0,
    }
    assert keene["reviewBody"].startswith("[t]he season really starts to kick into gear")
    # A letter grade is its own text, on no numeric scale.
    assert miller["reviewRating"] == {"@type": "Rating", "ratingValue": "B"}
    # The wiki keeps no publication dates, so none is claimed.
    assert not any("datePublished" in r for r in reviews)


@pytest.mark.parametrize(
    ("rating_text", "value", "best"),
    [
        ("7/10", 7, 10),
        ("9.2 out of 10", 9.2, 10),
        ("three and a half stars", 3.5, 5),
        ("3½ stars", 3.5, 5),
        ("★★★½", 3.5, 5),
        ("★★★☆☆", 3, 5),
    ],
)
def test_a_rating_is_given_on_its_own_scale_in_every_form_the_importer_reads(
    client, season, rating_text, value, best
):
    ReviewFactory(season=season, outlet=OutletFactory(name="Slant"), rating_text=rating_text)
    reviews = structured(client, SEASON_URL)["review"]
    (slant,) = [r for r in reviews if r["publisher"]["name"] == "Slant"]
    assert slant["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": value,
        "bestRating": best,
        "worstRating": 0,
    }


def test_every_marked_up_review_has_what_google_requires(client, season):
    reviews = structured(client, SEASON_URL)["review"]

    assert len(reviews) == 2  # Collider's and IndieWire's (see above)
    for review in reviews:
        assert review["author"]["name"]
        assert review["reviewRating"]["ratingValue"] not in ("", None)


# Person pages ---------------------------------------------------------------------------------


def test_an_actor_is_a_person_with_the_role_they_play_in_the_season(client, season):
    nodes = graph(client, "/people/krysten-ritter/")
    (person,) = nodes["Person"]
    assert person == {
        "@type": "Person",
        "@id": person_id("krysten-ritter"),
        "name": "Krysten Ritter",
        "url": f"{HOST}/people/krysten-ritter/",
        "description": "Actor who plays Jessica Jones in Jessica Jones season 2.",
        "jobTitle": ["actor"],
    }
    (tv_season,) = nodes["TVSeason"]
    assert tv_season == {
        "@type": "TVSeason",
        "@id": SEASON_ID,
        "name": "Jessica Jones season 2",
        "url": HOST + SEASON_URL,
        "actor": [
            {
                "@type": "PerformanceRole",
                "actor": {"@id": person_id("krysten-ritter")},
                "characterName": "Jessica Jones",
            }
        ],
    }
    assert "Review" not in nodes


def test_a_crew_member_is_a_contributor_to_the_season_with_their_jobs(client, season):
    nodes = graph(client, "/people/raelle-tucker/")
    (person,) = nodes["Person"]
    assert person["jobTitle"] == ["executive producer", "writer"]
    assert person["description"] == "Executive producer and writer of Jessica Jones season 2."
    (tv_season,) = nodes["TVSeason"]
    assert tv_season["@id"] == SEASON_ID
    assert tv_season["contributor"] == [
        {
            "@type": "Role",
            "contributor": {"@id": person_id("raelle-tucker")},
            "roleName": ["executive producer", "writer"],
        }
    ]
    assert "actor" not in tv_season


def test_a_critic_is_the_author_of_the_review_of_the_season(client, season):
    nodes = graph(client, "/people/allison-keene/")
    (person,) = nodes["Person"]
    assert person["description"] == (
        "Critic for Collider who reviewed Jessica Jones season 2 (4 out of 5 stars)."
    )
    assert "jobTitle" not in person
    assert "TVSeason" not in nodes
    (review,) = nodes["Review"]
    assert review["author"] == {
        "@id": person_id("allison-keene"),
        "@type": "Person",
        "name": "Allison Keene",
    }
    assert review["itemReviewed"] == {
        "@type": "TVSeason",
        "@id": SEASON_ID,
        "name": "Jessica Jones season 2",
        "url": HOST + SEASON_URL,
    }
    assert review["publisher"] == {"@type": "Organization", "name": "Collider"}
    assert review["reviewRating"]["ratingValue"] == 4
    assert review["reviewRating"]["bestRating"] == 5
    # The same review as the season page's.
    season_reviews = structured(client, SEASON_URL)["review"]
    assert review["@id"] == season_reviews[0]["@id"]


def test_a_critic_whose_review_gives_no_rating_has_no_review_marked_up(client, season):
    nodes = graph(client, "/people/jo-berry/")
    assert nodes["Person"][0]["description"] == (
        "Critic for Digital Spy who reviewed Jessica Jones season 2."
    )
    assert "Review" not in nodes


def test_someone_who_acts_and_directs_in_two_seasons_has_a_node_per_season(client):
    person = PersonFactory(name="Ann Actor")
    first, second = SeasonFactory(title="A season 1"), SeasonFactory(title="A season 2")
    CreditFactory(person=person, season=first, character="Ann")
    CreditFactory(person=person, season=second, character="Ann")
    CreditFactory(
        person=person, season=second, department="crew", billing=None, character="", job="director"
    )
    nodes = graph(client, person.get_absolute_url())
    seasons = {s["name"]: s for s in nodes["TVSeason"]}
    assert list(seasons) == ["A season 1", "A season 2"]
    assert [r["characterName"] for r in seasons["A season 1"]["actor"]] == ["Ann"]
    assert "contributor" not in seasons["A season 1"]
    assert [r["roleName"] for r in seasons["A season 2"]["contributor"]] == [["director"]]
    assert nodes["Person"][0]["jobTitle"] == ["actor", "director"]
