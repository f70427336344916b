"""Single-leg deadlift: the hinge measures on made-up poses, and a generated clip through the
real pose model."""

import math

import numpy as np
import pytest

from trainer.exercises import hinge_measures as measures
from trainer.exercises.single_leg_deadlift import EXERCISE
from trainer.pose import N_LANDMARKS, Landmark as L, PoseFrame

from .harness import check_against_truth, run_synth


def frame_with(points: dict) -> PoseFrame:
    xy = np.full((N_LANDMARKS, 2), 200.0)
    for landmark, point in points.items():
        xy[landmark] = point
    vis = np.ones(N_LANDMARKS)
    return PoseFrame(0.0, 0, (640, 480), xy, np.zeros((N_LANDMARKS, 3)), vis, vis.copy(), 1)


def side_hinge(shoulder_drop_deg: float, thigh_drop_deg: float = 0.0) -> PoseFrame:
    """Side-on, facing image left, hips at (300, 200): the trunk reaches forward 100 px,
    ``shoulder_drop_deg`` below level; the free (right) thigh reaches back 80 px, carrying on
    the trunk's line bent down by ``thigh_drop_deg``."""
    hip = np.array([300.0, 200.0])
    a = math.radians(shoulder_drop_deg)
    shoulder = hip + 100 * np.array([-math.cos(a), math.sin(a)])
    knee = hip + 80 * np.array([math.cos(math.radians(thigh_drop_deg) - a),
                                math.sin(math.radians(thigh_drop_deg) - a)])
    return frame_with({L.LEFT_HIP: hip, L.RIGHT_HIP: hip, L.LEFT_SHOULDER: shoulder,
                       L.RIGHT_SHOULDER: shoulder, L.RIGHT_KNEE: knee, L.LEFT_KNEE: [300, 300]})


@pytest.mark.parametrize("drop", [-12.0, 0.0, 20.0])
def test_shoulders_below_hips_reads_the_trunk_angle_below_level(drop):
    assert measures.shoulders_below_hips(side_hinge(drop)) == pytest.approx(drop, abs=0.1)


@pytest.mark.parametrize("bend", [0.0, 45.0])
def test_free_thigh_is_measured_against_the_trunk_line(bend):
    assert measures.thigh_off_trunk_line(side_hinge(-10.0, bend), "right") == pytest.approx(bend, abs=0.1)


def test_rounding_and_a_dropped_leg_break_their_rules():
    rules = {r.id: r for r in EXERCISE.rules}
    assert rules["back_rounding"].is_fault(measures.shoulders_below_hips(side_hinge(20.0)))
    assert not rules["back_rounding"].is_fault(measures.shoulders_below_hips(side_hinge(-10.0)))
    assert rules["leg_out_of_line"].is_fault(measures.thigh_off_trunk_line(side_hinge(-10.0, 45.0), "right"))


@pytest.mark.parametrize("hip_tilt, shoulder_tilt, expected", [
    (0.0, 0.0, 0.0),      # square
    (6.0, 14.0, 10.0),    # pelvis and trunk rolled together
    (4.0, -4.0, 0.0),     # opposite tilts are jitter, not a roll
])
def test_trunk_roll_averages_the_hip_and_shoulder_lines(hip_tilt, shoulder_tilt, expected):
    def line(tilt, y):
        dy = 50 * math.tan(math.radians(tilt))
        return [350, y - dy], [250, y + dy]    # left landmark at image right (facing the camera)
    (lh, rh), (ls, rs) = line(hip_tilt, 250), line(shoulder_tilt, 200)
    frame = frame_with({L.LEFT_HIP: lh, L.RIGHT_HIP: rh, L.LEFT_SHOULDER: ls, L.RIGHT_SHOULDER: rs})
    assert measures.trunk_roll(frame) == pytest.approx(expected, abs=0.1)


@pytest.mark.slow
@pytest.mark.validation
def test_single_leg_deadlift_generated(model_info):
    labels, result = run_synth("single_leg_deadlift", model_info, view="side", reps=3,
                               faults={2: ["back_rounding"], 3: ["leg_out_of_line"]},
                               body_type="tall_slim", seed=4, fps=15, width=640, height=360)
    check_against_truth(labels, result)


def test_a_trunk_the_picture_shows_folded_never_reads_upright():
    # from the front the model's 3D trunk can flip upright for a few frames at the bottom of
    # the hinge; the trunk's shortened length in the picture bounds the fold from below
    from trainer.exercises.base import BodyReference

    ref = BodyReference()
    upright = {L.LEFT_SHOULDER: (280, 100), L.RIGHT_SHOULDER: (320, 100),
               L.LEFT_HIP: (285, 250), L.RIGHT_HIP: (315, 250)}
    for _ in range(20):
        assert measures.hinge_depth(frame_with(upright), ref, 5.0) == pytest.approx(5.0)
    folded = {**upright, L.LEFT_SHOULDER: (280, 200), L.RIGHT_SHOULDER: (320, 200)}   # a third
    assert measures.hinge_depth(frame_with(folded), ref, 5.0) > 65.0
    assert measures.hinge_depth(frame_with(folded), ref, 80.0) == pytest.approx(80.0)
