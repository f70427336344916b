"""Exercise-ball hamstring curl: the hips' height against the shoulder-heel line, read where the
legs are straight, and a generated clip through the real pose model."""

import numpy as np
import pytest

from trainer.exercises.ball_hamstring_curl import EXERCISE
from trainer.exercises.floor_measures import hip_above_heel_line
from trainer.pose import N_LANDMARKS, Landmark as L, PoseFrame

from .harness import check_against_truth, run_synth

LEG_PX = 300.0


def lying_frame(hip_y: float) -> PoseFrame:
    """Side view of a body lying with straight legs: shoulder and ankle on the line y = 400."""
    xy = np.full((N_LANDMARKS, 2), 400.0)
    for joint, x in ((L.LEFT_SHOULDER, 100.0), (L.LEFT_HIP, 300.0), (L.LEFT_KNEE, 450.0),
                     (L.LEFT_ANKLE, 600.0)):
        xy[joint] = (x, 400.0)
    xy[L.LEFT_HIP, 1] = hip_y
    vis = np.full(N_LANDMARKS, 0.99)
    return PoseFrame(0.0, 0, (1280, 720), xy, np.zeros((N_LANDMARKS, 3)), vis, vis.copy())


@pytest.mark.parametrize("hip_y, expected", [
    (400.0, 0.0),     # shoulders, hips and heels in one line
    (370.0, 0.1),     # hips pushed up, toward the top of the picture
    (430.0, -0.1),    # hips sagging toward the floor
])
def test_hip_height_is_read_against_the_shoulder_heel_line_in_leg_lengths(hip_y, expected):
    assert hip_above_heel_line(lying_frame(hip_y), "left", LEG_PX) == pytest.approx(expected)


def test_unknown_leg_length_gives_no_reading():
    assert np.isnan(hip_above_heel_line(lying_frame(400.0), "left", float("nan")))


def test_sag_is_judged_only_with_the_legs_rolled_out():
    rule = next(r for r in EXERCISE.rules if r.id == "hips_sagging")
    assert rule.metric == "hip_above_heel_line" and str(rule.phase) == "bottom"
    assert rule.is_fault(-0.08) and not rule.is_fault(0.02)


@pytest.mark.slow
@pytest.mark.validation
def test_ball_hamstring_curl_generated(model_info):
    labels, result = run_synth("ball_hamstring_curl", model_info, view="side", reps=3,
                               faults={2: ["hips_sagging"]}, body_type="short_broad", seed=5)
    check_against_truth(labels, result)
