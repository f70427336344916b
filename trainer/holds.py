"""Hold timing for stretches: time counts only while the position is held.

A hold counts once the position has been kept for ``settle_s`` (so passing through the pose on
the way in is not a hold) and ends when the position has been lost for longer than ``grace_s``.
Gaps up to ``grace_s`` are bridged and counted: a missed detection or a brief wobble cannot be
told apart from holding still, and neither should reset a stretch.
"""

from __future__ import annotations

from dataclasses import dataclass


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
