"""The season editor: the season's page holds its own fields and its infobox lines, and lists
every other part of the article (cast, crew, sections, ...) with a link to its own changelist,
filtered to the season, and to an add form preset to it; each filtered changelist lists the
season's rows in the article's order and links back. A person's page does the same for the
credits, reviews, events and accolades naming them.

The POSTs are the ones a browser sends (`tests.admin_forms.browser_form_data`).
"""

from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission, User
from django.test import Client

from catalog.content import selectors
from catalog.models import (
    Accolade,
    Credit,
    Episode,
    Event,
    Person,
    Reference,
    Review,
    Season,
    Section,
)
from tests.admin_forms import admin_url, browser_form_data
from tests.factories import PersonFactory, SeasonFactory, grow
from tests.pages import SEASON_URL, get_page, text
from tests.seed import MAIN_CAST

pytestmark = pytest.mark.django_db

SEASON_PARTS = [
    ("Sections", 17),
    ("Episodes", 13),
    ("Cast", 22),
    ("Crew", 18),
    ("Reviews", 7),
    ("Events", 23),
    ("Accolades", 1),
    ("References", 18),
]


def open_page(client, url):
    page = client.get(url)
    assert page.status_code == HTTPStatus.OK
    return page


def panel(page):
    """The parts panel of a change page: label -> (count, edit link, add link)."""
    soup = BeautifulSoup(page.content, "html.parser")
    rows = {}
    for row in soup.select("fieldset.parts tr"):
        add = row.select_one("a.addlink")
        rows[text(row.th)] = (
            int(text(row.select_one(".parts-count"))),
            row.select_one("a.changelink")["href"],
            add["href"] if add else None,
        )
    return rows


def query(url):
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}


def back_links(page):
    soup = BeautifulSoup(page.content, "html.parser")
    return [(text(a), a["href"]) for a in soup.select(".owner-link a")]


def shown(page):
    return list(page.context["cl"].result_list)


# The season's page ------------------------------------------------------------------------


def test_the_season_page_lists_each_part_with_its_count_in_the_articles_order(editor_admin, season):
    page = open_page(editor_admin, admin_url(Season, "change", season.pk))

    assert [(label, count) for label, (count, _, _) in panel(page).items()] == SEASON_PARTS


def test_each_part_links_to_its_changelist_filtered_to_the_season(editor_admin, season):
    grow(SeasonFactory(), times=2)  # another season, with rows of every kind
    parts = panel(open_page(editor_admin, admin_url(Season, "change", season.pk)))

    _count, cast, _add = parts["Cast"]
    assert cast == f"/admin/catalog/credit/?season__id__exact={season.pk}&department__exact=cast"
    _count, sections, _add = parts["Sections"]
    assert sections == f"/admin/catalog/section/?season__id__exact={season.pk}"
    for label, (count, changelist, _add) in parts.items():
        rows = shown(open_page(editor_admin, changelist))
        assert len(rows) == count, label
        assert {row.season for row in rows} == {season}, label


def test_each_part_links_to_an_add_form_preset_to_the_season(editor_admin, season):
    parts = panel(open_page(editor_admin, admin_url(Season, "change", season.pk)))

    assert {"Cast", "Sections"} <= parts.keys()
    for label, (_count, changelist, add) in parts.items():
        assert query(add)["season"] == str(season.pk), label
        # After saving, Django goes back to the changelist it came from.
        assert query(add)["_changelist_filters"] == urlsplit(changelist).query, label
        data = browser_form_data(open_page(editor_admin, add))
        assert data["season"] == str(season.pk), label
    assert query(parts["Crew"][2])["department"] == "crew"
    crew_form = browser_form_data(open_page(editor_admin, parts["Crew"][2]))
    assert crew_form["department"] == "crew"


def test_the_panel_offers_only_what_the_user_may_open(client, season):
    user = User.objects.create_user("season-keeper", is_staff=True)
    may = ["view_season", "change_season", "view_credit"]
    user.user_permissions.set(Permission.objects.filter(codename__in=may))
    client.force_login(user)

    parts = panel(open_page(client, admin_url(Season, "change", season.pk)))

    assert list(parts) == ["Cast", "Crew"]
    assert [add for _count, _changelist, add in parts.values()] == [None, None]


def test_a_new_season_is_saved_before_its_parts_are_added(editor_admin):
    page = open_page(editor_admin, admin_url(Season, "add"))

    assert panel(page) == {}
    soup = BeautifulSoup(page.content, "html.parser")
    assert "its sections, episodes, cast, crew" in text(soup.select_one(".parts-later"))


def test_a_crew_credit_added_from_the_season_page_is_crew_and_lists_with_the_crew(
    editor_admin, season
):
    _count, crew_list, add = panel(open_page(editor_admin, admin_url(Season, "change", season.pk)))[
        "Crew"
    ]
    data = browser_form_data(open_page(editor_admin, add))
    person = PersonFactory(name="Ada Editor")
    data.update(person=str(person.pk), job="story editor")  # picked, and typed

    response = editor_admin.post(add, data)

    assert response.status_code == HTTPStatus.FOUND, response.context["errors"]
    assert response.url == crew_list
    credit = Credit.objects.get(season=season, person=person)
    assert (credit.department, credit.billing, credit.job) == ("crew", None, "story editor")
    assert credit in shown(open_page(editor_admin, crew_list))


def test_a_cast_credit_without_billing_is_refused_with_the_models_message(editor_admin, season):
    add = panel(open_page(editor_admin, admin_url(Season, "change", season.pk)))["Cast"][2]
    data = browser_form_data(open_page(editor_admin, add))
    data.update(person=str(PersonFactory().pk), character="A new character")

    response = editor_admin.post(add, data)

    assert response.status_code == HTTPStatus.OK  # the form again, with the error
    assert "Cast credits need a billing" in response.content.decode()
    assert season.credits.cast().count() == 22


# The season's changelists -----------------------------------------------------------------


def filtered(model, season, **filters):
    lookups = "".join(f"&{name}__exact={value}" for name, value in filters.items())
    return f"{admin_url(model, 'changelist')}?season__id__exact={season.pk}{lookups}"


def test_the_cast_changelist_lists_the_cast_by_billing_then_order(editor_admin, season):
    cast = shown(open_page(editor_admin, filtered(Credit, season, department="cast")))

    assert [credit.billing for credit in cast] == ["main"] * 8 + ["recurring"] * 8 + ["guest"] * 6
    for billing in ["main", "recurring", "guest"]:
        orders = [credit.order for credit in cast if credit.billing == billing]
        assert orders == sorted(orders)
    main = [(credit.person.name, credit.character) for credit in cast[:8]]
    assert main == MAIN_CAST


@pytest.mark.parametrize(
    ("model", "article_order"),
    [
        (Section, lambda: Section.objects.order_by("position")),
        (Episode, selectors.episodes_list),
        (Credit, selectors.credits_list),
        (Review, selectors.reviews_list),
        (Event, lambda: selectors.events_list(with_people=False)),
        (Accolade, selectors.accolades_list),
        (Reference, lambda: Reference.objects.order_by("number")),
    ],
    ids=lambda value: value.__name__ if isinstance(value, type) else "",
)
def test_each_changelist_lists_a_seasons_rows_in_the_articles_order(
    editor_admin, season, model, article_order
):
    rows = shown(open_page(editor_admin, filtered(model, season)))

    assert rows == list(article_order().filter(season=season)[: len(rows)])
    assert len(rows) == min(model.objects.filter(season=season).count(), 50)  # a page


def test_a_filtered_changelist_is_titled_after_the_season_and_links_back_to_it(
    editor_admin, season
):
    page = open_page(editor_admin, filtered(Credit, season, department="cast"))

    season_page = admin_url(Season, "change", season.pk)
    assert back_links(page) == [(f"← Back to the season {season}", season_page)]
    soup = BeautifulSoup(page.content, "html.parser")
    assert text(soup.h1) == "Credits of Jessica Jones season 2"
    breadcrumbs = [(text(a), a["href"]) for a in soup.select(".breadcrumbs a")]
    assert breadcrumbs[-1] == (str(season), season_page)


def test_a_filtered_changelist_leaves_out_the_columns_its_filters_fix(editor_admin, season):
    everything = open_page(editor_admin, admin_url(Credit, "changelist"))
    cast = open_page(editor_admin, filtered(Credit, season, department="cast"))
    main = open_page(editor_admin, filtered(Credit, season, department="cast", billing="main"))

    assert {"season", "department", "billing"} <= set(everything.context["cl"].list_display)
    assert {"season", "department"} & set(cast.context["cl"].list_display) == set()
    assert "billing" in main.context["cl"].list_display  # editable: its rows post it


def test_an_unfiltered_changelist_has_no_way_back(editor_admin, season):
    assert back_links(open_page(editor_admin, admin_url(Credit, "changelist"))) == []


def test_a_changelist_filtered_to_no_such_season_has_no_way_back_and_does_not_fail(
    editor_admin, season
):
    changelist = admin_url(Credit, "changelist")

    missing = open_page(editor_admin, f"{changelist}?season__id__exact=999999")
    not_a_key = editor_admin.get(f"{changelist}?season__id__exact=not-a-number")

    assert (shown(missing), back_links(missing)) == ([], [])
    assert not_a_key.status_code == HTTPStatus.FOUND  # Django's own answer to a bad value
    assert not_a_key.url == f"{changelist}?e=1"


def test_the_add_button_of_a_filtered_changelist_presets_the_filters(editor_admin, season):
    page = open_page(editor_admin, filtered(Credit, season, department="cast", billing="main"))
    add = BeautifulSoup(page.content, "html.parser").select_one(".object-tools a.addlink")["href"]

    data = browser_form_data(open_page(editor_admin, add))

    assert (data["season"], data["department"], data["billing"]) == (str(season.pk), "cast", "main")


def test_credits_are_found_by_name_or_character_within_a_season(editor_admin, season):
    url = filtered(Credit, season, department="cast")

    assert [c.person.name for c in shown(open_page(editor_admin, f"{url}&q=Ritter"))] == [
        "Krysten Ritter"
    ]
    assert [c.character for c in shown(open_page(editor_admin, f"{url}&q=Kilgrave"))] == [
        "Kilgrave"
    ]


# Editing in the changelists ---------------------------------------------------------------


def test_swapping_two_orders_in_the_cast_changelist_swaps_them_on_the_season_page(
    editor_admin, season
):
    url = filtered(Credit, season, department="cast")
    data = browser_form_data(open_page(editor_admin, url), form_selector="#changelist-form")
    assert (data["form-0-order"], data["form-1-order"]) == ("1", "2")
    data["form-0-order"], data["form-1-order"] = "2", "1"

    response = editor_admin.post(url, data)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == url
    main_cast = get_page(Client(), SEASON_URL).select("#main-cast li > a")
    names = [name for name, _character in MAIN_CAST]
    assert [text(link) for link in main_cast] == [names[1], names[0], *names[2:]]


def test_a_credit_moved_to_another_billing_in_the_changelist_lists_with_it(editor_admin, season):
    url = filtered(Credit, season, department="cast")
    data = browser_form_data(open_page(editor_admin, url), form_selector="#changelist-form")
    taylor = Credit.objects.get(season=season, character__startswith="Patricia")
    assert data["form-1-id"] == str(taylor.pk)
    data["form-1-billing"], data["form-1-order"] = "recurring", "9"

    editor_admin.post(url, data)

    cast = shown(open_page(editor_admin, url))
    assert [credit.billing for credit in cast] == ["main"] * 7 + ["recurring"] * 9 + ["guest"] * 6
    assert cast[15] == taylor  # the last of the recurring cast


def test_episode_titles_typed_in_the_episodes_changelist_are_saved(editor_admin, season):
    url = filtered(Episode, season)
    data = browser_form_data(open_page(editor_admin, url), form_selector="#changelist-form")
    data["form-0-title"] = "AKA Start at the Beginning"

    assert editor_admin.post(url, data).status_code == HTTPStatus.FOUND

    assert season.episodes.get(number=1).title == "AKA Start at the Beginning"
    assert season.episodes.exclude(title="").count() == 1


# A person's page --------------------------------------------------------------------------


def test_a_persons_page_lists_their_credits_reviews_events_and_accolades(editor_admin, season):
    callery = Person.objects.get(slug="sean-callery")
    page = open_page(editor_admin, admin_url(Person, "change", callery.pk))

    parts = panel(page)
    assert [(label, count) for label, (count, _, _) in parts.items()] == [
        ("Credits", 1),
        ("Reviews written", 0),
        ("Events", 1),
        ("Accolades", 1),
    ]
    _count, credits, add = parts["Credits"]
    assert credits == f"/admin/catalog/credit/?person__id__exact={callery.pk}"
    assert browser_form_data(open_page(editor_admin, add))["person"] == str(callery.pk)
    assert "credits-TOTAL_FORMS" not in browser_form_data(page)  # no inline any more
    person_page = admin_url(Person, "change", callery.pk)
    for _label, (_count, changelist, _add) in parts.items():
        page = open_page(editor_admin, changelist)
        assert back_links(page) == [(f"← Back to the person {callery}", person_page)]
