"""Hold timing for stretches: time counts only while the position is held.

A hold counts once the position has been kept for ``settle_s`` (so passing through the pose on
the way in is not a hold) and ends when the position has been lost for longer than ``grace_s``.
Gaps up to ``grace_s`` are bridged and counted: a missed detection or a brief wobble cannot be
told apart from holding still, and neither should reset a stretch.

``Drift`` tells when the slow, eased move into a stretch has ended and when the move out
begins: the position is held while the body part that carries the move stays put.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

import numpy as np

from .pose import Landmark as L, PoseFrame

TRUNK = (L.LEFT_HIP, L.RIGHT_HIP, L.LEFT_SHOULDER, L.RIGHT_SHOULDER)


@dataclass(frozen=True)
class Hold:
    index: int
    start_s: float
    end_s: float
    held_s: float     # time in position, brief bridged gaps included
    side: str = "both"


class HoldTimer:
    def __init__(self, settle_s: float = 1.0, grace_s: float = 0.7, min_hold_s: float = 3.0) -> None:
        if settle_s < 0 or grace_s < 0 or min_hold_s <= 0:
            raise ValueError("settle_s and grace_s must be >= 0 and min_hold_s > 0")
        self.settle_s, self.grace_s, self.min_hold_s = settle_s, grace_s, min_hold_s
        self.count = 0
        self._run_start: float | None = None  # first frame in position of the current run
        self._run_held = 0.0
        self._last_in: float | None = None    # last frame seen in position

    @property
    def holding(self) -> bool:
        return self._run_start is not None and self._run_held >= self.settle_s

    @property
    def held_s(self) -> float:
        """Seconds held so far in the current hold (0 before it has settled)."""
        return self._run_held if self.holding else 0.0

    @property
    def started_s(self) -> float | None:
        """When the hold under way began (None when not holding)."""
        return self._run_start if self.holding else None

    def update(self, in_position: bool, t_s: float, side: str = "both") -> Hold | None:
        """Feed one frame; returns the Hold that just ended, if any."""
        bridged = self._last_in is not None and t_s - self._last_in <= self.grace_s
        if in_position:
            ended = None
            if bridged:
                self._run_held += t_s - self._last_in
            else:
                ended = self._finish(side)
                self._run_start, self._run_held = t_s, 0.0
            self._last_in = t_s
            return ended
        return None if bridged or self._last_in is None else self._finish(side)

    def finish(self, side: str = "both") -> Hold | None:
        """End of the video or session: close a hold still running."""
        return self._finish(side)

    def _finish(self, side: str) -> Hold | None:
        hold = None
        if self.holding and self._run_held >= self.min_hold_s:
            self.count += 1
            hold = Hold(self.count, self._run_start, self._last_in, self._run_held, side)
        self._run_start, self._run_held, self._last_in = None, 0.0, None
        return hold


class Drift:
    """How far a point has moved lately: the median of the last ``window_s``'s later half
    against that of its earlier half (NaN until both halves have a point).

    Medians of half a window each, not frame to frame: the model's jitter and a point that
    jumps for a frame or two barely move a median, while a slow slide (the eased move into or
    out of a stretch) shifts the later half against the earlier one. The test lags by about
    half a window both as the move ends and as the next one starts, so a hold timed from it
    keeps its length.
    """

    def __init__(self, window_s: float = 1.0) -> None:
        if window_s <= 0:
            raise ValueError("window_s must be > 0")
        self.window_s = window_s
        self._recent: deque[tuple[float, np.ndarray]] = deque()

    def update(self, t_s: float, point) -> float:
        """Feed one frame's point (NaN where it was not seen); returns the drift so far."""
        point = np.atleast_1d(np.asarray(point, dtype=float))
        if np.isfinite(point).all():
            self._recent.append((t_s, point))
        while self._recent and self._recent[0][0] < t_s - self.window_s:
            self._recent.popleft()
        half = len(self._recent) // 2
        if half == 0:
            return math.nan
        points = np.stack([p for _, p in self._recent])
        return float(np.linalg.norm(np.median(points[half:], axis=0) - np.median(points[:half], axis=0)))


def trunk_from(frame: PoseFrame, anchor: int) -> np.ndarray:
    """Where the trunk (the middle of the hips and shoulders) sits from ``anchor`` (a joint
    resting on the floor), in pixels: a stretch moves the trunk over a planted knee or foot, so
    this point is still exactly while the stretch is held. The anchor's position is taken even
    when the model only guesses it (a far knee behind the other leg): a guess for a joint that
    stays put stays put too, and dropping it would leave gaps in the hold."""
    if not frame.has_person:
        return np.full(2, np.nan)
    return frame.xy[list(TRUNK)].mean(axis=0) - frame.xy[anchor]


class Settled:
    """A stretch position reached and kept: reached once the body comes to rest in the pose,
    kept (however it sways) until the pose itself is left. Where the joints that show the rest
    jump in the model's estimate for a while, the hold then still runs on."""

    def __init__(self) -> None:
        self.reached = False

    def update(self, in_pose: bool, at_rest: bool) -> bool:
        self.reached = in_pose and (self.reached or at_rest)
        return self.reached
