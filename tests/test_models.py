import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from catalog.models import Credit, Event, Season
from tests.factories import (
    CreditFactory,
    EpisodeFactory,
    EventFactory,
    PersonFactory,
    ReviewFactory,
    SeasonFactory,
)

pytestmark = pytest.mark.django_db


def violates(constraint_names, create):
    """The database refuses the row, naming the constraint (SQLite names a unique one's columns)."""
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        create()
    message = str(error.value)
    names = (constraint_names,) if isinstance(constraint_names, str) else constraint_names
    assert any(name in message for name in names) or (
        connection.vendor == "sqlite" and "UNIQUE constraint failed" in message
    ), message


def test_the_same_role_cannot_be_credited_twice():
    credit = CreditFactory()
    violates(
        "credit_unique_role",
        lambda: CreditFactory(
            season=credit.season, person=credit.person, character=credit.character
        ),
    )


def test_the_same_job_on_two_episodes_is_two_credits_but_not_twice_on_one():
    season = SeasonFactory()
    person = PersonFactory()
    first, second = EpisodeFactory(season=season, number=1), EpisodeFactory(season=season, number=2)
    crew = {"season": season, "person": person, "department": "crew", "billing": None,
            "character": "", "job": "cover artist"}  # fmt: skip
    CreditFactory(**crew, episode=first)
    CreditFactory(**crew, episode=second)
    violates("credit_unique_role_per_episode", lambda: CreditFactory(**crew, episode=first))


def test_crew_credits_have_no_billing_and_cast_credits_have_one():
    violates("credit_billing_matches_department", lambda: CreditFactory(billing=None))
    violates(
        "credit_billing_matches_department",
        lambda: CreditFactory(department="crew", billing="main", job="composer", character=""),
    )


def test_a_crew_credit_names_its_job():
    violates(
        "credit_crew_has_job",
        lambda: CreditFactory(department="crew", billing=None, job="", character=""),
    )


@pytest.mark.parametrize("score", [101, 250])
def test_scores_stay_within_0_to_100(score):
    violates("review_score_0_100", lambda: ReviewFactory(score=score))
    review = ReviewFactory.build(season=SeasonFactory(), score=score)
    review.outlet.save()
    review.critic.save()
    with pytest.raises(ValidationError) as error:
        review.full_clean()
    assert "score" in error.value.message_dict


def test_an_aggregate_score_has_no_critic():
    violates("review_aggregate_has_no_critic", lambda: ReviewFactory(kind="aggregate"))


def test_date_precision_must_be_day_month_or_year():
    # Either check may fire first: a "week" also starts no period the model knows.
    violates(
        ("event_valid_date_precision", "event_date_starts_its_period"),
        lambda: EventFactory(date_precision="week"),
    )


def test_a_month_or_year_event_is_stored_as_the_first_day_of_its_period():
    violates(
        "event_date_starts_its_period",
        lambda: EventFactory(date=datetime.date(2016, 8, 15), date_precision="month"),
    )
    violates(
        "event_date_starts_its_period",
        lambda: EventFactory(date=datetime.date(2022, 3, 1), date_precision="year"),
    )
    EventFactory(date=datetime.date(2016, 8, 1), date_precision="month")


def test_the_same_sourced_fact_cannot_be_stored_twice():
    event = EventFactory()
    violates(
        "event_unique_sourced_fact",
        lambda: EventFactory(
            season=event.season, date=event.date, source=event.source, text="Reworded."
        ),
    )


@pytest.mark.parametrize("colour", ["brown", "#41230G", "#4123", "412304"])
def test_background_colour_must_be_hex_rrggbb(colour):
    violates("season_background_color_hex", lambda: SeasonFactory(background_color=colour))
    with pytest.raises(ValidationError) as error:
        SeasonFactory.build(series=SeasonFactory().series, background_color=colour).full_clean()
    assert "background_color" in error.value.message_dict


def test_season_slugs_and_series_numbers_are_unique():
    season = SeasonFactory()
    violates("season_unique_slug", lambda: SeasonFactory(slug=season.slug))
    violates(
        "season_unique_series_number",
        lambda: SeasonFactory(series=season.series, number=season.number, slug="other"),
    )


@pytest.mark.parametrize(
    ("precision", "date", "shown", "iso"),
    [
        ("day", datetime.date(2017, 4, 3), "April 3, 2017", "2017-04-03"),
        ("month", datetime.date(2016, 8, 1), "August 2016", "2016-08"),
        ("year", datetime.date(2018, 1, 1), "2018", "2018"),
    ],
)
def test_an_event_date_is_written_at_its_precision(precision, date, shown, iso):
    event = Event(date=date, date_precision=precision)
    assert (event.date_display, event.date_iso) == (shown, iso)


def test_pages_are_addressed_by_slug(season):
    assert season.get_absolute_url() == "/seasons/jessica-jones-season-2/"
    ritter = Credit.objects.get(season=season, character="Jessica Jones").person
    assert ritter.get_absolute_url() == "/people/krysten-ritter/"
    assert str(season) == "Jessica Jones season 2"


def test_saving_a_row_moves_its_updated_at_but_not_its_created_at(season):
    created, updated = season.created_at, season.updated_at
    season.network = "Netflix (worldwide)"
    season.save()
    season.refresh_from_db()
    assert season.created_at == created
    assert season.updated_at > updated


def test_published_seasons_exclude_drafts():
    published = SeasonFactory()
    SeasonFactory(status=Season.Status.DRAFT)
    assert list(Season.objects.published()) == [published]
