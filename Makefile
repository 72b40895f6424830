# HRD Tracker. `make run` serves the demo, `make test` runs the tests; both set everything up first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test eval bench lint typecheck clean fuzz security

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

run: install
	$(VENV)/bin/hrd demo --host $(HOST) --port $(PORT)

test: install
	$(PY) -m pytest

eval: install
	$(PY) eval/run_eval.py --check

bench: install
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-bench.lock
	$(PY) benchmarks/run.py

lint: install
	$(VENV)/bin/ruff check src tests eval benchmarks
	$(VENV)/bin/ruff format --check src tests eval benchmarks
	$(VENV)/bin/mypy

# Fuzz every reader (text, HTML, PDF, feed, read_bytes dispatch, the extractor): FUZZ_SECONDS each.
FUZZ_SECONDS ?= 100
fuzz: install
	HRD_FUZZ_SECONDS=$(FUZZ_SECONDS) $(PY) -m pytest tests/read/test_fuzz.py -p no:cacheprovider -p no:logging -s

# bandit (severity and confidence medium and above) over src; pip-audit over the lock file.
security: install
	$(VENV)/bin/bandit -q -r src --severity-level medium --confidence-level medium
	$(PY) scripts/audit-lock requirements.lock

clean:
	rm -rf $(VENV) build .mypy_cache .ruff_cache .pytest_cache
