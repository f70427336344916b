"""Form rules and the faults they report.

A rule is data: the therapist's cue it implements, the per-frame metric it reads, the limit and
which side of it is a fault, the phase of the rep it applies to and the camera views that can see
it. Measuring (metrics per frame) is separate from judging (``judge`` compares and reports), so
each half is testable on its own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

import numpy as np

from .geometry import View


class Phase(str, Enum):
    """Part of a rep a rule looks at."""

    BOTTOM = "bottom"        # the deepest 40% of the rep's excursion, around the turning point
    DESCENT = "descent"      # start to turning point
    ASCENT = "ascent"        # turning point to end
    WHOLE_REP = "whole_rep"  # start to end
    FOLLOW_THROUGH = "follow_through"  # after the rep, before the next (a knee hug after a lunge)
    HOLD = "hold"            # while a stretch is held

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class FormRule:
    """One checkable cue.

    metric: key of the per-frame metric it reads.
    limit, fault_when: a fault is ``metric > limit`` ("above") or ``metric < limit`` ("below").
    persist_s: the fault must hold this long within the phase (a one-frame glitch is not a fault).
    """

    id: str
    title: str
    cue: str
    metric: str
    limit: float
    fault_when: str
    phase: Phase
    views: frozenset[View]
    measures: str
    why: str
    unit: str = "deg"
    persist_s: float = 0.1
    priority: int = 1   # lower is more urgent (safety first)
    # "worst": the worst value held in the phase must stay within the limit (knees caving).
    # "best": the best value held must reach the limit (depth: the deepest point counts).
    # "range": how much the value swings within the phase (hips bobbing during a step).
    judged_on: str = "worst"

    def __post_init__(self) -> None:
        if self.fault_when not in ("above", "below"):
            raise ValueError(f"rule {self.id}: fault_when must be 'above' or 'below'")
        if not self.views:
            raise ValueError(f"rule {self.id}: needs at least one camera view")
        if self.judged_on not in ("worst", "best", "range"):
            raise ValueError(f"rule {self.id}: judged_on must be 'worst', 'best' or 'range'")

    @property
    def measurement(self) -> str:
        """The key of this rule's value among a rep's or hold's measurements: its metric with
        the side left out (``knee_valgus_{side}`` -> ``knee_valgus``)."""
        return self.metric.format(side="").rstrip("_")

    def is_fault(self, value: float) -> bool:
        return value > self.limit if self.fault_when == "above" else value < self.limit

    def judged_value(self, values: np.ndarray, fps: float) -> float:
        """The phase's value this rule compares with its limit (NaN when never measured).

        It is the most extreme value (worst or best, see ``judged_on``) that the metric held for
        at least ``persist_s``, so a single-frame glitch neither makes nor hides a fault.
        """
        finite = np.asarray(values, dtype=float)
        finite = finite[np.isfinite(finite)]
        if finite.size == 0:
            return math.nan
        keep = min(max(1, int(round(self.persist_s * fps))), finite.size)
        ordered = np.sort(finite)  # ascending
        if self.judged_on == "range":
            return float(ordered[-keep] - ordered[keep - 1])
        high_side = (self.fault_when == "above") == (self.judged_on == "worst")
        return float(ordered[-keep] if high_side else ordered[keep - 1])


@dataclass(frozen=True)
class FormFault:
    """A rule broken on one rep: what was measured against which limit, and when."""

    rule_id: str
    cue: str
    measured: float
    limit: float
    unit: str
    t_s: float
    rep_index: int | None
    side: str
    view: str
    priority: int = 1

    def describe(self) -> str:
        return f"{self.rule_id}: {self.measured:.1f} {self.unit} (limit {self.limit:g})"


def judge(rule: FormRule, values: np.ndarray, times: np.ndarray, fps: float, *,
          rep_index: int | None, side: str, view: View) -> FormFault | None:
    """Compare the phase's judged value with the rule's limit; the fault is timed where it held."""
    value = rule.judged_value(values, fps)
    if not math.isfinite(value) or not rule.is_fault(value):
        return None
    at = int(np.nanargmin(np.abs(np.asarray(values, dtype=float) - value)))
    return FormFault(rule.id, rule.cue, value, rule.limit, rule.unit, float(times[at]),
                     rep_index, side, str(view), rule.priority)
