"""Content's one write path (services), its read shapes (selectors, search) and reverts, which
write through it."""
