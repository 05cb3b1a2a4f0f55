"""The sentence a person's page opens with, from their credits and reviews: the pure function
on unsaved rows (no database), then the pages of the seed's actor, crew and critics."""

import pytest

from catalog.models import Accolade, Credit, Event, Outlet, Review, Season
from catalog.pages.shapers.introduction import NOTHING, introduction
from tests.pages import get_page, text

S1, S2 = Season(title="Jessica Jones season 1"), Season(title="Jessica Jones season 2")


def role(season, character):
    return Credit(season=season, department=Credit.Department.CAST, character=character)


def job(season, name):
    return Credit(season=season, department=Credit.Department.CREW, job=name)


def review(season, outlet, rating=""):
    return Review(season=season, outlet=Outlet(name=outlet), rating_text=rating)


def test_an_actor_plays_their_character_in_the_season():
    sentence = introduction(cast=[role(S2, "Jessica Jones")])
    assert sentence == "Actor who plays Jessica Jones in Jessica Jones season 2."


def test_the_same_character_in_two_seasons_names_both():
    cast = [role(S1, "Jessica Jones"), role(S2, "Jessica Jones")]
    assert introduction(cast=cast) == (
        "Actor who plays Jessica Jones in Jessica Jones season 1 and Jessica Jones season 2."
    )


def test_different_characters_in_two_seasons_are_said_season_by_season():
    cast = [role(S1, "Kilgrave"), role(S2, "Kilgrave"), role(S2, "A hallucination")]
    assert introduction(cast=cast) == (
        "Actor who plays Kilgrave in Jessica Jones season 1, "
        "and plays Kilgrave and A hallucination in Jessica Jones season 2."
    )


def test_a_role_without_a_character_name_appears_in_the_season():
    assert introduction(cast=[role(S2, "")]) == "Actor who appears in Jessica Jones season 2."


def test_a_crew_member_with_several_jobs_names_them_together():
    crew = [job(S2, "executive producer"), job(S2, "writer")]
    assert introduction(crew=crew) == "Executive producer and writer of Jessica Jones season 2."


def test_one_job_on_several_episodes_is_said_once():
    crew = [job(S2, "cover artist"), job(S2, "cover artist")]
    assert introduction(crew=crew) == "Cover artist of Jessica Jones season 2."


def test_an_actor_who_also_writes_has_both_clauses_roles_first():
    sentence = introduction(cast=[role(S1, "Trish Walker")], crew=[job(S2, "writer")])
    assert sentence == (
        "Actor who plays Trish Walker in Jessica Jones season 1; writer of Jessica Jones season 2."
    )


def test_a_critic_reviewed_the_season_for_their_outlet_with_the_rating_as_given():
    assert introduction(reviews=[review(S2, "IndieWire", "B+")]) == (
        "Critic for IndieWire who reviewed Jessica Jones season 2 (B+)."
    )


def test_a_critic_for_two_outlets_without_a_rating_for_one():
    reviews = [review(S1, "Collider", "4 out of 5 stars"), review(S2, "IndieWire")]
    assert introduction(reviews=reviews) == (
        "Critic for Collider who reviewed Jessica Jones season 1 (4 out of 5 stars), "
        "and for IndieWire who reviewed Jessica Jones season 2."
    )


def test_someone_only_named_in_the_timeline_is_said_to_be_named_there():
    assert introduction(events=[Event(season=S2), Event(season=S2)]) == (
        "Named in the timeline of Jessica Jones season 2."
    )


def test_a_nominee_with_no_credit_is_named_in_the_accolades():
    assert introduction(accolades=[Accolade(season=S2)]) == (
        "Nominee in the accolades of Jessica Jones season 2."
    )


def test_a_person_with_nothing_recorded_is_told_so():
    assert introduction() == NOTHING == "No work in this wiki's seasons is recorded yet."


# On the pages ---------------------------------------------------------------------------------

SEED_SENTENCES = [
    ("krysten-ritter", "Actor who plays Jessica Jones in Jessica Jones season 2."),
    ("raelle-tucker", "Executive producer and writer of Jessica Jones season 2."),
    ("sean-callery", "Composer of Jessica Jones season 2."),
    ("stephanie-hans", "Cover artist of Jessica Jones season 2."),
    (
        "allison-keene",
        "Critic for Collider who reviewed Jessica Jones season 2 (4 out of 5 stars).",
    ),
    ("liz-shannon-miller", "Critic for IndieWire who reviewed Jessica Jones season 2 (B)."),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("slug", "sentence"), SEED_SENTENCES)
def test_the_person_page_opens_with_the_sentence(client, season, slug, sentence):
    page = get_page(client, f"/people/{slug}/")
    opening = page.find("h1").find_next_sibling()
    assert opening.name == "p"
    assert text(opening) == sentence
    assert "Everything" not in page.get_text()
