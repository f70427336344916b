"""Eccentric heel raise: the lowering time and the body-rise signal on made-up numbers, and a
generated clip through the real pose model."""

import math

import numpy as np
import pytest

from trainer.exercises import hinge_measures as measures
from trainer.exercises.base import BodyReference
from trainer.exercises.eccentric_heel_raise import EXERCISE
from trainer.pose import N_LANDMARKS, Landmark as L, PoseFrame

from .harness import check_against_truth, run_synth

FPS = 30.0


def raise_series(lowering_s: float, pause_s: float = 0.4, up_s: float = 1.0) -> dict:
    """A rise to the top, a pause, then a cosine-shaped lowering lasting ``lowering_s``."""
    t = np.arange(0.0, up_s + pause_s + lowering_s + 0.3, 1 / FPS)
    rise = np.clip(t / up_s, 0, 1)
    down = np.clip((t - up_s - pause_s) / lowering_s, 0, 1)
    height = 0.2 * (rise - (1 - np.cos(np.pi * down)) / 2)
    return {"shoulder_height": height, "t_s": t}


def test_slow_lowering_takes_long_and_a_drop_is_quick():
    slow = measures.drop_time(raise_series(2.5), "shoulder_height")
    dropped = measures.drop_time(raise_series(0.3), "shoulder_height")
    rule = next(r for r in EXERCISE.rules if r.id == "fast_lowering")
    assert slow > 0.8 and not rule.is_fault(slow)
    assert dropped < 0.3 and rule.is_fault(dropped)


def test_the_pause_at_the_top_is_not_part_of_the_lowering():
    short_pause = measures.drop_time(raise_series(2.0, pause_s=0.2), "shoulder_height")
    long_pause = measures.drop_time(raise_series(2.0, pause_s=1.5), "shoulder_height")
    assert abs(short_pause - long_pause) < 2 / FPS


def test_lowering_time_is_nan_without_a_rise():
    flat = {"shoulder_height": np.zeros(30), "t_s": np.arange(30) / FPS}
    assert math.isnan(measures.drop_time(flat, "shoulder_height"))


def standing_frame(shoulder_y: float, t_s: float = 0.0) -> PoseFrame:
    xy = np.full((N_LANDMARKS, 2), 300.0)
    xy[[L.LEFT_SHOULDER, L.RIGHT_SHOULDER]] = [[330, shoulder_y], [270, shoulder_y]]
    xy[[L.LEFT_HIP, L.RIGHT_HIP]] = [[320, shoulder_y + 100], [280, shoulder_y + 100]]
    vis = np.ones(N_LANDMARKS)
    return PoseFrame(t_s, 0, (640, 480), xy, np.zeros((N_LANDMARKS, 3)), vis, vis.copy(), 1)


def test_shoulder_height_is_in_trunk_lengths_and_grows_as_the_body_rises():
    ref = BodyReference()
    flat = measures.shoulder_height(standing_frame(100.0), ref)
    up = measures.shoulder_height(standing_frame(80.0), ref)
    assert up - flat == pytest.approx(0.2, abs=0.01)


@pytest.mark.slow
@pytest.mark.validation
def test_eccentric_heel_raise_generated(model_info):
    labels, result = run_synth("eccentric_heel_raise", model_info, view="front", reps=3,
                               faults={2: ["fast_lowering"]}, body_type="tall_slim", seed=4,
                               fps=15, width=640, height=360)
    check_against_truth(labels, result)


@pytest.mark.slow
def test_a_calf_raise_on_both_feet_counts_as_heel_raises(model_info):
    # The variant many people do (or start with): both heels rise and lower together.
    labels, result = run_synth("calf_raise", model_info, analyze_as="eccentric_heel_raise",
                               view="side", reps=4, body_type="average", seed=5,
                               fps=15, width=640, height=360)
    assert len(result.reps) == len(labels["reps"]) == 4
    for truth, found in zip(labels["reps"], result.reps):
        assert truth["start_frame"] / labels["fps"] <= found.turn_s <= truth["end_frame"] / labels["fps"]
