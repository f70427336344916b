# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_VIDEO := sample_videos/goblet_squat_front.mp4

.PHONY: demo test test-fast validate model samples bench clean

$(BIN)/trainer: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

# The pose model: found in models/, downloaded, or built offline (see models/README.md).
model: $(BIN)/trainer
	$(BIN)/trainer models

demo: model
	$(BIN)/trainer analyze $(DEMO_VIDEO) --exercise goblet_squat --out out/demo --report

test: model
	$(BIN)/python -m pytest -n auto --dist loadfile -m "not validation"

# The real pose model over generated clips of every exercise, front and side, with its table,
# and each exercise module scored on its own generated clips.
validate: model
	$(BIN)/python -m pytest -m validation -s tests/synth tests/exercises

test-fast: $(BIN)/trainer
	$(BIN)/python -m pytest -m "not slow"

# Regenerates sample_videos/ byte for byte from fixed seeds.
samples: $(BIN)/trainer
	$(BIN)/python -m trainer.synth.samples sample_videos

bench: model
	$(BIN)/python bench/bench_pipeline.py
	$(BIN)/python bench/bench_speech.py
	$(BIN)/python bench/bench_cue_latency.py
	$(BIN)/python bench/bench_history.py

clean:
	rm -rf out .pytest_cache
