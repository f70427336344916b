"""Single-leg bridge: the top of the bridge is judged on what is held through the pause, and
a generated clip through the real pose model."""

import numpy as np
import pytest

from trainer.exercises.single_leg_bridge import EXERCISE

from .harness import check_against_truth, run_synth

FPS = 30.0
RULES = {rule.id: rule for rule in EXERCISE.rules}


def top_of_rep(level: float, spike: float, spike_s: float, pause_s: float = 0.8) -> np.ndarray:
    """A metric held at ``level`` through the pause, with one brief jump to ``spike``."""
    values = np.full(int(pause_s * FPS), level)
    values[:int(spike_s * FPS)] = spike
    return values


@pytest.mark.parametrize("rule_id, clean, faulty", [
    ("back_arch", 0.0, 0.07),      # hips on the line / pushed past it
    ("thighs_apart", 10.0, 16.0),  # thighs side by side / the lifted one dropped
])
def test_a_fault_held_through_the_pause_is_caught(rule_id, clean, faulty):
    rule = RULES[rule_id]
    assert rule.is_fault(rule.judged_value(top_of_rep(faulty, faulty, 0.0), FPS))
    assert not rule.is_fault(rule.judged_value(top_of_rep(clean, clean, 0.0), FPS))


@pytest.mark.parametrize("rule_id, clean, flicker", [
    ("back_arch", 0.0, 0.07),
    ("thighs_apart", 10.0, 18.0),   # the half-hidden far knee jumping for a moment
])
def test_a_brief_flicker_at_the_top_is_no_fault(rule_id, clean, flicker):
    rule = RULES[rule_id]
    assert not rule.is_fault(rule.judged_value(top_of_rep(clean, flicker, 0.2), FPS))


@pytest.mark.slow
@pytest.mark.validation
@pytest.mark.xfail(reason="known problems: side-on the model mixes up which leg is planted on the "
                          "right-leg sets, and it can lose the person at the top of an arched "
                          "bridge, so that rep goes uncounted", strict=False)
def test_single_leg_bridge_generated(model_info):
    labels, result = run_synth("single_leg_bridge", model_info, view="side", reps=4,
                               faults={2: ["back_arch"], 3: ["thighs_apart"]},
                               body_type="short_broad", seed=5)
    check_against_truth(labels, result)
