"""Lateral lunge: the trailing leg's straightness is read from its length on screen, against
what that person's straight leg usually reads at the bottom; the bent shin's forward lean is
read from the picture side-on and from the knee's depth facing the camera."""

import math

import numpy as np
import pytest

from tests.builders import squat_world, to_frame
from trainer.exercises import lunge_measures
from trainer.exercises.base import BodyReference
from trainer.exercises.lateral_lunge import (EXERCISE, USUAL_SPAN_FLOOR, shin_forward_lean,
                                             trailing_leg_span, usual_straight_span)
from trainer.pose import Landmark as L

LIMIT = next(r.limit for r in EXERCISE.rules if r.id == "bent_trailing_leg")


def leg_swung_out(degrees: float) -> np.ndarray:
    """Standing figure whose straight left leg reaches out sideways by ``degrees`` at the hip."""
    world = squat_world(0.0)
    hip = world[L.LEFT_HIP]
    turn = math.radians(degrees)
    rotation = np.array([[math.cos(turn), math.sin(turn), 0.0],
                         [-math.sin(turn), math.cos(turn), 0.0], [0.0, 0.0, 1.0]])
    for name in ("KNEE", "ANKLE", "HEEL", "FOOT_INDEX"):
        world[L[f"LEFT_{name}"]] = hip + rotation @ (world[L[f"LEFT_{name}"]] - hip)
    return world


def spans_after_standing(world: np.ndarray) -> float:
    ref = BodyReference()
    for i in range(30):
        lunge_measures.leg_span(to_frame(squat_world(0.0), i / 30, i), ref, "left")
    return lunge_measures.leg_span(to_frame(world, 1.0, 30), ref, "left")


def test_a_straight_leg_reaching_sideways_keeps_its_length():
    assert spans_after_standing(leg_swung_out(30.0)) == pytest.approx(1.0, abs=0.01)


def test_a_knee_bending_toward_the_camera_shortens_the_leg_past_the_limit():
    # from the front this bend barely shows as an angle: the knee comes straight at the camera;
    # judged against a straight leg's usual reading, or, lacking one, the floor
    assert spans_after_standing(squat_world(60.0)) / USUAL_SPAN_FLOOR < LIMIT
    assert spans_after_standing(squat_world(45.0)) < LIMIT
    assert spans_after_standing(squat_world(20.0)) > LIMIT


def bottom_values(span: float, own_bend: float = 5.0, other_bend: float = 90.0) -> dict:
    return {"leg_span_left": span, "knee_bend_left": own_bend, "knee_bend_right": other_bend}


def test_the_usual_span_is_what_the_straight_leg_reads_at_the_bottom_of_most_reps():
    ref = BodyReference()
    for span in [0.97] * 40 + [0.90] * 8:   # a few bent reps do not lower it
        usual = usual_straight_span(bottom_values(span), ref, "left")
    assert usual == pytest.approx(0.97)
    # standing (no knee bent more than this leg) adds nothing
    assert usual_straight_span(bottom_values(0.5, other_bend=10.0), ref, "left") == pytest.approx(0.97)


@pytest.mark.parametrize("spans, expected", [
    ([], USUAL_SPAN_FLOOR),            # nothing seen yet: a typical straight leg
    ([0.86] * 30, USUAL_SPAN_FLOOR),   # bent on every rep: still judged against a straight leg
])
def test_the_usual_span_falls_back_on_a_straight_leg(spans, expected):
    ref = BodyReference()
    for span in spans:
        usual_straight_span(bottom_values(span), ref, "left")
    assert usual_straight_span(bottom_values(math.nan), ref, "left") == pytest.approx(expected)


def test_the_trailing_leg_is_the_one_that_did_not_bend():
    sink = np.array([0.0, 0.2, 0.4, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.4, 0.2, 0.0])
    series = {"knee_bend_left": np.full(sink.size, 90.0), "knee_bend_right": np.full(sink.size, 10.0),
              "hip_sink": sink, "leg_span_left": np.full(sink.size, 0.6),
              "leg_span_right": np.where(sink >= 0.4, 0.85, 1.0),
              "usual_span_right": np.full(sink.size, 0.95)}
    assert trailing_leg_span(series) == pytest.approx(0.85 / 0.95)


@pytest.mark.parametrize("view", ["front", "side"])
@pytest.mark.parametrize("shin_share, lean", [(0.25, 22.5), (0.5, 45.0)])
def test_the_shin_lean_reads_the_same_from_the_front_and_the_side(view, shin_share, lean):
    # from the front the lean points at the camera and is read from the knee's depth
    frame = to_frame(squat_world(90.0, shin_share=shin_share), 0.0, 0, view)
    assert shin_forward_lean(frame, "left") == pytest.approx(lean, abs=0.5)


def test_the_knee_past_toes_limit_lies_between_sitting_back_and_pushing_the_knee_forward():
    limit = next(r.limit for r in EXERCISE.rules if r.id == "knee_past_toes")
    assert 22.5 < limit < 45.0
