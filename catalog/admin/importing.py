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
    token = forms.CharField(widget=forms.HiddenInput)


def _vouched(request, texts):
    """What a token vouches for: the editor, and each text's hash and source."""
    article, citations = texts["article"], texts["citations"]
    return {
        "user": request.user.pk,
        "article": [fingerprint(article[0]), article[1]],
        "citations": [fingerprint(citations[0]), citations[1]] if citations else None,
    }


def _token(request, texts, plan):
    return signing.dumps({**_vouched(request, texts), "plan": plan.fingerprint()}, salt=SALT)


def _confirmed_texts(request, form):
    """The texts the token vouches for, as {"article": (text, source), ...}; None when the
    token does not verify, is old, is another editor's, or the texts are not the previewed."""
    try:
        token = signing.loads(form.cleaned_data["token"], salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None, None
    data = form.cleaned_data
    # The browser posts the texts back with CRLF line endings: compare them as imported.
    article = normalize_newlines(data["article"])
    citations = normalize_newlines(data["citations"]) or None
    texts = {
        "article": (article, data["article_source"]),
        "citations": (citations, data["citations_source"]) if citations else None,
    }
    if any(token.get(key) != value for key, value in _vouched(request, texts).items()):
        return None, None
    return texts, token["plan"]


def _run(request, texts, **options):
    article, citations = texts["article"], texts["citations"]
    return import_text(
        text=article[0],
        source=article[1],
        citations=citations[0] if citations else None,
        citations_source=citations[1] if citations else "<citations>",
        user=request.user,
        comment=COMMENT,
        max_rows=settings.SEASON_ADMIN_IMPORT_MAX_ROWS,
        **options,
    )


def _preview(request, form, texts, result, changed_meanwhile=False):
    confirm = ConfirmForm(
        initial={
            "article": texts["article"][0],
            "article_source": texts["article"][1],
            "citations": texts["citations"][0] if texts["citations"] else "",
            "citations_source": texts["citations"][1] if texts["citations"] else "",
            "token": _token(request, texts, result.plan),
        }
    )
    context = {
        "form": form,
        "confirm": confirm,
        "result": result,
        "kinds": [(kind, _shown(actions)) for kind, actions in result.plan.kinds()],
        "fingerprint": fingerprint(texts["article"][0])[:12],
        "changed_meanwhile": changed_meanwhile,
    }
    return _render(request, context)


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
    form = ArticleForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render(request, {"form": form}, status=400)
    try:
        result = _run(request, form.texts, dry_run=True)
    except ArticleError as error:
        form.add_error(None, f"{error}. Nothing was imported.")
        return _render(request, {"form": form}, status=400)
    return _preview(request, form, form.texts, result)


def _confirm(request):
    confirm = ConfirmForm(request.POST)
    texts, plan = _confirmed_texts(request, confirm) if confirm.is_valid() else (None, None)
    if texts is None:
        return _refused(
            request,
            "This confirmation does not match the preview it came from (or the preview is "
            "over a day old): nothing was imported. Upload or paste the article and preview "
            "it again.",
        )
    try:
        result = _run(request, texts, expect=plan)
    except PlanChanged as changed:
        return _preview(request, ArticleForm(), texts, changed.result, changed_meanwhile=True)
    except ArticleError as error:  # the data changed meanwhile, and a row is now refused
        return _refused(request, f"{error}. Nothing was imported.")
    return _done(request, result)


def _refused(request, message):
    return _render(request, {"form": ArticleForm(), "error": message}, status=400)


import_article = admin.site.admin_view(_import_article)
