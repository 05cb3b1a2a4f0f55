"""Drafts: editors preview a draft season's pages and its people; visitors get a 404.

An editor (who may view seasons) sees a draft season's article and timeline, and a person's
page with work in draft seasons, under a "Draft: not public" banner. Every response made for
an editor is private and never stored, and every response of these pages varies on the
session cookie, so that no cache hands a visitor a draft or an editor a copy without one.
The listings (home, search, sitemap) hold published content only, for everyone.
"""

from http import HTTPStatus

import pytest
from django.test import Client

from catalog.content import services
from catalog.models import Season
from tests.factories import (
    AccoladeFactory,
    CreditFactory,
    EventFactory,
    PersonFactory,
    ReviewFactory,
    SeasonFactory,
)
from tests.pages import get_page, sitemap_text, text

pytestmark = pytest.mark.django_db

BANNER = ".draft-banner"


@pytest.fixture
def draft():
    return SeasonFactory(title="Secret Show season 1", status=Season.Status.DRAFT)


@pytest.fixture
def draft_only_person(draft):
    return CreditFactory(
        season=draft, person=PersonFactory(name="Hidden Actor"), character="Spy"
    ).person


@pytest.fixture
def public_person_with_draft_work(draft):
    """A person with a role in a published season and work in the draft."""
    person = CreditFactory(
        season=SeasonFactory(title="Open Show season 1"),
        person=PersonFactory(name="Known Actor"),
        character="Hero",
    ).person
    CreditFactory(season=draft, person=person, character="Villain")
    return person


@pytest.fixture
def visitor():
    """An anonymous browser of its own (the `client` fixture is the one the editor signs in)."""
    return Client()


@pytest.fixture
def reader_client(reader):
    client = Client()
    client.force_login(reader)
    return client


def never_stored(response):
    cache_control = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= cache_control


def varies_on_cookie(response):
    return "cookie" in response.get("Vary", "").lower()


class TestADraftSeason:
    @pytest.mark.parametrize("page", ["", "timeline/"])
    def test_is_a_404_for_visitors_and_signed_in_users_without_permission(
        self, visitor, reader_client, draft, page
    ):
        url = f"{draft.get_absolute_url()}{page}"
        assert visitor.get(url).status_code == HTTPStatus.NOT_FOUND
        assert reader_client.get(url).status_code == HTTPStatus.NOT_FOUND

    def test_article_is_shown_to_editors_under_the_banner(self, editor_admin, draft):
        page = get_page(editor_admin, draft.get_absolute_url())

        assert text(page.h1) == "Secret Show season 1"
        banner = page.select_one(BANNER)
        assert text(banner).startswith("Draft: not public. This season is a draft.")
        admin_link = banner.find("a", string="in the admin")
        assert admin_link["href"] == f"/admin/catalog/season/{draft.pk}/change/"

    def test_timeline_is_shown_to_editors_under_the_banner(self, editor_admin, draft):
        EventFactory(season=draft, text="Filming began.")
        page = get_page(editor_admin, draft.get_timeline_url())

        assert text(page.select_one(BANNER)).startswith(
            "Draft: not public. This is the timeline of a draft season."
        )
        assert "Filming began." in text(page.find(class_="event"))

    @pytest.mark.parametrize("page", ["", "timeline/"])
    def test_pages_are_never_stored_and_kept_from_search_engines(self, editor_admin, draft, page):
        response = editor_admin.get(f"{draft.get_absolute_url()}{page}")

        assert never_stored(response)
        assert varies_on_cookie(response)
        assert '<meta name="robots" content="noindex">' in response.content.decode()

    def test_links_editors_to_its_people(self, editor_admin, draft, draft_only_person):
        page = get_page(editor_admin, draft.get_absolute_url())
        assert page.find("a", href=draft_only_person.get_absolute_url()) is not None

    def test_is_public_once_published_and_hidden_again_once_unpublished(
        self, visitor, draft, editor, django_capture_on_commit_callbacks
    ):
        def set_status(status):
            with django_capture_on_commit_callbacks(execute=True):
                services.content_save(
                    instance=draft,
                    actor=services.Actor.editor(editor, "admin"),
                    fields={"status": status},
                )

        set_status(Season.Status.PUBLISHED)
        page = get_page(visitor, draft.get_absolute_url())
        assert page.select_one(BANNER) is None

        set_status(Season.Status.DRAFT)
        assert visitor.get(draft.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND


class TestAPersonKnownOnlyFromADraft:
    def test_is_a_404_for_visitors(self, visitor, reader_client, draft_only_person):
        url = draft_only_person.get_absolute_url()
        assert visitor.get(url).status_code == HTTPStatus.NOT_FOUND
        assert reader_client.get(url).status_code == HTTPStatus.NOT_FOUND

    def test_is_shown_to_editors_saying_visitors_cannot_see_it(
        self, editor_admin, draft_only_person
    ):
        response = editor_admin.get(draft_only_person.get_absolute_url())
        page = get_page(editor_admin, draft_only_person.get_absolute_url())

        assert never_stored(response)
        assert text(page.select_one(BANNER)) == (
            "Draft: not public. Hidden Actor is known only from draft seasons: visitors get "
            "“Page not found” here until one of them is published: Secret Show season 1 . "
            "You see them because you are an editor."
        )
        assert text(page.find(id="roles").parent.li) == (
            "Spy in Secret Show season 1 draft (main cast)"
        )


class TestAPublicPersonWithWorkInADraft:
    def test_visitors_see_only_the_published_work_and_no_banner(
        self, visitor, public_person_with_draft_work
    ):
        response = visitor.get(public_person_with_draft_work.get_absolute_url())
        page = get_page(visitor, public_person_with_draft_work.get_absolute_url())

        assert page.select_one(BANNER) is None
        assert [text(li) for li in page.find(id="roles").parent.select("li")] == [
            "Hero in Open Show season 1 (main cast)"
        ]
        assert "Secret Show" not in response.content.decode()
        assert varies_on_cookie(response)
        assert not never_stored(response)

    def test_editors_see_the_draft_work_marked_under_the_banner(
        self, editor_admin, public_person_with_draft_work
    ):
        page = get_page(editor_admin, public_person_with_draft_work.get_absolute_url())

        assert text(page.select_one(BANNER)) == (
            "Draft: not public. This page lists work in draft seasons that visitors do not see "
            "here: Secret Show season 1 . You see them because you are an editor."
        )
        # (In series-name order; the factories' series names are not the titles.)
        assert sorted(text(li) for li in page.find(id="roles").parent.select("li")) == [
            "Hero in Open Show season 1 (main cast)",
            "Villain in Secret Show season 1 draft (main cast)",
        ]
        assert page.select_one('meta[name="robots"]')["content"] == "noindex"

    @pytest.mark.parametrize(
        ("make_work", "section"),
        [
            (lambda person, season: ReviewFactory(critic=person, season=season), "reviews"),
            (lambda person, season: EventFactory(season=season).people.add(person), "events"),
            (lambda person, season: AccoladeFactory(nominee=person, season=season), "accolades"),
        ],
        ids=["review", "event", "accolade"],
    )
    def test_any_draft_work_is_marked_and_brings_the_banner(
        self, visitor, editor_admin, draft, make_work, section
    ):
        person = PersonFactory(name="Busy Person")
        make_work(person, SeasonFactory(title="Open Show season 2"))
        make_work(person, draft)

        def items(page):
            return page.find(id=section).parent.select(":scope > ul > li, :scope > ol > li")

        visitor_page = get_page(visitor, person.get_absolute_url())
        assert len(items(visitor_page)) == 1
        assert visitor_page.select(".draft-tag, " + BANNER) == []
        editor_page = get_page(editor_admin, person.get_absolute_url())
        assert len(items(editor_page)) == 2
        assert [text(tag) for li in items(editor_page) for tag in li.select(".draft-tag")] == [
            "draft"
        ]
        assert editor_page.select_one(BANNER) is not None


class TestEditorsResponses:
    def test_a_published_page_shows_editors_no_banner_but_is_still_never_stored(
        self, editor_admin, season
    ):
        response = editor_admin.get(season.get_absolute_url())

        assert response.status_code == HTTPStatus.OK
        assert get_page(editor_admin, season.get_absolute_url()).select_one(BANNER) is None
        assert never_stored(response)

    @pytest.mark.parametrize(
        "url",
        [
            "/seasons/jessica-jones-season-2/",
            "/seasons/jessica-jones-season-2/timeline/",
            "/people/krysten-ritter/",
        ],
    )
    def test_visitors_copies_vary_on_the_cookie_and_are_not_private(self, visitor, season, url):
        response = visitor.get(url)

        assert response.status_code == HTTPStatus.OK
        assert varies_on_cookie(response)
        assert not never_stored(response)
        assert '<meta name="robots"' not in response.content.decode()

    def test_a_visitors_404_for_a_draft_varies_on_the_cookie(self, visitor, draft):
        response = visitor.get(draft.get_absolute_url())
        assert response.status_code == HTTPStatus.NOT_FOUND
        assert varies_on_cookie(response)


class TestListingsHoldPublishedContentOnly:
    @pytest.mark.parametrize("who", ["visitor", "editor_admin"])
    def test_home_search_and_sitemap_leave_drafts_out(
        self, request, season, draft, draft_only_person, who
    ):
        client = request.getfixturevalue(who)
        for url in [
            "/",
            "/search/?q=Secret",
            "/search/?q=Hidden",
            "/search/?q=Spy",
        ]:
            response = client.get(url)
            assert response.status_code == HTTPStatus.OK
            body = response.content.decode()
            assert "Secret Show" not in body, url
            assert draft.slug not in body, url
            assert draft_only_person.slug not in body, url
        sitemap = sitemap_text(client)
        assert draft.slug not in sitemap
        assert draft_only_person.slug not in sitemap
        assert "jessica-jones-season-2" in sitemap
