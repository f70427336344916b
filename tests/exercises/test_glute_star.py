"""Glute star: the hips' and top knee's lift read from the 3D landmarks, one rep counted per
star whichever part is left out, and a generated clip through the real pose model."""

import numpy as np
import pytest

from trainer.engine import ExerciseEngine
from trainer.exercises.floor_measures import side_lying_lift
from trainer.exercises.glute_star import EXERCISE
from trainer.pose import N_LANDMARKS, Landmark as L, PoseFrame

from .harness import check_against_truth, run_synth

THIGH_M = 0.45
FPS = 30.0


def side_lying_world(hip_up: float, knee_up: float) -> np.ndarray:
    """World points (metres, y down) of a body lying on its right side: the hips ``hip_up``
    and the top (left) knee ``knee_up`` thigh lengths above the bottom knee on the floor."""
    world = np.zeros((N_LANDMARKS, 3))
    floor_y = 0.2
    world[L.RIGHT_KNEE, 1] = floor_y
    world[L.LEFT_KNEE, 1] = floor_y - knee_up * THIGH_M
    for hip, shoulder, up in ((L.LEFT_HIP, L.LEFT_SHOULDER, 0.1),
                              (L.RIGHT_HIP, L.RIGHT_SHOULDER, -0.1)):
        world[hip, 1] = floor_y - hip_up * THIGH_M - up       # the top hip above the bottom one
        world[shoulder] = (-0.45, floor_y - 0.35 - up, 0.0)   # propped on the forearm
    for knee, hip in ((L.LEFT_KNEE, L.LEFT_HIP), (L.RIGHT_KNEE, L.RIGHT_HIP)):
        # keep each thigh one thigh length long: the knee sits forward of its hip
        rise = world[hip, 1] - world[knee, 1]
        world[knee, 2] = world[hip, 2] + np.sqrt(max(THIGH_M ** 2 - rise ** 2, 0.0))
    return world


def frame(t_s: float, hip_up: float, knee_up: float) -> PoseFrame:
    world = side_lying_world(hip_up, knee_up)
    xy = 400.0 + world[:, :2] * 300.0
    vis = np.full(N_LANDMARKS, 0.99)
    return PoseFrame(t_s, int(t_s * FPS), (1280, 720), xy, world, vis, vis.copy())


def test_lifts_are_read_above_the_bottom_knee_in_thigh_lengths():
    lift = side_lying_lift(frame(0.0, hip_up=0.7, knee_up=1.0))
    assert lift["hip_lift"] == pytest.approx(0.7)
    assert lift["knee_lift"] == pytest.approx(1.0)


def test_no_3d_estimate_gives_no_reading():
    empty = PoseFrame.empty(0.0, 0, (1280, 720), people=1)
    assert all(np.isnan(v) for v in side_lying_lift(empty).values())


def star_reps(tops, rest=(0.2, 0.2), rep_s=3.5, rest_s=1.0):
    """Frames of reps rising from ``rest`` to each (hip_up, knee_up) top and back (cosine)."""
    frames, t = [], 0.0
    for top in tops:
        for share in np.r_[np.zeros(int(rest_s * FPS)),
                           (1 - np.cos(np.linspace(0, 2 * np.pi, int(rep_s * FPS)))) / 2]:
            hip, knee = (r + share * (p - r) for r, p in zip(rest, top))
            frames.append(frame(t, hip, knee))
            t += 1 / FPS
    frames.append(frame(t, *rest))
    return frames


def test_a_star_counts_once_even_when_the_hips_or_the_leg_stay_down():
    engine = ExerciseEngine(EXERCISE, FPS)
    for f in star_reps([(0.7, 1.0), (0.2, 0.6), (0.7, 0.55)]):
        engine.update(f)
    result = engine.result()
    assert len(result.reps) == 3
    assert [sorted(f.rule_id for f in rep.faults) for rep in result.reps] == \
        [[], ["hips_down", "leg_not_raised"], ["leg_not_raised"]]


def test_rolling_over_to_switch_sides_is_no_rep():
    engine = ExerciseEngine(EXERCISE, FPS)
    for f in star_reps([(0.7, 1.0)]):
        engine.update(f)
    flat = side_lying_world(1.2, 1.2)   # hips side by side, everything high: mid-roll
    flat[[L.LEFT_HIP, L.RIGHT_HIP], 1] = flat[[L.LEFT_HIP, L.RIGHT_HIP], 1].mean()
    flat[L.LEFT_HIP, 0], flat[L.RIGHT_HIP, 0] = 0.1, -0.1
    t0 = engine.times[-1]
    roll = np.r_[(1 - np.cos(np.linspace(0, 2 * np.pi, int(1.5 * FPS)))) / 2, np.zeros(int(FPS))]
    for i, share in enumerate(roll):   # rolling over and back down, then lying still
        f = frame(t0 + (i + 1) / FPS, 0.2, 0.2)
        world = (1 - share) * f.world + share * flat
        engine.update(PoseFrame(f.t_s, f.index, f.image_size, f.xy, world, f.visibility,
                                f.presence))
    assert len(engine.result().reps) == 1


@pytest.mark.slow
@pytest.mark.validation
def test_glute_star_generated(model_info):
    labels, result = run_synth("glute_star", model_info, view="front", reps=4,
                               faults={2: ["hips_down"], 3: ["leg_not_raised"]},
                               body_type="tall_slim", seed=5)
    check_against_truth(labels, result)
