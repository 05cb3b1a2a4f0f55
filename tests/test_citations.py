"""Prose that keeps its citations: a citation is a marker `[N]` in the text an editor edits.

Rewording a sentence keeps its markers, moving a marker moves the citation, deleting it removes
the citation; a marker must name a reference of the season, wherever the text is written (the
model, so the admin, the API and the importer alike). The seed's Writing section starts
"Rosenberg and the season's writers were halfway through the writing process by August
2016,[25] with the scripts completed by the end of October 2016."
"""

import re
from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.test import Client

from catalog.content import services
from catalog.importer import article_import
from catalog.models import Reference, Season, Section
from tests.admin_forms import admin_url, browser_form_data, crlf
from tests.factories import ReferenceFactory, SeasonFactory, SectionFactory, SeriesFactory
from tests.pages import SEASON_URL, get_page, json_ld, text, words_before
from tests.seed import SEED_SLUG

pytestmark = pytest.mark.django_db

UNKNOWN_99 = "[99] cites no reference of this season: add reference 99 first, or remove the marker."


def edit(instance, editor, **fields):
    return services.content_save(
        instance=instance, actor=services.Actor.editor(editor, via="admin"), fields=fields
    )


def section_of(page, anchor):
    return page.select_one(f"section:has(> #{anchor})")


def section_heading(page, element_id):
    """The id of the heading of the section that holds the element."""
    return page.find(id=element_id).find_parent("section").find(re.compile("^h[2-6]$"))["id"]


def marker_after(page, ref_id):
    """The words the page shows right before the superscript `ref_id`."""
    return words_before(page.find(id=ref_id))


@pytest.fixture
def writing(season):
    return season.sections.get(anchor="writing")


# On the page ------------------------------------------------------------------------------


def test_a_reworded_sentence_keeps_its_citation_on_the_page(writing, editor):
    edit(
        writing,
        editor,
        body=writing.body.replace(
            "Rosenberg and the season's writers were halfway through the writing process",
            "Halfway through the writing process",
        ),
    )

    page = get_page(Client(), SEASON_URL)
    assert marker_after(page, "cite-ref-25-1").endswith(
        "Halfway through the writing process by August 2016,"
    )
    assert section_heading(page, "cite-ref-25-1") == "writing"


def test_moving_a_marker_moves_the_citation(writing, editor):
    moved = writing.body.replace("by August 2016,[25] with", "by August 2016, with").replace(
        "by the end of October 2016.", "by the end of October 2016.[25]", 1
    )
    edit(writing, editor, body=moved)

    page = get_page(Client(), SEASON_URL)
    assert marker_after(page, "cite-ref-25-1").endswith("by the end of October 2016.")
    assert "by August 2016, with" in text(section_of(page, "writing"))


def test_deleting_a_reference_s_last_marker_leaves_it_out_of_the_references(season, editor):
    filming = season.sections.get(anchor="filming")
    assert filming.body.count("[47]") == 1
    edit(filming, editor, body=filming.body.replace("[47]", ""))

    page = get_page(Client(), SEASON_URL)
    assert page.find(id="cite-ref-47-1") is None
    assert page.find(id="cite-note-47") is None  # no number left pointing at nothing
    assert page.find(id="cite-note-6") is not None
    # The reference is kept for the editors, who see that nothing cites it any more.
    cited = dict(
        Reference.objects.filter(season=season).with_cited().values_list("number", "cited")
    )
    assert (cited[47], cited[6]) == (False, True)


def test_the_other_markers_of_a_reference_keep_their_place_when_one_is_deleted(writing, editor):
    edit(writing, editor, body=writing.body.replace("by August 2016,[25]", "by August 2016,"))

    page = get_page(Client(), SEASON_URL)
    # Reference 25's other marker is now its first one down the page.
    assert marker_after(page, "cite-ref-25-1").endswith("People don't just heal\".")
    assert page.find(id="cite-ref-25-2") is None
    backlink = page.find(id="cite-note-25").select_one("a.backlink")
    assert backlink["href"] == "#cite-ref-25-1"


def test_prose_posted_with_crlf_keeps_its_paragraphs_and_its_markers(writing, editor):
    edit(writing, editor, body="First words.[24]\r\n\r\nSecond words,[25] and more.[33]\r\n")

    writing.refresh_from_db()
    assert writing.body == "First words.[24]\n\nSecond words,[25] and more.[33]\n"
    paragraphs = section_of(get_page(Client(), SEASON_URL), "writing").find_all(
        "p", recursive=False
    )
    assert [text(p) for p in paragraphs] == [
        "First words. [24]",
        "Second words, [25] and more. [33]",
    ]
    assert [sup["id"] for sup in paragraphs[1].select("sup")] == ["cite-ref-25-1", "cite-ref-33-1"]


def test_a_marker_in_the_lead_counts_first_down_the_page(season, editor):
    edit(
        season,
        editor,
        lead=season.lead.replace("series Jessica Jones,", "series Jessica Jones,[24]"),
    )

    page = get_page(Client(), SEASON_URL)
    assert marker_after(page, "cite-ref-24-1").endswith("series Jessica Jones,")
    assert section_heading(page, "cite-ref-24-2") == "development"
    # Descriptions are the words alone.
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert "series Jessica Jones, which" in description
    assert "series Jessica Jones, which" in json_ld(page)["description"]


# Only a reference of the season may be cited ----------------------------------------------


def test_a_marker_of_a_reference_the_season_lacks_is_refused_naming_it(writing):
    writing.body += " A new claim.[99]"

    with pytest.raises(ValidationError) as refused:
        writing.full_clean()

    assert refused.value.message_dict == {"body": [UNKNOWN_99]}


def test_the_lead_refuses_an_unknown_marker_too(season):
    season.lead += "[99][98][24][99]"

    with pytest.raises(ValidationError) as refused:
        season.full_clean()

    assert refused.value.message_dict == {
        "lead": [
            "[99] and [98] cite no reference of this season: add references 99 and 98 first, "
            "or remove the markers."
        ]
    }


def test_a_new_season_can_cite_nothing_until_its_references_exist():
    season = SeasonFactory.build(lead="A claim.[1]", series=SeriesFactory())

    with pytest.raises(ValidationError, match=r"\[1\] cites no reference of this season"):
        season.full_clean()


def test_bracketed_words_are_no_markers():
    section = SectionFactory(body='It "hadn\'t contemplated [as a] concept" [...] in [2017a].')

    section.full_clean()


def test_a_reference_of_another_season_does_not_count():
    section = SectionFactory(body="A claim.[5]")
    ReferenceFactory(number=5)  # of another season

    with pytest.raises(ValidationError, match=r"\[5\] cites no reference of this season"):
        section.full_clean()


def test_the_admin_refuses_an_unknown_marker_with_its_message(editor_admin, writing):
    url = admin_url(Section, "change", writing.pk)
    data = browser_form_data(editor_admin.get(url))  # the whole form, as a browser posts it
    data["body"] = crlf(writing.body + " A new claim.[99]")

    response = editor_admin.post(url, data)

    assert response.status_code == HTTPStatus.OK  # the form again, with the message
    assert UNKNOWN_99 in response.content.decode()
    body = writing.body
    writing.refresh_from_db()
    assert writing.body == body


def test_the_api_refuses_an_unknown_marker_in_a_season_s_lead(editor_client, season):
    response = editor_client.patch(
        f"/api/v1/seasons/{SEED_SLUG}/", {"lead": season.lead + "[99]"}, format="json"
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == {"lead": [UNKNOWN_99]}
    stored = Season.objects.get(pk=season.pk)
    assert (stored.lead, stored.version) == (season.lead, season.version)


def test_a_reference_still_cited_cannot_be_deleted(season):
    reference = season.references.get(number=25)

    with pytest.raises(ProtectedError, match=r"\[25\] is still cited in “Writing”"):
        reference.delete()


def test_a_reference_nothing_cites_can_be_deleted(season):
    reference = ReferenceFactory(season=season, number=99)

    reference.delete()

    assert not season.references.filter(number=99).exists()


def test_the_admin_says_why_a_cited_reference_is_not_deleted(editor_admin, season):
    reference = season.references.get(number=47)
    url = admin_url(Reference, "delete", reference.pk)

    response = editor_admin.post(url, {"post": "yes"})  # "Yes, I'm sure"

    assert response.status_code == HTTPStatus.FOUND
    assert Reference.objects.filter(pk=reference.pk).exists()
    shown = get_messages(editor_admin.get(response.url).wsgi_request)
    assert [str(m) for m in shown] == [
        "Nothing was deleted: Other content still refers to it: Filming."
    ]


def test_a_reference_still_cited_cannot_be_renumbered(season):
    reference = season.references.get(number=24)
    reference.number = 240

    with pytest.raises(ValidationError) as refused:
        reference.full_clean()

    assert refused.value.message_dict == {
        "number": ["[24] is still cited in “Development”: change those markers first."]
    }


# The importer writes the markers, the API reads them ---------------------------------------

ARTICLE = """\
= Night Harbour season 1 =

The first season of Night Harbour follows a lighthouse keeper.

== Production ==
Filming began in March 2020, with the crew in Halifax. It ended in May.
"""
CITATIONS = """\
The first season of Night Harbour follows a lighthouse keeper.
[3] Filming began in March 2020,[7] with the crew in Halifax.
"""


def test_an_article_the_importer_has_not_seen_imports_with_its_markers(tmp_path):
    article, citations = tmp_path / "night.txt", tmp_path / "night.citations.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    citations.write_text(CITATIONS, encoding="utf-8")

    season, _summary = article_import(path=article, citations_path=citations)

    assert season.lead == "The first season of Night Harbour follows a lighthouse keeper.[3]"
    assert season.sections.get().body == (
        "Filming began in March 2020,[7] with the crew in Halifax. It ended in May."
    )
    assert list(season.references.values_list("number", flat=True)) == [3, 7]
    page = get_page(Client(), season.get_absolute_url())
    assert [sup["id"] for sup in page.select("sup.reference")] == ["cite-ref-3-1", "cite-ref-7-1"]


def test_the_api_lists_the_citations_read_from_the_text(api_client, writing, editor):
    edit(writing, editor, body=writing.body.replace("[25]", "", 1))

    response = api_client.get("/api/v1/citations/", {"season": SEED_SLUG, "number": 25})

    assert response.status_code == HTTPStatus.OK
    [citation] = response.json()["results"]
    assert citation == {
        "id": f"{SEED_SLUG}:cite-ref-25-1",
        "url": f"http://testserver/api/v1/citations/{SEED_SLUG}:cite-ref-25-1/",
        "html_url": f"http://testserver/seasons/{SEED_SLUG}/#cite-ref-25-1",
        "season": SEED_SLUG,
        "number": 25,
        "section": "writing",
        "sentence": "People don't just heal\".",
    }


def test_the_api_s_citations_are_read_only(editor_client, season):
    bodies = list(season.sections.order_by("pk").values_list("body", flat=True))
    references = list(season.references.order_by("pk").values_list("pk", "number"))

    response = editor_client.post(
        "/api/v1/citations/", {"season": SEED_SLUG, "number": 24, "sentence": "A claim."}
    )

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    # A citation is a marker in the text: neither the text nor the references changed.
    assert bodies
    assert list(season.sections.order_by("pk").values_list("body", flat=True)) == bodies
    assert list(season.references.order_by("pk").values_list("pk", "number")) == references
    assert Season.objects.get(pk=season.pk).lead == season.lead


def test_a_draft_season_s_citations_are_for_editors_only(api_client, editor_client):
    season = SeasonFactory(status=Season.Status.DRAFT)
    ReferenceFactory(season=season, number=1)
    SectionFactory(season=season, body="A claim.[1]")
    url = f"/api/v1/citations/{season.slug}:cite-ref-1-1/"

    assert api_client.get(url).status_code == HTTPStatus.NOT_FOUND
    assert editor_client.get(url).json()["sentence"] == "A claim."
