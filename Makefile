# Relief — quick start: `make demo`, then `make test`.
SHELL := /bin/bash
SWIFT ?= swift
RELEASE_BIN := .build/release/relief
DATA := data/ketamine_trial.csv
export OPENBLAS_NUM_THREADS ?= 1

.PHONY: all deps browser build demo report test notebooks notebooks-update bench bench-large bench-scaling bench-episodes bench-coverage fixtures clean

all: build

# Installs the system libraries the numeric core links (Debian packages) when they are missing.
deps:
	@bash scripts/install-deps.sh

# Installs Debian's chromium and poppler-utils (the report's browser test and --format pdf) when missing.
browser:
	@bash scripts/install-browser.sh

build: deps
	$(SWIFT) build -c release --product relief

demo: build
	@echo "== Relief by dose group ==================================================="
	$(RELEASE_BIN) summary $(DATA) --by dose_group
	@echo
	@echo "== Relief by treatment frequency (interval_days banded <=7, 8-28, >28) ======"
	$(RELEASE_BIN) summary $(DATA) --by interval_days
	@echo
	@echo "== Dose x frequency: medians and log-rank tests ============================"
	$(RELEASE_BIN) summary $(DATA) --by dose_group --by interval_days
	@echo
	@echo "== The report for clinical review ========================================="
	$(RELEASE_BIN) report $(DATA) -o report.html
	@echo "wrote report.html (self-contained HTML: open it in a browser, or print it to PDF)"

# Writes the clinical report of the bundled trial (report.html; open it in a browser).
report: build
	$(RELEASE_BIN) report $(DATA) -o report.html
	@echo "wrote report.html"

test: deps browser
	$(SWIFT) build --build-tests
	$(SWIFT) test

# Installs the notebooks' pinned Python packages into a virtualenv (.build-notebooks/venv) and executes
# them headless in .build-notebooks/out; fails on any cell error. The committed notebooks are not touched.
notebooks: build
	bash scripts/run-notebooks.sh

# The same, writing the executed notebooks over the committed ones in notebooks/.
notebooks-update: build
	NOTEBOOKS_UPDATE=1 bash scripts/run-notebooks.sh

# Every row of issue 15's table on a generated 1,000,000-row file (bench/out, not committed), whole
# processes, with R survival and lifelines side by side where installed (lifelines: a virtualenv,
# python3 -m venv bench/out/venv && bench/out/venv/bin/pip install lifelines). Writes bench/out/bench_*.json.
# Not run by CI. BENCH_ARGS passes options, e.g. BENCH_ARGS="--runs 5 --no-anchors".
bench: build
	python3 bench/bench.py $(BENCH_ARGS)

# The same, plus summary, fit cox and report at 5,000,000 rows.
bench-large: build
	python3 bench/bench.py --large $(BENCH_ARGS)

# summary and fit cox at 1e5, 1e6, 5e6 and 1e7 rows: time and memory per row (linearity).
bench-scaling: build
	python3 bench/bench.py --scaling $(BENCH_ARGS)

# Times `relief episodes` on a 5,000,000-infusion log (made once in bench/out from `relief simulate`).
bench-episodes: build
	python3 bench/episodes_bench.py

# Parameter recovery of the random-intercept Weibull AFT (issue 14): 200 seeded `relief simulate --patients 400`
# trials, each fitted by `relief fit weibull ... + frailty(patient_id)`; coverage of the 95% intervals of tau and
# the dose effect with their binomial intervals, the mean estimates and the wall time (bench/out, not committed).
# Not run by CI (`make test` runs a 50-replicate version). BENCH_ARGS passes options, e.g. "--replicates 1000".
bench-coverage: build
	python3 bench/frailty_coverage.py $(BENCH_ARGS)

# Regenerates the R reference fixtures (installs R with apt; never needed by CI).
fixtures:
	@bash scripts/install-r.sh
	Rscript Tests/StatModelsTests/Reference/make_fixtures.R
	Rscript Tests/StatModelsTests/Reference/make_cox_fixtures.R
	Rscript Tests/StatModelsTests/Reference/make_aft_fixtures.R
	Rscript Tests/StatModelsTests/Reference/make_formula_fixtures.R
	Rscript Tests/StatModelsTests/Reference/make_factor_fixtures.R
	Rscript Tests/StatModelsTests/Reference/make_cox_predict_fixtures.R
	Rscript Tests/StatModelsTests/Reference/make_baseline_fixtures.R
	Rscript Tests/StatModelsTests/Reference/make_counting_fixtures.R
	Rscript Tests/StatModelsTests/Reference/make_term_test_fixtures.R
	Rscript Tests/StatModelsTests/Reference/make_compare_fixtures.R
	Rscript Tests/StatModelsTests/Reference/make_test_family_fixtures.R
	Rscript Tests/StatModelsTests/Reference/make_split_fixtures.R
	Rscript Tests/StatModelsTests/Reference/make_recurrent_fixtures.R
	Rscript Tests/StatModelsTests/Reference/make_curves_fixtures.R
	Rscript Tests/StatModelsTests/Reference/make_frailty_fixtures.R
	Rscript Tests/StatModelsTests/Reference/make_frailty_weighted_fixtures.R
	cd Tests/StatModelsTests/Reference && Rscript make_dose_fixtures.R

clean:
	rm -rf .build
