"""The real pose model sees the synthetic standing exercises where the labels say.

For every standing exercise of the generator, front and side view, a short clip (a fault on
one rep, mild camera noise) goes through MediaPipe's PoseLandmarker frame by frame; the
detection rate and the mean 2D error of the 12 body joints (only where the label marks the
joint visible, as a share of the standing height in pixels) are printed as a table and must
stay within the bounds. Skipped without the model bundle; marked slow.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.synth import generate_clip
from trainer.synth.labels import read_labels

from .test_synth_validation import MODEL, score_clip

# The full per-exercise matrix takes about ten minutes: `make validate` runs it, `make test` does not.
pytestmark = [pytest.mark.slow, pytest.mark.validation]

MIN_DETECTION_RATE = 0.95
MAX_MEAN_ERROR = 0.05
# exercise -> (reps per set, faults, hold seconds or None)
CLIPS = {
    "single_leg_deadlift": (2, {2: ["hip_opening"]}, None),
    "eccentric_heel_raise": (2, {2: ["fast_lowering"]}, None),
    "squat_to_overhead_reach": (3, {2: ["knee_valgus"]}, None),
    "good_morning": (3, {2: ["back_rounding"]}, None),
    "calf_stretch": (1, {}, 3.0),
    "single_leg_ball_squat": (2, {2: ["knee_valgus"]}, None),
    "elevated_heel_tap": (2, {2: ["hip_drop"]}, None),
    "lunge_with_knee_to_chest": (2, {2: ["knee_not_to_chest"]}, None),  # one set, legs alternate
    "standing_clamshell": (2, {2: ["pelvis_rotation"]}, None),
}
CASES = [(name, view) for name in CLIPS for view in ("front", "side")]


def score(video: Path, labels: dict) -> tuple[float, float]:
    """(detection rate, mean error of visible body joints / standing height) of one clip."""
    result = score_clip(video, labels, visible_only=True)
    return result.detection_rate, result.mean_error


@pytest.fixture(scope="module")
def scores(tmp_path_factory, show_table):
    """Scores clips on first use, so that ``-k`` runs only the clips it selects; the table of
    the clips scored is printed at the end."""
    if not MODEL.exists():
        pytest.skip(f"no pose model at {MODEL}")
    folder, results = tmp_path_factory.mktemp("standing_validation"), {}

    def get(name: str, view: str) -> tuple[float, float]:
        if (name, view) not in results:
            reps, faults, hold = CLIPS[name]
            video = folder / f"{name}_{view}.mp4"
            labels = generate_clip(name, view=view, reps=reps, faults=faults, hold_s=hold,
                                   noise=0.25, seed=200 + CASES.index((name, view)), out=video)
            results[(name, view)] = score(video, read_labels(labels))
        return results[(name, view)]
    yield get
    lines = ["", "synthetic standing exercises vs the pose model "
             "(error = share of standing height, visible body joints)",
             f"{'exercise':26} {'view':6} {'detected':>9} {'mean err':>9}"]
    lines += [f"{n:26} {v:6} {d:9.1%} {e:9.2%}" for (n, v), (d, e) in results.items()]
    show_table(lines)


@pytest.mark.parametrize("name, view", CASES, ids=["-".join(c) for c in CASES])
def test_model_finds_the_standing_person(scores, name, view):
    detection, error = scores(name, view)
    assert detection >= MIN_DETECTION_RATE
    assert error <= MAX_MEAN_ERROR
