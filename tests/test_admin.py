"""The editors' admin: every model is there, fast, and only editors may change content.

Every POST here is the one a browser sends: built from the rendered page's HTML by
`tests.admin_forms.browser_form_data` (every field, empty ones included, CRLF in textareas).
The season editor (its parts on their own pages) is in test_admin_season_editor.py, the write
path in test_admin_writes.py, the forms' sizes in test_admin_form_size.py.
"""

import re
from http import HTTPStatus

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from catalog.models import (
    Accolade,
    Credit,
    Event,
    InfoboxField,
    Person,
    Reference,
    Review,
    Season,
    content_models,
)
from tests.admin_forms import admin_url, browser_form_data
from tests.factories import (
    CreditFactory,
    EpisodeFactory,
    EventFactory,
    OutletFactory,
    PersonFactory,
    ReviewFactory,
    SeasonFactory,
    SectionFactory,
    SeriesFactory,
)

pytestmark = pytest.mark.django_db

CATALOG_MODELS = content_models()
SOURCED_MODELS = [m for m in CATALOG_MODELS if any(f.name == "source" for f in m._meta.fields)]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return len(context.captured_queries)


# Every model is there ---------------------------------------------------------------------


def test_every_catalog_model_is_registered():
    assert len(CATALOG_MODELS) == 12
    assert [m.__name__ for m in CATALOG_MODELS if not admin.site.is_registered(m)] == []


@pytest.fixture
def every_model_s_rows(seed_content):
    """The seed content, and an infobox line as the importer keeps one (every key of the
    seed's infobox is a season field or credits, so it has none)."""
    InfoboxField.objects.create(
        season=Season.objects.get(),
        position=8,
        key="Country",
        value="United States",
        source="- Country: United States",
    )


@pytest.mark.parametrize("model", CATALOG_MODELS, ids=lambda m: m.__name__)
def test_changelist_add_and_change_pages_open_for_a_superuser(
    admin_client, every_model_s_rows, model
):
    assert admin_client.get(admin_url(model, "changelist")).status_code == HTTPStatus.OK
    assert admin_client.get(admin_url(model, "add")).status_code == HTTPStatus.OK
    obj = model._default_manager.first()
    assert admin_client.get(admin_url(model, "change", obj.pk)).status_code == HTTPStatus.OK


# The season page --------------------------------------------------------------------------


def test_season_page_holds_its_own_fields_and_its_infobox_lines(admin_client, season):
    response = admin_client.get(admin_url(Season, "change", season.pk))

    assert response.status_code == HTTPStatus.OK
    inlines = [inline.formset.prefix for inline in response.context["inline_admin_formsets"]]
    assert inlines == ["infobox_fields"]
    data = browser_form_data(response)
    assert data["infobox_fields-TOTAL_FORMS"] == str(season.infobox_fields.count())
    assert (data["title"], data["network"]) == ("Jessica Jones season 2", "Netflix")
    assert not [name for name in data if name.startswith(("credits-", "events-", "reviews-"))]


def test_season_page_links_to_the_public_page(admin_client, season):
    response = admin_client.get(admin_url(Season, "change", season.pk))

    assert 'class="viewsitelink"' in response.content.decode()
    redirect = admin_client.get(
        reverse("admin:view_on_site", args=[response.context["content_type_id"], season.pk])
    )
    assert redirect.status_code == HTTPStatus.FOUND
    assert redirect.url.endswith("/seasons/jessica-jones-season-2/")


def test_saving_the_season_page_unchanged_but_for_the_network_keeps_every_part(
    admin_client, season
):
    url = admin_url(Season, "change", season.pk)
    data = browser_form_data(admin_client.get(url))
    assert "\r\n\r\n" in data["lead"], "a browser posts the lead's paragraphs with CRLF"
    data["network"] = "Netflix (streaming)"
    lead = season.lead
    infobox = list(season.infobox_fields.values_list("key", "value"))

    response = admin_client.post(url, data)

    assert response.status_code == HTTPStatus.FOUND, response.context["errors"]
    season.refresh_from_db()
    assert season.network == "Netflix (streaming)"
    assert season.lead == lead
    assert list(season.infobox_fields.values_list("key", "value")) == infobox
    assert season.credits.cast().count() == 22
    assert season.credits.crew().count() == 18
    assert Event.objects.filter(season=season).exclude(people=None).exists()


def test_an_invalid_season_colour_is_refused_and_changes_nothing(admin_client, season):
    url = admin_url(Season, "change", season.pk)
    data = browser_form_data(admin_client.get(url))
    data["background_color"] = "brown"
    data["network"] = "Not saved"

    response = admin_client.post(url, data)

    assert response.status_code == HTTPStatus.OK
    form = response.context["adminform"].form
    assert list(form.errors) == ["background_color"]
    assert "Enter a colour as #RRGGBB." in response.content.decode()
    season.refresh_from_db()
    assert (season.background_color, season.network) == ("#412304", "Netflix")


# Search and autocomplete ------------------------------------------------------------------


def test_person_search_finds_ritter(admin_client, seed_content):
    response = admin_client.get(admin_url(Person, "changelist"), {"q": "Ritter"})

    assert response.status_code == HTTPStatus.OK
    assert [person.name for person in response.context["cl"].result_list] == ["Krysten Ritter"]


def test_person_autocomplete_for_a_credit_returns_krysten_ritter(admin_client, seed_content):
    ritter = Person.objects.get(name="Krysten Ritter")
    response = admin_client.get(
        "/admin/autocomplete/",
        {"app_label": "catalog", "model_name": "credit", "field_name": "person", "term": "Rit"},
    )

    assert response.status_code == HTTPStatus.OK
    assert {"id": str(ritter.pk), "text": "Krysten Ritter"} in response.json()["results"]


@pytest.mark.parametrize(
    ("model_name", "field_name", "term", "expected"),
    [
        ("season", "series", "jess", "Jessica Jones"),
        ("credit", "season", "season 2", "Jessica Jones season 2"),
        ("credit", "episode", "13", "Jessica Jones season 2 episode 13"),
        ("review", "outlet", "rotten", "Rotten Tomatoes"),
        ("event", "people", "Ritter", "Krysten Ritter"),
    ],
)
def test_every_autocomplete_finds_its_rows(
    admin_client, seed_content, model_name, field_name, term, expected
):
    params = {"app_label": "catalog", "model_name": model_name, "field_name": field_name}
    response = admin_client.get("/admin/autocomplete/", {**params, "term": term})

    assert response.status_code == HTTPStatus.OK
    assert expected in [result["text"] for result in response.json()["results"]]


# Provenance -------------------------------------------------------------------------------


@pytest.mark.parametrize("model", SOURCED_MODELS, ids=lambda m: m.__name__)
def test_provenance_is_shown_but_not_editable(admin_client, every_model_s_rows, model):
    obj = model._default_manager.exclude(source="").first()
    response = admin_client.get(admin_url(model, "change", obj.pk))

    assert response.status_code == HTTPStatus.OK
    assert "source" not in response.context["adminform"].form.fields
    assert 'name="source"' not in response.content.decode()
    assert escape(obj.source) in response.content.decode()


def test_provenance_is_read_only_in_the_season_pages_infobox_lines(admin_client, season):
    line = InfoboxField.objects.create(
        season=season, position=8, key="Location", value="NYC", source="- Location: NYC"
    )
    response = admin_client.get(admin_url(Season, "change", season.pk))

    content = response.content.decode()
    assert re.findall(r'name="[^"]*source"', content) == []  # no infobox_fields-0-source...
    assert response.context["inline_admin_formsets"]
    for inline in response.context["inline_admin_formsets"]:
        assert "source" not in inline.formset.empty_form.fields
    assert escape(line.source) in content


def test_timestamps_are_read_only(admin_client, season):
    response = admin_client.get(admin_url(Season, "change", season.pk))

    fields = response.context["adminform"].form.fields
    assert "created_at" not in fields
    assert "updated_at" not in fields
    assert "created_at" in response.context["adminform"].readonly_fields


# Who may do what --------------------------------------------------------------------------


def test_editors_group_has_every_permission_on_the_catalog_and_none_on_auth():
    editors = Group.objects.get(name="Editors")
    permissions = editors.permissions.select_related("content_type")

    assert {p.content_type.app_label for p in permissions} == {"catalog"}
    assert {p.content_type.model for p in permissions} == {
        m._meta.model_name for m in CATALOG_MODELS
    }
    # add, change, delete and view of each model, and importing an article (a season's)
    assert permissions.count() == 12 * 4 + 1
    assert permissions.filter(codename="import_season").exists()
    assert not Permission.objects.filter(group=editors, content_type__app_label="auth").exists()


def test_an_editor_can_change_a_review_but_not_its_provenance(editor_admin, season):
    review = Review.objects.filter(season=season, kind=Review.Kind.CRITIC).first()
    url = admin_url(Review, "change", review.pk)
    page = editor_admin.get(url)
    assert page.status_code == HTTPStatus.OK
    data = browser_form_data(page)
    data["excerpt"] = "Edited by an editor."
    data["score"] = 75
    data["source"] = "Tampered with."

    response = editor_admin.post(url, data)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == admin_url(Review, "changelist")
    original_source = review.source
    review.refresh_from_db()
    assert (review.excerpt, review.score) == ("Edited by an editor.", 75)
    assert review.source == original_source


def test_an_editor_cannot_open_users_or_groups(editor_admin):
    assert editor_admin.get("/admin/auth/user/").status_code == HTTPStatus.FORBIDDEN
    assert editor_admin.get("/admin/auth/group/").status_code == HTTPStatus.FORBIDDEN


def test_staff_without_a_group_cannot_change_a_season(client, season):
    client.force_login(User.objects.create_user("visitor", is_staff=True))
    url = admin_url(Season, "change", season.pk)

    assert client.get(url).status_code == HTTPStatus.FORBIDDEN
    assert client.post(url, {"title": "Vandalised"}).status_code == HTTPStatus.FORBIDDEN
    season.refresh_from_db()
    assert season.title == "Jessica Jones season 2"


def test_anonymous_visitors_are_sent_to_the_login_page(client, season):
    response = client.get(admin_url(Season, "change", season.pk))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("admin:login"))


# Query budgets ----------------------------------------------------------------------------


def test_credit_changelist_queries_do_not_grow_with_rows(admin_client, season):
    url = admin_url(Credit, "changelist")
    with_seed_data = count_queries(admin_client, url)

    episode = EpisodeFactory(season=season, number=14)
    CreditFactory.create_batch(25, season=season)
    CreditFactory.create_batch(
        25, season=season, episode=episode, department="crew", billing=None, job="cover artist"
    )

    assert count_queries(admin_client, url) == with_seed_data


def _events_with_people(season, count):
    for event in EventFactory.create_batch(count, season=season):
        event.people.add(PersonFactory())


def _infobox_fields(season, count):
    for i in range(count):
        InfoboxField.objects.create(season=season, position=100 + i, key=f"Key {i}", value="A")


def _accolades(season, count):
    for i in range(count):
        nominee = PersonFactory()
        Accolade.objects.create(
            season=season, year=2019, award=f"Award {i}", category="Best", nominee=nominee
        )


def _references(season, count):
    for i in range(count):
        Reference.objects.create(season=season, number=100 + i, title=f"Source {i}")


def _cited_references(season, count):
    section = season.sections.first()
    for i in range(count):
        Reference.objects.create(season=season, number=100 + i)
        section.body += f" Cited.[{100 + i}]"
    section.save()


@pytest.mark.parametrize(
    ("model_name", "add_rows"),
    [
        ("season", lambda season, n: SeasonFactory.create_batch(n)),
        ("person", lambda season, n: PersonFactory.create_batch(n)),
        ("review", lambda season, n: ReviewFactory.create_batch(n, season=season)),
        ("event", _events_with_people),
        ("episode", lambda season, n: EpisodeFactory.create_batch(n)),
        ("section", lambda season, n: SectionFactory.create_batch(n)),
        ("outlet", lambda season, n: OutletFactory.create_batch(n)),
        ("series", lambda season, n: SeriesFactory.create_batch(n)),
        ("infoboxfield", _infobox_fields),
        ("accolade", _accolades),
        ("reference", _references),
        ("reference", _cited_references),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_other_changelists_queries_do_not_grow_with_rows(
    admin_client, season, model_name, add_rows
):
    url = reverse(f"admin:catalog_{model_name}_changelist")
    with_seed_data = count_queries(admin_client, url)

    add_rows(season, 30)

    assert count_queries(admin_client, url) == with_seed_data
