"""The notes of the admin's import preview, each with a form that adds a row to the import.

A note (catalog.importer.data.Note) is a sentence the importer could not use; `understood`
holds what it did make of it (a credit's person and job, a rating, an event's date). Its form
starts from that: a credit (person, job, episode), a critic's review (outlet, critic, rating),
an aggregator's result (outlet, score, count) or an event (date, precision, kind, text). The
fields are the models' own form fields, so a value is checked as the admin's forms check it.

A row added is kept, until the import is confirmed, in the page itself: `rows_json` writes the
rows as JSON into the preview's hidden fields (the confirmation's token signs their hash), and
`row_data` makes each back into the importer's plain data, with its note's line and sentence
as its source, for `import_text(additions=...)`. The views are in catalog/admin/importing.py.
"""

import datetime
import hashlib
import json

from django import forms
from django.utils.text import slugify

from catalog.domain.ratings import parse_rating
from catalog.domain.vocabulary import normalize_newlines
from catalog.importer.credits import crew
from catalog.importer.data import CreditData, EventData, ReviewData
from catalog.models import Credit, Event, Outlet, Person, Review


def model_field(model, name, **options):
    """The form field the admin gives a model's field (its length, choices, validators)."""
    return model._meta.get_field(name).formfield(**options)


class RowForm(forms.Form):
    """A row to add from a note: `initial_from` reads the note's partial data into the
    form's fields, `data_for` makes the plain data the importer writes."""

    required_css_class = "required"  # a required field's label in bold, as in the admin

    what = ""  # "credit", "review", ...: the button's "Add this <what>"

    def __init__(self, *args, episode_count=None, **kwargs):
        self.episode_count = episode_count
        super().__init__(*args, **kwargs)

    @classmethod
    def initial_from(cls, understood):
        return {}

    def values(self):
        """The cleaned values as JSON keeps them (a date in ISO)."""
        return {
            name: value.isoformat() if isinstance(value, datetime.date) else value
            for name, value in self.cleaned_data.items()
        }


def person_name(value):
    value = " ".join(value.split())
    if not slugify(value):
        raise forms.ValidationError("Give a name with letters or digits.")
    return value


class CreditRowForm(RowForm):
    what = "credit"
    person = model_field(Person, "name", label="Person", help_text="As the article names them.")
    job = model_field(Credit, "job", required=True, help_text="As in “composer”, “director”.")
    episode = forms.IntegerField(required=False, min_value=1, help_text="Blank: the whole season.")

    @classmethod
    def initial_from(cls, credit):
        return {"person": credit.person, "job": credit.job, "episode": credit.episode}

    def clean_person(self):
        return person_name(self.cleaned_data["person"])

    def clean_job(self):
        return " ".join(self.cleaned_data["job"].split()).lower()

    def clean_episode(self):
        episode = self.cleaned_data["episode"]
        count = self.episode_count
        if episode is not None and count is not None and episode > count:
            raise forms.ValidationError(
                f"The season has {count} episode{'s' if count != 1 else ''}: "
                f"give 1 to {count}, or leave it blank for the whole season."
            )
        return episode

    def data_for(self, line, source):
        values = self.cleaned_data
        return crew(values["person"], values["job"], source, line, episode=values["episode"])


class ReviewRowForm(RowForm):
    what = "review"
    outlet = model_field(Outlet, "name", label="Outlet")
    critic = model_field(Person, "name", label="Critic")
    rating_text = model_field(
        Review,
        "rating_text",
        label="Rating",
        help_text="As written: “4 out of 5 stars”, “B+”, “8/10”. Blank if none.",
    )

    @classmethod
    def initial_from(cls, review):
        return {"outlet": review.outlet, "critic": review.critic, "rating_text": review.rating_text}

    def clean_critic(self):
        return person_name(self.cleaned_data["critic"])

    def clean_rating_text(self):
        text = self.cleaned_data["rating_text"].strip()
        self.rating = parse_rating(text) if text else None
        if text and (self.rating is None or self.rating.score is None):
            why = f" ({self.rating.problem})" if self.rating else ""
            raise forms.ValidationError(
                f"“{text}” cannot be read as one rating{why}: write it as “4 out of 5 stars”, "
                "“3.5/5”, “B+”, or leave it blank."
            )
        return text

    def data_for(self, line, source):
        values, score = self.cleaned_data, self.rating.score if self.rating else None
        sentiment = ""
        if score is not None:  # as the importer judges a rating alone
            sentiment = "positive" if score >= 61 else "mixed" if score >= 40 else "negative"
        return ReviewData(
            outlet=values["outlet"].strip(),
            is_aggregator=False,
            kind=Review.Kind.CRITIC,
            critic=values["critic"],
            rating_text=values["rating_text"],
            score=score,
            sentiment=sentiment,
            source=source,
            line=line,
        )


class AggregateRowForm(RowForm):
    what = "aggregator's result"
    outlet = model_field(Outlet, "name", label="Aggregator")
    score = model_field(Review, "score", required=True, min_value=0, help_text="0-100.")
    rating_text = model_field(
        Review, "rating_text", label="Score as written", help_text="“82%”, “70 out of 100”."
    )
    sample_size = model_field(
        Review, "sample_size", label="Reviews counted", min_value=1, help_text="Blank if not given."
    )

    @classmethod
    def initial_from(cls, review):
        return {
            "outlet": review.outlet,
            "score": review.score,
            "rating_text": review.rating_text,
            "sample_size": review.sample_size,
        }

    def data_for(self, line, source):
        values = self.cleaned_data
        return ReviewData(
            outlet=values["outlet"].strip(),
            is_aggregator=True,
            kind=Review.Kind.AGGREGATE,
            rating_text=values["rating_text"].strip() or f"{values['score']}%",
            score=values["score"],
            sample_size=values["sample_size"],
            source=source,
            line=line,
        )


class EventRowForm(RowForm):
    what = "event"
    date = model_field(Event, "date", help_text="YYYY-MM-DD: a month is its 1st, a year January 1.")
    date_precision = model_field(Event, "date_precision", label="Precision")
    kind = model_field(Event, "kind")
    text = model_field(Event, "text", widget=forms.Textarea(attrs={"rows": 3, "cols": 60}))

    @classmethod
    def initial_from(cls, event):
        return {
            "date": event.date,
            "date_precision": event.date_precision,
            "kind": event.kind,
            "text": event.text,
        }

    def clean_text(self):
        return normalize_newlines(self.cleaned_data["text"]).strip()

    def clean(self):
        values = super().clean()
        date, precision = values.get("date"), values.get("date_precision")
        if (
            date
            and precision
            and (
                (precision == "month" and date.day != 1)
                or (precision == "year" and (date.month, date.day) != (1, 1))
            )
        ):
            # The model's own rule (event_date_starts_its_period), said where it is broken.
            self.add_error(
                "date",
                "A month-precision date is the 1st of its month; a year-precision date is "
                "January 1.",
            )
        return values

    def data_for(self, line, source):
        values = self.cleaned_data
        return EventData(
            date=values["date"],
            date_precision=values["date_precision"],
            kind=values["kind"],
            text=values["text"],
            people=[],
            source=source,
            line=line,
        )


FORMS = {
    "credit": CreditRowForm,
    "review": ReviewRowForm,
    "aggregate": AggregateRowForm,
    "event": EventRowForm,
}
# The form of a note the importer understood nothing of, by the note's kind.
FORM_OF_KIND = {
    "job": "credit",
    "dropped": "credit",
    "review": "review",
    "rating": "review",
    "aggregate": "aggregate",
    "date": "event",
}


def form_name(note):
    understood = note.understood
    if isinstance(understood, CreditData):
        return "credit"
    if isinstance(understood, ReviewData):
        return "aggregate" if understood.kind == Review.Kind.AGGREGATE else "review"
    if isinstance(understood, EventData):
        return "event"
    return FORM_OF_KIND.get(note.kind, "credit")


def keyed(notes):
    """[(key, note)]: a key that names each note in every preview of the same texts (its
    line, kind, sentence and message; a repeat numbered)."""
    seen, result = {}, []
    for note in notes:
        digest = hashlib.sha256(
            json.dumps([note.line, note.kind, note.text, note.message]).encode()
        ).hexdigest()[:12]
        seen[digest] = seen.get(digest, 0) + 1
        result.append((f"{digest}{seen[digest]}", note))
    return result


def note_form(key, note, data=None, episode_count=None):
    """The note's form: bound to `data` (a post), or prefilled from what was understood."""
    form_class = FORMS[form_name(note)]
    initial = form_class.initial_from(note.understood) if note.understood else {}
    return form_class(data, initial=initial, prefix=f"note-{key}", episode_count=episode_count)


def new_row(key, note, form):
    """The row a valid note form adds, as the page keeps it."""
    return {
        "note": key,
        "form": form_name(note),
        "line": note.line,
        "source": note.text,
        "values": form.values(),
    }


def row_data(row):
    """The plain data of a row the page kept (its values checked again by its form)."""
    form = FORMS[row["form"]]({name: "" if v is None else v for name, v in row["values"].items()})
    if not form.is_valid():
        raise ValueError(f"a kept row is not valid: {form.errors.as_text()}")
    return form.data_for(row["line"], row["source"])


def rows_json(rows):
    """The rows as the page keeps them: one canonical JSON text (its hash is signed)."""
    return json.dumps(rows, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def rows_from_json(text):
    """The rows a page posted back; None when the text is no list of rows."""
    try:
        rows = json.loads(text or "[]")
    except ValueError:
        return None
    valid = isinstance(rows, list) and all(
        isinstance(row, dict) and row.get("form") in FORMS and isinstance(row.get("values"), dict)
        for row in rows
    )
    return rows if valid else None


def described(row):
    """A kept row in words, for the preview: "credit: Jo Park, composer, episode 2"."""
    values = row["values"]
    if row["form"] == "credit":
        episode = f", episode {values['episode']}" if values.get("episode") else ""
        return f"credit: {values['person']}, {values['job']}{episode}"
    if row["form"] == "review":
        rating = f", {values['rating_text']}" if values.get("rating_text") else ""
        return f"review: {values['critic']} for {values['outlet']}{rating}"
    if row["form"] == "aggregate":
        count = f", {values['sample_size']} reviews" if values.get("sample_size") else ""
        return f"aggregator's result: {values['outlet']}, {values['score']}{count}"
    return f"event: {values['date']} ({values['date_precision']}), {values['text']}"
