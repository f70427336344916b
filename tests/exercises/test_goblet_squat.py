"""Goblet squat on generated clips: every fault from the view that can see it."""

import pytest

from .harness import check_against_truth, run_synth

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("view, faults", [
    ("front", {2: ["knee_valgus"], 3: ["shallow_depth"]}),
    ("side", {2: ["chest_drop"], 3: ["back_rounding"]}),
])
def test_goblet_squat_generated(view, faults, model_info):
    labels, result = run_synth("goblet_squat", model_info, view=view, reps=4, faults=faults,
                               body_type="short_broad", seed=5)
    check_against_truth(labels, result)
