"""TMDb-compatible reads at /tmdb/3/ (catalog.tmdb): the unmodified tmdbsimple client reads
the seed through the live server with only its base URL changed; TMDb's shapes, paging, errors,
append_to_response and changes; the departments table; drafts hidden; a fixed number of
queries; answers cached until an edit."""

import json
from datetime import timedelta

import pytest
import requests
import tmdbsimple
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bench.catalogue import EPISODE_JOBS, SEASON_JOBS
from catalog.domain.vocabulary import INFOBOX_JOBS
from catalog.models import Credit, Episode, Person, Season, Series
from catalog.tmdb.departments import DEPARTMENTS, OTHER, tmdb_job
from tests.factories import CreditFactory, EpisodeFactory, PersonFactory, SeasonFactory
from tests.seed import COVER_ARTISTS, FIXTURE, GUEST_CAST, MAIN_CAST, RECURRING_CAST

TMDB = "/tmdb/3"
NOT_FOUND = {
    "success": False,
    "status_code": 34,
    "status_message": "The resource you requested could not be found.",
}
BILLED_CAST = MAIN_CAST + RECURRING_CAST + GUEST_CAST


@pytest.fixture
def series(season):
    return season.series


def get(client, path, **params):
    return client.get(f"{TMDB}/{path}", params)


def ok(client, path, **params):
    response = get(client, path, **params)
    assert response.status_code == 200, response.content
    return response.json()


# The unmodified client, against the live server ---------------------------------------------


@pytest.fixture
def tmdb(site, monkeypatch):
    """tmdbsimple as a TMDb user sets it up (an API key), pointed at the live server: the base
    URL is the one thing changed (each object's base_uri, which tmdbsimple builds in
    TMDB.__init__ from api.themoviedb.org)."""
    monkeypatch.setattr(tmdbsimple, "API_KEY", "any-key-the-wiki-ignores")

    def client(obj):
        obj.base_uri = f"{site}{TMDB}"
        return obj

    return client


def test_tmdbsimple_reads_the_season_its_cast_a_persons_credits_and_a_search(tmdb):
    series = Series.objects.get()
    season = tmdb(tmdbsimple.TV_Seasons(series.pk, 2))

    info = season.info()
    credits = season.credits()
    ritter = Person.objects.get(name="Krysten Ritter")
    person = tmdb(tmdbsimple.People(ritter.pk))
    tv_credits = person.tv_credits()
    search = tmdb(tmdbsimple.Search())
    found = search.tv(query="Jessica")

    assert info["season_number"] == season.season_number == 2
    assert info["name"] == "Jessica Jones season 2"
    assert info["air_date"] == "2018-03-08"
    assert [e["episode_number"] for e in info["episodes"]] == list(range(1, 14))
    first_cover = info["episodes"][0]["crew"][0]
    assert (first_cover["name"], first_cover["department"], first_cover["job"]) == (
        COVER_ARTISTS[0],
        "Art",
        "Cover Artist",
    )
    # The cast in billing order: main, recurring, guests, each group in the article's order.
    assert [(c["name"], c["character"]) for c in credits["cast"]] == BILLED_CAST
    assert [c["order"] for c in credits["cast"]] == list(range(len(BILLED_CAST)))
    assert season.cast == credits["cast"]  # tmdbsimple set its attributes from the answer
    assert tv_credits["cast"][0]["name"] == "Jessica Jones"
    assert tv_credits["cast"][0]["character"] == "Jessica Jones"
    assert tv_credits["cast"][0]["id"] == series.pk
    assert person.id == ritter.pk
    assert [r["name"] for r in found["results"]] == ["Jessica Jones"]
    assert search.total_results == 1


def test_tmdbsimple_meets_tmdbs_404_body(tmdb):
    with pytest.raises(requests.HTTPError) as raised:
        tmdb(tmdbsimple.TV_Seasons(Series.objects.get().pk, 9)).info()

    assert raised.value.response.status_code == 404
    assert raised.value.response.json() == NOT_FOUND


# TMDb's shapes -------------------------------------------------------------------------------


def test_a_tv_is_a_series_with_its_published_seasons(client, series, season):
    tv = ok(client, f"tv/{series.pk}")

    assert tv["id"] == series.pk
    assert tv["name"] == tv["original_name"] == "Jessica Jones"
    assert tv["number_of_seasons"] == 1
    assert tv["number_of_episodes"] == 13
    assert tv["first_air_date"] == tv["last_air_date"] == "2018-03-08"
    assert tv["networks"] == [
        {"id": None, "logo_path": None, "name": "Netflix", "origin_country": ""}
    ]
    (listed,) = tv["seasons"]
    assert listed["id"] == season.pk
    assert listed["season_number"] == 2
    assert listed["episode_count"] == 13
    assert listed["air_date"] == "2018-03-08"
    assert listed["overview"].startswith("The second season of the American television series")
    assert "[" not in listed["overview"]  # citation markers are the article's, not TMDb's
    # What the wiki doesn't hold is null or empty, never a number made up.
    assert tv["popularity"] is None
    assert tv["vote_average"] is None
    assert tv["vote_count"] == 0
    assert tv["poster_path"] is None
    assert listed["poster_path"] is None
    assert tv["genres"] == []
    assert tv["status"] is None


def test_season_credits_and_aggregate_credits_in_tmdb_shapes(client, series):
    credits = ok(client, f"tv/{series.pk}/season/2/credits")
    aggregate = ok(client, f"tv/{series.pk}/season/2/aggregate_credits")

    ritter = credits["cast"][0]
    assert ritter["known_for_department"] == "Acting"
    assert set(ritter) >= {"id", "name", "character", "credit_id", "order", "gender"}
    crew = {(c["name"], c["job"]): c["department"] for c in credits["crew"]}
    assert crew[("Melissa Rosenberg", "Showrunner")] == "Production"
    assert crew[("Raelle Tucker", "Executive Producer")] == "Production"
    assert crew[("Raelle Tucker", "Writer")] == "Writing"
    assert crew[("Sean Callery", "Original Music Composer")] == "Sound"
    # Cover artists are credited episode by episode: in the episodes and the aggregate.
    assert COVER_ARTISTS[0] not in {c["name"] for c in credits["crew"]}

    cast = aggregate["cast"][0]
    assert cast["roles"][0]["character"] == "Jessica Jones"
    assert cast["order"] == 0
    # A season's regular: the wiki doesn't say in how many episodes (null, not a guess).
    assert cast["total_episode_count"] is None
    cover = next(c for c in aggregate["crew"] if c["name"] == COVER_ARTISTS[0])
    assert cover["department"] == "Art"
    assert cover["total_episode_count"] == 1
    assert cover["jobs"] == [{"credit_id": cover["jobs"][0]["credit_id"], "job": "Cover Artist",
                              "episode_count": 1}]  # fmt: skip
    tucker = [c for c in aggregate["crew"] if c["name"] == "Raelle Tucker"]
    assert {c["department"] for c in tucker} == {"Production", "Writing"}


def test_a_tvs_credits_are_its_latest_published_seasons(client, series, season):
    SeasonFactory(series=series, number=3, status=Season.Status.DRAFT)
    earlier = CreditFactory(season=SeasonFactory(series=series, number=1), character="Earlier")

    credits = ok(client, f"tv/{series.pk}/credits")

    assert credits["id"] == series.pk
    assert credits["cast"] == ok(client, f"tv/{series.pk}/season/2/credits")["cast"]
    assert earlier.character not in str(credits)


def test_a_person_and_their_tv_credits(client, series, season):
    tucker = Person.objects.get(name="Raelle Tucker")

    person = ok(client, f"person/{tucker.pk}")
    credits = ok(client, f"person/{tucker.pk}/tv_credits")

    assert person["id"] == tucker.pk
    assert person["name"] == "Raelle Tucker"
    assert person["known_for_department"] in {"Production", "Writing"}
    assert person["biography"] == ""
    assert person["birthday"] is None
    assert credits["id"] == tucker.pk
    assert credits["cast"] == []
    assert {(c["id"], c["name"], c["department"], c["job"]) for c in credits["crew"]} == {
        (series.pk, "Jessica Jones", "Production", "Executive Producer"),
        (series.pk, "Jessica Jones", "Writing", "Writer"),
    }
    assert credits["crew"][0]["first_credit_air_date"] == "2018-03-08"


def test_an_episodes_guest_stars_are_the_cast_credited_for_it(client, series, season):
    episode = Episode.objects.get(season=season, number=3)
    guest = CreditFactory(season=season, episode=episode, billing="guest", character="A Cabbie")

    episodes = ok(client, f"tv/{series.pk}/season/2")["episodes"]

    assert [g["name"] for g in episodes[2]["guest_stars"]] == [guest.person.name]
    assert episodes[2]["guest_stars"][0]["character"] == "A Cabbie"
    assert all(not e["guest_stars"] for n, e in enumerate(episodes) if n != 2)


# Search and paging ---------------------------------------------------------------------------


def test_search_pages_are_tmdbs_twenty_results(client, season):
    for n in range(45):
        CreditFactory(season=season, person=PersonFactory(name=f"Zed Searchable {n:02}"))

    first = ok(client, "search/person", query="searchable")
    third = ok(client, "search/person", query="searchable", page=3)
    past = ok(client, "search/person", query="searchable", page=4)

    assert (first["page"], first["total_results"], first["total_pages"]) == (1, 45, 3)
    assert [p["name"] for p in first["results"]] == [f"Zed Searchable {n:02}" for n in range(20)]
    assert [p["name"] for p in third["results"]] == [
        f"Zed Searchable {n:02}" for n in range(40, 45)
    ]
    assert third["results"][0]["known_for"][0]["name"] == "Jessica Jones"
    assert third["results"][0]["known_for"][0]["media_type"] == "tv"
    assert past["results"] == []
    assert past["page"] == 4


def test_search_ranks_a_whole_name_then_its_start_then_a_word(client, season):
    for name in ["Mo Jones", "Jones", "Jonesy Smith"]:
        CreditFactory(season=season, person=PersonFactory(name=name))

    names = [p["name"] for p in ok(client, "search/person", query="jones")["results"]]

    assert names[:2] == ["Jones", "Jonesy Smith"]
    assert "Mo Jones" in names


def test_multi_search_lists_series_then_people_each_with_its_media_type(client, season):
    for n in range(25):
        CreditFactory(season=season, person=PersonFactory(name=f"Jessica Extra {n:02}"))

    first = ok(client, "search/multi", query="jessica")
    second = ok(client, "search/multi", query="jessica", page=2)

    assert first["total_results"] == 1 + 25
    assert first["total_pages"] == 2
    assert first["results"][0]["media_type"] == "tv"
    assert first["results"][0]["name"] == "Jessica Jones"
    assert [r["media_type"] for r in first["results"][1:]] == ["person"] * 19
    assert [r["name"] for r in second["results"]] == [
        f"Jessica Extra {n:02}" for n in range(19, 25)
    ]


def test_a_search_without_a_query_finds_nothing(client, season):
    assert ok(client, "search/tv") == {
        "page": 1,
        "results": [],
        "total_pages": 1,
        "total_results": 0,
    }


# Errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "tv/999",
        "tv/1/season/9",
        "tv/1/season/9/credits",
        "person/999999",
        "person/999999/tv_credits",
        "tv/abc",
        "tv/99999999999999999999999999",
        "tv/1/season/99999999999999999999",
        "movie/1",
        "tv/1/",
    ],
)
def test_what_names_nothing_is_tmdbs_404(client, season, path):
    response = get(client, path)

    assert response.status_code == 404
    assert response.json() == NOT_FOUND


@pytest.mark.parametrize("page", ["0", "501", "abc", "-1", "1.5", "", "²", "9" * 30])
def test_a_bad_page_is_tmdbs_400(client, season, page):
    response = get(client, "search/tv", query="jessica", page=page)

    assert response.status_code == 400
    assert response.json()["status_code"] == 22
    assert response.json()["success"] is False


@pytest.mark.parametrize(
    "params",
    [
        {"start_date": "2018-13-40"},
        {"start_date": "2018-02-30"},
        {"start_date": "２０１８-01-01"},
        {"end_date": "yesterday"},
        {"end_date": "9999-12-31"},
        {"start_date": "2024-02-02", "end_date": "2024-02-01"},
    ],
)
def test_bad_change_dates_are_tmdbs_400(client, series, params):
    for path in ["tv/changes", f"tv/{series.pk}/changes"]:
        response = get(client, path, **params)

        assert response.status_code == 400
        assert response.json()["status_code"] == 5
        assert response.json()["success"] is False


def test_the_api_key_and_language_are_accepted_and_change_nothing(client, series):
    plain = get(client, f"tv/{series.pk}")
    keyed = get(client, f"tv/{series.pk}", api_key="whatever", language="de-DE")

    assert keyed.status_code == 200
    assert keyed.json() == plain.json()


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_refused_with_tmdbs_body_and_nothing_changes(client, series, method):
    response = getattr(client, method)(
        f"{TMDB}/tv/{series.pk}", {"name": "Renamed"}, content_type="application/json"
    )

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response.json()["success"] is False
    assert Series.objects.get(pk=series.pk).name == "Jessica Jones"


# append_to_response --------------------------------------------------------------------------


def test_append_to_response_adds_each_part_as_its_own_endpoint_answers_it(client, series):
    season = ok(client, f"tv/{series.pk}/season/2", append_to_response="credits,aggregate_credits")

    assert season["credits"] == ok(client, f"tv/{series.pk}/season/2/credits")
    assert season["aggregate_credits"] == ok(client, f"tv/{series.pk}/season/2/aggregate_credits")
    assert season["episodes"] == ok(client, f"tv/{series.pk}/season/2")["episodes"]


def test_append_to_response_on_a_person_and_a_tv(client, series, season):
    ritter = Person.objects.get(name="Krysten Ritter")

    person = ok(client, f"person/{ritter.pk}", append_to_response="tv_credits,images")
    tv = ok(client, f"tv/{series.pk}", append_to_response="credits,aggregate_credits, changes")

    assert person["tv_credits"] == ok(client, f"person/{ritter.pk}/tv_credits")
    assert "images" not in person  # a part the wiki doesn't offer is left out, as TMDb does
    assert tv["aggregate_credits"]["cast"][0]["name"] == "Krysten Ritter"
    assert tv["changes"] == {"changes": []}
    assert tv["credits"] == ok(client, f"tv/{series.pk}/credits")


# Changes -------------------------------------------------------------------------------------


def today_window():
    today = timezone.now().date()
    return {"start_date": str(today - timedelta(days=1)), "end_date": str(today)}


def test_a_renamed_series_and_an_edited_season_are_tmdb_changes(client, series, season, save):
    assert ok(client, "tv/changes")["results"] == []
    save(series, name="Marvel's Jessica Jones")
    save(Credit.objects.get(season=season, character="Kilgrave"), character="Zebediah Killgrave")

    listed = ok(client, "tv/changes", **today_window())
    changes = ok(client, f"tv/{series.pk}/changes", **today_window())["changes"]

    assert listed["results"] == [{"id": series.pk, "adult": False}]
    assert listed["total_results"] == 1
    by_key = {change["key"]: change["items"] for change in changes}
    (renamed,) = by_key["name"]
    assert renamed["action"] == "updated"
    assert (renamed["original_value"], renamed["value"]) == (
        "Jessica Jones",
        "Marvel's Jessica Jones",
    )
    assert renamed["time"].endswith(" UTC")
    (edited,) = by_key["season"]
    assert edited["action"] == "updated"
    assert edited["value"] == {"season_id": season.pk, "season_number": 2}


def test_changes_outside_the_window_are_left_out(client, series, save):
    save(series, name="Marvel's Jessica Jones")
    before = {"start_date": "2018-01-01", "end_date": "2018-01-14"}

    assert ok(client, "tv/changes", **before)["results"] == []
    assert ok(client, f"tv/{series.pk}/changes", **before) == {"changes": []}


def test_a_season_published_is_added_and_unpublished_is_deleted(client, series, save):
    draft = SeasonFactory(series=series, number=3, status=Season.Status.DRAFT)
    save(draft, title="Jessica Jones season 3 (draft title)")  # a draft's edit shows nowhere
    assert ok(client, "tv/changes", **today_window())["results"] == []
    save(draft, status=Season.Status.PUBLISHED)
    save(draft, status=Season.Status.DRAFT)

    (change,) = ok(client, f"tv/{series.pk}/changes", **today_window())["changes"]

    assert change["key"] == "season"
    assert [item["action"] for item in change["items"]] == ["added", "deleted"]
    assert change["items"][0]["value"] == {"season_id": draft.pk, "season_number": 3}


# Departments ---------------------------------------------------------------------------------


def test_every_job_the_wiki_knows_has_a_tmdb_department():
    known = set(INFOBOX_JOBS.values()) | {job for job, _ in SEASON_JOBS} | set(EPISODE_JOBS)
    seed = json.loads(FIXTURE.read_text())
    known |= {row["fields"]["job"] for row in seed if row["model"] == "catalog.credit"} - {""}

    assert known <= set(DEPARTMENTS)
    assert tmdb_job("director") == ("Directing", "Director")
    assert tmdb_job("Executive  Producer") == ("Production", "Executive Producer")


def test_a_job_the_table_doesnt_name_is_crew_in_its_own_words():
    assert tmdb_job("stunt coordinator") == (OTHER, "Stunt Coordinator")


# Drafts --------------------------------------------------------------------------------------


def test_drafts_and_who_only_they_name_are_hidden(client, series, season):
    draft = SeasonFactory(series=series, number=3, status=Season.Status.DRAFT)
    draft_only = CreditFactory(season=draft, person=PersonFactory(name="Jessica Draftonly"))
    unaired = SeasonFactory(
        number=1, status=Season.Status.DRAFT
    )  # a series with no published season

    tv = ok(client, f"tv/{series.pk}")

    assert [s["season_number"] for s in tv["seasons"]] == [2]
    assert tv["number_of_seasons"] == 1
    assert get(client, f"tv/{series.pk}/season/3").json() == NOT_FOUND
    assert get(client, f"tv/{series.pk}/season/3/credits").status_code == 404
    assert get(client, f"person/{draft_only.person_id}").status_code == 404
    assert get(client, f"tv/{unaired.series_id}").status_code == 404
    found = ok(client, "search/multi", query="jessica")["results"]
    assert [r["name"] for r in found] == ["Jessica Jones"]
    assert ok(client, "search/tv", query=unaired.series.name)["results"] == []
    assert draft_only.person.name not in str(ok(client, f"tv/{series.pk}/aggregate_credits"))


# Queries and the answer cache ----------------------------------------------------------------


def test_a_season_with_everything_appended_reads_a_fixed_number_of_queries(
    client, series, season, settings
):
    settings.PAGE_CACHE = False
    url = f"{TMDB}/tv/{series.pk}/season/2?append_to_response=credits,aggregate_credits"

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    before = queries()
    for n in range(20):
        episode = EpisodeFactory(season=season, number=20 + n)
        CreditFactory(season=season, episode=episode, billing="guest")
        CreditFactory(season=season, department="crew", billing=None, character="", job="editor")

    assert queries() == before <= 3


@pytest.mark.parametrize(
    ("path", "budget"),
    [
        ("tv/1?append_to_response=aggregate_credits", 4),
        ("person/1?append_to_response=tv_credits", 3),
        ("search/multi?query=e", 6),
        ("tv/changes", 2),
        ("tv/1/changes", 4),
    ],
)
def test_other_reads_take_a_fixed_number_of_queries(
    client, season, settings, django_assert_num_queries, path, budget
):
    settings.PAGE_CACHE = False
    with django_assert_num_queries(budget):
        assert client.get(f"{TMDB}/{path}").status_code == 200
    for n in range(30):
        CreditFactory(season=season, person=PersonFactory(name=f"Eve Extra {n}"))
    with django_assert_num_queries(budget):
        assert client.get(f"{TMDB}/{path}").status_code == 200


def test_a_rename_shows_on_the_next_request_with_the_cache_on(
    client, series, season, save, settings
):
    settings.PAGE_CACHE = True
    ritter = Person.objects.get(name="Krysten Ritter")
    season_url = f"{TMDB}/tv/{series.pk}/season/2/credits"
    person_url = f"{TMDB}/person/{ritter.pk}/tv_credits"
    first = client.get(season_url)
    client.get(person_url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(season_url).content == first.content
    assert len(captured) == 1  # the stored answer, checked by its versions
    assert f"season-{season.pk}" in first["Surrogate-Key"].split()

    save(ritter, name="Krysten Alyce Ritter")
    save(series, name="Marvel's Jessica Jones")

    assert client.get(season_url).json()["cast"][0]["name"] == "Krysten Alyce Ritter"
    assert client.get(person_url).json()["cast"][0]["name"] == "Marvel's Jessica Jones"
    assert client.get(f"{TMDB}/tv/{series.pk}").json()["name"] == "Marvel's Jessica Jones"


def test_changes_in_given_days_are_cached_until_the_next_change_the_last_day_never(
    client, series, save, settings
):
    settings.PAGE_CACHE = True
    assert ok(client, "tv/changes", **today_window())["results"] == []
    with CaptureQueriesContext(connection) as captured:
        assert ok(client, "tv/changes", **today_window())["results"] == []
    assert len(captured) == 1  # the stored answer, checked by its versions

    save(series, name="Marvel's Jessica Jones")

    assert ok(client, "tv/changes", **today_window())["results"] == [
        {"id": series.pk, "adult": False}
    ]
    # "The last 24 hours" moves with the clock: no cache may keep it.
    assert get(client, "tv/changes")["Cache-Control"] == "no-cache"
    assert get(client, f"tv/{series.pk}", append_to_response="changes")["Cache-Control"] == (
        "no-cache"
    )
