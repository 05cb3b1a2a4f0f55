"""The catalogue's export (GET /api/v1/export/, manage.py export_catalogue) and its load
(manage.py load_catalogue): all published content as gzipped NDJSON, streamed, which loads
back into an empty database, through the write service, as the same content."""

import gzip
import json
import subprocess
import urllib.request
from collections import Counter
from http import HTTPStatus

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from catalog.api.export import KINDS, ndjson_lines
from catalog.content import services
from catalog.models import Credit, InfoboxField, Person, Revision, Season, Series, content_models
from tests.factories import CreditFactory, PersonFactory, SeasonFactory, grow
from tests.seed import SEED_SLUG

pytestmark = pytest.mark.django_db

EXPORT = "/api/v1/export/"
# What a load makes afresh: each object's history starts with the load.
NOT_CARRIED = ("version", "created_at", "updated_at")
API_LISTS = {
    "series": "series",
    "person": "people",
    "outlet": "outlets",
    "season": "seasons",
    "episode": "episodes",
    "credit": "credits",
    "review": "reviews",
    "event": "events",
    "accolade": "accolades",
}


def read(response):
    """The lines of a streamed export answer, as objects."""
    body = b"".join(response.streaming_content)
    if response.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return [json.loads(line) for line in body.decode().splitlines()]


def exported_file(path):
    with gzip.open(path, "rt", encoding="utf-8") as file:
        return [json.loads(line) for line in file]


def normalised(lines):
    return [{k: v for k, v in line.items() if k not in NOT_CARRIED} for line in lines]


@pytest.fixture
def draft():
    """A draft season, with a credit of a person no published work names."""
    season = SeasonFactory(status=Season.Status.DRAFT)
    CreditFactory(season=season, person=PersonFactory(slug="only-in-a-draft"))
    return season


def test_the_export_streams_gzipped_ndjson_with_every_published_object(api_client, season):
    response = api_client.get(EXPORT)

    assert response.status_code == HTTPStatus.OK
    assert response.streaming
    assert response["Content-Type"] == "application/x-ndjson"
    assert response["Content-Encoding"] == "gzip"
    counts = Counter(line["type"] for line in read(response))
    for kind, resource in API_LISTS.items():
        assert counts[kind] == api_client.get(f"/api/v1/{resource}/").json()["count"], kind
    assert counts["section"] == season.sections.count()
    assert counts["reference"] == season.references.count()


def test_each_line_is_the_object_as_the_api_reads_it_with_its_type_first(api_client, season):
    lines = read(api_client.get(EXPORT))
    credit = Credit.objects.filter(season=season).order_by("pk").first()

    season_line = next(line for line in lines if line["type"] == "season")
    credit_line = next(line for line in lines if line["type"] == "credit")
    detail = api_client.get(f"/api/v1/seasons/{SEED_SLUG}/").json()

    assert next(iter(season_line)) == "type"
    assert {k: v for k, v in season_line.items() if k not in ("type", "series")} == {
        k: v for k, v in detail.items() if k != "series"
    }
    assert season_line["series"]["slug"] == "jessica-jones"  # loadable: see export.py
    assert credit_line == {
        "type": "credit",
        **api_client.get(f"/api/v1/credits/{credit.pk}/").json(),
    }


def test_the_types_come_in_an_order_that_loads(api_client, season):
    types = [line["type"] for line in read(api_client.get(EXPORT))]

    order = list(dict.fromkeys(types))
    assert order == [
        "series",
        "person",
        "outlet",
        "season",
        "reference",
        "section",
        "episode",
        "credit",
        "review",
        "event",
        "accolade",
    ]  # the seed has no infobox lines of its own (its keys are all typed)
    assert types == sorted(types, key=order.index)


def test_every_content_model_is_exported_once():
    # A new content model is left out of the export (and of its load) until it has a kind.
    models = [kind.model for kind in KINDS]

    assert sorted(models, key=str) == sorted(content_models(), key=str)


def test_drafts_are_never_exported_even_to_editors(editor_client, season, draft):
    lines = read(editor_client.get(EXPORT))

    assert draft.slug not in {line.get("slug") for line in lines}
    assert "only-in-a-draft" not in {line.get("slug") for line in lines}
    assert all(line.get("season") != draft.slug for line in lines)
    assert draft.series.slug not in {line.get("slug") for line in lines}


def test_a_client_that_refuses_gzip_gets_the_lines_uncompressed(api_client, season):
    response = api_client.get(EXPORT, headers={"Accept-Encoding": "identity"})

    assert response.streaming
    assert not response.has_header("Content-Encoding")
    assert read(response)[0]["type"] == "series"


def test_the_export_is_never_stored_so_an_edit_shows_at_once(client, season, save):
    first = client.get(EXPORT)
    assert b"".join(first.streaming_content)

    save(season, title="JJ season 2")
    again = client.get(EXPORT)

    assert again.streaming  # rendered again, not a stored copy
    assert again["Cache-Control"] == "no-store"
    assert not again.has_header("Surrogate-Key")
    assert "JJ season 2" in {line.get("title") for line in read(again)}


def test_the_export_reads_a_chunk_at_a_time_as_it_is_consumed(season):
    grow(season)
    lines = ndjson_lines(RequestFactory().get("/"))

    with CaptureQueriesContext(connection) as queries:
        first = json.loads(next(lines))
    assert first["type"] == "series"
    before = len(queries)
    with CaptureQueriesContext(connection) as queries:
        rest = sum(1 for _line in lines)

    assert before <= 3  # the series and their seasons, nothing else yet
    assert rest > 1000
    assert len(queries) > 10  # people, outlets, ... each read as it is reached


# Load ----------------------------------------------------------------------------------------


def empty_the_catalogue():
    """As a new database is: no content (the test's transaction restores it afterwards)."""
    Season.objects.all().delete()  # and everything of a season's
    for model in (Series, Person, *content_models()):
        model.objects.all().delete()
    assert not any(model.objects.exists() for model in content_models())


def test_an_export_loads_into_an_empty_database_and_exports_the_same_again(
    season, editor, tmp_path, service_calls
):
    # A lead citing a reference: the load writes it once the references are in.
    actor = services.Actor.editor(editor, "admin")
    services.content_save(instance=season, actor=actor, fields={"lead": f"{season.lead}[24]"})
    line = InfoboxField(season=season, position=50, key="Location", value="New York City")
    services.content_save(instance=line, actor=actor)
    before = tmp_path / "before.ndjson.gz"
    after = tmp_path / "after.ndjson.gz"
    call_command("export_catalogue", "-o", str(before))
    empty_the_catalogue()
    service_calls.clear()

    call_command("load_catalogue", str(before), "--user", "editor")
    call_command("export_catalogue", "-o", str(after))

    assert normalised(exported_file(after)) == normalised(exported_file(before))
    assert Season.objects.get(slug=SEED_SLUG).lead.endswith("[24]")
    assert InfoboxField.objects.get(key="Location").value == "New York City"
    # All through the write service, as one import revision.
    assert service_calls
    assert {(call.function, call.actor.via) for call in service_calls} == {
        ("content_save", "import")
    }
    revisions = Revision.objects.filter(via="import")
    assert revisions.count() == 1
    assert revisions.get().user == editor


def test_after_a_load_new_objects_get_new_ids(season, tmp_path, editor_client):
    path = tmp_path / "export.ndjson.gz"
    call_command("export_catalogue", "-o", str(path))
    empty_the_catalogue()
    call_command("load_catalogue", str(path))
    last = Credit.objects.order_by("pk").last()

    response = editor_client.post(
        "/api/v1/credits/",
        {"season": SEED_SLUG, "person": "krysten-ritter", "department": "crew", "job": "x"},
    )

    assert response.status_code == HTTPStatus.CREATED, response.json()
    assert response.json()["id"] > last.pk
    credit = Credit.objects.get(pk=response.json()["id"])
    assert (credit.season.slug, credit.person.slug, credit.job) == (
        SEED_SLUG,
        "krysten-ritter",
        "x",
    )


def write_lines(path, lines):
    with gzip.open(path, "wt", encoding="utf-8") as file:
        file.writelines(f"{line}\n" for line in lines)


def export_lines(tmp_path):
    path = tmp_path / "export.ndjson.gz"
    call_command("export_catalogue", "-o", str(path))
    with gzip.open(path, "rt", encoding="utf-8") as file:
        return file.read().splitlines()


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda line: "{not json", "line 3: not a JSON object"),
        (lambda line: "[1, 2]", "line 3: not a JSON object"),
        (lambda line: json.dumps({**json.loads(line), "type": "film"}), "line 3: no known type"),
        (
            lambda line: json.dumps({**json.loads(line), "sort_name": 5}),
            "line 3: sort_name: Expected a string.",
        ),
    ],
)
def test_a_line_that_cannot_be_loaded_is_named_and_nothing_is_loaded(
    season, tmp_path, spoil, message
):
    lines = export_lines(tmp_path)
    assert json.loads(lines[2])["type"] == "person"
    lines[2] = spoil(lines[2])
    path = tmp_path / "spoilt.ndjson.gz"
    write_lines(path, lines)
    empty_the_catalogue()
    revisions = Revision.objects.count()

    with pytest.raises(CommandError) as refused:
        call_command("load_catalogue", str(path))

    assert message in str(refused.value)
    assert "Nothing was loaded." in str(refused.value)
    assert not any(model.objects.exists() for model in content_models())
    assert Revision.objects.count() == revisions


def test_a_line_naming_what_is_not_loaded_is_refused_with_its_number(season, tmp_path):
    lines = export_lines(tmp_path)
    number = next(n for n, line in enumerate(lines, 1) if json.loads(line)["type"] == "credit")
    credit = json.loads(lines[number - 1])
    lines[number - 1] = json.dumps({**credit, "person": {"slug": "nobody", "name": "Nobody"}})
    path = tmp_path / "spoilt.ndjson.gz"
    write_lines(path, lines)
    empty_the_catalogue()

    with pytest.raises(CommandError, match=f"line {number}: person: "):
        call_command("load_catalogue", str(path))

    assert not Person.objects.exists()


def test_a_cut_short_file_is_refused(season, tmp_path):
    path = tmp_path / "export.ndjson.gz"
    call_command("export_catalogue", "-o", str(path))
    path.write_bytes(path.read_bytes()[:-100])
    empty_the_catalogue()

    with pytest.raises(CommandError, match="Nothing was loaded"):
        call_command("load_catalogue", str(path))

    assert not Person.objects.exists()


def test_loading_into_a_database_with_content_is_refused(season, tmp_path):
    path = tmp_path / "export.ndjson.gz"
    call_command("export_catalogue", "-o", str(path))
    title = season.title

    with pytest.raises(CommandError, match="already holds content"):
        call_command("load_catalogue", str(path))

    assert Season.objects.get(pk=season.pk).title == title


def test_over_http_the_export_arrives_in_pieces_that_curl_decodes(site, tmp_path):
    """The live server, as clients meet it: no Content-Length (streamed), gzip that curl
    undoes with --compressed and saves as it is without; Python's urllib, which asks for
    identity, gets the lines uncompressed."""
    gzip_please = urllib.request.Request(f"{site}{EXPORT}", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(gzip_please) as response:
        assert response.headers["Content-Type"] == "application/x-ndjson"
        assert response.headers["Content-Encoding"] == "gzip"
        assert response.headers["Content-Length"] is None
        saved = response.read()
    with urllib.request.urlopen(f"{site}{EXPORT}") as response:
        assert response.headers["Content-Encoding"] is None
        plain = response.read()
    decoded = subprocess.run(
        ["curl", "--silent", "--fail", "--compressed", f"{site}{EXPORT}"],
        capture_output=True,
        check=True,
    ).stdout

    assert gzip.decompress(saved) == decoded == plain
    assert Counter(json.loads(line)["type"] for line in decoded.splitlines())["season"] == 1
    # What curl saves without --compressed is what load_catalogue takes.
    path = tmp_path / "catalogue.ndjson.gz"
    subprocess.run(["curl", "--silent", "--fail", "-o", str(path), f"{site}{EXPORT}"], check=True)
    assert path.read_bytes()[:2] == b"\x1f\x8b"
