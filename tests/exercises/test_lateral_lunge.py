"""Lateral lunge: the trailing leg's straightness is read from its length on screen."""

import math

import numpy as np
import pytest

from tests.builders import squat_world, to_frame
from trainer.exercises import lunge_measures
from trainer.exercises.base import BodyReference
from trainer.exercises.lateral_lunge import EXERCISE, trailing_leg_span
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
    # from the front this bend barely shows as an angle: the knee comes straight at the camera
    assert spans_after_standing(squat_world(60.0)) < LIMIT
    assert spans_after_standing(squat_world(20.0)) > LIMIT


def test_the_trailing_leg_is_the_one_that_did_not_bend():
    sink = np.array([0.0, 0.2, 0.4, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.4, 0.2, 0.0])
    series = {"knee_bend_left": np.full(sink.size, 90.0), "knee_bend_right": np.full(sink.size, 10.0),
              "hip_sink": sink, "leg_span_left": np.full(sink.size, 0.6),
              "leg_span_right": np.where(sink >= 0.4, 0.85, 1.0)}
    assert trailing_leg_span(series) == pytest.approx(0.85)
