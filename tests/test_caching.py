"""The answer cache (catalog.delivery.caching): public pages and API reads are stored whole and
served
again until an edit through the write service makes them stale; then the very next request
gets a fresh answer, while answers about other content stay stored."""


import logging
import socket

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token

from catalog.content import services
from catalog.delivery import caching, redis_cache
from catalog.models import ContentVersion, Credit, Person
from catalog.models.versions import read_versions
from tests.factories import CreditFactory, EpisodeFactory, ReviewFactory, SeasonFactory
from tests.pages import SEASON_URL, TIMELINE_URL
from tests.seed import SEED_SLUG

pytestmark = pytest.mark.django_db

CREDITS_API = f"/api/v1/credits/?season={SEED_SLUG}&page_size=100"
PUBLIC_ANSWERS = [
    "/",
    SEASON_URL,
    TIMELINE_URL,
    "/people/krysten-ritter/",
    "/search/?q=jones",
    "/changes/",
    "/changes/feed/",
    "/sitemap.xml",
    "/robots.txt",
    f"/api/v1/seasons/{SEED_SLUG}/?include=credits,reviews,events,episodes,accolades",
    CREDITS_API,
    "/api/v1/people/krysten-ritter/",
    "/api/v1/citations/",
]


def get(client, url, **headers):
    """GET `url`; the response and the number of queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response, len(queries)


def surrogate_keys(response):
    return set(response["Surrogate-Key"].split())


@pytest.fixture
def jessica(season):
    return Credit.objects.get(season=season, person__slug="krysten-ritter")


@pytest.mark.parametrize("url", PUBLIC_ANSWERS)
def test_a_repeated_visit_is_answered_from_the_cache_with_one_query(client, season, url):
    first = client.get(url)
    assert first.status_code == 200

    again, queries = get(client, url)

    assert queries == 1  # the versions of what it shows, from the database
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Content-Type"] == first["Content-Type"]
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]


@pytest.mark.parametrize("url", PUBLIC_ANSWERS)
def test_every_public_answer_tells_shared_caches_what_it_shows_and_how_long_to_keep_it(
    client, season, url
):
    response = client.get(url)

    assert "site" in surrogate_keys(response)
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=0"} <= cache_control
    assert f"s-maxage={django_settings.SHARED_CACHE_MAX_AGE}" in cache_control
    assert any(part.startswith("stale-while-revalidate=") for part in cache_control)
    assert response["ETag"]
    assert response["Last-Modified"]


def test_a_season_page_names_its_season_series_people_and_outlets(client, season, jessica):
    keys = surrogate_keys(client.get(SEASON_URL))

    assert {f"season-{season.pk}", f"series-{season.series_id}"} <= keys
    assert f"person-{jessica.person_id}" in keys
    assert {f"outlet-{pk}" for pk in season.reviews.values_list("outlet", flat=True)} <= keys
    assert not any(key.startswith("season-") and key != f"season-{season.pk}" for key in keys)


def test_a_list_names_its_kind_and_each_object_shown(client, season):
    keys = surrogate_keys(client.get(CREDITS_API))

    assert {"credit-list", f"season-{season.pk}"} <= keys
    people = set(season.credits.values_list("person", flat=True))
    assert {f"person-{pk}" for pk in people} <= keys


@pytest.mark.parametrize("url", [SEASON_URL, CREDITS_API])
def test_a_conditional_get_of_an_unchanged_answer_is_a_304(client, season, url):
    first = client.get(url)

    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
    since = first["Last-Modified"]
    assert client.get(url, headers={"if-modified-since": since}).status_code == 304


def test_a_saved_credit_shows_at_once_where_it_shows_and_nowhere_else_is_rendered_again(
    client, season, jessica, save
):
    other = SeasonFactory(title="Other Show season 1", slug="other-show-season-1")
    CreditFactory(season=other)
    person_url = jessica.person.get_absolute_url()
    for url in (SEASON_URL, person_url, CREDITS_API, other.get_absolute_url()):
        client.get(url)

    save(jessica, character="Jessica Campbell Jones")

    for url in (SEASON_URL, person_url, CREDITS_API):
        response, queries = get(client, url)
        assert queries > 0, url
        assert "Jessica Campbell Jones" in response.content.decode(), url
    _response, queries = get(client, other.get_absolute_url())
    assert queries == 1  # still the stored answer: nothing it shows changed


def test_a_credit_moved_to_another_person_refreshes_both_their_pages(client, season, jessica, save):
    before, after = jessica.person, Person.objects.get(slug="david-tennant")
    client.get(before.get_absolute_url())
    client.get(after.get_absolute_url())

    save(jessica, person=after, character="Jessica Jones (moved)")

    _response, queries = get(client, before.get_absolute_url())
    assert queries > 0
    assert "Jessica Jones (moved)" in client.get(after.get_absolute_url()).content.decode()


def test_a_renamed_person_refreshes_every_season_page_that_names_them(
    client, season, jessica, save
):
    client.get(SEASON_URL)

    save(jessica.person, name="Krysten Alyce Ritter")

    assert "Krysten Alyce Ritter" in client.get(SEASON_URL).content.decode()


def test_a_deleted_credit_leaves_the_lists_at_once(client, season, jessica, commit, editor):
    count = client.get(CREDITS_API).json()["count"]
    links = client.get(SEASON_URL).content.decode().count('href="/people/krysten-ritter/"')

    commit(services.content_delete, instance=jessica, actor=services.Actor.editor(editor, "api"))

    assert client.get(CREDITS_API).json()["count"] == count - 1
    assert client.get(SEASON_URL).content.decode().count('href="/people/krysten-ritter/"') < links


def test_an_unpublished_season_is_gone_for_visitors_on_the_next_request(client, season, save):
    client.get(SEASON_URL)

    save(season, status="draft")

    assert client.get(SEASON_URL).status_code == 404


def test_withdrawing_a_season_hides_at_once_the_people_and_outlets_only_it_names(
    client, season, save, commit, editor
):
    # Krysten Ritter and Collider are named by this season alone: as a draft, it hides them.
    person_urls = ["/people/krysten-ritter/", "/api/v1/people/krysten-ritter/"]
    outlet = season.reviews.select_related("outlet").first().outlet
    outlet_url = f"/api/v1/outlets/{outlet.pk}/"
    for url in [*person_urls, outlet_url]:
        assert client.get(url).status_code == 200
        assert client.get(url).status_code == 200  # now from the cache

    save(season, status="draft")

    for url in [*person_urls, outlet_url]:
        assert client.get(url).status_code == 404, url

    save(season, status="published")
    assert client.get(person_urls[1]).status_code == 200

    actor = services.Actor.editor(editor, "admin")
    commit(services.content_delete, instance=season, actor=actor)
    for url in [*person_urls, outlet_url]:
        assert client.get(url).status_code == 404, url


def test_editors_get_live_pages_and_never_fill_the_cache_for_visitors(
    client, editor_admin, season, commit, editor
):
    # An editor's page (drafts, the banner) is never stored, and a visitor's is never served
    # to an editor: signed-in requests bypass the cache.
    draft = SeasonFactory(title="Secret season 1", slug="secret-season-1", status="draft")
    response, queries = get(editor_admin, draft.get_absolute_url())
    assert response.status_code == 200
    assert queries > 0
    assert "no-store" in response["Cache-Control"]
    assert Client().get(draft.get_absolute_url()).status_code == 404

    Client().get(SEASON_URL)  # stored for visitors
    _response, queries = get(editor_admin, SEASON_URL)
    assert queries > 0


def test_an_api_client_with_a_token_reads_live(client, season, editor):
    token = Token.objects.create(user=editor)
    client.get(CREDITS_API)

    _response, queries = get(client, CREDITS_API, authorization=f"Token {token.key}")

    assert queries > 0


def test_api_answers_are_stored_apart_for_each_format_asked(client, season):
    json_answer = client.get(CREDITS_API, headers={"accept": "application/json"})
    html_answer = client.get(CREDITS_API, headers={"accept": "text/html"})

    assert json_answer["Content-Type"] == "application/json"
    assert html_answer["Content-Type"].startswith("text/html")
    again = client.get(CREDITS_API, headers={"accept": "application/json"})
    assert again["Content-Type"] == "application/json"


def test_an_answer_that_sets_a_cookie_is_not_stored(client, season):
    # The browsable API sets the CSRF cookie: such an answer is for its one visitor.
    first = client.get(CREDITS_API, headers={"accept": "text/html"})
    assert "csrftoken" in first.cookies

    _response, queries = get(client, CREDITS_API, accept="text/html")

    assert queries > 0


def test_an_answer_whose_version_is_gone_is_rendered_again(client, season):
    # The versions are in the database; a flushed table (a transactional test's end) leaves
    # no stored answer current.
    client.get(SEASON_URL)
    ContentVersion.objects.all().delete()

    _response, queries = get(client, SEASON_URL)

    assert queries > 1
    _response, queries = get(client, SEASON_URL)
    assert queries == 1


def test_invalidating_everything_renders_everything_again(client, season):
    for url in (SEASON_URL, "/"):
        client.get(url)

    caching.invalidate_everything()

    for url in (SEASON_URL, "/"):
        assert get(client, url)[1] > 0


@pytest.mark.parametrize("reads_validators", [False, True])
def test_an_answer_made_while_an_edit_commits_is_not_kept(season, reads_validators):
    # The edit's invalidation lands while the answer is being made: what the answer read may
    # be from before the edit, so it is served once but not kept. When the view read the
    # versions for its validators (the API does), the answer cache reuses that read: stored
    # under the versions from before the edit, the answer is stale at the next request.
    renders = []

    def view(request):
        renders.append(request)
        caching.add_keys(request, f"season-{season.pk}")
        if reads_validators:
            caching.latest_change(request)
        if len(renders) == 1:
            caching.invalidate({f"season-{season.pk}"})  # another worker's edit commits now
        return HttpResponse("page")

    middleware = caching.AnswerCacheMiddleware(view)
    factory = RequestFactory()
    for _ in range(3):
        assert middleware(factory.get("/somewhere/")).status_code == 200

    assert len(renders) == 2  # the first answer is never served again; the second is


@pytest.fixture
def version_reads(monkeypatch):
    """The key sets of each read of the content versions."""
    reads = []

    def counting(keys):
        keys = list(keys)
        reads.append(keys)
        return read_versions(keys)

    monkeypatch.setattr(caching, "read_versions", counting)
    return reads


def test_an_api_answer_made_afresh_reads_its_versions_once(client, season, version_reads):
    url = f"/api/v1/seasons/{SEED_SLUG}/"
    client.get(url)
    version_reads.clear()

    # Another variant of the same answer, not stored yet: made afresh, and stored.
    response = client.get(url, headers={"Accept": "application/json"})
    again = client.get(url, headers={"Accept": "application/json"})

    assert response.status_code == 200
    # The generation before it is made, its validators' read (reused by the answer cache),
    # then the stored answer's check.
    assert [len(keys) > 1 for keys in version_reads] == [False, True, True]
    assert again.content == response.content
    assert again["ETag"] == response["ETag"]


def test_with_the_cache_off_every_request_renders_and_is_still_labelled(client, season, settings):
    settings.PAGE_CACHE = False
    client.get(SEASON_URL)

    response, queries = get(client, SEASON_URL)

    assert queries > 0
    assert "site" in surrogate_keys(response)
    assert client.get(SEASON_URL, headers={"if-none-match": response["ETag"]}).status_code == 304


def test_a_renamed_outlet_refreshes_the_season_pages_that_review_it(client, season, save):
    outlet = season.reviews.filter(kind="critic").first().outlet
    client.get(SEASON_URL)

    save(outlet, name="The Renamed Gazette")

    assert "The Renamed Gazette" in client.get(SEASON_URL).content.decode()


def test_a_person_answer_goes_stale_with_the_person(client, season, jessica, save):
    api_url = f"/api/v1/people/{jessica.person.slug}/"
    client.get(api_url)
    client.get(jessica.person.get_absolute_url())

    save(jessica.person, name="Krysten Alyce Ritter")

    assert client.get(api_url).json()["name"] == "Krysten Alyce Ritter"
    assert "Krysten Alyce Ritter" in client.get(jessica.person.get_absolute_url()).content.decode()


def test_a_stored_page_is_checked_against_its_seasons_not_each_person_it_names(
    client, season, version_reads
):
    # A season page names a hundred people and outlets in its header; checking it against
    # each of them would make every visit's query longer. Their changes bump the seasons
    # that name them instead (test_a_renamed_person_..., test_a_renamed_outlet_...).
    named = surrogate_keys(client.get(SEASON_URL))
    people = {key for key in named if key.startswith(("person-", "outlet-"))}
    assert len(people) > 50
    version_reads.clear()

    client.get(SEASON_URL)

    [checked] = version_reads
    assert f"season-{season.pk}" in checked
    assert not people & set(checked)


def test_another_worker_serves_the_stored_answer_from_the_shared_cache(client, season):
    # Each process keeps the answers it served; another worker, which holds none of them yet,
    # finds the answer in the shared cache and renders nothing.
    client.get(SEASON_URL)
    caching.local_answers.forget()  # as another worker starts

    response, queries = get(client, SEASON_URL)

    assert queries == 1  # the versions
    assert "Jessica Jones" in response.content.decode()


def test_the_home_page_names_each_season_and_shows_a_new_title_at_once(client, season, save):
    assert f"season-{season.pk}" in surrogate_keys(client.get("/"))

    save(season, title="Jessica Jones, the second season")

    assert "Jessica Jones, the second season" in client.get("/").content.decode()


@pytest.fixture
def unreachable_redis(settings):
    """The cache is a Redis nothing listens for (a port just closed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "catalog.delivery.redis_cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
        }
    }
    redis_cache.outages.forget()
    yield
    redis_cache.outages.forget()


def test_a_redis_that_cannot_be_reached_answers_as_a_miss_and_is_left_alone_a_while(
    unreachable_redis, caplog
):
    with caplog.at_level(logging.INFO, logger="catalog.delivery.redis_cache"):
        assert cache.get("a", "default") == "default"
        cache.set("a", 1)
        assert cache.get_many(["a", "b"]) == {}
        assert cache.add("a", 1) is False

    # One warning for the back-off: while it lasts, Redis is not asked again.
    assert [record.levelname for record in caplog.records] == ["WARNING"]
    assert "cannot be reached" in caplog.records[0].getMessage()


def test_pages_api_reads_and_writes_answer_as_usual_while_redis_cannot_be_reached(
    unreachable_redis, client, season, jessica, editor_client
):
    for url in (SEASON_URL, CREDITS_API, "/api/v1/people/krysten-ritter/"):
        assert client.get(url).status_code == 200
        assert client.get(url).status_code == 200

    detail = f"/api/v1/credits/{jessica.pk}/"
    read = editor_client.get(detail)
    written = editor_client.patch(
        detail, {"character": "Jessica J."}, format="json", HTTP_IF_MATCH=read["ETag"]
    )

    assert written.status_code == 200
    assert Credit.objects.get(pk=jessica.pk).character == "Jessica J."
    assert "Jessica J." in client.get(SEASON_URL).content.decode()


def test_deleting_a_season_refreshes_the_people_and_outlets_it_named_and_the_lists(
    client, season, jessica, commit, editor
):
    # Another season names Krysten Ritter and one of the seed's outlets, who stay public
    # through the seed season once it is deleted.
    person = jessica.person
    outlet = season.reviews.filter(kind="critic").first().outlet
    other = SeasonFactory(title="Other Show season 1", slug="other-show-season-1")
    CreditFactory(season=other, person=person, character="Trish Walker's Neighbour")
    ReviewFactory(season=other, outlet=outlet, critic=None)
    person_answers = [person.get_absolute_url(), f"/api/v1/people/{person.slug}/?include=credits"]
    outlet_answer = f"/api/v1/outlets/{outlet.pk}/"
    lists = ["/api/v1/credits/?page_size=1", "/api/v1/reviews/?page_size=1"]
    for url in [*person_answers, outlet_answer, *lists]:
        client.get(url)
    for url in person_answers:  # from the cache
        assert "Trish Walker's Neighbour" in client.get(url).content.decode(), url
    counts = {url: client.get(url).json()["count"] for url in lists}  # from the cache

    commit(services.content_delete, instance=other, actor=services.Actor.editor(editor, "admin"))

    for url in person_answers:
        response, queries = get(client, url)
        assert queries > 1, url
        assert "Trish Walker's Neighbour" not in response.content.decode(), url
        assert "other-show-season-1" not in response.content.decode(), url
    _response, queries = get(client, outlet_answer)
    assert queries > 1
    for url in lists:
        assert client.get(url).json()["count"] == counts[url] - 1, url


def test_deleting_an_episode_refreshes_the_lists_of_the_credits_deleted_with_it(
    client, season, commit, editor
):
    other = SeasonFactory(title="Other Show season 1", slug="other-show-season-1")
    episode = EpisodeFactory(season=other)
    CreditFactory(season=other, episode=episode, billing="guest")
    url = "/api/v1/credits/?page_size=1"  # its one credit is the seed season's, not the guest's
    first = client.get(url).json()
    assert first["results"][0]["season"] == SEED_SLUG

    commit(services.content_delete, instance=episode, actor=services.Actor.editor(editor, "admin"))

    assert client.get(url).json()["count"] == first["count"] - 1


RECENT_CHANGES = ["/changes/", "/changes/feed/", "/api/v1/changes/?page_size=500"]


def test_the_recent_changes_show_a_write_on_the_next_request(client, season, save):
    # The page and its feed are stored answers (the API's feed is read live: it names no keys).
    for url in RECENT_CHANGES:
        client.get(url)
        response, queries = get(client, url)
        assert "Jessica Jones, the second season" not in response.content.decode()
        assert (queries == 1) is (not url.startswith("/api/")), url

    save(season, title="Jessica Jones, the second season")

    for url in RECENT_CHANGES:
        response, queries = get(client, url)
        assert queries > 1, url
        assert "Jessica Jones, the second season" in response.content.decode(), url
