"""The public pages: views, the shapers that turn loaded rows into what a page shows, search,
the sitemap and the machine-readable metadata."""
