"""Half-kneeling hip flexor stretch: which leg kneels and when the stretch is held (no model)."""

import pytest

from trainer.exercises.hip_flexor_stretch import in_position, kneeling_side, shin_forward

# left knee down, right foot in front with its shin leaning forward into the stretch
HELD = {"knee_height_left": 0.1, "knee_height_right": 1.2, "front_shin_left": 13.0}


def test_the_kneeling_leg_is_the_lower_knee():
    assert kneeling_side(HELD) == "left"
    assert kneeling_side({"knee_height_left": 1.1, "knee_height_right": 0.2}) == "right"
    assert kneeling_side({"knee_height_left": 0.1}) == "both"


@pytest.mark.parametrize("change, held", [
    ({}, True),
    ({"knee_height_left": 0.45}, True),   # the near kneeling knee's height flickers: still held
    ({"front_shin_left": 4.0}, False),    # kneeling upright between holds
    ({"front_shin_left": 45.0}, True),    # the knee pushed far past the foot is a fault, not a rest
    ({"front_shin_left": 100.0}, False),  # not kneeling over a planted front foot
    ({"knee_height_right": None}, False), # the legs cannot be told apart
])
def test_the_stretch_is_held_with_the_front_shin_leaning_forward(change, held):
    metrics = {k: v for k, v in (HELD | change).items() if v is not None}
    assert shin_forward(metrics) is held


def test_the_hold_is_timed_once_settled_in_the_stretch():
    assert in_position({"settled": 1.0}) is True
    assert in_position({"settled": 0.0}) is False
    assert in_position({}) is False
