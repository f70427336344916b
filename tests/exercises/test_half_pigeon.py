"""Half pigeon: which frames count as the held position (metric values, no model)."""

import math

import pytest

from trainer.exercises.half_pigeon import folded_side, in_position

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
