"""Rep counting: a hysteresis state machine over one scalar movement signal.

A rep is a trip from the rest position out to a turning point and back. The thresholds are
measured from the person's own rest level (the most rested value shortly before the rep), not from
fixed numbers, because where "standing" reads differs from person to person and camera to
camera. Two thresholds (enter further from rest than exit) keep jitter from adding reps; a
minimum excursion and duration reject twitches; a rep also ends once the person has come most of
the way back, so someone who starts the next squat before standing fully tall still scores; and
nothing counts until the caller says the person is set up (``ready``), so walking into frame or
picking up a weight is not a rep.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class RepThresholds:
    """Distances from the rest level, in the signal's own unit (e.g. degrees of knee bend).

    enter: how far from rest the signal must go to start a rep.
    exit: how close to rest it must come back to finish it...
    return_share: ...or what share of the way back from the turning point it must cover.
    min_range: the rest-to-turn excursion a rep needs to count.
    min_duration_s, min_phase_s: the least time for the whole rep, and for each of the way out
    and the way back (a one-frame spike from a tracking glitch is not a movement).
    rest_window_s: a rep's rest level is the most rested value of this many seconds before its
    turning point (see RepCounter).
    direction: +1 when the signal rises toward the turning point (knee bend in a squat),
    -1 when it falls.
    """

    enter: float
    exit: float
    min_range: float
    min_duration_s: float = 0.4
    min_phase_s: float = 0.15
    max_duration_s: float = 30.0
    direction: int = 1
    return_share: float = 0.75
    max_gap_s: float = 0.6
    rest_window_s: float = 4.0

    def __post_init__(self) -> None:
        if self.direction not in (-1, 1):
            raise ValueError("direction must be -1 or +1")
        if not 0 <= self.exit < self.enter:
            raise ValueError("need 0 <= exit < enter (hysteresis)")
        if self.min_range <= 0 or self.min_duration_s < 0 or self.max_duration_s <= self.min_duration_s:
            raise ValueError("min_range must be > 0 and max_duration_s > min_duration_s >= 0")
        if not 0 < self.return_share <= 1:
            raise ValueError("return_share must be in (0, 1]")


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
    """Feed ``update(value, t_s, ready)`` once per frame; it returns a Rep when one completes.

    The rest level of a rep is the most rested value in the ``rest_window_s`` before its
    turning point. Settling into a new stance (standing, then stepping into a split stance)
    therefore becomes the rest level of the reps that follow, instead of leaving a "rep" that
    never comes back.
    """

    def __init__(self, thresholds: RepThresholds) -> None:
        self.th = thresholds
        self.count = 0
        self.in_rep = False
        self._last_t: float | None = None
        self._history: deque[tuple[float, float]] = deque()   # (t, away) of the recent window
        self._rest = math.nan       # rest level, see the class docstring
        self._rest_t = math.nan     # last moment the signal was still at rest
        self._counted_from = math.nan   # the same, or the first counted frame (see update)
        self._turn = math.nan       # furthest "away" value of the rep in progress
        self._turn_t = math.nan
        self._valley = math.nan     # least "away" value since the turn
        self._valley_t = math.nan
        self._lead_in: list[tuple[float, float]] = []   # (t, away) while settling, see update
        self._began: tuple[float, float] | None = None  # (first counted t, its movement's start)
        self._started = False   # counted a frame already

    def _away(self, value: float) -> float:
        """Signal flipped so that larger always means further from rest."""
        return value * self.th.direction

    def update(self, value: float, t_s: float, ready: bool = True, settling: bool = False) -> Rep | None:
        """``settling``: not ready yet, but the person is in view. Before the first counted
        frame, those values time a rep already under way when counting begins (a recording
        that opens as the squat starts): it is timed from where the steady movement into it
        began. Its rest level stays the first counted value, since measurements still settling
        (a step tracker's first frames) are no level to measure a rep from. Only at the start:
        a person found again mid-set may be anywhere in a rep, and a fragment of one seen
        after a dropout must not pass for a whole rep."""
        if not ready and not self._started:   # the lead-in to the first counted frame
            if settling and math.isfinite(value):
                self._lead_in.append((t_s, self._away(value)))
            else:
                self._lead_in.clear()
        if not math.isfinite(value) or not ready:
            if self._last_t is not None and t_s - self._last_t > self.th.max_gap_s:
                self.abandon()
            return None
        self._last_t = t_s
        away = self._away(value)
        if not self._started:
            self._started = True
            if self._lead_in:
                self._began = (t_s, self._movement_start(away, t_s))
                self._lead_in.clear()
        self._remember(away, t_s)
        if not self.in_rep:
            self._rest_from_history()
            if away - self._rest >= self.th.enter:
                self.in_rep = True
                self._turn, self._turn_t = away, t_s
            return None
        if away > self._turn:
            self._turn, self._turn_t = away, t_s
            self._valley, self._valley_t = away, t_s
            self._rest_from_history()
        elif away < self._valley:
            self._valley, self._valley_t = away, t_s
        back_share = (self._turn - away) / max(self._turn - self._rest, 1e-9)
        if away - self._rest <= self.th.exit or back_share >= self.th.return_share:
            return self._finish(away, t_s)
        if self._next_rep_began(away) and self._counts(self._valley_t):
            return self._finish(self._valley, self._valley_t, resume=(away, t_s))
        if t_s - self._rest_t > self.th.max_duration_s:
            self.abandon()
        return None

    def in_progress(self, t_s: float) -> Rep | None:
        """The rep under way as it stands at ``t_s`` (its turn is the furthest point so far),
        or None between reps."""
        if not self.in_rep:
            return None
        d = self.th.direction
        return Rep(self.count + 1, self._rest_t, self._turn_t, t_s, self._rest * d, self._turn * d)

    def turned(self, share: float) -> bool:
        """The rep under way has come back at least ``share`` of its excursion from its turn."""
        return self.in_rep and self._turn - self._valley >= share * max(self._turn - self._rest, 1e-9)

    def _next_rep_began(self, away: float) -> bool:
        """Came well back from the turn, then headed out again: the rep ended at that valley
        even though it never got back to the rest level (which was misjudged, or the person
        does the reps from a shallower position than they started in). The caller only ends
        the rep there if it would count: a way back too quick to be a movement was a glitch
        in the signal, and the rep goes on."""
        came_back = self._turn - self._valley
        return (came_back >= max(self.th.min_range, 0.6 * (self._turn - self._rest))
                and away - self._valley >= 0.5 * self.th.enter)

    def _remember(self, away: float, t_s: float) -> None:
        self._history.append((t_s, away))
        while self._history[0][0] < t_s - self.th.rest_window_s:
            self._history.popleft()

    def _rest_from_history(self) -> None:
        """Rest level: the most rested recent value; the rep starts the last moment the signal
        was within a quarter of the minimum range of it."""
        self._rest = min(value for _, value in self._history)
        near = 0.25 * self.th.min_range
        self._rest_t = max(t for t, value in self._history if value - self._rest <= near)
        self._counted_from = self._rest_t
        if self._began and self._rest_t == self._began[0]:
            self._rest_t = self._began[1]

    def _movement_start(self, away: float, t_s: float) -> float:
        """Back through the values seen while settling, as long as each lies no further out
        than the one after it: where the movement into ``away`` at ``t_s`` began."""
        for t, earlier in reversed(self._lead_in):
            if earlier > away:
                break
            t_s, away = t, earlier
        return t_s

    def _counts(self, end_t: float) -> bool:
        """Whether the rep in progress, ended at ``end_t``, is big and long enough to count."""
        # the way out is timed on counted frames: a jump just as counting began is no movement
        timed = (end_t - self._rest_t >= self.th.min_duration_s
                 and min(self._turn_t - self._counted_from, end_t - self._turn_t) >= self.th.min_phase_s)
        return self._turn - self._rest >= self.th.min_range and timed

    def _finish(self, away: float, t_s: float, resume: tuple[float, float] | None = None) -> Rep | None:
        rep = None
        if self._counts(t_s):
            self.count += 1
            d = self.th.direction
            rep = Rep(self.count, self._rest_t, self._turn_t, t_s, self._rest * d, self._turn * d)
        self.in_rep = False
        self._history.clear()
        self._began = None
        self._history.append((t_s, away))
        if resume:   # the next rep is already under way from the valley
            self._history.append((resume[1], resume[0]))
        return rep

    def abandon(self) -> None:
        """Lost track mid-rep (dropout, person left, camera cut): never finish a rep we did
        not see, and learn the rest level afresh."""
        self.in_rep = False
        self._history.clear()
        self._began = None
        self._rest = self._rest_t = math.nan
        self._last_t = None


PAUSE_SHARE = 0.1   # within 10% of the excursion of the turning value counts as "paused there"


def pause_at_turn(times: np.ndarray, values: np.ndarray, rep: Rep, share: float = PAUSE_SHARE) -> float:
    """Seconds the signal stays near its turning point (a held bottom or top): the unbroken
    stretch of frames around ``rep.turn_s`` within ``share`` of the rep's excursion of the
    turning value. Missing frames (NaN) inside the stretch do not break it."""
    times, values = np.asarray(times, float), np.asarray(values, float)
    if len(times) == 0:
        return 0.0
    near = ~(np.abs(values - rep.turn_value) > share * rep.range)   # NaN counts as near
    turn = int(np.argmin(np.abs(times - rep.turn_s)))
    if not near[turn]:
        return 0.0
    first = turn
    while first > 0 and near[first - 1]:
        first -= 1
    last = turn
    while last < len(near) - 1 and near[last + 1]:
        last += 1
    return float(times[last] - times[first])
