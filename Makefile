# make run  - set up and serve the app with demo data (SQLite, tasks in-process)
# make test - set up and run the whole test suite on PostgreSQL and Redis

VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/factcheck
TEST_BROKER_URL ?= redis://127.0.0.1:6379/15

.PHONY: run test lint format venv services demo bench clean

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

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: venv
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: venv services lint
	bash scripts/ensure-browser.sh
	DATABASE_URL=$(TEST_DATABASE_URL) CELERY_BROKER_URL=$(TEST_BROKER_URL) \
		$(VENV)/bin/pytest $(PYTEST_ARGS)

bench: venv services
	$(PY) bench/extraction.py
	DATABASE_URL=$(TEST_DATABASE_URL)_bench $(PY) bench/matching.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
