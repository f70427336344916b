"""Standing clamshell: the trunk's turn read from the shoulders' width, and the heel's lift
against where it sat while flat, on synthetic frames."""

import math

import numpy as np
import pytest
from builders import squat_world, to_frame

from trainer.exercises.base import BodyReference
from trainer.exercises.standing_clamshell import EXERCISE, metrics
from trainer.pose import Landmark as L

RULES = {r.id: r for r in EXERCISE.rules}
TRUNK = [L.LEFT_SHOULDER, L.RIGHT_SHOULDER, L.LEFT_ELBOW, L.RIGHT_ELBOW]


def _turn_out(turn_deg: float = 0.0, heel_up_m: float = 0.0) -> dict[str, float]:
    """2 s standing square with soft knees, then one second turning the trunk ``turn_deg``
    and lifting the left heel ``heel_up_m``; the values at the end."""
    ref, values = BodyReference(), {}
    for i in range(90):
        share = max(0.0, (i - 60) / 29)
        world = squat_world(16.0)
        centre = (world[L.LEFT_SHOULDER] + world[L.RIGHT_SHOULDER]) / 2
        angle = math.radians(turn_deg * share)
        turn = np.array([[math.cos(angle), 0, math.sin(angle)], [0, 1, 0],
                         [-math.sin(angle), 0, math.cos(angle)]])
        world[TRUNK] = (world[TRUNK] - centre) @ turn.T + centre
        world[L.LEFT_HEEL, 1] += heel_up_m * share
        frame = to_frame(world, i / 30, i)
        ref.update(frame)
        values = metrics(frame, ref)
    return values


def test_a_trunk_turned_25_degrees_reads_as_the_pelvis_turning():
    assert RULES["pelvis_rotation"].is_fault(_turn_out(turn_deg=25.0)["trunk_turn"])
    assert not RULES["pelvis_rotation"].is_fault(_turn_out(turn_deg=5.0)["trunk_turn"])


def test_a_heel_lifted_well_up_passes_a_flat_one_is_cued():
    assert not RULES["heel_down"].is_fault(_turn_out(heel_up_m=0.08)["heel_lift_left"])
    assert RULES["heel_down"].is_fault(_turn_out(heel_up_m=0.01)["heel_lift_left"])


def test_rule_ids_match_the_generator_faults():
    from trainer.synth import FAULTS
    assert {r.id for r in EXERCISE.rules} == set(FAULTS["standing_clamshell"])


@pytest.mark.slow
@pytest.mark.validation
def test_standing_clamshell_generated(model_info):
    from .harness import check_against_truth, run_synth
    labels, result = run_synth("standing_clamshell", model_info, view="front", reps=5,
                               faults={2: ["heel_down"], 4: ["pelvis_rotation"]},
                               body_type="short_broad", seed=4, fps=15, width=640, height=360)
    check_against_truth(labels, result)
