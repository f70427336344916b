"""The real pose model sees the synthetic banded walks where the labels say.

For the side step, monster walk and diagonal step tap, a short clip from the front and the side
(one step per set, so every side and heading shows, one fault in the second rep, mild camera
noise) goes through MediaPipe's PoseLandmarker: the person must be found in nearly every frame
and the 12 body joints must land close to the ground truth, although the camera stands further
back than usual to keep the walk in view. Prints a table of detection rate and mean error per
clip. Skipped without the model; marked slow.
"""

from __future__ import annotations

import pytest

from trainer.synth import generate_clip
from trainer.synth.labels import read_labels

from .test_synth_validation import MAX_MEAN_ERROR, MIN_DETECTION_RATE, MODEL, score_clip

pytestmark = [pytest.mark.slow, pytest.mark.validation]

# exercise -> the fault shown in its second rep
EXERCISES = {"side_step": "narrow_step", "monster_walk": "feet_together",
             "diagonal_step_tap": "standing_tall"}
CLIPS = [(exercise, view) for exercise in EXERCISES for view in ("front", "side")]


@pytest.fixture(scope="module")
def scores(tmp_path_factory, show_table):
    if not MODEL.exists():
        pytest.skip(f"no pose model at {MODEL}")
    folder = tmp_path_factory.mktemp("gait_validation")
    results = {}
    for i, (exercise, view) in enumerate(CLIPS):
        video = folder / f"{exercise}_{view}.mp4"
        label_path = generate_clip(exercise, view=view, reps=1, faults={2: [EXERCISES[exercise]]},
                                   noise=0.15, seed=300 + i, out=video)
        results[(exercise, view)] = score_clip(video, read_labels(label_path))
    show_table(_table(results))
    return results


def _table(results) -> list[str]:
    lines = ["", "synthetic banded walks vs the pose model (error = share of height)",
             f"{'exercise':20} {'view':6} {'detected':>9} {'mean err':>9} {'worst joint':>12}"]
    for (exercise, view), s in results.items():
        lines.append(f"{exercise:20} {view:6} {s.detection_rate:9.1%} {s.mean_error:9.2%} "
                     f"{s.worst_joint_error:12.2%}")
    return lines


@pytest.mark.parametrize("clip", CLIPS, ids=["-".join(c) for c in CLIPS])
def test_model_finds_the_synthetic_person_where_the_labels_say(scores, clip):
    score = scores[clip]
    assert score.detection_rate >= MIN_DETECTION_RATE
    assert score.mean_error <= MAX_MEAN_ERROR
