# Two front doors: `make run` (set up, start the TUI) and `make test` (set up, run every test).
# scripts/venv.py makes .venv (runtime packages for run, plus the test tools for test), and makes it
# again when it is stale or was made by a Python that is too old.
PYTHON ?= python3
VENV := .venv

.PHONY: run test bench serve venv venv-test forms

venv:
	@$(PYTHON) scripts/venv.py run

venv-test:
	@$(PYTHON) scripts/venv.py test

run: venv
	$(VENV)/bin/navigator $(ARGS)

serve: venv
	$(VENV)/bin/navigator serve $(ARGS)

# pytest's exit 5 (no test collected) is a failure here, as is any other non-zero exit.
SEEDS := ../shared/seeds

test: venv-test
	@if [ -d $(SEEDS) ]; then $(VENV)/bin/navigator check --plans $(SEEDS); \
	else echo "make test: the plans are not at $(SEEDS) (clone shared/ beside this repository);" \
	  "quotes are not compared with them" >&2; $(VENV)/bin/navigator check --no-plans; fi
	$(VENV)/bin/pytest -q -rs

# The shipped rule words analysed once (navigator/rule_forms.json) and the letters' counts of the danger
# sentences (navigator/danger_letters.json): after editing keywords, danger cues, examples or sentences,
# or the analysis code; tests/test_rule_forms.py fails until they are made again.
forms: venv
	$(VENV)/bin/python -m navigator.rule_forms --write

bench: venv-test
	$(VENV)/bin/python bench/run.py
	$(VENV)/bin/python bench/danger.py
	$(VENV)/bin/python bench/limits.py
	$(VENV)/bin/python bench/fuzz.py 20000
