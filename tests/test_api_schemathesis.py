"""Schemathesis over the whole OpenAPI document, in-process: every operation, every default
check (server errors, status codes, content types, response schemas, headers, positive data
accepted and negative data rejected, ...), authenticated with an editor's token so that the
writes really write."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.specs.openapi.checks import positive_data_acceptance

from jjsite.wsgi import application

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)


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


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_honours_its_schema(case, editor_token):
    # A write the schema allows may still be refused with a 400 for what no schema can say:
    # a slug that names nothing, a duplicate, a month not stored as its first day. So the
    # check that schema-valid input is accepted runs on reads only; every other check
    # (negative input refused, no 5xx, documented statuses and shapes) runs on every call.
    excluded = [positive_data_acceptance] if case.method in ("POST", "PUT", "PATCH") else []
    case.call_and_validate(
        headers={"Authorization": f"Token {editor_token}"}, excluded_checks=excluded
    )
