# nianbao — set-up, demo and tests. `make demo` and `make test` each set up what is missing first.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
NIANBAO := $(VENV)/bin/nianbao
LS_VENV := .venv-labelstudio
STAMP := $(VENV)/.installed

.PHONY: setup demo test test-fast clean-setup

setup: $(STAMP) $(LS_VENV)/.installed $(LS_VENV)/.template system-deps
	$(NIANBAO) setup

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Error: $(PYTHON) not found; nianbao needs Python 3.11"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Label Studio runs in its own environment (it pins Django, numpy<3, …).
$(LS_VENV)/.installed:
	test -x $(LS_VENV)/bin/python || $(PYTHON) -m venv $(LS_VENV)
	$(LS_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(LS_VENV)/bin/python -m pip install --quiet label-studio==1.23.2 label-studio-sdk==2.1.2
	touch $@

# An empty migrated Label Studio database (about a minute of migrations, once): fresh
# servers — the tests', `nianbao annotate server start` — then start in seconds.
$(LS_VENV)/.template: $(STAMP) $(LS_VENV)/.installed
	$(NIANBAO) annotate server template
	touch $@

# Headless Chromium and a CJK font for the HTML report tests (Debian packages; needs root or sudo).
system-deps:
	@if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi 'cjk'; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

demo: setup
	$(NIANBAO) batch corpus/samples --db demo-out/results.sqlite --html demo-out/html --jsonl demo-out/reports.jsonl
	@echo
	@echo "Results: demo-out/results.sqlite (SQLite), demo-out/reports.jsonl (one JSON object per report),"
	@echo "         demo-out/html/index.html (summary page; one evidence page per report beside it)."

test: setup
	$(PY) -m pytest -q -p no:cacheprovider

clean-setup:
	rm -rf $(VENV) $(LS_VENV) .cache
