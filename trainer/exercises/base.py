"""What every exercise module declares, and the shared pieces they measure with.

An exercise module provides one ``Exercise`` instance: its rep (or hold) definition, the sides it
works, the camera views that can judge its main cues, its form rules, and ``metrics(frame, ref)``
which turns one pose into the named numbers its rep signal and rules read.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field
from typing import Callable, TypeVar

import numpy as np

from ..cues import FormRule
from ..geometry import View
from ..pose import LEG_CHAINS, Landmark as L, PoseFrame
from ..reps import RepThresholds

Metrics = dict[str, float]
T = TypeVar("T")


class BodyReference:
    """Standing segment lengths in pixels, learned from recent frames.

    Foreshortening only ever shortens a segment in the image, so a high percentile of recent
    lengths is the segment's true on-screen length. The window (the last 300 readings: both legs
    are read each frame, so 5 s at 30 fps) is long enough to hold standing frames between
    squats, whose thighs point at a front camera, and short enough to follow a person who
    steps closer or further away.
    """

    def __init__(self, window: int = 300) -> None:
        self._thigh: deque[float] = deque(maxlen=window)
        self._shank: deque[float] = deque(maxlen=window)
        self._remembered: dict[str, object] = {}

    def remembered(self, name: str, make: Callable[[], T]) -> T:
        """State an exercise keeps about this person from frame to frame (a rep made of several
        moves), made by ``make`` on first use. It lives as long as this reference, which the
        engine renews after a camera cut, so a cut rightly forgets it too."""
        if name not in self._remembered:
            self._remembered[name] = make()
        return self._remembered[name]

    def update(self, frame: PoseFrame) -> None:
        xy = frame.xy
        for hip, knee, ankle in LEG_CHAINS:
            if not frame.visible((hip, knee, ankle)):
                continue
            self._thigh.append(float(np.linalg.norm(xy[hip] - xy[knee])))
            self._shank.append(float(np.linalg.norm(xy[knee] - xy[ankle])))

    @staticmethod
    def _length(values: deque[float]) -> float:
        return float(np.percentile(values, 95)) if values else math.nan

    @property
    def thigh_px(self) -> float:
        return self._length(self._thigh)

    @property
    def shank_px(self) -> float:
        return self._length(self._shank)


Series = dict[str, np.ndarray]


@dataclass(frozen=True)
class HoldSpec:
    """How a stretch is recognised: ``in_position(metrics)`` per frame, ``side(metrics)`` for
    which leg is being stretched ("left", "right" or "both")."""

    in_position: Callable[[Metrics], bool] = field(repr=False)
    side: Callable[[Metrics], str] = field(repr=False, default=lambda m: "both")
    settle_s: float = 1.0
    grace_s: float = 0.7
    min_hold_s: float = 3.0


@dataclass(frozen=True)
class Exercise:
    """Declaration of one routine exercise (see the modules in this package).

    A rep exercise gives ``rep_metric`` and ``rep_thresholds``; a stretch gives ``hold``.
    One-sided exercises give ``working_side(series)``: from the metric series over one rep it
    names the leg that did the work, and rules whose metric contains ``{side}`` read that leg.
    ``rep_measures`` name whole-rep measurements computed from the metric series over one rep
    (e.g. how much the knees close on the way up compared with the way down); rules read them
    as ``rep:NAME``.
    """

    id: str
    name: str
    summary: str
    rules: tuple[FormRule, ...]
    metrics: Callable[[PoseFrame, BodyReference], Metrics] = field(repr=False)
    rep_metric: str | None = None
    rep_thresholds: RepThresholds | None = None
    hold: HoldSpec | None = None
    working_side: Callable[[Series], str] | None = field(default=None, repr=False)
    required_chains: tuple[tuple[L, ...], ...] = LEG_CHAINS
    best_views: frozenset[View] = frozenset({View.SIDE})
    ready: Callable[[PoseFrame, Metrics], bool] | None = field(default=None, repr=False)
    rep_measures: dict[str, Callable[[Series], float]] = field(default_factory=dict, repr=False)
    # Seconds after a rep's end that still belong to it (the knee hug after a lunge): its rules
    # of phase FOLLOW_THROUGH read them, and the rep is reported once they have passed.
    follow_through_s: float = 0.0
    # Said when the person is often lost from view (a prop in front of the face): how to set
    # up the camera so the model keeps finding them.
    lost_person_tip: str | None = None
    # A prop held in front of the face (the pole of the overhead reach) makes the person detector
    # miss someone plainly in view: poses found by following them through those misses
    # (PoseFrame.followed) are used. Elsewhere they are left out, as a detector that finds
    # someone only now and then is as likely to be finding a body imagined on legs alone in the
    # picture, and following would make that body steady enough to count.
    detector_misses_expected: bool = False
    # Where the camera goes for the rules judged facing it, when that is not "face the camera"
    # (the hips of a kick on all fours are square or not seen from behind).
    front_view_tip: str | None = None

    def __post_init__(self) -> None:
        counts_reps = self.rep_metric is not None and self.rep_thresholds is not None
        if counts_reps == (self.hold is not None):
            raise ValueError(f"exercise {self.id}: give rep_metric and rep_thresholds, or hold, not both")

    @property
    def unilateral(self) -> bool:
        return self.working_side is not None

    def rules_for(self, view: View | None) -> tuple[FormRule, ...]:
        return tuple(r for r in self.rules if view in r.views)

    def unjudged_rules(self, view: View | None) -> tuple[FormRule, ...]:
        return tuple(r for r in self.rules if view not in r.views)

    def is_ready(self, frame: PoseFrame, metrics: Metrics) -> bool:
        """Set up to count: a body part chain the exercise needs is in the picture."""
        if not frame.any_in_frame(self.required_chains):
            return False
        return self.ready(frame, metrics) if self.ready else True


class RecentLevel:
    """A percentile of a value over the last ``window_s`` seconds: a low one gives where the
    hips were held in a squat kept through many reps, or how wide the feet stand between
    steps; a high one how wide the shoulders look while square to the camera. A percentile
    rather than the extreme, so that a few frames of a misplaced joint set no false level;
    measuring from the person's own level rather than a fixed one suits every body and
    camera."""

    def __init__(self, window_s: float = 3.0, percentile: float = 10.0) -> None:
        self.window_s, self.percentile = window_s, percentile
        self._recent: deque[tuple[float, float]] = deque()

    def update(self, t_s: float, value: float) -> float:
        if not math.isfinite(value):
            return math.nan
        self._recent.append((t_s, value))
        while self._recent[0][0] < t_s - self.window_s:
            self._recent.popleft()
        return float(np.percentile([v for _, v in self._recent], self.percentile))


def rise_over(value: float, low: float) -> float:
    """How far ``value`` stands above ``low``, as a share of it (0 at or below it)."""
    return max(value / low - 1.0, 0.0) if low > 0 else math.nan
