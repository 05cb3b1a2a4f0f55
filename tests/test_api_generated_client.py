"""A client generated from the live schema by openapi-python-client (a pinned dev dependency),
as a client's developer would make one, reads and writes the live server: what it sends is
what the schema says, so a parameter or shape the server takes differently shows here."""

import importlib
import json
import subprocess
import sys
import uuid
from datetime import datetime
from pathlib import Path
from urllib.request import urlopen

import pytest
from django.contrib.auth.models import Permission, User
from rest_framework.authtoken.models import Token

from catalog.api.timestamps import TIMESTAMPS
from tests.seed import SEED_SLUG

BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def generated(live_server, tmp_path_factory, django_db_blocker):
    """The client package, generated once for the module from /api/v1/schema/ (it formats its
    output with ruff, from this environment). The live server may touch the database while
    answering (outside any test here, so unblocked for it)."""
    name = f"season_wiki_client_{uuid.uuid4().hex[:8]}"
    out = tmp_path_factory.mktemp("client") / name
    with django_db_blocker.unblock():
        generate(live_server.url, out)
    sys.path.insert(0, str(out.parent))
    try:
        yield importlib.import_module(name)
    finally:
        sys.path.remove(str(out.parent))


def generate(url, out):
    subprocess.run(
        [
            BIN / "openapi-python-client",
            "generate",
            "--url",
            f"{url}/api/v1/schema/?format=json",
            "--output-path",
            out,
            "--meta",
            "none",
        ],
        check=True,
        capture_output=True,
        env={"PATH": f"{BIN}:/usr/bin:/bin"},
    )


def module(generated, path):
    return importlib.import_module(f"{generated.__name__}.{path}")


def test_a_season_read_with_include_credits_and_reviews_gets_both(generated, site):
    retrieve = module(generated, "api.seasons.seasons_retrieve")
    include = module(generated, "models.seasons_retrieve_include_item").SeasonsRetrieveIncludeItem
    client = generated.Client(base_url=site)

    season = retrieve.sync(SEED_SLUG, client=client, include=[include.CREDITS, include.REVIEWS])

    with urlopen(f"{site}/api/v1/seasons/{SEED_SLUG}/?include=credits,reviews") as response:
        plain = json.load(response)
    assert season.credits_  # the generator keeps clear of the builtin `credits`
    assert season.reviews
    assert [credit.to_dict() for credit in season.credits_] == as_dates(plain["credits"])
    assert [review.to_dict() for review in season.reviews] == as_dates(plain["reviews"])


def as_dates(objects):
    """The API's timestamps as the generated models write them back: the same instant, in
    Python's ISO form (`+00:00` where the API writes `Z`)."""
    return [
        {
            name: datetime.fromisoformat(value).isoformat() if name in TIMESTAMPS else value
            for name, value in obj.items()
        }
        for obj in objects
    ]


@pytest.fixture
def credit_editor(site):
    """A user who may change credits (the live server's database is flushed between tests,
    the data migration's Editors group with it)."""
    user = User.objects.create_user("credit-editor")
    user.user_permissions.set(Permission.objects.filter(codename="change_credit"))
    return user


def test_a_credit_read_then_put_back_with_its_etag_is_saved(generated, site, credit_editor):
    retrieve = module(generated, "api.credits_.credits_retrieve")
    update = module(generated, "api.credits_.credits_update")
    request_model = module(generated, "models.credit_request").CreditRequest
    client = generated.AuthenticatedClient(
        base_url=site, token=Token.objects.create(user=credit_editor).key, prefix="Token"
    )
    credit_id = 1

    read = retrieve.sync_detailed(credit_id, client=client)
    body = request_model.from_dict(read.parsed.to_dict())
    body.character = "Jessica Jones (P.I.)"
    written = update.sync_detailed(
        credit_id, client=client, body=body, if_match=read.headers["ETag"]
    )
    again = retrieve.sync_detailed(credit_id, client=client)

    assert written.status_code == 200, written.content
    assert written.parsed.character == "Jessica Jones (P.I.)"
    assert written.parsed.person.to_dict() == read.parsed.person.to_dict()
    # The write's ETag is the one a read gives now: the next If-Match needs no read first.
    assert written.headers["ETag"] == again.headers["ETag"]
    assert again.parsed.version == read.parsed.version + 1
