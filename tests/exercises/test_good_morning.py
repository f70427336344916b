"""Good morning: the rules' ids and limits against the generator, and a generated clip through
the real pose model (the hinge measures themselves are pinned in test_single_leg_deadlift)."""

import pytest

from trainer.exercises.good_morning import EXERCISE

from .harness import check_against_truth, run_synth


def test_rule_ids_match_the_generator_faults():
    from trainer.synth import FAULTS
    assert {r.id for r in EXERCISE.rules} == set(FAULTS["good_morning"])


@pytest.mark.parametrize("rule_id, clean, faulty", [
    ("back_rounding", -15.0, 14.0),   # trunk 15 deg above level vs shoulders sagging below the hips
    ("locked_knees", 18.0, 4.0),      # soft knees vs a straight leg as the model reads it
])
def test_limits_sit_between_clean_and_faulty_readings(rule_id, clean, faulty):
    rule = next(r for r in EXERCISE.rules if r.id == rule_id)
    assert not rule.is_fault(clean) and rule.is_fault(faulty)


@pytest.mark.slow
@pytest.mark.validation
def test_good_morning_generated(model_info):
    labels, result = run_synth("good_morning", model_info, view="side", reps=4,
                               faults={2: ["back_rounding"], 4: ["locked_knees"]},
                               body_type="tall_slim", seed=6, fps=15, width=640, height=360)
    check_against_truth(labels, result)
