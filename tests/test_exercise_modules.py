"""Every exercise module documents itself and its rules the same way."""

import pytest

from trainer.exercises import EXERCISES
from trainer.routine import ROUTINE_EXERCISE_IDS

HEADINGS = ("What it checks", "Why it matters", "Camera view", "Known problems")


@pytest.mark.parametrize("exercise_id", list(EXERCISES))
def test_module_docstring_has_every_heading(exercise_id):
    import importlib
    doc = importlib.import_module(f"trainer.exercises.{exercise_id}").__doc__
    missing = [h for h in HEADINGS if f"\n{h}\n" not in doc]
    assert not missing, f"{exercise_id} docstring lacks {missing}"


@pytest.mark.parametrize("exercise_id", list(EXERCISES))
def test_rules_state_cue_measure_reason_and_view(exercise_id):
    rules = EXERCISES[exercise_id].rules
    assert len({r.id for r in rules}) == len(rules), "rule ids must be unique"
    for rule in rules:
        assert rule.cue and rule.measures and rule.why and rule.views
        assert len(rule.cue) <= 45, f"{rule.id}: a spoken cue should be short"


def test_every_module_is_a_routine_exercise():
    assert set(EXERCISES) <= set(ROUTINE_EXERCISE_IDS)
