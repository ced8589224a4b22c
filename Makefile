# make run  - set up and serve the app with demo data (SQLite, tasks in-process)
# make test - set up and run the whole test suite on PostgreSQL and Redis

VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/factcheck
TEST_BROKER_URL ?= redis://127.0.0.1:6379/15

.PHONY: run test pytest lint security format venv services demo bench load clean

$(VENV)/.installed: requirements.txt
	bash scripts/ensure-python.sh
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

venv: $(VENV)/.installed

demo: venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo

run: demo
	$(PY) manage.py runserver $(HOST):$(PORT)

services:
	bash scripts/ensure-services.sh

# security - bandit on our code (medium severity and up; each accepted finding carries a
# "# nosec <id>" comment saying why) and pip-audit on the pinned requirements: every
# package is pinned in requirements.txt or constraints.txt, so it audits those versions
# as written instead of resolving them again in a throw-away virtualenv (a minute).
# pip-audit lists packages it could not look up; PIP_AUDIT_ARGS=--strict makes that an error.
security: venv
	$(VENV)/bin/bandit -q -r factcheck textcore claims desk sources public tokens webhooks ops bench -x '*/migrations/*' -ll
	$(VENV)/bin/pip-audit --disable-pip --no-deps -r requirements.txt -r constraints.txt \
		--progress-spinner off $(PIP_AUDIT_ARGS)

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: venv
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# test - lint, security and the test suite run side by side (each line of output whole);
# the command fails when any of them fails. The suite runs on PYTEST_WORKERS processes
# (pytest-xdist; each has its own test database); PYTEST_WORKERS=0 runs it in one.
# Bytecode is written even where PYTHONDONTWRITEBYTECODE is set: without it every run (and
# every worker) parses and assertion-rewrites the test modules and pytest plugins again.
PYTEST_WORKERS ?= auto

test: venv services
	$(MAKE) --no-print-directory -j3 --output-sync=line lint security pytest

pytest: venv services
	bash scripts/ensure-browser.sh
	bash scripts/ensure-wordnet.sh
	DATABASE_URL=$(TEST_DATABASE_URL) CELERY_BROKER_URL=$(TEST_BROKER_URL) PYTHONDONTWRITEBYTECODE= \
		$(VENV)/bin/pytest -n $(PYTEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

bench: venv services
	$(PY) bench/extraction.py
	DATABASE_URL=$(TEST_DATABASE_URL)_bench $(PY) bench/matching.py

# load - 20 clients for 60 s against gunicorn on a PostgreSQL bench database (127.0.0.1)
load: venv services
	DATABASE_URL=$(TEST_DATABASE_URL)_load CELERY_BROKER_URL=$(TEST_BROKER_URL) $(PY) bench/load.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
