"""What visitors may see is one rule everywhere: published seasons and what they hold.

A person or an outlet is public only through work in a published season: one known only from
a draft is a 404 on its page and in the API, and missing from every list, search and sitemap.
Editors, who may view drafts, still find them in the API.
"""

from http import HTTPStatus

import pytest

from catalog.models import Credit, Event, Outlet, Person, Review, Season
from tests.factories import (
    AccoladeFactory,
    CreditFactory,
    EventFactory,
    OutletFactory,
    PersonFactory,
    ReviewFactory,
    SeasonFactory,
)
from tests.pages import sitemap_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return SeasonFactory(title="Secret Show season 1", status=Season.Status.DRAFT)


@pytest.fixture
def draft_only_person(draft):
    return CreditFactory(season=draft, person=PersonFactory(name="Hidden Actor")).person


@pytest.fixture
def draft_only_outlet(draft):
    return ReviewFactory(season=draft, outlet=OutletFactory(name="Hidden Gazette")).outlet


def slugs(response):
    assert response.status_code == HTTPStatus.OK, response.content[:300]
    return [item["slug"] for item in response.json()["results"]]


class TestADraftOnlyPerson:
    def test_has_no_page(self, client, draft_only_person):
        assert client.get(f"/people/{draft_only_person.slug}/").status_code == 404

    def test_is_a_404_in_the_api(self, api_client, draft_only_person):
        response = api_client.get(f"/api/v1/people/{draft_only_person.slug}/")
        assert response.status_code == HTTPStatus.NOT_FOUND

    def test_is_not_listed_nor_found_by_the_api(self, api_client, draft_only_person):
        assert draft_only_person.slug not in slugs(api_client.get("/api/v1/people/"))
        assert slugs(api_client.get("/api/v1/people/?search=Hidden")) == []
        assert slugs(api_client.get("/api/v1/people/?name=Hidden")) == []

    def test_is_not_found_by_site_search_nor_in_the_sitemap(self, client, draft_only_person):
        assert "Hidden Actor" not in client.get("/search/?q=Hidden").content.decode()
        assert draft_only_person.slug not in sitemap_text(client)

    def test_is_seen_by_editors_in_the_api(self, editor_client, draft_only_person):
        response = editor_client.get(f"/api/v1/people/{draft_only_person.slug}/")
        assert response.status_code == HTTPStatus.OK
        assert draft_only_person.slug in slugs(editor_client.get("/api/v1/people/?search=Hidden"))

    def test_becomes_public_with_the_season(self, client, api_client, draft, draft_only_person):
        draft.status = Season.Status.PUBLISHED
        draft.save()

        assert client.get(f"/people/{draft_only_person.slug}/").status_code == 200
        response = api_client.get(f"/api/v1/people/{draft_only_person.slug}/")
        assert response.status_code == HTTPStatus.OK


class TestADraftOnlyOutlet:
    def test_is_a_404_in_the_api(self, api_client, draft_only_outlet):
        response = api_client.get(f"/api/v1/outlets/{draft_only_outlet.pk}/")
        assert response.status_code == HTTPStatus.NOT_FOUND

    def test_is_not_listed_nor_found(self, client, api_client, draft_only_outlet):
        assert slugs(api_client.get("/api/v1/outlets/")) == []
        assert slugs(api_client.get("/api/v1/outlets/?search=Hidden")) == []
        assert "Hidden Gazette" not in client.get("/search/?q=Hidden").content.decode()

    def test_is_seen_by_editors_in_the_api(self, editor_client, draft_only_outlet):
        response = editor_client.get(f"/api/v1/outlets/{draft_only_outlet.pk}/")
        assert response.status_code == HTTPStatus.OK


@pytest.mark.parametrize(
    "make_work",
    [
        lambda person, season: CreditFactory(person=person, season=season),
        lambda person, season: ReviewFactory(critic=person, season=season),
        lambda person, season: EventFactory(season=season).people.add(person),
        lambda person, season: AccoladeFactory(nominee=person, season=season),
    ],
    ids=["credit", "review", "event", "accolade"],
)
def test_any_published_work_makes_a_person_public(make_work):
    shown, hidden = PersonFactory(), PersonFactory()
    make_work(shown, SeasonFactory())
    make_work(hidden, SeasonFactory(status=Season.Status.DRAFT))

    assert list(Person.objects.published()) == [shown]


def test_every_content_queryset_applies_the_same_rule():
    published, draft = SeasonFactory(), SeasonFactory(status=Season.Status.DRAFT)
    for season in (published, draft):
        CreditFactory(season=season)
        ReviewFactory(season=season)
        EventFactory(season=season)

    assert {c.season for c in Credit.objects.published()} == {published}
    assert {r.season for r in Review.objects.published()} == {published}
    assert {e.season for e in Event.objects.published()} == {published}
    assert list(Season.objects.published()) == [published]
    assert Outlet.objects.published().count() == 1
    # Two credits and two reviews were made, one of each in the published season.
    assert Person.objects.published().count() == 2


def user_with(*codenames, is_staff=False):
    """A signed-up user holding the catalog's permissions named, staff or not."""
    from django.contrib.auth.models import Permission, User

    user = User.objects.create_user(f"user-{'-'.join(codenames) or 'none'}-{is_staff}")
    user.is_staff = is_staff
    user.save()
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="catalog", codename__in=codenames)
    )
    return User.objects.get(pk=user.pk)  # afresh: permissions are cached on the user


@pytest.mark.parametrize(
    ("codenames", "is_staff", "sees_drafts"),
    [
        ((), True, False),  # staff status alone shows no draft
        (("change_season",), True, False),  # nor the permission to change seasons
        (("view_season",), False, True),  # the permission to view them does, staff or not
        (("view_season",), True, True),
    ],
    ids=["staff-only", "change-not-view", "view-not-staff", "view-and-staff"],
)
def test_the_permission_to_view_seasons_not_staff_status_lets_a_user_see_drafts(
    client, draft, draft_only_person, codenames, is_staff, sees_drafts
):
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    user = user_with(*codenames, is_staff=is_staff)

    assert (draft in Season.objects.visible_to(user)) is sees_drafts
    assert (draft_only_person in Person.objects.visible_to(user)) is sees_drafts
    client.force_login(user)
    page = client.get(draft.get_absolute_url())
    assert page.status_code == (200 if sees_drafts else 404)
    if sees_drafts:  # and no shared cache may keep a page with drafts
        assert draft.title in page.content.decode()
        assert "no-store" in page["Cache-Control"]
    person_page = client.get(f"/people/{draft_only_person.slug}/")
    assert person_page.status_code == (200 if sees_drafts else 404)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    found = slugs(api.get("/api/v1/seasons/?search=Secret"))
    assert found == ([draft.slug] if sees_drafts else [])
