"""One source for each fact the infobox shows: a season's own fields, its credits, and the
lines kept as written for the keys the site does not type. Each is edited in one place, and
editing it changes the page."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from catalog.content import services
from catalog.models import Credit, InfoboxField, Person
from tests.factories import CreditFactory, InfoboxFieldFactory, PersonFactory
from tests.pages import SEASON_URL, get_page, text

pytestmark = pytest.mark.django_db


def edit(instance, editor, **fields):
    return services.content_save(
        instance=instance, actor=services.Actor.editor(editor, via="admin"), fields=fields
    )


def infobox_rows():
    """(label, text) of each row of the season page's infobox under its title, in order."""
    page = get_page(Client(), SEASON_URL)
    return [(text(tr.th), text(tr.td)) for tr in page.select("table.infobox tr") if tr.td]


def test_the_infobox_shows_the_season_s_own_fields_as_edited(season, editor):
    edit(
        season,
        editor,
        network="Disney+",
        episode_count=12,
        release_date=datetime.date(2018, 3, 9),
        episode_list_title="Episodes of Jessica Jones",
    )

    rows = dict(infobox_rows())
    assert rows["Network"] == "Disney+"
    assert rows["No. of episodes"] == "12"
    assert rows["Released"] == "March 9, 2018"
    assert rows["Episode list"] == "Episodes of Jessica Jones"


def test_the_infobox_shows_the_credits_for_showrunner_and_starring(season, editor):
    showrunner = season.credits.get(job="showrunner")
    edit(showrunner, editor, person=Person.objects.get(slug="raelle-tucker"))

    rows = dict(infobox_rows())
    assert rows["Showrunner"] == "Raelle Tucker"
    assert rows["Starring"].startswith("Krysten Ritter Rachael Taylor")


def test_an_infobox_line_edited_through_the_write_service_shows_in_its_place(season, editor):
    country = InfoboxFieldFactory(season=season, position=2, key="Country", value="US")
    InfoboxFieldFactory(season=season, position=9, key="Location", value="New York City")

    edit(country, editor, value="United States")

    labels = [label for label, _text in infobox_rows()]
    assert ("Country", "United States") in infobox_rows()
    # The lines in their order, after the season's fields and before the episode list.
    assert labels[-4:] == ["Released", "Country", "Location", "Episode list"]


@pytest.mark.parametrize(
    ("key", "where"),
    [
        ("Network", "the season's own “network” field"),
        ("num_episodes", "the season's own “episode count” field"),
        ("Bg Colour", "the season's own “background color” field"),
        ("Created by", "the season's crew credits with the job “creator”"),
        ("Starring", "the season's main cast credits"),
    ],
)
def test_an_infobox_line_for_what_the_season_keeps_elsewhere_is_refused(season, key, where):
    line = InfoboxField(season=season, position=8, key=key, value="HBO")

    with pytest.raises(ValidationError) as refused:
        line.full_clean()

    assert refused.value.message_dict == {
        "key": [f"The infobox shows “{key}” from {where}: edit it there."]
    }


def test_a_typed_line_loaded_around_the_models_is_not_shown(season):
    InfoboxField.objects.create(season=season, position=8, key="Network", value="HBO")

    rows = infobox_rows()

    assert [row for row in rows if row[0] == "Network"] == [("Network", "Netflix")]


def test_the_crew_an_infobox_key_names_show_from_their_credits(season):
    creators = PersonFactory.create_batch(2)
    for person in creators:
        CreditFactory(
            season=season,
            person=person,
            department=Credit.Department.CREW,
            billing=None,
            character="",
            job="creator",
        )

    rows = infobox_rows()

    assert rows[0] == ("Created by", " ".join(p.name for p in creators))
    assert rows[1] == ("Showrunner", "Melissa Rosenberg")
    # The seed's composer and executive producer are credited by its prose.
    assert ("Composer", "Sean Callery") in rows
    assert ("Executive producer", "Raelle Tucker") in rows
