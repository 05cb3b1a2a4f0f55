"""The OpenAPI document's additions (catalog/api/schema.py): each test fails if the
AutoSchema override or the postprocessing hook behind it stops taking effect, which is
what an upgrade of drf-spectacular could do without an error."""

import re
from importlib.metadata import version
from pathlib import Path

import pytest
from drf_spectacular.generators import SchemaGenerator

from catalog.api.serializers import SeasonSerializer

CONSTRAINTS = Path(__file__).resolve().parent.parent / "constraints.txt"

READS = [("/api/v1/people/{slug}/", "get"), ("/api/v1/credits/", "get")]
WRITES = [
    ("/api/v1/people/{slug}/", "put"),
    ("/api/v1/people/{slug}/", "patch"),
    ("/api/v1/people/{slug}/", "delete"),
]


@pytest.fixture(scope="module")
def schema():
    # The document as `manage.py spectacular` and /api/v1/schema/ produce it, hooks included.
    return SchemaGenerator().get_schema(request=None, public=True)


def operations(schema):
    for path, path_item in schema["paths"].items():
        for method, operation in path_item.items():
            yield path, method, operation


def test_the_installed_drf_spectacular_is_the_version_constraints_txt_pins():
    # schema.py relies on drf-spectacular's behaviour: an upgrade is a deliberate change
    # that edits constraints.txt and so runs these tests against the new version.
    pinned = re.search(r"^drf-spectacular==(\S+)$", CONSTRAINTS.read_text(), re.MULTILINE)

    assert pinned is not None
    assert version("drf-spectacular") == pinned[1]


@pytest.mark.parametrize(("path", "method"), READS)
def test_a_read_declares_304_with_the_etag_and_last_modified_headers(schema, path, method):
    responses = schema["paths"][path][method]["responses"]

    assert set(responses["304"]["headers"]) == {"ETag", "Last-Modified"}
    assert set(responses["200"]["headers"]) == {"ETag", "Last-Modified"}
    assert "content" not in responses["304"]


@pytest.mark.parametrize(("path", "method"), WRITES)
def test_a_write_declares_if_match_and_412_but_no_304(schema, path, method):
    operation = schema["paths"][path][method]

    assert ("If-Match", "header") in {(p["name"], p["in"]) for p in operation["parameters"]}
    assert "412" in operation["responses"]
    assert "304" not in operation["responses"]


@pytest.mark.parametrize(("path", "method"), [*WRITES, ("/api/v1/people/", "post")])
def test_every_write_takes_an_edit_summary_header(schema, path, method):
    parameters = schema["paths"][path][method]["parameters"]

    (summary,) = [p for p in parameters if p["name"] == "X-Edit-Summary"]
    assert summary["in"] == "header"
    assert summary["schema"] == {"type": "string", "maxLength": 500}
    assert not summary.get("required")


@pytest.mark.parametrize("method", ["put", "patch"])
def test_an_update_declares_its_edit_conflict(schema, method):
    conflict = schema["paths"]["/api/v1/people/{slug}/"][method]["responses"]["409"]
    component = conflict["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]

    assert set(schema["components"]["schemas"][component]["required"]) == {
        "detail",
        "version",
        "conflicts",
    }


def test_every_object_reads_its_version_and_may_send_the_one_it_started_from(schema):
    components = schema["components"]["schemas"]
    read = [name for name in components if f"{name}Request" in components]

    assert len(read) == 9  # the writable resources (citations are read from the text)
    for name in read:
        version = components[name]["properties"]["version"]
        assert (version["type"], version["readOnly"]) == ("integer", True)
        assert "version" in components[name]["required"]
        request = components[f"{name}Request"]
        version = request["properties"]["version"]
        assert (version["type"], version["minimum"]) == ("integer", 1)
        assert "readOnly" not in version
        assert "version" not in request.get("required", [])


def test_each_operation_declares_the_errors_it_can_answer(schema):
    def codes(path, method):
        return " ".join(sorted(schema["paths"][path][method]["responses"]))

    # Every read: 400 for a parameter (a repeated one too), 401 for a bad token, 406 for an
    # Accept it cannot answer.
    assert codes("/api/v1/people/", "get") == "200 304 400 401 404 406 429"
    assert codes("/api/v1/people/{slug}/", "get") == "200 304 400 401 404 406 429"
    # 413: a body over the limit.
    assert codes("/api/v1/people/", "post") == "201 400 401 403 406 413 415 429"
    # 409: the body's version is older and both changed a field.
    assert codes("/api/v1/people/{slug}/", "patch") == "200 400 401 403 404 406 409 412 413 415 429"
    # A person still credited is not deleted (the view's extra_delete_errors); 400 for a bad
    # X-Edit-Summary.
    assert codes("/api/v1/people/{slug}/", "delete") == "204 400 401 403 404 406 409 412 429"
    assert codes("/api/v1/credits/{id}/", "delete") == "204 400 401 403 404 406 412 429"


def test_reads_allow_anonymous_access_and_writes_need_credentials(schema):
    every = list(operations(schema))
    assert {"get", "post", "patch", "delete"} <= {method for _path, method, _op in every}
    for _path, method, operation in every:
        if method == "get":
            assert {} in operation["security"]
        else:
            assert operation["security"]
            assert {} not in operation["security"]


def test_every_query_parameter_may_be_empty_and_a_text_one_refuses_nul(schema):
    query = [
        parameter
        for _path, _method, operation in operations(schema)
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "query"
    ]

    assert query
    assert all(parameter["allowEmptyValue"] for parameter in query)
    search = next(p for p in query if p["name"] == "search")
    assert search["schema"]["pattern"] == r"^[^\x00]*$"


def test_path_parameters_give_an_example_from_the_seed_content(schema):
    parameters = schema["paths"]["/api/v1/seasons/{slug}/"]["get"]["parameters"]
    (slug,) = [parameter for parameter in parameters if parameter["in"] == "path"]

    assert [e["value"] for e in slug["examples"].values()] == ["jessica-jones-season-2"]


def test_the_seasons_include_fields_are_described_but_not_required(schema):
    season = schema["components"]["schemas"]["Season"]

    assert set(SeasonSerializer.INCLUDABLE) <= set(season["properties"])
    assert not set(SeasonSerializer.INCLUDABLE) & set(season["required"])
    assert {"slug", "title", "series"} <= set(season["required"])


def test_a_relation_is_written_as_a_slug_and_read_as_an_object(schema):
    components = schema["components"]["schemas"]

    written = components["CreditRequest"]["properties"]["person"]
    read = components["Credit"]["properties"]["person"]

    # The slug, or the object as read (only its slug counts).
    slug, as_read = written["oneOf"]
    assert slug["type"] == "string"
    assert "pattern" in slug
    assert as_read["required"] == ["slug"]
    assert read["type"] == "object"
    assert set(read["required"]) == {"slug", "name"}
