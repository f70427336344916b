import numpy as np
import pytest

from trainer.cues import FormRule, Phase, judge
from trainer.geometry import View

RULE = dict(id="x", title="t", cue="c", metric="m", phase=Phase.BOTTOM, views=frozenset({View.SIDE}),
            measures="m", why="w", persist_s=0.1)


def test_one_frame_glitch_is_not_a_fault():
    rule = FormRule(limit=50, fault_when="above", **RULE)
    values = np.array([30, 31, 80, 30, 29, 30.0])       # one spike past the limit
    assert judge(rule, values, np.arange(6) / 30, 30, rep_index=1, side="both", view=View.SIDE) is None


def test_sustained_fault_reports_measured_value_limit_and_time():
    rule = FormRule(limit=50, fault_when="above", **RULE)
    values = np.array([30, 60, 62, 61, 63, 30.0])
    fault = judge(rule, values, np.arange(6) / 30, 30, rep_index=4, side="both", view=View.SIDE)
    assert fault.rule_id == "x" and fault.rep_index == 4 and fault.limit == 50
    assert fault.measured == 61          # the worst value held for 3 frames (0.1 s at 30 fps)
    assert fault.t_s == pytest.approx(3 / 30)


def test_best_value_rule_judges_the_deepest_point():
    depth = FormRule(limit=25, fault_when="above", judged_on="best", **RULE)
    reached = np.array([80, 40, 10, 9, 11, 40, 80.0])   # got to parallel for 0.1 s
    shallow = np.array([80, 50, 40, 38, 41, 50, 80.0])
    args = dict(rep_index=1, side="both", view=View.SIDE)
    assert judge(depth, reached, np.arange(7) / 30, 30, **args) is None
    assert judge(depth, shallow, np.arange(7) / 30, 30, **args).measured == 41


def test_unmeasured_phase_is_not_a_fault():
    rule = FormRule(limit=50, fault_when="above", **RULE)
    assert judge(rule, np.full(5, np.nan), np.arange(5) / 30, 30, rep_index=1, side="both",
                 view=View.SIDE) is None


def test_rule_needs_a_view_and_a_valid_direction():
    with pytest.raises(ValueError):
        FormRule(limit=1, fault_when="sideways", **RULE)
    with pytest.raises(ValueError):
        FormRule(limit=1, fault_when="above", **{**RULE, "views": frozenset()})


def test_range_rule_judges_the_swing_within_the_phase():
    bobbing = FormRule(limit=0.08, fault_when="above", judged_on="range", **RULE)
    steady = np.array([0.20, 0.21, 0.20, 0.22, 0.21, 0.20])
    bouncy = np.array([0.20, 0.31, 0.32, 0.31, 0.20, 0.19, 0.20])
    args = dict(rep_index=1, side="both", view=View.SIDE)
    assert judge(bobbing, steady, np.arange(6) / 30, 30, **args) is None
    assert judge(bobbing, bouncy, np.arange(7) / 30, 30, **args).measured == pytest.approx(0.11)
