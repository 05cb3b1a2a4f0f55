"""An infobox line is kept only for a key the site keeps nowhere else: the lines of the keys
that are a season's own fields or its credits go (the page showed those fields and credits,
never these lines, so editing one changed nothing). Going back does not bring them back.

The keys are written out here, as `catalog.domain.vocabulary` had them, so that this migration keeps
doing what it does whatever the code becomes.
"""

import re

from django.db import migrations

TYPED_KEYS = {
    # The season's own fields.
    *("bgcolor", "bgcolour", "backgroundcolor", "backgroundcolour"),
    *("numepisodes", "episodes", "numberofepisodes"),
    *("network", "channel"),
    *("released", "releasedate", "firstaired", "release"),
    *("episodelist", "episodelisttitle"),
    # The credits.
    "starring",
    *("showrunner", "showrunners", "createdby", "creator", "composer", "musicby"),
    *("producer", "producers", "executiveproducer", "executiveproducers"),
}


def infobox_key(key):
    return re.sub(r"[\s_-]+", "", key.lower())


def drop_typed_lines(apps, schema_editor):
    InfoboxField = apps.get_model("catalog", "InfoboxField")
    typed = [f.pk for f in InfoboxField.objects.only("key") if infobox_key(f.key) in TYPED_KEYS]
    InfoboxField.objects.filter(pk__in=typed).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0005_citation_markers_in_text"),
    ]

    operations = [
        migrations.RunPython(drop_typed_lines, migrations.RunPython.noop),
    ]
