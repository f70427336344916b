"""Alternating elevated heel tap: the tap sequence that makes one rep, and generated clips
through the real pose model (reps per standing leg, each fault on its own rep)."""

import math

import pytest

from trainer.exercises.elevated_heel_tap import EXERCISE, TapSequence

from .harness import check_against_truth, run_synth

KNEE_UP, FLOOR, BETWEEN = 0.6, 0.0, 0.3    # free ankle above the standing one, shank lengths
UNDER, OUT = 0.2, 0.7                      # free ankle out from the hips' centre, shank lengths


def feed(sequence: TapSequence, moves, free="right", t0=0.0, dt=0.1) -> list[int]:
    """Stages after each (lift, out) frame."""
    return [sequence.update(t0 + i * dt, free, lift, out) for i, (lift, out) in enumerate(moves)]


FULL_REP = [(KNEE_UP, UNDER), (FLOOR, UNDER), (BETWEEN, UNDER),    # front heel tap
            (FLOOR, OUT), (BETWEEN, UNDER),                         # side toe tap
            (FLOOR, UNDER), (FLOOR, UNDER),                         # back toe tap, held
            (KNEE_UP, UNDER)]                                       # knee back up


def test_three_taps_climb_to_the_back_tap_and_the_knee_up_ends_the_rep():
    assert feed(TapSequence(), FULL_REP) == [0, 1, 1, 2, 2, 3, 3, 0]


def test_foot_coming_in_low_from_the_side_tap_is_not_the_back_tap():
    # the foot slides in along the floor before lifting: only a tap after a lift counts
    stages = feed(TapSequence(), [(FLOOR, UNDER), (FLOOR, OUT), (FLOOR, UNDER), (KNEE_UP, UNDER)])
    assert stages == [1, 2, 2, 2]


def test_taps_without_the_side_tap_never_reach_the_back_tap():
    stages = feed(TapSequence(), [(FLOOR, UNDER), (KNEE_UP, UNDER), (FLOOR, UNDER), (KNEE_UP, UNDER)])
    assert max(stages) == 1


def test_a_lone_tap_is_forgotten_once_the_knee_stays_up():
    stages = feed(TapSequence(), [(FLOOR, UNDER)] + [(KNEE_UP, UNDER)] * 15)
    assert stages[1] == 1 and stages[-1] == 0


def test_the_other_leg_lifting_starts_a_new_sequence():
    sequence = TapSequence()
    feed(sequence, FULL_REP[:5])
    assert sequence.stage == 2
    assert sequence.update(10.0, "left", KNEE_UP, UNDER) == 0


def test_unseen_ankle_keeps_the_stage():
    sequence = TapSequence()
    feed(sequence, FULL_REP[:2])
    assert sequence.update(1.0, "right", math.nan, UNDER) == 1


def test_rule_ids_match_the_generator_faults():
    from trainer.synth import FAULTS
    assert {r.id for r in EXERCISE.rules} == set(FAULTS["elevated_heel_tap"])


@pytest.mark.slow
@pytest.mark.validation
def test_elevated_heel_tap_generated(model_info):
    faults = {2: ["hip_drop"], 4: ["knee_valgus"], 6: ["chest_drop"]}
    labels, result = run_synth("elevated_heel_tap", model_info, view="front", reps=3, faults=faults,
                               body_type="tall_slim", seed=4, fps=15, width=640, height=360)
    assert [r.side for r in result.reps] == ["left"] * 3 + ["right"] * 3
    check_against_truth(labels, result)
