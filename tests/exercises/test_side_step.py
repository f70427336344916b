"""Side step: the step's opening against the stance held between steps, and the shoulders
rising at the step's widest, on synthetic frames."""

from builders import squat_world, to_frame

from trainer.exercises.base import BodyReference
from trainer.exercises.side_step import EXERCISE, metrics

RULES = {r.id: r for r in EXERCISE.rules}


def _step(stance_end: float, knee_end: float) -> dict[str, float]:
    """2 s at a quarter squat with the feet 0.18 m off centre, then one second's step to
    ``stance_end`` with the knees going to ``knee_end``; the values at the widest."""
    ref, values = BodyReference(), {}
    for i in range(90):
        share = max(0.0, (i - 60) / 29)
        world = squat_world(34.0 + (knee_end - 34.0) * share, trunk_lean=20.0,
                            stance=0.18 + (stance_end - 0.18) * share)
        frame = to_frame(world, i / 30, i)
        ref.update(frame)
        values = metrics(frame, ref)
    return values


def test_a_full_step_is_wide_enough_a_shuffle_is_not():
    assert not RULES["narrow_step"].is_fault(_step(0.33, 34.0)["step_opening"])
    assert RULES["narrow_step"].is_fault(_step(0.25, 34.0)["step_opening"])


def test_straightening_the_knees_during_the_step_raises_the_shoulders():
    assert RULES["standing_tall"].is_fault(_step(0.33, 6.0)["shoulders_rise"])
    assert not RULES["standing_tall"].is_fault(_step(0.33, 34.0)["shoulders_rise"])
