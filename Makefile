# Run `make help` for the list of targets.
PYTHON ?= python3
VENV := .venv
BIN := $(abspath $(VENV))/bin
UV_VERSION := 0.13.8
# The API registry: every specs/<name>.yaml is an API (codegen/registry.py).
APIS := $(sort $(basename $(notdir $(wildcard specs/*.yaml))))
# What every API's generation reads besides its own spec (the registry model is shipped with the mocks).
CODEGEN := $(wildcard codegen/*.py codegen/*.yaml codegen/templates/* mocks/apis.py mocks/installed.py) pyproject.toml requirements.lock
INSTALLED_STAMP := $(VENV)/.installed
LINKED_STAMP := $(VENV)/.linked
GENERATED_STAMPS := $(APIS:%=$(VENV)/.generated-%)
PROJECTS := $(foreach api,$(APIS),$(subst _,-,$(api))-client $(subst _,-,$(api))-models)

.DEFAULT_GOAL := all

.PHONY: all help generate check-generated lint typecheck breaking changelog dist test mock fuzz probe corpus bench lock clean

all: $(LINKED_STAMP) ## Create .venv from the lock, regenerate when specs changed, install everything editable

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-16s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(INSTALLED_STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python --require-hashes -r requirements.lock
	# codegen imports the runtime, so a new venv has it before anything is generated
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps --no-build-isolation \
		--config-settings editable_mode=compat -e .
	touch $@

# One stamp per API: changing one spec regenerates only that API's packages. A spec that does not generate
# (its problems are printed) gets a .failed-<name> mark instead, and the other APIs go on.
$(VENV)/.generated-%: specs/%.yaml $(CODEGEN) $(INSTALLED_STAMP)
	rm -f $(VENV)/.failed-$*
	$(BIN)/python codegen/generate.py --api $* && touch $@ || touch $(VENV)/.failed-$*

# Installs every generated package there is, then fails (and runs again next time) if a spec did not
# generate. editable_mode=compat puts plain paths on sys.path, which mypy and editors follow.
$(LINKED_STAMP): $(GENERATED_STAMPS)
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps --no-build-isolation \
		--config-settings editable_mode=compat -e . $$(for p in $(PROJECTS); do test -d generated/$$p && printf ' -e generated/%s' $$p; done)
	@failed="$$(for api in $(APIS); do test -e $(VENV)/.failed-$$api && echo specs/$$api.yaml; done)"; \
		test -z "$$failed" || { echo "error: did not generate (see above):" $$failed >&2; exit 1; }
	touch $@

generate: $(LINKED_STAMP) ## Regenerate generated/ from specs/ (no work when nothing changed)

check-generated: $(INSTALLED_STAMP) ## Fail, naming the files, when generated/ differs from what specs/ produce
	$(BIN)/python codegen/generate.py --check

lint: $(INSTALLED_STAMP) ## ruff check and ruff format --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(LINKED_STAMP) ## mypy (strict on overlay/ and the mocks)
	$(BIN)/mypy

# BASE / SINCE: any git ref; by default the merge base of HEAD and main (the changelog: the newest tag first).
breaking: $(INSTALLED_STAMP) ## Fail when a spec or its generated packages break callers without a major info.version bump (BASE=<ref>)
	$(BIN)/python -m release.breaking $(if $(BASE),--base $(BASE))

changelog: $(INSTALLED_STAMP) ## Write each spec's added, changed and removed items since SINCE=<ref> into CHANGELOG.md
	$(BIN)/python -m release.changelog $(if $(SINCE),--since $(SINCE))

test: $(LINKED_STAMP) lint typecheck check-generated breaking ## Lint, type-check, drift check, breaking-change gate, then pytest
	$(BIN)/pytest -n auto

mock: $(LINKED_STAMP) ## Serve every API's mock on 127.0.0.1 (Pilfer 4010, Lighthouse 4011, others next; <NAME>_MOCK_PORT) and print export lines
	$(BIN)/python -m mocks

fuzz: $(LINKED_STAMP) ## Long schemathesis CLI campaign against its own mocks on free ports (SEED=..., FUZZ_EXAMPLES=1000, FUZZ_SPECS=specs); JUnit in reports/
	scripts/fuzz.sh $(BIN)

# Read-only: GET and HEAD only, at most 100 requests at 2/s; PROBE_ARGS="--json --max-requests 20" etc.
probe: $(LINKED_STAMP) ## Check specs/$(API).yaml against the live API the client's environment names (API=<name>; exit 1 on drift)
	@test -n "$(API)" || (echo "usage: make probe API=<name> (one of: $(APIS))" >&2; exit 2)
	$(BIN)/python -m probe $(API) $(PROBE_ARGS)

# CORPUS_ARGS="--examples 100 --jobs 1" etc.
corpus: $(LINKED_STAMP) ## Will these specs work? Every OpenAPI document of CORPUS=<folder> through every stage, as a table (exit 1 on a failure)
	@test -n "$(CORPUS)" || (echo "usage: make corpus CORPUS=<folder of OpenAPI documents>" >&2; exit 2)
	$(BIN)/python -m corpus $(CORPUS) $(CORPUS_ARGS)

bench: $(LINKED_STAMP) ## Benchmarks: one table of same-run ratios and medians (mocks vs Prism with wrk), also in .bench/results.json
	scripts/bench-tools.sh
	$(BIN)/python -m benchmarks

dist: $(LINKED_STAMP) ## Build an sdist and a wheel of every generated package, the runtime and the testing kit into dist/ (twine-checked)
	$(BIN)/python -m release.dist

lock: ## Re-resolve requirements.lock from pyproject.toml (run after changing a dependency)
	test -x $(BIN)/uv || ($(PYTHON) -m venv $(VENV) && $(BIN)/python -m pip install --quiet uv==$(UV_VERSION))
	$(BIN)/uv pip compile --quiet pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
		--no-header --output-file requirements.lock

clean: ## Remove .venv and caches (generated/ is committed and stays)
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis .bench dist
