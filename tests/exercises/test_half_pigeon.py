"""Half pigeon: which frames count as the held position (metric values, no model)."""

import math

import numpy as np
import pytest

from trainer.exercises.half_pigeon import EXERCISE, folded_side, in_position
from trainer.exercises.base import BodyReference
from trainer.pose import N_LANDMARKS, Landmark as L, PoseFrame

NAN = math.nan
# left shin folded in front (its foot hidden under the body), right leg long behind, knee down
HELD = {"foot_reach_left": NAN, "foot_reach_right": 1.55, "knee_height_left": 0.1,
        "knee_height_right": 0.3}


@pytest.mark.parametrize("change, held", [
    ({}, True),
    ({"foot_reach_left": 0.4}, True),                           # folded foot seen near the hips
    ({"foot_reach_right": 2.0, "knee_height_right": 0.6}, True),  # hips propped high: the rule judges it
    # downward dog between holds: both feet equally far back, knees off the floor
    ({"foot_reach_left": 1.0, "foot_reach_right": 1.1, "knee_height_right": 1.0}, False),
    ({"foot_reach_left": 1.4, "foot_reach_right": 1.5}, False),  # both legs long
    ({"knee_height_right": 1.1}, False),                         # long leg's knee off the floor
])
def test_the_pigeon_is_held_with_one_leg_long_and_its_knee_down(change, held):
    assert in_position(HELD | change) is held


def test_the_stretched_side_is_the_folded_front_leg():
    assert folded_side(HELD) == "left"
    assert folded_side({"foot_reach_left": 1.6, "foot_reach_right": 0.3}) == "right"
    assert folded_side({"foot_reach_left": 1.0, "foot_reach_right": 1.0}) == "both"


def pigeon_frame(near_knee_y: float, far_knee_y: float, hips_y: float) -> PoseFrame:
    """Side view: the knee nearer a low camera shows lower in the picture than the far one."""
    xy = np.full((N_LANDMARKS, 2), 300.0)
    xy[[L.LEFT_HIP, L.RIGHT_HIP], 1] = hips_y
    xy[L.LEFT_KNEE, 1], xy[L.RIGHT_KNEE, 1] = near_knee_y, far_knee_y
    xy[[L.LEFT_ANKLE, L.RIGHT_ANKLE]] = xy[[L.LEFT_KNEE, L.RIGHT_KNEE]] + [100.0, 0.0]   # shanks of 100 px
    ones = np.ones(N_LANDMARKS)
    return PoseFrame(0.0, 0, (1280, 720), xy, np.zeros((N_LANDMARKS, 3)), ones, ones, 1)


def hip_height(frame: PoseFrame) -> float:
    ref = BodyReference()
    ref.update(frame)
    return EXERCISE.metrics(frame, ref)["hip_height"]


def test_hip_height_is_read_from_the_floor_under_the_hips_not_the_near_knee():
    # knees 20 px apart by perspective, hips 35 px above the floor between them
    assert hip_height(pigeon_frame(410, 390, 365)) == pytest.approx(0.35)
    assert hip_height(pigeon_frame(390, 410, 365)) == pytest.approx(0.35)


def test_hips_propped_up_read_past_the_limit():
    (rule,) = EXERCISE.rules
    assert not rule.is_fault(hip_height(pigeon_frame(410, 390, 365)))
    assert rule.is_fault(hip_height(pigeon_frame(410, 390, 325)))
