"""No admin form comes near the number of fields Django accepts in one request.

Django answers a POST of more than DATA_UPLOAD_MAX_NUMBER_FIELDS fields (1,000) with "Bad
Request (400)", and a browser posts every field of a form: empty ones, the inlines' template
rows, the management forms. The season's change form, with every part of the article inline,
once posted 1,013 fields for the seed unchanged. Each count here is what a browser posts, read
from the rendered HTML (`tests/admin_forms.py`), for the seed and for a season ten times its
size (`grow`), whose people each hold about a hundred credits.
"""

from collections import Counter
from http import HTTPStatus

import pytest
from django.conf import settings
from django.contrib import admin
from django.db.models import Count

from catalog.models import Credit, Person, content_models
from tests.admin_forms import admin_url, browser_form_data
from tests.factories import grow

pytestmark = pytest.mark.django_db

CATALOG_MODELS = content_models()
EDITABLE_LISTS = [m for m in CATALOG_MODELS if admin.site._registry[m].list_editable]
# Far below the limit: a form under 300 fields could triple before it met it.
FAR_BELOW_THE_LIMIT = 300


def fields_posted(client, url, form_selector='form[id$="_form"]'):
    """How many fields a browser posts from the page's form, pressing Save."""
    page = client.get(url)
    assert page.status_code == HTTPStatus.OK
    data = browser_form_data(page, form_selector=form_selector)
    return sum(len(value) if isinstance(value, list) else 1 for value in data.values())


def most_referred(model):
    """The object most rows point at: the one whose inlines or panels grow with the data."""
    counts = Counter()
    for relation in model._meta.related_objects:
        rows = relation.related_model._default_manager.order_by()
        pointing = rows.values(relation.field.name).annotate(n=Count("pk"))
        for row in pointing.exclude(**{relation.field.name: None}):
            counts[row[relation.field.name]] += row["n"]
    if not counts:
        return model._default_manager.first()
    [(pk, _n)] = counts.most_common(1)
    return model._default_manager.get(pk=pk)


def test_the_limit_is_djangos_own():
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS == 1000


@pytest.mark.parametrize("model", CATALOG_MODELS, ids=lambda m: m.__name__)
def test_the_add_form_and_the_largest_change_form_of_the_seed_post_far_fewer_fields(
    admin_client, seed_content, model
):
    largest = most_referred(model)

    posted = {"add": fields_posted(admin_client, admin_url(model, "add"))}
    if largest is not None:  # the seed has no infobox line of an untyped key
        posted[str(largest)] = fields_posted(admin_client, admin_url(model, "change", largest.pk))

    assert max(posted.values()) < FAR_BELOW_THE_LIMIT, posted


def test_every_form_of_a_tenfold_season_at_its_largest_posts_far_fewer_fields(admin_client, season):
    # One test, to grow the season once: each form is named in the failure.
    people = grow(season)
    person = max(people, key=lambda person: person.credits.count())
    assert person.credits.count() > 90
    assert Credit.objects.filter(season=season).count() > 100
    posted = {}
    for model in CATALOG_MODELS:
        largest = most_referred(model)
        posted[f"{model.__name__} {largest}"] = fields_posted(
            admin_client, admin_url(model, "change", largest.pk)
        )
    posted[f"Person {person}"] = fields_posted(admin_client, admin_url(Person, "change", person.pk))
    for model in EDITABLE_LISTS:
        changelist = admin_url(model, "changelist")
        for url in [changelist, f"{changelist}?season__id__exact={season.pk}"]:
            posted[url] = fields_posted(admin_client, url, form_selector="#changelist-form")

    assert posted[f"Season {season}"] > 0
    assert {form: n for form, n in posted.items() if n >= FAR_BELOW_THE_LIMIT} == {}, posted
