"""Schemathesis over the whole OpenAPI document, in-process: every operation, every default
check (server errors, status codes, content types, response schemas, headers, positive data
accepted and negative data rejected, ...), authenticated with an editor's token so that the
writes really write, and anonymously. Then the stateful phase: sequences of calls that follow
the schema's links (create, then read, update, delete what was created; list, then read the
first; read, then update or delete it), with the stateful checks (use after free, resource
availability) on top."""

import json

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.specs.openapi.checks import positive_data_acceptance

from catalog.delivery.caching import local_answers
from jjsite.wsgi import application

pytestmark = pytest.mark.django_db


def served_document():
    """The OpenAPI document /api/v1/schema/ serves, made by its generator. Read at collection,
    before any test database exists, so not through the site's middleware (the answer cache
    checks its versions in the database); a test below pins that it is what the site serves."""
    document = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(document))


schema = schemathesis.openapi.from_dict(served_document())
schema.app = application  # the calls go to the site in-process, as from_wsgi sets them up


def test_the_document_tested_is_the_one_the_site_serves(client):
    assert client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json() == (
        schema.raw_schema
    )


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Schemathesis calls the WSGI application itself, whose request signals would close the
    database connection and with it the test's transaction (PostgreSQL); Django's test client
    disconnects them in the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def editor_token(editor, season):
    """An editor's token, with the seed content in place so that reads by slug find it."""
    return Token.objects.create(user=editor).key


def excluded_checks(case):
    # A write the schema allows may still be refused for what no schema can say: a slug that
    # names nothing, a duplicate, a month not stored as its first day (400), an If-Match
    # naming another version (412, DELETE too). So the check that schema-valid input is
    # accepted runs on reads only; every other check (negative input refused, no 5xx,
    # documented statuses, shapes and headers, auth enforced) runs on every call.
    return [positive_data_acceptance] if case.method != "GET" else []


def credentials(who, editor_token):
    return {"Authorization": f"Token {editor_token}"} if who == "editor" else {}


EXAMPLES = settings(
    max_examples=15, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)


@schema.parametrize()
@EXAMPLES
def test_the_api_honours_its_schema_for_an_editor(case, editor_token):
    case.call_and_validate(
        headers=credentials("editor", editor_token), excluded_checks=excluded_checks(case)
    )


@schema.include(method="GET").parametrize()
@EXAMPLES
def test_the_api_honours_its_schema_for_an_anonymous_reader(case, editor_token):
    case.call_and_validate(headers=credentials("anonymous", editor_token))


# Whatever its body, an anonymous write can only be refused (401): a few examples of each show
# that it is, and that the refusal honours the schema.
@schema.exclude(method="GET").parametrize()
@settings(EXAMPLES, max_examples=3)
def test_an_anonymous_write_is_refused_as_the_schema_says(case, editor_token):
    case.call_and_validate(
        headers=credentials("anonymous", editor_token), excluded_checks=excluded_checks(case)
    )


@pytest.mark.parametrize("who", ["editor", "anonymous"])
def test_sequences_of_calls_along_the_schemas_links_honour_it(editor_token, who):
    headers = credentials(who, editor_token)

    class Workflow(schema.as_state_machine()):
        def setup(self):
            # Each scenario from the same content and an empty cache, so that Hypothesis can
            # replay one: its writes are rolled back at its end.
            cache.clear()
            local_answers.forget()
            self.scenario = transaction.atomic()
            self.scenario.__enter__()

        def teardown(self):
            transaction.set_rollback(True)
            self.scenario.__exit__(None, None, None)

        def get_call_kwargs(self, case):
            return {"headers": headers}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(
                response,
                additional_checks=additional_checks,
                excluded_checks=excluded_checks(case),
                headers=headers,  # so that the auth checks know them as the caller's
                transport_kwargs=kwargs or None,
                recorder=self.recorder,
            )

    Workflow.run(
        settings=settings(
            max_examples=40,
            stateful_step_count=6,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
    )
