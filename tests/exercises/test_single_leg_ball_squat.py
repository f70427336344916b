"""Single-leg exercise-ball squat: the standing knee against its own leg line, the standing leg
chosen by votes, and a generated clip through the real pose model."""

import math

import numpy as np
import pytest

from trainer.exercises import hinge_measures as measures
from trainer.pose import N_LANDMARKS, Landmark as L, PoseFrame

from .harness import check_against_truth, run_synth

SHANK = 100.0


def front_leg_frame(knee_x: float) -> PoseFrame:
    """Facing the camera on the left leg (image right): hip at x 340, ankle under the body's
    middle at x 320, the other hip at x 260; the left knee at ``knee_x``, halfway down."""
    xy = np.full((N_LANDMARKS, 2), 200.0)
    xy[L.LEFT_HIP], xy[L.RIGHT_HIP] = [340, 200], [260, 200]
    xy[L.LEFT_ANKLE], xy[L.LEFT_KNEE] = [320, 400], [knee_x, 300]
    vis = np.ones(N_LANDMARKS)
    return PoseFrame(0.0, 0, (640, 480), xy, np.zeros((N_LANDMARKS, 3)), vis, vis.copy(), 1)


@pytest.mark.parametrize("knee_x, expected", [
    (330.0, 0.0),     # on the hip-ankle line: tracking the foot, though outward of the ankle
    (345.0, -0.15),   # pushed out past the line
    (315.0, 0.15),    # fallen inward, toward the other leg
])
def test_knee_is_measured_from_the_hip_to_ankle_line(knee_x, expected):
    value = measures.knee_inside_leg_line(front_leg_frame(knee_x), "left", SHANK)
    assert value == pytest.approx(expected, abs=0.01)


def test_knee_line_needs_a_shank_length():
    assert math.isnan(measures.knee_inside_leg_line(front_leg_frame(330.0), "left", math.nan))


def test_standing_leg_is_voted_by_frames_where_the_feet_clearly_differ():
    # the right foot is lifted in 6 frames; in 10 the model folds it onto the standing one
    left = np.full(16, 400.0)
    right = np.array([300.0] * 6 + [399.0] * 10)
    series = {"ankle_y_left": left, "ankle_y_right": right, "shank_px": np.full(16, SHANK)}
    assert measures.planted_leg(series) == "left"


def test_two_feet_on_the_floor_is_both():
    level = np.full(10, 400.0)
    series = {"ankle_y_left": level, "ankle_y_right": level + 5, "shank_px": np.full(10, SHANK)}
    assert measures.planted_leg(series) == "both"


@pytest.mark.slow
@pytest.mark.validation
def test_single_leg_ball_squat_generated(model_info):
    labels, result = run_synth("single_leg_ball_squat", model_info, view="front", reps=3,
                               faults={2: ["knee_valgus"]}, body_type="short_broad", seed=5,
                               fps=15, width=640, height=360)
    check_against_truth(labels, result)
