# The README's commands. Everything runs inside .venv, created on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TABLES := data/processed
KERNEL := dan-van
OFFICIAL := build/officialgen

.PHONY: briefs extract test eval lab bench lock clean distclean

# Pinned versions from requirements.lock (all extras: lab, dask, dev), then the package itself.
$(STAMP): pyproject.toml requirements.lock tools/system-packages.sh
	bash tools/system-packages.sh
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (dân vận)" >/dev/null
	touch $(STAMP)

extract: $(STAMP)
	$(PY) -m analysis extract data/raw --out $(TABLES)

briefs: extract
	$(PY) -m analysis briefs --tables $(TABLES) --out reports

test: $(STAMP)
	$(PY) -m pytest

eval: $(STAMP)
	$(PY) -m analysis eval tests/fixtures/corpus tests/fixtures/seed tests/fixtures/corpus-forms \
		--min-f1 0.98 --min-accuracy 0.98
	rm -rf $(OFFICIAL) && $(PY) -m tools.officialgen $(OFFICIAL)
	$(PY) -m analysis eval $(OFFICIAL)/docx $(OFFICIAL)/doc --min-f1 0.98 --min-accuracy 0.98
	$(PY) -m analysis eval $(OFFICIAL)/pdf $(OFFICIAL)/mixed --min-f1 0.98 --min-accuracy 0.98
	$(PY) -m analysis eval $(OFFICIAL)/scan --min-f1 0.90 --min-accuracy 0.90

lab: $(STAMP)
	$(VENV)/bin/jupyter lab --ip=127.0.0.1 --no-browser --ServerApp.root_dir=notebooks \
		--LabApp.news_url=None --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate \
		$(if $(filter 0,$(shell id -u)),--allow-root,)

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

# Re-pin requirements.lock after changing the dependencies in pyproject.toml.
lock:
	$(PY) -m piptools compile --quiet --strip-extras --extra lab --extra dask --extra dev \
		--no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

clean:
	rm -rf $(TABLES) reports/briefs reports/failed reports/index.html reports/data_dictionary.html reports/.briefs-manifest.json

distclean: clean
	rm -rf $(VENV) src/*.egg-info
