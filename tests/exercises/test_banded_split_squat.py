"""Banded split squat: the front leg is told from the picture, the reps from the hips."""

import numpy as np
import pytest

from tests.builders import squat_world, to_frame
from tests.exercises.test_slider_reverse_lunge import lunge_frame
from trainer.exercises import lower_body as body
from trainer.exercises import lunge_measures
from trainer.exercises.banded_split_squat import EXERCISE
from trainer.exercises.base import BodyReference
from trainer.pose import Landmark as L


@pytest.mark.parametrize("front", ["left", "right"])
def test_the_front_leg_is_the_one_whose_knee_stands_above_its_ankle(front):
    rises = lunge_measures.shin_rises(lunge_frame(front, 5.0))
    series = {name: np.array([value]) for name, value in rises.items()}
    assert EXERCISE.working_side(series) == front


def test_hip_sink_is_measured_against_the_torso_not_the_legs():
    ref = BodyReference()
    standing = to_frame(squat_world(0.0), 0.0, 0, view="side")
    ref.update(standing)
    low = to_frame(squat_world(100.0), 0.1, 1, view="side")
    top, bottom = lunge_measures.hip_sink(standing, ref), lunge_measures.hip_sink(low, ref)
    assert bottom - top > EXERCISE.rep_thresholds.min_range
    # legs that look longer for a while (a foot stepping toward the camera) inflate the learned
    # leg lengths, so a leg ruler reads standing tall as sunk; the torso ruler does not
    longer_legs = squat_world(0.0)
    for name in ("ANKLE", "HEEL", "FOOT_INDEX", "KNEE"):
        for side in ("LEFT", "RIGHT"):
            longer_legs[L[f"{side}_{name}"], 1] -= 0.1 if name == "KNEE" else 0.2
    drop_before = body.hip_drop(standing, ref.thigh_px, ref.shank_px)
    ref.update(to_frame(longer_legs, 0.2, 2, view="side"))
    assert body.hip_drop(standing, ref.thigh_px, ref.shank_px) > drop_before + 0.1
    assert lunge_measures.hip_sink(standing, ref) == pytest.approx(top, abs=0.01)


def test_front_knee_caving_in_is_judged_against_its_own_hip_to_ankle_line():
    rule = next(r for r in EXERCISE.rules if r.id == "knee_valgus")
    ref = BodyReference()
    ref.update(to_frame(squat_world(0.0), 0.0, 0))
    tracking = EXERCISE.metrics(to_frame(squat_world(100.0), 0.1, 1), ref)
    caving = EXERCISE.metrics(to_frame(squat_world(100.0, knees_in=0.10), 0.2, 2), ref)
    assert not rule.is_fault(tracking[rule.metric.format(side="left")])
    assert rule.is_fault(caving[rule.metric.format(side="left")])


def _reps(sink_by_time, fps=30):
    from trainer.reps import RepCounter

    counter = RepCounter(EXERCISE.rep_thresholds)
    return sum(counter.update(v, i / fps) is not None for i, v in enumerate(sink_by_time))


def _dip(depth, down_s, fps=30):
    """Standing 1 s, down and back up (``down_s`` each way), standing 1 s; hips at 2.0 torsos."""
    way = depth * (1 - np.cos(np.linspace(0, np.pi, int(2 * down_s * fps)))) / 2
    return np.concatenate([np.full(fps, 2.0), 2.0 + np.concatenate([way[::2], way[::-2]]),
                           np.full(fps, 2.0)])


def test_a_rep_stopped_halfway_counts_but_the_dip_of_changing_legs_does_not():
    # stopping at a ~55 deg front knee sinks the hips only about 0.09 of a torso; stepping
    # from one leg's stance to the other dips them as much, but for half a second
    assert _reps(_dip(0.09, down_s=1.2)) == 1
    assert _reps(_dip(0.09, down_s=0.25)) == 0
    assert _reps(_dip(0.02, down_s=1.2)) == 0   # swaying
