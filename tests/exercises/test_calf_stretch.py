"""Runner's calf stretch: which leg is stretched and when the position is held (no model)."""

import pytest

from trainer.exercises.calf_stretch import back_leg, in_position

HELD = {"foot_behind_left": 2.4, "foot_behind_right": 0.3, "feet_apart": 1.9, "trunk_lean": 20}


def test_the_back_leg_is_the_foot_furthest_from_the_shoulders():
    assert back_leg(HELD) == "left"
    assert back_leg({"foot_behind_left": 0.2, "foot_behind_right": 2.0}) == "right"
    assert back_leg({"foot_behind_left": 0.2}) == "both"


@pytest.mark.parametrize("change, held", [
    ({}, True),
    ({"feet_apart": 0.2}, False),     # standing with the feet together between holds
    ({"trunk_lean": 3}, False),       # upright, not leaning into the wall
])
def test_the_stretch_is_held_with_the_feet_split_and_leaning_in(change, held):
    assert in_position(HELD | change) is held
