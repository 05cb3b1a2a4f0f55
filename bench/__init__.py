"""Measurements of the site, and the large catalogue they measure it at (bench/catalogue.py).

A small Django app only in bench/settings.py's INSTALLED_APPS, never the site's: it adds
`manage.py generate_catalogue --settings=bench.settings` and nothing else.
"""
