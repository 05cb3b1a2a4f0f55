"""Reading history (catalog.history.entries, for now the whole of it)."""

from catalog.history.entries import *  # noqa: F403
from catalog.history.entries import _ordered, _snapshot_pairs  # noqa: F401
