"""What the admin writes, and how: every change goes through the write service, as the editor.

The POSTs here are the ones a browser sends: built from the rendered page's HTML by
`tests.admin_forms.browser_form_data` (CRLF line endings in textareas included), changed only
where an editor would type.

Why over 400 lines: each admin write path (change and add forms, inline rows, many-to-many,
the delete page, the "delete selected" action, refusals) is one short specification, and they
share the spy and the page helpers at the top.
"""

from http import HTTPStatus

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.test import Client

from catalog.admin import ContentAdmin
from catalog.content import services
from catalog.models import (
    Credit,
    Episode,
    Event,
    InfoboxField,
    Person,
    Review,
    Season,
    Section,
    content_models,
)
from tests.admin_forms import add_inline_row, admin_url, browser_form_data
from tests.factories import CreditFactory, PersonFactory
from tests.pages import SEASON_URL, get_page, text

pytestmark = pytest.mark.django_db

CATALOG_MODELS = content_models()
# The form of the delete confirmation pages (the object's and the "delete selected" action's).
CONFIRMATION_FORM = "#content form"


def open_form(client, url, **options):
    page = client.get(url)
    assert page.status_code == HTTPStatus.OK
    return browser_form_data(page, **options)


def post(client, url, data):
    response = client.post(url, data)
    errors = response.context and response.context.get("errors")
    assert response.status_code == HTTPStatus.FOUND, errors or response.content[:300]
    return response


def written(calls, function, model):
    return [call for call in calls if call.function == function and call.model is model]


def assert_by_the_editor(calls, editor):
    assert calls, "the admin wrote nothing through the service"
    for call in calls:
        assert call.actor.via == "admin"
        assert call.actor.user == editor


def messages_of(client, url):
    """The messages the admin shows on its next page."""
    return [str(message) for message in get_messages(client.get(url).wsgi_request)]


def paragraphs_of(soup, anchor):
    """The paragraphs the season page shows under a section's own heading."""
    return soup.select_one(f"section:has(> #{anchor})").find_all("p", recursive=False)


@pytest.fixture
def location_line(season):
    """An infobox line of a key the site does not type (the seed's are all typed)."""
    return InfoboxField.objects.create(
        season=season, position=8, key="Location", value="New York City"
    )


# Prose keeps its paragraphs ---------------------------------------------------------------


def test_editing_a_section_in_the_admin_keeps_its_paragraphs_on_the_season_page(
    editor_admin, season, django_capture_on_commit_callbacks
):
    filming = season.sections.get(anchor="filming")
    visitor = Client()
    before = paragraphs_of(get_page(visitor, SEASON_URL), "filming")
    assert len(before) == len(filming.paragraphs) == 2
    url = admin_url(Section, "change", filming.pk)
    data = open_form(editor_admin, url)
    assert "\r\n\r\n" in data["body"], "a browser sends a textarea's line breaks as CRLF"
    data["body"] = data["body"].replace(
        "Filming occurred at the Long Island Aquarium.",
        "Filming also took place at the Long Island Aquarium in Riverhead.",
    )

    with django_capture_on_commit_callbacks(execute=True):  # the page's answer goes stale
        post(editor_admin, url, data)

    filming.refresh_from_db()
    assert "\r" not in filming.body
    assert "\n\nApproaching the second season" in filming.body
    after = paragraphs_of(get_page(visitor, SEASON_URL), "filming")
    assert len(after) == len(before)
    assert "at the Long Island Aquarium in Riverhead." in text(after[0])
    assert text(after[1]) == text(before[1])


def test_saving_a_section_unchanged_stores_its_text_as_it_was(editor_admin, season):
    writing = season.sections.get(anchor="writing")
    body = writing.body
    url = admin_url(Section, "change", writing.pk)

    post(editor_admin, url, open_form(editor_admin, url))

    writing.refresh_from_db()
    assert writing.body == body


def test_a_section_anchor_the_page_keeps_for_itself_is_refused_with_a_message(editor_admin, season):
    writing = season.sections.get(anchor="writing")
    url = admin_url(Section, "change", writing.pk)
    data = open_form(editor_admin, url)
    data["anchor"] = "references"

    response = editor_admin.post(url, data)

    assert response.status_code == HTTPStatus.OK
    assert "“references” names a part of the season page itself" in response.content.decode()
    writing.refresh_from_db()
    assert writing.anchor == "writing"


# Every write goes through the service -----------------------------------------------------


def test_every_content_admin_writes_through_the_service():
    registered = {model: admin.site._registry.get(model) for model in CATALOG_MODELS}
    assert [m.__name__ for m, a in registered.items() if not isinstance(a, ContentAdmin)] == []


def test_a_change_form_saves_through_the_service(editor_admin, editor, season, service_calls):
    ritter = Person.objects.get(slug="krysten-ritter")
    url = admin_url(Person, "change", ritter.pk)
    data = open_form(editor_admin, url)
    data["sort_name"] = "RITTER, Krysten"

    post(editor_admin, url, data)

    assert [(c.function, c.model, c.pk) for c in service_calls] == [
        ("content_save", Person, ritter.pk)
    ]
    assert service_calls[0].fields == {"sort_name": "RITTER, Krysten"}
    assert_by_the_editor(service_calls, editor)
    ritter.refresh_from_db()
    assert ritter.sort_name == "RITTER, Krysten"


def test_an_add_form_saves_through_the_service(editor_admin, editor, db, service_calls):
    url = admin_url(Person, "add")
    data = open_form(editor_admin, url)
    data.update(name="Ada Editor", slug="ada-editor", sort_name="Editor, Ada")

    post(editor_admin, url, data)

    ada = Person.objects.get(slug="ada-editor")
    assert [(c.function, c.model, c.pk) for c in service_calls] == [
        ("content_save", Person, None)  # not saved yet when the service is called
    ]
    assert_by_the_editor(service_calls, editor)
    assert ada.name == "Ada Editor"


def test_an_inline_row_edited_on_the_season_page_saves_through_the_service(
    editor_admin, editor, season, location_line, service_calls
):
    url = admin_url(Season, "change", season.pk)
    data = open_form(editor_admin, url)
    line = InfoboxField.objects.get(pk=data["infobox_fields-0-id"])
    data["infobox_fields-0-value"] = "Edited in the admin"

    post(editor_admin, url, data)

    assert [(c.function, c.model, c.pk) for c in service_calls] == [
        ("content_save", Season, season.pk),
        ("content_save", InfoboxField, line.pk),
    ]
    assert service_calls[1].fields == {"value": "Edited in the admin"}
    assert_by_the_editor(service_calls, editor)
    line.refresh_from_db()
    assert line.value == "Edited in the admin"


def test_an_inline_row_added_on_the_season_page_saves_through_the_service(
    editor_admin, editor, season, service_calls
):
    url = admin_url(Season, "change", season.pk)
    data = open_form(editor_admin, url)
    row = add_inline_row(data, "infobox_fields")
    data.update(
        {
            f"infobox_fields-{row}-position": "99",
            f"infobox_fields-{row}-key": "Based on",
            f"infobox_fields-{row}-value": "Jessica Jones\r\nby Brian Michael Bendis",
        }
    )

    post(editor_admin, url, data)

    added = season.infobox_fields.get(key="Based on")
    assert (added.position, added.value) == (99, "Jessica Jones\nby Brian Michael Bendis")
    assert [(c.function, c.model) for c in service_calls] == [
        ("content_save", Season),
        ("content_save", InfoboxField),
    ]
    assert service_calls[1].pk is None  # a new row
    assert_by_the_editor(service_calls, editor)


def test_an_inline_row_deleted_on_the_season_page_is_deleted_through_the_service(
    editor_admin, editor, season, location_line, service_calls
):
    url = admin_url(Season, "change", season.pk)
    data = open_form(editor_admin, url)
    assert data["infobox_fields-0-id"] == str(location_line.pk)
    data["infobox_fields-0-DELETE"] = "on"  # the row's "Delete?" checkbox, ticked

    post(editor_admin, url, data)

    deleted = written(service_calls, "content_delete", InfoboxField)
    assert [call.pk for call in deleted] == [location_line.pk]
    assert_by_the_editor(service_calls, editor)
    assert not season.infobox_fields.exists()


def test_an_events_people_changed_on_its_page_are_set_through_the_service(
    editor_admin, editor, season, service_calls
):
    event = Event.objects.filter(season=season, people__isnull=False).first()
    others = list(Person.objects.exclude(events=event).order_by("pk")[:2])
    url = admin_url(Event, "change", event.pk)
    data = open_form(editor_admin, url)
    data["people"] = [str(person.pk) for person in others]  # chosen in the autocomplete

    post(editor_admin, url, data)

    [call] = service_calls
    assert (call.function, call.model, call.pk) == ("content_save", Event, event.pk)
    assert list(call.many) == ["people"]
    assert set(call.many["people"]) == set(others)
    assert_by_the_editor(service_calls, editor)
    assert set(event.people.all()) == set(others)


def test_an_editable_changelist_saves_each_changed_row_through_the_service(
    editor_admin, editor, season, service_calls
):
    """Reordering the season's main cast: Django saves each changed row with save_model."""
    url = f"{admin_url(Credit, 'changelist')}?season__id__exact={season.pk}&billing__exact=main"
    data = open_form(editor_admin, url, form_selector="#changelist-form")
    first, second = season.credits.cast().in_billing_order()[:2]
    assert (data["form-0-id"], data["form-0-order"]) == (str(first.pk), "1")
    assert (data["form-1-id"], data["form-1-order"]) == (str(second.pk), "2")
    data["form-0-order"], data["form-1-order"] = "2", "1"

    response = post(editor_admin, url, data)

    assert response.url == url
    assert [(c.function, c.model, c.pk, c.fields) for c in service_calls] == [
        ("content_save", Credit, first.pk, {"order": 2}),
        ("content_save", Credit, second.pk, {"order": 1}),
    ]
    assert_by_the_editor(service_calls, editor)
    assert list(season.credits.cast().in_billing_order()[:2]) == [second, first]
    assert "2 credits were changed successfully." in messages_of(editor_admin, url)


def test_the_delete_page_deletes_through_the_service(editor_admin, editor, season, service_calls):
    review = Review.objects.filter(season=season).first()
    url = admin_url(Review, "delete", review.pk)
    data = open_form(editor_admin, url, form_selector=CONFIRMATION_FORM, submit=None)
    assert data["post"] == "yes"

    post(editor_admin, url, data)

    assert [(c.function, c.model, c.pk) for c in service_calls] == [
        ("content_delete", Review, review.pk)
    ]
    assert_by_the_editor(service_calls, editor)
    assert not Review.objects.filter(pk=review.pk).exists()


def test_delete_selected_deletes_each_object_through_the_service(
    editor_admin, editor, season, service_calls
):
    events = list(Event.objects.filter(season=season).order_by("pk")[:2])
    url = admin_url(Event, "changelist")
    chosen = {"action": "delete_selected", "_selected_action": [e.pk for e in events]}
    confirmation = editor_admin.post(url, chosen)
    assert confirmation.status_code == HTTPStatus.OK
    data = browser_form_data(confirmation, form_selector=CONFIRMATION_FORM, submit=None)

    post(editor_admin, url, data)

    assert sorted((c.function, c.model, c.pk) for c in service_calls) == [
        ("content_delete", Event, event.pk) for event in events
    ]
    assert_by_the_editor(service_calls, editor)
    assert not Event.objects.filter(pk__in=[e.pk for e in events]).exists()
    assert "Successfully deleted 2 events." in messages_of(editor_admin, url)


# A write the service refuses --------------------------------------------------------------


def test_a_refused_inline_row_rolls_back_the_whole_page_with_a_message(
    editor_admin, season, location_line, monkeypatch
):
    """The forms validated, but the data changed meanwhile: the service refuses the row."""
    url = admin_url(Season, "change", season.pk)
    data = open_form(editor_admin, url)
    line = InfoboxField.objects.get(pk=data["infobox_fields-0-id"])
    value = line.value
    data["network"] = "Not saved"
    data["infobox_fields-0-value"] = "Not saved either"
    log_entries = LogEntry.objects.count()
    refuse_saving(monkeypatch, InfoboxField)

    response = post(editor_admin, url, data)

    assert response.url == url  # back to the page, as it is saved
    season.refresh_from_db()
    line.refresh_from_db()
    assert (season.network, line.value) == ("Netflix", value)
    assert LogEntry.objects.count() == log_entries
    assert messages_of(editor_admin, url) == [f"Nothing was saved: {services.CONFLICT_MESSAGE}"]


def test_a_refused_row_of_an_editable_changelist_rolls_back_every_row_with_a_message(
    editor_admin, season, monkeypatch
):
    url = f"{admin_url(Episode, 'changelist')}?season__id__exact={season.pk}"
    data = open_form(editor_admin, url, form_selector="#changelist-form")
    data["form-0-title"], data["form-1-title"] = "AKA Start at the Beginning", "AKA Freak Accident"
    refuse_saving(monkeypatch, Episode, after=1)

    response = post(editor_admin, url, data)

    assert response.url == url
    assert list(season.episodes.exclude(title="")) == []
    assert messages_of(editor_admin, url) == [f"Nothing was saved: {services.CONFLICT_MESSAGE}"]


def refuse_saving(monkeypatch, model, after=0):
    """The service refuses to save a `model` row (after saving `after` of them): a race."""
    real_save = services.content_save
    saved = []

    def save(*, instance, **kwargs):
        if isinstance(instance, model):
            if len(saved) == after:
                raise ValidationError(services.CONFLICT_MESSAGE)
            saved.append(instance)
        return real_save(instance=instance, **kwargs)

    monkeypatch.setattr(services, "content_save", save)


def protect_on_deletion(monkeypatch, victim, season):
    """A credit for `victim` is saved meanwhile, just before the admin deletes them."""
    real_delete = services.content_delete

    def delete(*, instance, actor):
        if instance == victim:
            CreditFactory(person=victim, season=season)
        return real_delete(instance=instance, actor=actor)

    monkeypatch.setattr(services, "content_delete", delete)


def test_the_delete_page_meeting_new_protection_deletes_nothing_and_says_why(
    editor_admin, season, monkeypatch
):
    person = PersonFactory(name="Soon Credited")
    url = admin_url(Person, "delete", person.pk)
    data = open_form(editor_admin, url, form_selector=CONFIRMATION_FORM, submit=None)
    protect_on_deletion(monkeypatch, person, season)

    response = post(editor_admin, url, data)

    assert response.url == url  # the confirmation page now lists what protects it
    assert Person.objects.filter(pk=person.pk).exists()
    [message] = messages_of(editor_admin, url)
    assert message.startswith("Nothing was deleted: Other content still refers to it: ")


def test_delete_selected_meeting_new_protection_deletes_none_of_them(
    editor_admin, season, monkeypatch
):
    first, second = PersonFactory(), PersonFactory()
    url = admin_url(Person, "changelist")
    chosen = {"action": "delete_selected", "_selected_action": [first.pk, second.pk]}
    data = browser_form_data(
        editor_admin.post(url, chosen), form_selector=CONFIRMATION_FORM, submit=None
    )
    log_entries = LogEntry.objects.count()
    protect_on_deletion(monkeypatch, second, season)

    post(editor_admin, url, data)

    assert Person.objects.filter(pk__in=[first.pk, second.pk]).count() == 2
    assert LogEntry.objects.count() == log_entries
    [message] = messages_of(editor_admin, url)
    assert message.startswith("Nothing was changed: Other content still refers to it: ")
