"""The inlines: a season's infobox lines.

Only small parts are inline: every inline row adds its fields to the change form's POST, which
Django caps (parts.py). The larger parts are edited on their own pages.

Inlines write nothing themselves: their parent's admin saves and deletes their rows through
the write service (`ContentAdmin.save_formset`).
"""

from catalog.admin.base import SMALL_TEXTAREA, ContentTabularInline
from catalog.models import InfoboxField


class InfoboxFieldInline(ContentTabularInline):
    model = InfoboxField
    fields = ["position", "key", "value", "source"]
    readonly_fields = ["source"]
    formfield_overrides = SMALL_TEXTAREA
    extra = 0
