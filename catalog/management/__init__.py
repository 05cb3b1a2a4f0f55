"""What the content commands share."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError


def editor_named(username, nothing_done):
    """The user an import's revision is recorded for (None for no `--user`); a CommandError
    ending with `nothing_done` if there is no such user."""
    if not username:
        return None
    editor = get_user_model().objects.filter(username=username).first()
    if editor is None:
        raise CommandError(f"There is no user {username!r}. {nothing_done}")
    return editor
