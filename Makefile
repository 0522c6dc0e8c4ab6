# dealgraph: `make demo` and `make test` work on a fresh machine with only Python 3.11+.
PYTHON ?= python3
VENV   ?= .venv
STORE  ?= .dealgraph/demo-store
BIN    := $(VENV)/bin

.PHONY: demo test venv clean

venv: $(VENV)/.installed

# Re-installs when pyproject.toml changes; the stamp file records a finished install.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "dealgraph needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

## demo: ingest corpus/dev into a fresh embedded store and print every example query's answer
## (corpus/test stays out of it: it is held out for scoring)
demo: venv
	rm -rf $(STORE)
	$(BIN)/dealgraph ingest --store $(STORE) corpus/dev
	@for q in ontology/queries/*.rq; do \
		echo; echo "== $$q"; sed -n 's/^# \{0,1\}//p' $$q | head -n 3; echo; \
		$(BIN)/dealgraph query --store $(STORE) --file $$q || exit 1; \
	done
	@echo; echo "== the deal network"
	$(BIN)/dealgraph stats --store $(STORE)
	$(BIN)/dealgraph plot --store $(STORE) --company OpenAI --depth 2 --min-usd 1e9 \
		--title 'Deals of $$1bn or more within two hops of OpenAI (corpus/dev)' -o docs/deals.png
	$(BIN)/dealgraph plot --store $(STORE) --title "Deals in corpus/dev" -o docs/deals.html

## test: the whole test suite
test: venv
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .dealgraph .pytest_cache
