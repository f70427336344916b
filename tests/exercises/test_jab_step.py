"""Jab step: the hips rising out of the held half squat, measured from the height they were
held at (``base.RecentLevel``), on synthetic frames."""

import math

import pytest
from builders import squat_world, to_frame

from trainer.exercises.base import BodyReference
from trainer.exercises.jab_step import EXERCISE, metrics
from trainer.exercises.base import RecentLevel, rise_over

STANDING_UP = next(r for r in EXERCISE.rules if r.id == "standing_up")


def test_recent_level_follows_the_low_and_forgets_old_values():
    level = RecentLevel(window_s=1.0)
    for i in range(30):
        level.update(i / 30, 100.0)
    assert level.update(1.0, 120.0) == pytest.approx(100.0)
    # a second later only the raised values are left
    assert [level.update(1.0 + i / 30, 120.0) for i in range(40)][-1] == pytest.approx(120.0)


def test_a_few_misplaced_frames_set_no_false_low():
    level = RecentLevel(window_s=3.0)
    values = [100.0] * 88 + [60.0, 60.0]   # two frames of a joint jumping
    lows = [level.update(i / 30, v) for i, v in enumerate(values)]
    assert lows[-1] == pytest.approx(100.0)


def test_rise_over_reads_zero_below_the_level_and_nan_without_one():
    assert rise_over(110.0, 100.0) == pytest.approx(0.1)
    assert rise_over(90.0, 100.0) == 0.0
    assert math.isnan(rise_over(100.0, math.nan))


def _hips_rise_over_a_tap(knee_end: float) -> float:
    """Held at a 60 deg knee bend for 2 s, then the knees go to ``knee_end`` as if tapping."""
    ref, rises = BodyReference(), []
    for i in range(90):
        knee = 60.0 if i < 60 else 60.0 + (knee_end - 60.0) * (i - 60) / 29
        frame = to_frame(squat_world(knee), i / 30, i)
        ref.update(frame)
        rises.append(metrics(frame, ref)["hips_rise_left"])
    return max(rises)


def test_standing_up_while_tapping_is_a_fault_a_held_squat_is_not():
    assert STANDING_UP.is_fault(_hips_rise_over_a_tap(15.0))
    assert not STANDING_UP.is_fault(_hips_rise_over_a_tap(60.0))


def test_sinking_into_the_squat_is_no_rise():
    assert _hips_rise_over_a_tap(90.0) == pytest.approx(0.0, abs=1e-9)


@pytest.mark.slow
@pytest.mark.validation
def test_jab_step_generated(model_info):
    from .harness import check_against_truth, run_synth
    labels, result = run_synth("jab_step", model_info, view="front", reps=3,
                               faults={2: ["standing_up"]}, body_type="tall_slim", seed=4,
                               fps=15, width=640, height=360)
    check_against_truth(labels, result)
