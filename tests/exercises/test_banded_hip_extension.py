"""Banded hip extension: the kicking leg's rise read from the 3D landmarks (so a camera in front
of the person, where the legs hide behind the body, still sees it); side-on, each ankle read
against its own resting place and reps kept whole through the pose model's far-leg mix-ups;
and a generated clip through the real pose model."""

import math

import numpy as np
import pytest

from trainer.engine import ExerciseEngine
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


# --- side view: a stick figure on all fours kicking one leg back (image pixels, y down) ---
THIGH_PX = SHANK_PX = 90.0
HIP_PX = np.array([480.0, 190.0])
FAR_HIGHER_PX = 10.0   # a camera looking down shows the far (right) leg a little higher


def leg_points(kick: float, lifted: bool) -> tuple[np.ndarray, np.ndarray]:
    """Knee and ankle of one leg: kneeling (shin flat behind the knee) or, when ``lifted``, the
    thigh swung back by ``kick`` (0 = hanging under the hip, 1 = level with it)."""
    angle = math.radians(90.0 * (1.0 - kick)) if lifted else math.pi / 2
    knee = HIP_PX + THIGH_PX * np.array([math.cos(angle), math.sin(angle)])
    return knee, knee + np.array([SHANK_PX, 0.0])


def all_fours_side(t_s: float, index: int, kick: float, side: str, *,
                   drawn_down: bool = False, merged: bool = False) -> PoseFrame:
    """The person seen from their left; ``side`` kicks by ``kick``. ``drawn_down``: the model
    draws the kicked leg back on the floor; ``merged``: it draws both legs on one spot
    halfway up."""
    xy = np.zeros((N_LANDMARKS, 2))
    xy[[L.LEFT_SHOULDER, L.RIGHT_SHOULDER]] = (300.0, 190.0)
    xy[[L.LEFT_HIP, L.RIGHT_HIP]] = HIP_PX
    xy[[L.NOSE, L.LEFT_EAR, L.RIGHT_EAR]] = (230.0, 170.0)
    for leg, (knee_id, ankle_id, heel_id, toe_id) in {
            "left": (L.LEFT_KNEE, L.LEFT_ANKLE, L.LEFT_HEEL, L.LEFT_FOOT_INDEX),
            "right": (L.RIGHT_KNEE, L.RIGHT_ANKLE, L.RIGHT_HEEL, L.RIGHT_FOOT_INDEX)}.items():
        knee, ankle = leg_points(kick, lifted=leg == side and not drawn_down)
        if merged:
            knee, ankle = leg_points(0.5, lifted=True)
        lift = np.array([0.0, -FAR_HIGHER_PX if leg == "right" else 0.0])
        xy[[knee_id, ankle_id]] = knee + lift, ankle + lift
        xy[[heel_id, toe_id]] = ankle + lift + (10.0, -5.0), ankle + lift + (20.0, 10.0)
    vis = np.full(N_LANDMARKS, 0.99)
    return PoseFrame(t_s, index, (1280, 720), xy, np.zeros((N_LANDMARKS, 3)), vis, vis.copy())


def kick_set(sides: str, fps: float = 30.0, dropout_s: float = 0.0) -> list[PoseFrame]:
    """1 s kneeling, then one 2 s kick (cosine) and 1 s rest per letter of ``sides`` ("l"/"r");
    ``dropout_s``: at the top of each kick the model draws the leg on the floor that long."""
    frames, t = [], 0.0
    plan = [(0.0, 1.0, "left")] + [(2.0, 1.0, "left" if s == "l" else "right") for s in sides]
    for kick_s, rest_s, side in plan:
        for i in range(int((kick_s + rest_s) * fps)):
            phase = i / fps / kick_s if kick_s else 2.0
            kick = (1 - math.cos(2 * math.pi * phase)) / 2 if phase <= 1 else 0.0
            down = abs(phase - 0.5) * kick_s < dropout_s / 2
            frames.append(all_fours_side(t, len(frames), kick, side, drawn_down=down))
            t += 1 / fps
    return frames


def count(frames: list[PoseFrame]) -> list[str]:
    engine = ExerciseEngine(EXERCISE, 30.0)
    for frame in frames:
        engine.update(frame)
    return [rep.side for rep in engine.result().reps]


def test_each_ankle_is_read_from_its_own_resting_place():
    # the far ankle sits higher in the picture at rest; against the other ankle it would read
    # as a lift, against its own resting place it reads 0 like the near one
    ref, values = BodyReference(), {}
    for frame in kick_set(""):
        ref.update(frame)
        values = metrics(frame, ref)
    assert values["ankle_lift_left"] == pytest.approx(0.0, abs=1e-6)
    assert values["ankle_lift_right"] == pytest.approx(0.0, abs=1e-6)


def test_kicks_are_counted_on_the_leg_that_lifted():
    assert count(kick_set("lllrrr")) == ["left"] * 3 + ["right"] * 3


def test_a_leg_drawn_back_on_the_floor_for_a_moment_does_not_split_the_rep():
    # the pose model sometimes loses the lifted far leg for a few frames
    assert count(kick_set("rrr", dropout_s=0.13)) == ["right"] * 3


def test_legs_drawn_on_one_spot_off_the_floor_are_not_measured():
    ref = BodyReference()
    for frame in kick_set(""):
        ref.update(frame)
        metrics(frame, ref)
    merged = all_fours_side(1.0, 30, 0.0, "left", merged=True)
    assert math.isnan(metrics(merged, ref)["leg_rise"])


@pytest.mark.slow
@pytest.mark.validation
def test_banded_hip_extension_generated(model_info):
    labels, result = run_synth("banded_hip_extension", model_info, view="side", reps=4,
                               faults={2: ["back_arch"], 3: ["bent_leg"]},
                               body_type="average", seed=5)
    check_against_truth(labels, result)
