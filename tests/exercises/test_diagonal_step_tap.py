"""Diagonal step tap: which foot leads a step, and generated clips through the real pose
model, from the front (the step's width) and side-on (the knees)."""

import numpy as np
import pytest

from trainer.exercises.diagonal_step_tap import EXERCISE, leading_foot

from .harness import check_against_truth, run_synth


def step_series(lead: str, n: int = 20) -> dict[str, np.ndarray]:
    """The lead ankle moves 60 px out and 20 px down in the first half (the gap widens), the
    other follows it in the second (the gap closes)."""
    t = np.linspace(0.0, 1.0, n)
    first, second = np.clip(2 * t, 0, 1), np.clip(2 * t - 1, 0, 1)
    other = "left" if lead == "right" else "right"
    x = {lead: 300 + 60 * first, other: 200 + 60 * second}
    y = {lead: 400 + 20 * first, other: 400 + 20 * second}
    gap = np.abs(x["left"] - x["right"]) / 50
    return {"ankle_gap": gap, **{f"ankle_{axis}_{side}": pos[side] for axis, pos in (("x", x), ("y", y))
                                 for side in ("left", "right")}}


@pytest.mark.parametrize("lead", ["left", "right"])
def test_the_foot_that_moves_first_leads(lead):
    assert leading_foot(step_series(lead)) == lead


def test_no_ankles_seen_means_no_side():
    assert leading_foot({"ankle_gap": np.full(5, np.nan)}) == "both"


def test_rule_ids_match_the_generator_faults():
    from trainer.synth import FAULTS
    assert {r.id for r in EXERCISE.rules} == set(FAULTS["diagonal_step_tap"])


@pytest.mark.slow
@pytest.mark.validation
@pytest.mark.parametrize("view, faults", [
    ("front", {2: ["narrow_step"], 3: ["standing_tall"]}),
    ("side", {}),
])
def test_diagonal_step_tap_generated(view, faults, model_info):
    labels, result = run_synth("diagonal_step_tap", model_info, view=view, reps=2, faults=faults,
                               body_type="short_broad", seed=4, fps=15, width=640, height=360)
    check_against_truth(labels, result)
