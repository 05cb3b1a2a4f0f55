"""The admin's "Import an article" page (`/admin/catalog/import/`), for editors with the
`catalog.import_season` permission.

1. The editor uploads or pastes an article, and optionally its citations.
2. Preview: the import runs as a dry run (`catalog.importer.import_text`: the real import
   through the write service, rolled back), and the page shows per kind of content what it
   would create, change (old → new) and leave as it is, with the notes; a bad article is a
   form error naming its line, and nothing is written.
3. Confirm: the texts come back in hidden fields with a signed token holding their hashes,
   the editor and the plan's fingerprint. A token that does not verify, or texts whose hashes
   differ from it, are refused; otherwise the import runs again, for real, as one revision by
   the editor (via "import", the file's name as its source), unless it now plans otherwise
   (the season changed since the preview): then nothing is written and the new preview shows.

Each note of the preview stands by its sentence with a form, prefilled from what the importer
understood of it (catalog/admin/import_notes.py), that adds a credit, a review, an aggregator's
result or an event to this import: the page is previewed again with the row in the plan and
without its note (**Take out** brings the note back). The rows added so far travel with the
texts in the hidden fields, and the token signs their hash too, so a confirmation writes
exactly the rows that were previewed, with the article's, in its one revision. A row refused (a
value the admin's forms refuse, a row the import holds already) is an error by its note, and
nothing is added.

The import runs in the request. What bounds how long it holds the worker (see the README's
measurements): `SEASON_ADMIN_IMPORT_MAX_BYTES` (the parse's time grows with the text) and
`SEASON_ADMIN_IMPORT_MAX_ROWS` (the writes' time grows with the rows: a short article can
list hundreds of cast members), both checked before anything is written; larger articles go
through `import_article`.
"""

import hashlib

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_http_methods

from catalog.admin import import_notes
from catalog.domain.vocabulary import normalize_newlines
from catalog.history.diff import word_diff
from catalog.importer import ArticleError, PlanChanged, article_text, import_text
from catalog.models import Season

PERMISSION = "catalog.import_season"
SALT = "catalog.admin.importing"
MAX_AGE = 24 * 60 * 60  # a preview older than a day is previewed again
COMMENT = "Imported from the admin"
LONG = 120  # characters: a longer changed value is shown word by word


def fingerprint(text):
    return hashlib.sha256((text or "").encode()).hexdigest()


class ArticleForm(forms.Form):
    """An article and its optional citations, each uploaded or pasted."""

    article_file = forms.FileField(required=False, label="Article file")
    article = forms.CharField(
        required=False,
        strip=False,
        label="or paste the article",
        widget=forms.Textarea(attrs={"rows": 14, "cols": 100}),
    )
    citations_file = forms.FileField(required=False, label="Citations file (optional)")
    citations = forms.CharField(
        required=False,
        strip=False,
        label="or paste the citations",
        widget=forms.Textarea(attrs={"rows": 4, "cols": 100}),
    )

    def clean(self):
        self.texts = {}
        for name, pasted_as in (("article", "pasted article"), ("citations", "pasted citations")):
            self.texts[name] = self._text(name, pasted_as)
        if self.texts["article"] is None and not self.errors:
            self.add_error("article", "Upload the article's file or paste its text.")
        return self.cleaned_data

    def _text(self, name, pasted_as):
        """(text, source) for one of the two texts, checked as `read_article` checks a file;
        None when it was not given."""
        upload, pasted = self.cleaned_data.get(f"{name}_file"), self.cleaned_data.get(name)
        if upload and pasted:
            self.add_error(name, "Upload a file or paste the text, not both.")
            return None
        limit = settings.SEASON_ADMIN_IMPORT_MAX_BYTES
        if upload:
            source = upload.name
            if upload.size > limit:  # before reading it
                self.add_error(
                    f"{name}_file",
                    f"{source}: the file is {upload.size} bytes, over the limit of {limit} bytes "
                    "of an import from the admin (import larger articles with import_article).",
                )
                return None
            data = upload.read()
        elif pasted:
            source, data = pasted_as, pasted.encode()
        else:
            return None
        try:
            return article_text(data, source, limit), source
        except ArticleError as error:
            self.add_error(f"{name}_file" if upload else name, f"{error}.")
            return None


class ConfirmForm(forms.Form):
    """The previewed texts, posted back with the token signed at the preview."""

    article = forms.CharField(strip=False, widget=forms.HiddenInput)
    article_source = forms.CharField(widget=forms.HiddenInput)
    citations = forms.CharField(required=False, strip=False, widget=forms.HiddenInput)
    citations_source = forms.CharField(required=False, widget=forms.HiddenInput)
    added = forms.CharField(required=False, widget=forms.HiddenInput)  # rows added from notes
    token = forms.CharField(widget=forms.HiddenInput)


def _vouched(request, texts, added):
    """What a token vouches for: the editor, each text's hash and source, and the hash of the
    rows added from the notes."""
    article, citations = texts["article"], texts["citations"]
    return {
        "user": request.user.pk,
        "article": [fingerprint(article[0]), article[1]],
        "citations": [fingerprint(citations[0]), citations[1]] if citations else None,
        "added": fingerprint(import_notes.rows_json(added)),
    }


def _token(request, texts, added, plan):
    vouched = _vouched(request, texts, added)
    return signing.dumps({**vouched, "plan": plan.fingerprint()}, salt=SALT)


def _confirmed_texts(request, form):
    """(texts, plan, added): the texts the token vouches for, as {"article": (text, source),
    ...}, the plan's fingerprint and the rows added from the notes; (None, None, None) when the
    token does not verify, is old, is another editor's, or the texts or rows are not the
    previewed."""
    refused = None, None, None
    try:
        token = signing.loads(form.cleaned_data["token"], salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return refused
    data = form.cleaned_data
    added = import_notes.rows_from_json(data["added"])
    if added is None:
        return refused
    # The browser posts the texts back with CRLF line endings: compare them as imported.
    article = normalize_newlines(data["article"])
    citations = normalize_newlines(data["citations"]) or None
    texts = {
        "article": (article, data["article_source"]),
        "citations": (citations, data["citations_source"]) if citations else None,
    }
    if any(token.get(key) != value for key, value in _vouched(request, texts, added).items()):
        return refused
    return texts, token["plan"], added


def _run(request, texts, added=(), **options):
    article, citations = texts["article"], texts["citations"]
    return import_text(
        additions=[import_notes.row_data(row) for row in added],
        text=article[0],
        source=article[1],
        citations=citations[0] if citations else None,
        citations_source=citations[1] if citations else "<citations>",
        user=request.user,
        comment=COMMENT,
        max_rows=settings.SEASON_ADMIN_IMPORT_MAX_ROWS,
        **options,
    )


def _preview(request, form, texts, result, added=(), changed_meanwhile=False, bound=None):
    """The preview of `result`, with the rows `added` from notes; `bound`, a note form posted
    and refused ({key: form}), shows with its errors in place of its note's fresh form."""
    confirm = ConfirmForm(
        initial={
            "article": texts["article"][0],
            "article_source": texts["article"][1],
            "citations": texts["citations"][0] if texts["citations"] else "",
            "citations_source": texts["citations"][1] if texts["citations"] else "",
            "added": import_notes.rows_json(added),
            "token": _token(request, texts, added, result.plan),
        }
    )
    done = {row["note"] for row in added}
    episodes = result.season.episode_count
    context = {
        "form": form,
        "confirm": confirm,
        "result": result,
        "kinds": [(kind, _shown(actions)) for kind, actions in result.plan.kinds()],
        "fingerprint": fingerprint(texts["article"][0])[:12],
        "changed_meanwhile": changed_meanwhile,
        "notes": [
            (key, note, (bound or {}).get(key) or import_notes.note_form(key, note, None, episodes))
            for key, note in import_notes.keyed(result.notes)
            if key not in done
        ],
        "added": [(row, import_notes.described(row)) for row in added],
    }
    return _render(request, context, status=400 if bound else 200)


def _shown(actions):
    """The rows of one kind, an updated row's long values compared word by word."""
    for row in actions["updated"]:
        row.shown_changes = [(label, *_pair(old, new)) for label, (old, new) in row.changes.items()]
    return actions


def _pair(old, new):
    if isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > LONG:
        return (*word_diff(old, new), True)
    return old, new, False


def _render(request, context, status=200):
    context = {
        **admin.site.each_context(request),
        "title": "Import an article",
        "subtitle": None,
        "opts": Season._meta,
        "limit": settings.SEASON_ADMIN_IMPORT_MAX_BYTES,
        "max_rows": settings.SEASON_ADMIN_IMPORT_MAX_ROWS,
        **context,
    }
    return TemplateResponse(request, "admin/catalog/import_article.html", context, status=status)


def _done(request, result):
    season = result.season
    change = reverse("admin:catalog_season_change", args=[season.pk])
    history = reverse("admin:catalog_season_history", args=[season.pk])
    messages.success(
        request,
        format_html(
            "Imported {} as one revision by you ({}). <a href='{}'>See its history</a>.",
            season.title,
            result.summary.line(),
            history,
        ),
    )
    return HttpResponseRedirect(change)


@require_http_methods(["GET", "HEAD", "POST"])
def _import_article(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    if request.method != "POST":
        return _render(request, {"form": ArticleForm()})
    if "confirm" in request.POST:
        return _confirm(request)
    if "add" in request.POST:
        return _add(request)
    if "remove" in request.POST:
        return _remove(request)
    form = ArticleForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render(request, {"form": form}, status=400)
    try:
        result = _run(request, form.texts, dry_run=True)
    except ArticleError as error:
        form.add_error(None, f"{error}. Nothing was imported.")
        return _render(request, {"form": form}, status=400)
    return _preview(request, form, form.texts, result)


def _posted_preview(request):
    """(texts, plan, added) of the preview a form came from, all None if it does not verify."""
    confirm = ConfirmForm(request.POST)
    return _confirmed_texts(request, confirm) if confirm.is_valid() else (None, None, None)


NOT_THE_PREVIEW = (
    "This confirmation does not match the preview it came from (or the preview is over a day "
    "old): nothing was imported. Upload or paste the article and preview it again."
)


def _add(request):
    """A note's form posted: the preview again, with its row added to the import; or with the
    form's errors, nothing added."""
    texts, _plan, added = _posted_preview(request)
    if texts is None:
        return _refused(request, NOT_THE_PREVIEW)
    try:
        result = _run(request, texts, added, dry_run=True)
    except ArticleError as error:  # the data changed meanwhile, and a row is now refused
        return _refused(request, f"{error}. Nothing was imported.")
    key = request.POST["add"]
    note = dict(import_notes.keyed(result.notes)).get(key)
    if note is None or key in {row["note"] for row in added}:
        return _refused(request, NOT_THE_PREVIEW)
    episodes = result.season.episode_count
    form = import_notes.note_form(key, note, request.POST, episodes)
    if form.is_valid():
        rows = [*added, import_notes.new_row(key, note, form)]
        try:
            with_row = _run(request, texts, rows, dry_run=True)
        except ArticleError as error:  # a row the import holds already, a value refused
            problem = error.problem
            form.add_error(None, f"{problem[:1].upper()}{problem[1:]}. Nothing was added.")
        else:
            return _preview(request, ArticleForm(), texts, with_row, rows)
    return _preview(request, ArticleForm(), texts, result, added, bound={key: form})


def _remove(request):
    """A row added from a note taken out again: the preview without it, its note back."""
    texts, _plan, added = _posted_preview(request)
    if texts is None:
        return _refused(request, NOT_THE_PREVIEW)
    rows = [row for row in added if row["note"] != request.POST["remove"]]
    if len(rows) == len(added):
        return _refused(request, NOT_THE_PREVIEW)
    try:
        result = _run(request, texts, rows, dry_run=True)
    except ArticleError as error:  # the data changed meanwhile, and a row is now refused
        return _refused(request, f"{error}. Nothing was imported.")
    return _preview(request, ArticleForm(), texts, result, rows)


def _confirm(request):
    texts, plan, added = _posted_preview(request)
    if texts is None:
        return _refused(request, NOT_THE_PREVIEW)
    try:
        result = _run(request, texts, added, expect=plan)
    except PlanChanged as changed:
        return _preview(
            request, ArticleForm(), texts, changed.result, added, changed_meanwhile=True
        )
    except ArticleError as error:  # the data changed meanwhile, and a row is now refused
        return _refused(request, f"{error}. Nothing was imported.")
    return _done(request, result)


def _refused(request, message):
    return _render(request, {"form": ArticleForm(), "error": message}, status=400)


import_article = admin.site.admin_view(_import_article)
