"""Lunge with knee to chest: the knee hug neither adds reps nor depends on the model's sides."""

import numpy as np
import pytest

from tests.builders import squat_world, to_frame
from trainer.exercises import lower_body as body
from trainer.exercises.base import BodyReference
from trainer.exercises.lunge_with_knee_to_chest import EXERCISE
from trainer.pose import Landmark as L


def standing_frame(lifted: str, foot_up_m: float, knee_up_m: float = 0.0):
    """Standing tall, side view; the ``lifted`` foot is ``foot_up_m`` off the floor and its knee
    raised by ``knee_up_m``."""
    world = squat_world(0.0)
    name = lifted.upper()
    for joint in ("ANKLE", "HEEL", "FOOT_INDEX"):
        world[L[f"{name}_{joint}"]] += [0.0, foot_up_m, 0.0]
    world[L[f"{name}_KNEE"]] += [0.0, knee_up_m, 0.2 * knee_up_m]
    return to_frame(world, 0.0, 0, view="side")


def reference_for(frame) -> BodyReference:
    ref = BodyReference()
    ref.update(to_frame(squat_world(0.0), 0.0, 0, view="side"))
    return ref


def test_a_foot_rising_into_the_hug_does_not_read_as_the_hips_sinking():
    frame = standing_frame("right", foot_up_m=0.12)   # on its way up, still near the floor
    ref = reference_for(frame)
    metrics = EXERCISE.metrics(frame, ref)
    assert body.hip_drop(frame, ref.thigh_px, ref.shank_px) > 0.05   # averaging it in sinks the hips
    standing = EXERCISE.metrics(to_frame(squat_world(0.0), 0.0, 0, view="side"), ref)
    assert metrics[EXERCISE.rep_metric] == pytest.approx(standing[EXERCISE.rep_metric], abs=0.02)


@pytest.mark.parametrize("hugged", ["left", "right"])
def test_hug_rise_is_the_higher_knee_whichever_side_the_model_names(hugged):
    frame = standing_frame(hugged, foot_up_m=0.3, knee_up_m=0.6)
    metrics = EXERCISE.metrics(frame, reference_for(frame))
    rule = next(r for r in EXERCISE.rules if r.id == "knee_not_to_chest")
    assert not rule.is_fault(metrics[rule.metric])
    flat = to_frame(squat_world(0.0), 0.0, 0, view="side")
    assert rule.is_fault(EXERCISE.metrics(flat, reference_for(flat))[rule.metric])
    assert np.isfinite(metrics[rule.metric])
