"""The POST a real browser sends from an admin page, built from the HTML the page rendered.

`browser_form_data(response)` reads `response.content` (never `response.context`), finds the
admin's form (`<form id="<model>_form">` on a change or add page) and collects its successful
controls as the HTML standard's form submission does:

- text-like inputs (text, number, date, url, ...) and textareas, even when empty (""), and
  hidden inputs, every one of them: the management forms and the inlines' empty-form template
  rows (`infobox_fields-__prefix__-...`) too, as a browser without JavaScript sends them;
- checkboxes and radio buttons only when checked ("on" when they have no value);
- the selected options of a select ("" for the blank "---------" one; the first option when
  a single select has none selected; nothing for a multiple select with none selected);
- the submit button pressed, `_save` ("Save") unless told otherwise; no other buttons;
- nothing disabled, nothing without a name.

A browser normalises every line break in a textarea (and a hidden input) to CRLF when it
submits the form, after dropping the newline that directly follows `<textarea>`: so do we.
Text inputs cannot hold a line break at all.

Values are strings; a name sent more than once (a multiple select) maps to a list, as Django's
test client takes it. `add_inline_row(data, prefix)` does what the admin's "Add another"
button does: copies the inline's empty-form template row to the next index.
"""

import re

from bs4 import BeautifulSoup
from django.urls import reverse

NO_VALUE_TYPES = {"button", "reset", "image", "file"}
CHECKABLE_TYPES = {"checkbox", "radio"}


def admin_url(model, view, *args):
    """A catalog model's admin page: view is changelist, add, change or delete."""
    return reverse(f"admin:catalog_{model._meta.model_name}_{view}", args=args)


LINE_BREAK = re.compile(r"\r\n|\r|\n")


def browser_form_data(response, form_selector='form[id$="_form"]', submit="_save"):
    """The POST data a browser sends when the editor presses `submit` in the page's form."""
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.select_one(form_selector)
    assert form is not None, f"no {form_selector} in the page"
    pairs = []
    for control in form.find_all(["input", "textarea", "select", "button"]):
        name = control.get("name")
        if not name or _disabled(control, form):
            continue
        pairs += [(name, value) for value in _values(control, submit)]
    return _as_post(pairs)


def add_inline_row(data, prefix):
    """Add a row to inline `prefix` as the "Add another" button does; returns its index."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    template = f"{prefix}-__prefix__-"
    for name, value in list(data.items()):
        if name.startswith(template):
            data[name.replace("__prefix__", str(index))] = value
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    return index


def crlf(text):
    """Text as a browser submits a textarea holding it."""
    return LINE_BREAK.sub("\r\n", text)


def _values(control, submit):
    if control.name == "textarea":
        return [crlf(_textarea_text(control))]
    if control.name == "select":
        return _selected(control)
    # A <button> submits unless typed otherwise; an <input> is a text field unless typed.
    kind = (control.get("type") or ("submit" if control.name == "button" else "text")).lower()
    if kind == "submit":
        return [control.get("value", "")] if control["name"] == submit else []  # if pressed
    if kind in NO_VALUE_TYPES:
        return []
    if kind in CHECKABLE_TYPES:
        return [control.get("value", "on")] if control.has_attr("checked") else []
    value = control.get("value", "")
    if kind == "hidden":
        return [crlf(value)]
    return [LINE_BREAK.sub("", value)]  # a text input's value sanitisation strips newlines


def _textarea_text(textarea):
    # The HTML parser turns CRLF and CR into LF and drops one newline right after the start
    # tag (Django writes one there, so that text starting with a newline survives).
    text = LINE_BREAK.sub("\n", textarea.get_text())
    return text.removeprefix("\n")


def _selected(select):
    options = [o for o in select.find_all("option") if not _disabled(o, select)]
    chosen = [o for o in options if o.has_attr("selected")]
    if not chosen and options and not select.has_attr("multiple"):
        chosen = options[:1]  # what a single select shows, and sends, when none is selected
    return [_option_value(o) for o in chosen]


def _option_value(option):
    if option.has_attr("value"):
        return option["value"]
    return " ".join(option.get_text().split())


def _disabled(element, form):
    if element.has_attr("disabled"):
        return True
    for ancestor in element.parents:
        if ancestor is form:
            return False
        if ancestor.name in {"fieldset", "optgroup"} and ancestor.has_attr("disabled"):
            return True
    return False


def _as_post(pairs):
    data = {}
    for name, value in pairs:
        if name in data:
            previous = data[name]
            data[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            data[name] = value
    return data
