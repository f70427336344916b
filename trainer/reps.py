"""Rep counting: a hysteresis state machine over one scalar movement signal.

A rep is a trip from the rest position out to a turning point and back. Two thresholds (enter
further from rest than exit) keep jitter around either one from adding reps; a minimum excursion
and a minimum duration reject twitches; and nothing counts until the caller says the person is
set up (``ready``), so walking into frame or picking up a weight is not a rep.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class RepThresholds:
    """Thresholds in the signal's own unit (e.g. degrees of knee angle).

    direction: -1 when the signal falls toward the turning point (a knee angle in a squat),
    +1 when it rises (hip height in a bridge).
    """

    enter: float
    exit: float
    min_range: float
    min_duration_s: float = 0.4
    max_duration_s: float = 30.0
    direction: int = -1
    max_gap_s: float = 0.6

    def __post_init__(self) -> None:
        if self.direction not in (-1, 1):
            raise ValueError("direction must be -1 or +1")
        if (self.enter - self.exit) * self.direction <= 0:
            raise ValueError("enter must lie further from rest than exit (hysteresis)")
        if self.min_range <= 0 or self.min_duration_s < 0 or self.max_duration_s <= self.min_duration_s:
            raise ValueError("min_range must be > 0 and max_duration_s > min_duration_s >= 0")


@dataclass(frozen=True)
class Rep:
    index: int
    start_s: float
    turn_s: float
    end_s: float
    rest_value: float
    turn_value: float

    @property
    def range(self) -> float:
        return abs(self.turn_value - self.rest_value)

    @property
    def duration_s(self) -> float:
        return self.end_s - self.start_s


class RepCounter:
    """Feed ``update(value, t_s, ready)`` once per frame; it returns a Rep when one completes."""

    def __init__(self, thresholds: RepThresholds) -> None:
        self.th = thresholds
        self.count = 0
        self.in_rep = False
        self._last_t: float | None = None
        self._rest_value = math.nan   # most rested value since the last rep (its start)
        self._rest_t = math.nan
        self._turn_value = math.nan
        self._turn_t = math.nan

    def _away(self, value: float) -> float:
        """Signal flipped so that larger always means further from rest."""
        return value * self.th.direction

    def update(self, value: float, t_s: float, ready: bool = True) -> Rep | None:
        if not math.isfinite(value) or not ready:
            if self._last_t is not None and t_s - self._last_t > self.th.max_gap_s:
                self._abandon()
            return None
        self._last_t = t_s
        if not self.in_rep:
            self._track_rest(value, t_s)
            if self._away(value) >= self._away(self.th.enter):
                self.in_rep = True
                self._turn_value, self._turn_t = value, t_s
            return None
        if self._away(value) > self._away(self._turn_value):
            self._turn_value, self._turn_t = value, t_s
        if self._away(value) <= self._away(self.th.exit):
            return self._finish(value, t_s)
        if t_s - self._rest_t > self.th.max_duration_s:
            self._abandon()
        return None

    def _track_rest(self, value: float, t_s: float) -> None:
        # The rep starts the last moment the person was still at rest: within a tenth of the
        # minimum range of the most rested value seen since the previous rep.
        if not math.isfinite(self._rest_value) or self._away(value) < self._away(self._rest_value):
            self._rest_value = value
        if self._away(value) - self._away(self._rest_value) <= 0.1 * self.th.min_range:
            self._rest_t = t_s

    def _finish(self, value: float, t_s: float) -> Rep | None:
        rep = None
        excursion = self._away(self._turn_value) - self._away(self._rest_value)
        duration = t_s - self._rest_t
        if excursion >= self.th.min_range and duration >= self.th.min_duration_s:
            self.count += 1
            rep = Rep(self.count, self._rest_t, self._turn_t, t_s, self._rest_value, self._turn_value)
        self.in_rep = False
        self._rest_value, self._rest_t = value, t_s
        return rep

    def _abandon(self) -> None:
        """Lost track mid-rep (dropout, person left): never finish a rep we did not see."""
        self.in_rep = False
        self._rest_value = self._rest_t = math.nan
        self._last_t = None
