"""Monster walk: steps found from the feet's stagger swinging over, the stagger side-on and
from the front, the feet's width, and a generated clip through the real pose model."""

import numpy as np
import pytest
from builders import squat_world, to_frame

from trainer.exercises.base import BodyReference
from trainer.exercises.monster_walk import EXERCISE, metrics
from trainer.exercises.stepping_measures import StaggerSteps, stagger
from trainer.pose import Landmark as L

LEFT_FOOT = (L.LEFT_ANKLE, L.LEFT_HEEL, L.LEFT_FOOT_INDEX)


def walk_frame(view="front", ahead_m=0.0, stance_m=0.25):
    """A half squat with the left foot ``ahead_m`` in front of the right one."""
    world = squat_world(30.0, stance=stance_m)
    for i in LEFT_FOOT:
        world[i] += [0.0, 0.0, ahead_m]
    ref = BodyReference()
    ref.update(to_frame(squat_world(0.0, stance=stance_m), 0.0, 0, view))
    return to_frame(world, 0.0, 0, view), ref


def walk(stagger_levels, step_s=0.6, hold_s=0.6, fps=30, noise=0.0, seed=0):
    """Stagger over time: held at each level, moving smoothly to the next."""
    rng, values = np.random.default_rng(seed), []
    for a, b in zip(stagger_levels, stagger_levels[1:]):
        values += [a] * int(hold_s * fps)
        values += list(a + (b - a) * (1 - np.cos(np.linspace(0, np.pi, int(step_s * fps)))) / 2)
    values += [stagger_levels[-1]] * int(hold_s * fps)
    return np.asarray(values) + rng.normal(0, noise, len(values))


def steps_counted(values, fps=30):
    tracker, drops, last = StaggerSteps(min_half=0.05), 0, 0.0
    for i, v in enumerate(values):
        share = tracker.update(i / fps, v)
        drops += last >= 0.5 and share < 0.3
        last = share
    return drops


def test_every_swing_of_the_stagger_is_one_step_the_first_included():
    assert steps_counted(walk([-0.3, 0.3, -0.3, 0.3, -0.3])) == 4


def test_unequal_swings_still_count_once_each():
    # the model often reads one foot ahead further than the other
    assert steps_counted(walk([-0.45, 0.2, -0.45, 0.2], noise=0.01)) == 3


def test_a_step_read_short_lands_where_the_next_one_turns_back():
    # from the front the model sometimes reads a step's depth at half its size: that step
    # never reaches a full swing, and the next one, heading back, is measured from its turn
    values = walk([-0.3, 0.3, 0.0, 0.3], noise=0.005)
    tracker = StaggerSteps(min_half=0.05)
    shares = [tracker.update(i / 30, v) for i, v in enumerate(values)]
    short_step = slice(int(2.4 * 30), int(3.0 * 30))     # the move from 0.3 to 0.0
    next_step = slice(int(3.0 * 30), len(values))         # back from 0.0 to 0.3
    assert max(shares[short_step]) >= 0.5
    assert min(shares[next_step]) < 0.1 and max(shares[next_step][-20:]) >= 0.4


def test_standing_still_with_jitter_is_no_step():
    assert steps_counted(walk([0.1, 0.1], noise=0.01)) == 0


@pytest.mark.parametrize("view", ["front", "side"])
def test_stagger_flips_sign_with_the_foot_in_front(view):
    stance = 0.25 if view == "front" else 0.05
    ahead, behind = (stagger(*_frame_and_shank(view, m, stance)) for m in (0.2, -0.2))
    assert ahead * behind < 0 and abs(ahead - behind) > 0.3


def _frame_and_shank(view, ahead_m, stance):
    frame, ref = walk_frame(view, ahead_m, stance)
    return frame, ref.shank_px


def test_feet_width_in_shank_lengths():
    wide = metrics(*walk_frame(stance_m=0.25))["feet_apart"]
    narrow = metrics(*walk_frame(stance_m=0.05))["feet_apart"]
    feet_together = next(r for r in EXERCISE.rules if r.id == "feet_together")
    assert not feet_together.is_fault(wide) and feet_together.is_fault(narrow)


def test_rule_ids_match_the_generator_faults():
    from trainer.synth import FAULTS
    assert {r.id for r in EXERCISE.rules} == set(FAULTS["monster_walk"])


FRONT_COUNT_FLAKY = pytest.mark.xfail(
    reason="from the front the stagger is the model's weak depth: a step now and then is split "
           "or missed (see the module's Known problems); strict, so a fix shows up", strict=True)


@pytest.mark.slow
@pytest.mark.validation
@pytest.mark.parametrize("view, faults", [
    ("side", {}),
    pytest.param("front", {2: ["feet_together"]}, marks=FRONT_COUNT_FLAKY),
])
def test_monster_walk_generated(view, faults, model_info):
    from .harness import check_against_truth, run_synth
    labels, result = run_synth("monster_walk", model_info, view=view, reps=2, faults=faults,
                               body_type="average", seed=4, fps=15, width=640, height=360)
    check_against_truth(labels, result)


def test_stance_height_ignores_distance_but_sees_the_legs_straighten():
    from trainer.exercises.stepping_measures import stance_height

    squat = to_frame(squat_world(35.0), 0.0, 0, "front")
    middle = squat.xy.mean(axis=0)
    closer = squat.with_points(middle + (squat.xy - middle) * 1.2, squat.world)   # walked nearer
    tall = to_frame(squat_world(5.0), 0.0, 0, "front")
    assert stance_height(closer) == pytest.approx(stance_height(squat), rel=1e-6)
    assert stance_height(tall) > 1.03 * stance_height(squat)


def test_standing_up_mid_walk_is_a_rise_over_the_recent_stance_height():
    from trainer.exercises.stepping_measures import stance_rise

    ref = BodyReference()
    squat, tall = squat_world(40.0), squat_world(0.0)
    rises = [stance_rise(to_frame(squat if i < 60 else tall, i / 30, i, "front"), ref) for i in range(66)]
    assert max(rises[:60]) < 0.01 and rises[-1] > EXERCISE.rules[-1].limit


def test_a_step_the_same_way_as_the_shuffle_before_it_still_counts():
    # getting set, the feet shuffle; the first step may go the same way after a pause
    assert steps_counted(walk([0.3, 0.0, -0.3, 0.3], hold_s=1.0, noise=0.003)) == 3


def test_a_last_step_read_short_counts_once_the_feet_stay_put():
    # no next step turns back from it: the feet coming to rest mark its landing
    assert steps_counted(walk([-0.3, 0.3, -0.3, 0.05], hold_s=1.0, noise=0.003)) == 3


def test_a_step_lasts_while_the_weight_comes_onto_the_landed_foot():
    # knees that straighten as the foot takes the weight belong to that step
    values = walk([-0.3, 0.3], step_s=0.6, hold_s=1.0)
    tracker = StaggerSteps(min_half=0.05)
    shares = [tracker.update(i / 30, v) for i, v in enumerate(values)]
    foot_down = int(1.6 * 30)   # held 1 s, then a 0.6 s step
    over = next(i for i in range(foot_down, len(shares)) if shares[i] < 0.3)
    assert min(shares[foot_down:over]) >= StaggerSteps.SETTLED
    # the landing is seen as the foot slows at the end of its move, a frame or two early
    assert StaggerSteps.LANDING_S - 0.1 <= (over - foot_down) / 30 <= StaggerSteps.LANDING_S + 0.2
