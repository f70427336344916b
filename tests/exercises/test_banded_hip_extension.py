"""Banded hip extension: the kicking leg's rise read from the 3D landmarks (so a camera in front
of the person, where the legs hide behind the body, still sees it), and a generated clip
through the real pose model."""

import numpy as np
import pytest

from trainer.exercises.banded_hip_extension import EXERCISE, metrics
from trainer.exercises.base import BodyReference
from trainer.exercises.floor_measures import world_ankle_rise
from trainer.pose import N_LANDMARKS, Landmark as L, PoseFrame

from .harness import check_against_truth, run_synth

THIGH, SHANK = 0.45, 0.45


def all_fours_world(kicked: bool) -> np.ndarray:
    """World points (metres, y down, origin at the hips, z away from a camera in front of the
    person) on hands and knees, the left leg kneeling or kicked straight back level with the
    hips."""
    world = np.zeros((N_LANDMARKS, 3))
    for hip, knee, ankle, x in ((L.LEFT_HIP, L.LEFT_KNEE, L.LEFT_ANKLE, 0.1),
                                (L.RIGHT_HIP, L.RIGHT_KNEE, L.RIGHT_ANKLE, -0.1)):
        world[hip] = (x, 0.0, 0.0)
        world[knee] = (x, THIGH, 0.0)           # knee under the hip
        world[ankle] = (x, THIGH, SHANK)        # shin flat on the floor, behind
    for shoulder, x in ((L.LEFT_SHOULDER, 0.2), (L.RIGHT_SHOULDER, -0.2)):
        world[shoulder] = (x, 0.1, -0.5)        # hands under the shoulders, ahead of the hips
    if kicked:
        world[L.LEFT_KNEE] = (0.1, 0.0, THIGH)
        world[L.LEFT_ANKLE] = (0.1, 0.0, THIGH + SHANK)
    return world


def frame(world: np.ndarray) -> PoseFrame:
    vis = np.full(N_LANDMARKS, 0.99)
    hidden = vis.copy()
    hidden[[L.LEFT_ANKLE, L.RIGHT_ANKLE]] = 0.05    # behind the body, as seen from the front
    return PoseFrame(0.0, 0, (1280, 720), 400.0 + world[:, :2] * 300.0, world, hidden, vis)


def test_a_leg_kicked_back_to_hip_height_rises_half_a_leg():
    rise = world_ankle_rise(frame(all_fours_world(kicked=True)), "left")
    assert rise == pytest.approx(THIGH / (THIGH + SHANK))
    assert world_ankle_rise(frame(all_fours_world(kicked=True)), "right") == pytest.approx(-rise)


def test_resting_legs_read_level():
    assert world_ankle_rise(frame(all_fours_world(kicked=False)), "left") == pytest.approx(0.0)


def test_facing_the_camera_the_rep_signal_needs_no_seen_ankle():
    # hidden ankles (visibility 0.05) still give the rep signal from the 3D estimate
    values = metrics(frame(all_fours_world(kicked=True)), BodyReference())
    assert values["leg_rise"] > EXERCISE.rep_thresholds.enter


@pytest.mark.slow
@pytest.mark.validation
def test_banded_hip_extension_generated(model_info):
    labels, result = run_synth("banded_hip_extension", model_info, view="side", reps=4,
                               faults={2: ["back_arch"], 3: ["bent_leg"]},
                               body_type="average", seed=5)
    check_against_truth(labels, result)
