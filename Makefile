# Two front doors: `make run` (set up, start the TUI) and `make test` (set up, run every test).
# scripts/venv.py makes .venv (runtime packages for run, plus the test tools for test), and makes it
# again when it is stale or was made by a Python that is too old.
PYTHON ?= python3
VENV := .venv

.PHONY: run test bench serve venv venv-test

venv:
	@$(PYTHON) scripts/venv.py run

venv-test:
	@$(PYTHON) scripts/venv.py test

run: venv
	$(VENV)/bin/navigator $(ARGS)

serve: venv
	$(VENV)/bin/navigator serve $(ARGS)

# pytest's exit 5 (no test collected) is a failure here, as is any other non-zero exit.
test: venv-test
	$(VENV)/bin/navigator check
	$(VENV)/bin/pytest -q -rs

bench: venv-test
	$(VENV)/bin/python bench/run.py
