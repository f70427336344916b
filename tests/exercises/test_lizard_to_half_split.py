"""Lizard to half split: which frames count as the half-split hold (metric values, no model)."""

import pytest

from trainer.exercises.lizard_to_half_split import EXERCISE, front_leg, hips_back, in_position

SPLIT = {"knee_height_left": 0.55, "knee_height_right": 0.03, "knee_bend_left": 16,
         "thigh_tilt_right": 5}


@pytest.mark.parametrize("change, held", [
    ({}, True),
    # front knee still clearly bent (the front_knee_bent fault): held, the rule judges it
    ({"knee_bend_left": 45}, True),
    # the low camera can read the kneeling knee half a shank up: still the same position
    ({"knee_height_right": 0.45}, True),
    # lizard: hips forward over a leaning back thigh, front knee deeply bent
    ({"knee_bend_left": 110, "thigh_tilt_right": 40}, False),
    # hips not yet back over the knee
    ({"thigh_tilt_right": 30}, False),
])
def test_the_half_split_is_the_hips_back_over_the_back_knee(change, held):
    assert hips_back(SPLIT | change) is held
    assert front_leg(SPLIT | change) == "left"


def test_the_hold_is_the_settled_latch_not_the_position_alone():
    # the thigh is near vertical before the eased shift back has ended: only once the trunk
    # rests over the knee (metrics' "settled") is the half split held
    assert not in_position(SPLIT | {"settled": 0.0})
    assert in_position(SPLIT | {"settled": 1.0})


def test_a_bent_front_knee_is_judged_on_what_it_held_for_a_second():
    (rule,) = EXERCISE.rules
    glitch = [15.0] * 60 + [40.0] * 10          # a third of a second of a guessed far knee
    bent = [40.0] * 60
    assert not rule.is_fault(rule.judged_value(glitch, 30.0))
    assert rule.is_fault(rule.judged_value(bent, 30.0))
