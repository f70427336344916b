"""The real pose model sees the synthetic stepping exercises where the labels say.

For each split-stance, lunge and stepping exercise, a short clip from the front and the side
(one rep per set, so every side shows, one fault in the second rep, mild camera noise) goes
through MediaPipe's PoseLandmarker; the person must be found in nearly every frame and the 12
body joints must land close to the ground truth (all of these are standing exercises). Prints
a table of detection rate and mean error per clip. Skipped without the model; marked slow.
"""

from __future__ import annotations

import pytest

from trainer.synth import generate_clip
from trainer.synth.labels import read_labels

from .test_synth_validation import MAX_MEAN_ERROR, MIN_DETECTION_RATE, MODEL, score_clip

# The full per-exercise matrix takes about ten minutes: `make validate` runs it, `make test` does not.
pytestmark = [pytest.mark.slow, pytest.mark.validation]

# exercise -> the fault shown in its second rep
EXERCISES = {"banded_split_squat": "knee_valgus", "slider_reverse_lunge": "knee_past_toes",
             "lateral_lunge": "chest_drop", "jab_step": "standing_up"}
CLIPS = [(exercise, view) for exercise in EXERCISES for view in ("front", "side")]


@pytest.fixture(scope="module")
def scores(tmp_path_factory, show_table):
    if not MODEL.exists():
        pytest.skip(f"no pose model at {MODEL}")
    folder = tmp_path_factory.mktemp("stepping_validation")
    results = {}
    for i, (exercise, view) in enumerate(CLIPS):
        video = folder / f"{exercise}_{view}.mp4"
        label_path = generate_clip(exercise, view=view, reps=1, faults={2: [EXERCISES[exercise]]},
                                   noise=0.15, seed=200 + i, out=video)
        results[(exercise, view)] = score_clip(video, read_labels(label_path))
    show_table(_table(results))
    return results


def _table(results) -> list[str]:
    lines = ["", "synthetic stepping exercises vs the pose model (error = share of height)",
             f"{'exercise':22} {'view':6} {'detected':>9} {'mean err':>9} {'worst joint':>12}"]
    for (exercise, view), s in results.items():
        lines.append(f"{exercise:22} {view:6} {s.detection_rate:9.1%} {s.mean_error:9.2%} "
                     f"{s.worst_joint_error:12.2%}")
    return lines


@pytest.mark.parametrize("clip", CLIPS, ids=["-".join(c) for c in CLIPS])
def test_model_finds_the_synthetic_person_where_the_labels_say(scores, clip):
    score = scores[clip]
    assert score.detection_rate >= MIN_DETECTION_RATE
    assert score.mean_error <= MAX_MEAN_ERROR
