"""The real pose model against the synthetic floor exercises (lying, side-lying, all fours,
kneeling), front and side view.

Prints one row per exercise and view: the share of frames where a person is found and the
mean 2D error of the 12 body joints (shoulders .. ankles), only where the labels mark them
visible, as a share of the standing height in pixels. A person on the floor is much harder
for the model than a standing one, so only the error bound on detected frames is asserted;
the detection rate is reported. Skipped when the model bundle is absent; marked slow.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.synth import generate_clip
from trainer.synth.exercises import get_exercise
from trainer.synth.labels import read_labels

from .test_synth_validation import MAX_MEAN_ERROR, MODEL, score_clip

# The full per-exercise matrix takes about ten minutes: `make validate` runs it, `make test` does not.
pytestmark = [pytest.mark.slow, pytest.mark.validation]

EXERCISES = ("single_leg_bridge", "ball_hamstring_curl", "banded_hip_extension", "glute_star",
             "hip_flexor_stretch", "half_pigeon", "lizard_to_half_split")
VIEWS = ("front", "side")


def detect(video: Path, labels: dict) -> tuple[float, float]:
    """(detection rate, mean error of visible body joints / standing height) of one clip."""
    result = score_clip(video, labels, visible_only=True)
    return result.detection_rate, result.mean_error


RESULTS: dict[tuple[str, str], tuple[float, float]] = {}


@pytest.fixture(scope="module")
def score(tmp_path_factory, show_table):
    """Scores one (exercise, view) on first use; prints the table of all scored at the end."""
    if not MODEL.exists():
        pytest.skip(f"no pose model at {MODEL}")
    folder = tmp_path_factory.mktemp("floor_validation")

    def compute(exercise: str, view: str) -> tuple[float, float]:
        video = folder / f"{exercise}_{view}.mp4"
        first = get_exercise(exercise).script.sets[0].side  # one side keeps it short
        labels = generate_clip(exercise, view=view, reps=1, side=first, hold_s=2.0,
                               noise=0.15, seed=40 + VIEWS.index(view), out=video)
        RESULTS[(exercise, view)] = detect(video, read_labels(labels))
        return RESULTS[(exercise, view)]
    yield compute
    lines = ["", "synthetic floor exercises vs the pose model (error = share of standing height)",
             f"{'exercise':24} {'view':6} {'detected':>9} {'mean err':>9}"]
    lines += [f"{e:24} {v:6} {r:9.1%} {err:9.2%}" for (e, v), (r, err) in RESULTS.items()]
    show_table(lines)


@pytest.mark.parametrize("case", [(e, v) for e in EXERCISES for v in VIEWS],
                         ids=lambda c: "-".join(c))
def test_model_error_on_detected_frames(score, case):
    rate, error = score(*case)
    assert rate > 0, "the model never found the person"
    assert error <= MAX_MEAN_ERROR
