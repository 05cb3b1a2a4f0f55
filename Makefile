# One command to run the site, one to test it. Both create .venv and install what is missing:
# `make run` what the site needs, `make test` the test tools besides.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# What the site needs (`make run`), then the test tools (`make test`): each installed once,
# and again when the dependencies or their pins change.
SITE_INSTALLED := $(VENV)/.installed-site
DEV_INSTALLED := $(VENV)/.installed-dev
MUTATE_INSTALLED := $(VENV)/.installed-mutate
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt
HOST ?= 127.0.0.1
PORT ?= 8000
# The browser tests drive Debian's Chromium (Playwright's own browser download is not used).
CHROMIUM ?= /usr/bin/chromium
# The shared-cache test (tests/test_varnish.py) runs Debian's Varnish with the xkey vmod.
VARNISHD ?= /usr/sbin/varnishd
# The outage tests (tests/test_cache_outages.py) start and stop Debian's redis-server.
REDIS_SERVER ?= /usr/bin/redis-server
# The accessibility tests (tests/test_browser_axe.py) run axe-core, the npm package pinned in
# package.json and package-lock.json, installed into node_modules/ by `npm ci`.
AXE := node_modules/axe-core/axe.min.js
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# `make test` runs one test process a core (pytest-xdist); WORKERS=0 runs the suite in this one.
WORKERS ?= auto

.PHONY: install install-site browser axe varnish redis run test docs bench bench-storage bench-import score-articles chaos mutate lint migrations-check fixtures fixtures-check clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is needed, not " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)

$(SITE_INSTALLED): $(BIN)/python pyproject.toml constraints.txt
	$(PIP) -e .
	touch $@

# The `dev` extras: the test tools (pytest, Playwright, schemathesis, ...) and ruff.
$(DEV_INSTALLED): $(SITE_INSTALLED)
	$(PIP) -e '.[dev]'
	touch $@

# The mutation tester (`make mutate`), which the tests and CI do not need.
$(MUTATE_INSTALLED): $(DEV_INSTALLED)
	$(PIP) -e '.[dev,mutate]'
	touch $@

install-site: $(SITE_INSTALLED)

install: $(DEV_INSTALLED)

$(CHROMIUM):
	@echo "Installing Debian's chromium for the browser tests"
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium

browser: $(CHROMIUM)

# npm comes with Debian's nodejs where it is missing; `npm ci` installs exactly the lock file's
# axe-core (and again when package.json or the lock file changes).
$(AXE): package.json package-lock.json
	@if ! command -v npm >/dev/null; then \
		echo "Installing Debian's nodejs and npm for the accessibility tests"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm; \
	fi
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

axe: $(AXE)

varnish:
	@if [ ! -x $(VARNISHD) ] || ! ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1; then \
		echo "Installing Debian's varnish and varnish-modules for the shared-cache test"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq varnish varnish-modules; \
	fi

redis:
	@if [ ! -x $(REDIS_SERVER) ]; then \
		echo "Installing Debian's redis-server for the cache outage tests"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq redis-server; \
	fi

# With DJANGO_DEBUG=0, setup_site collects the static files too.
run: install-site
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py setup_site --host $(HOST) --port $(PORT)
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Prints the 25 slowest tests at the end, so that a slow one is seen when it comes.
test: install $(CHROMIUM) $(AXE) varnish redis
	$(BIN)/python -m pytest -n $(WORKERS) --dist worksteal --durations=25

# The manual in docs/, built strictly: any warning (a broken link or anchor) fails it.
docs: install
	$(BIN)/sphinx-build -W --keep-going -n -q -b html docs docs/_build/html

# make bench ARGS='--databases sqlite --sizes seed' to run a part (see --help).
bench: install
	$(BIN)/python bench/http_bench.py $(ARGS)

bench-storage: install
	$(BIN)/python bench/revision_storage.py

# make bench-import ARGS='--words 1000 4000 16000'
bench-import: install
	$(BIN)/python bench/import_worst_case.py $(ARGS)

# How many of the blind articles' facts the importer reads right (--missed lists the misses).
# make score-articles ARGS='tests/articles/blind --missed'
score-articles: install-site
	$(BIN)/python bench/article_facts.py $(ARGS)

# The fault drill (docs/caching.md): its own PostgreSQL, Redis and gunicorn on free loopback
# ports; exits non-zero on a lost write, a write without its revision or a stale answer.
# make chaos ARGS='--phase-seconds 3 --only baseline,postgres'
chaos: install
	$(BIN)/python bench/fault_drill.py $(ARGS)

# Mutation testing of the rule modules (cosmic-ray), each against its covering tests; not in CI.
# make mutate ARGS='--module catalog/domain/ratings.py'  (docs/testing.md, "Mutation testing")
mutate: $(MUTATE_INSTALLED)
	$(BIN)/python bench/mutate.py $(ARGS)

lint: install
	$(BIN)/ruff check .

migrations-check: install-site
	$(BIN)/python manage.py makemigrations --check --dry-run

fixtures: install-site
	$(BIN)/python manage.py build_fixtures

fixtures-check: install-site
	$(BIN)/python manage.py build_fixtures --check

clean:
	rm -rf $(VENV) node_modules db.sqlite3 staticfiles .pytest_cache .ruff_cache docs/_build
