"""A revision: one write of content, by one actor, as one unit (a page saved in the admin with
its rows, an API request, an import, a revert). The rows it wrote are in the models' history
tables (django-simple-history), each pointing here."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Revision(models.Model):
    class Via(models.TextChoices):
        ADMIN = "admin", "admin"
        API = "api", "API"
        IMPORT = "import", "import"
        REVERT = "revert", "revert"

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="revisions",
    )
    via = models.CharField(max_length=10, choices=Via)
    source = models.CharField(max_length=500, blank=True, help_text="The imported file.")
    comment = models.CharField(max_length=500, blank=True)
    # The season whose content it changed, when there is one (most writes); for filtering.
    # No database constraint: a revision that deletes its season keeps naming it.
    season = models.ForeignKey(
        "catalog.Season",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )

    # Its place in the changes feed (/api/v1/changes/), given when its writes are done, in
    # the order revisions commit (see FeedCounter); None until then.
    position = models.BigIntegerField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Revision {self.pk} by {self.author} ({self.get_via_display()})"

    @property
    def author(self):
        """The username; an import run by no one in particular is "importer"."""
        if self.user is not None:
            return self.user.get_username()
        return "importer" if self.via == self.Via.IMPORT else "unknown"


class FeedCounter(models.Model):
    """One row: the last position handed to a revision (catalog.history.revisions.take_position).
    A revision takes the next one at the end of its transaction, holding this row's lock until
    it commits, so positions become visible in order: a reader that sees position N sees every
    position below it, and a cursor never passes a revision still being written."""

    value = models.BigIntegerField(default=0)

    def __str__(self):
        return f"Feed position {self.value}"


class ImportBase(models.Model):
    """What the last import of a season read from its article, row by row: the base a
    re-import merges from (catalog.importer.writer), so that editors' changes since that
    import are kept. `rows` maps each row the import matched (by its kind and its key in the
    article's terms) to {"pk", "name", "values"}: the row it was, its name then, and the values
    the article gave it, as history stores values. Not content: no history, no revision.
    Every real import replaces it (a dry run's is rolled back); an import that leaves it as it
    was writes nothing."""

    season = models.OneToOneField(
        "catalog.Season", on_delete=models.CASCADE, related_name="import_base"
    )
    rows = models.JSONField(default=dict)
    source = models.CharField(max_length=500, blank=True, help_text="The imported file.")
    # The revision of the last import that wrote content (none when it changed nothing).
    revision = models.ForeignKey(
        Revision, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    imported_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"What the last import of {self.season} read"
