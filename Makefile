# Think Twice: `make lab` to use the course (`make lab-teacher` to grade it), `make test` to check it.
# Each sets everything up.
SHELL := /bin/bash
# A Python 3.11+ with venv; Debian's own first, because JupyterHub's users must be able to read it.
PYTHON ?= $(shell for p in /usr/bin/python3.11 /usr/bin/python3 python3.11 python3; do \
	$$p -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
	&& { command -v $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8888
TEACHER_PORT ?= 8889
STUDENTS ?= 12
export PATH := $(CURDIR)/$(BIN):$(PATH)
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: lab lab-teacher test demo lint lock clean help

help:
	@echo "make lab          set up and start the learner's JupyterLab on http://127.0.0.1:$(PORT)"
	@echo "make lab-teacher  the teacher's JupyterLab (formgrader) on http://127.0.0.1:$(TEACHER_PORT)"
	@echo "make test         set up and run every test"
	@echo "make demo         a simulated class of $(STUDENTS) takes module 0; writes demo/grades.csv"
	@echo "make lint         ruff"
	@echo "make lock         re-resolve requirements.lock from pyproject.toml"

$(STAMP): requirements.lock pyproject.toml
	@test -n "$(PYTHON)" || { echo "error: no Python 3.11+ with venv found; set PYTHON=..." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

lab: $(STAMP)
	$(BIN)/thinktwice lab lab --port $(PORT)

lab-teacher: $(STAMP)
	$(BIN)/thinktwice lab lab --teacher --port $(TEACHER_PORT)

demo: $(STAMP)
	rm -rf demo
	$(BIN)/thinktwice demo --students $(STUDENTS) --out demo

test: $(STAMP)
	./.ci/system-deps
	$(BIN)/python -m pytest -ra --junitxml=.ci/last-test.xml

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade setuptools ".[test,cluster]"
	.lock-venv/bin/python -m pip freeze --all --exclude thinktwice --exclude pip > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
