"""What a report plots and lists, recorded frame by frame from the coaching loop.

``Timeline`` keeps, for every counted frame, the time, the exercise's rep signal and the knee
and hip angles of both legs (compact float arrays: a 30-minute session at 30 fps is about
1.3 MB). ``SectionRecorder`` feeds a timeline and a thumbnail ring from the same loop and
collects the finished reps and holds with their set numbers, ready for the report.
"""

from __future__ import annotations

import math
from array import array

import numpy as np

from ..geometry import joint_angle
from ..pose import Landmark as L
from .thumbnails import CueThumbnail, ThumbnailRing, WorstCueFrames

ANGLE_NAMES = ("knee_left", "knee_right", "hip_left", "hip_right")
# (outer, vertex, outer) landmarks of each angle in ANGLE_NAMES, stacked so one numpy call
# measures all four (the per-frame cost stays a few microseconds).
_ANGLE_POINTS = np.array([
    [L.LEFT_HIP, L.LEFT_KNEE, L.LEFT_ANKLE],
    [L.RIGHT_HIP, L.RIGHT_KNEE, L.RIGHT_ANKLE],
    [L.LEFT_SHOULDER, L.LEFT_HIP, L.LEFT_KNEE],
    [L.RIGHT_SHOULDER, L.RIGHT_HIP, L.RIGHT_KNEE],
])
REST_BETWEEN_SETS_S = 20.0   # a pause longer than this between reps (or holds) starts a new set


class Timeline:
    """Per-frame time, rep signal and joint angles (degrees; NaN where not measured)."""

    def __init__(self, signal_name: str | None) -> None:
        self.signal_name = signal_name
        self.t = array("d")
        self.signal = array("f")
        self.angles = {name: array("f") for name in ANGLE_NAMES}

    def add(self, t_s: float, pose, status) -> None:
        """Record one frame: ``pose`` the smoothed PoseFrame, ``status`` the engine's FrameStatus."""
        self.t.append(t_s)
        metrics = status.metrics if status is not None else {}
        self.signal.append(metrics.get(self.signal_name, math.nan) if self.signal_name else math.nan)
        if pose.has_person:
            points = pose.xy[_ANGLE_POINTS]
            values = joint_angle(points[:, 0], points[:, 1], points[:, 2])
        else:
            values = (math.nan,) * len(ANGLE_NAMES)
        for name, value in zip(ANGLE_NAMES, values):
            self.angles[name].append(float(value))

    def __len__(self) -> int:
        return len(self.t)

    def arrays(self, start_s: float = -math.inf, end_s: float = math.inf) -> dict[str, np.ndarray]:
        """``t``, ``signal`` and the angles as numpy arrays, for frames from ``start_s`` to ``end_s``."""
        t = np.array(self.t, dtype=float)   # a copy: the recorder may go on appending
        keep = (t >= start_s) & (t <= end_s)
        named = {"t": t, "signal": self.signal, **self.angles}
        return {name: np.array(values, dtype=float)[keep] for name, values in named.items()}


def split_sets(items, rest_s: float = REST_BETWEEN_SETS_S) -> list[int]:
    """Set numbers (from 1) for reps or holds of a recorded video, in the given order: a new set
    starts where the gap from one item's end to the next one's start is over ``rest_s``."""
    numbers, current, previous_end = [], 1, None
    for item in items:
        current += _rested(previous_end, item, rest_s)
        numbers.append(current)
        previous_end = item.end_s
    return numbers


def _rested(previous_end: float | None, item, rest_s: float) -> bool:
    return previous_end is not None and item.start_s - previous_end > rest_s


class SectionRecorder:
    """One exercise's report data, fed frame by frame: the timeline, the worst cue thumbnails,
    and the finished reps and holds with the set they belong to (``new_set`` starts the next)."""

    def __init__(self, exercise, ring: ThumbnailRing | None = None,
                 sets_by_rest_s: float | None = None) -> None:
        """``sets_by_rest_s``: for a recorded video, a rest longer than this starts a new set
        (see ``split_sets``); live sessions call ``new_set`` instead."""
        self.exercise = exercise
        self.sets_by_rest_s = sets_by_rest_s
        self._last_end: float | None = None
        self.timeline = Timeline(exercise.rep_metric)
        self.ring = ring if ring is not None else ThumbnailRing()
        self.worst = WorstCueFrames()
        self.set_number = 1
        self.reps: list[tuple[int, object]] = []    # (set, RepResult)
        self.holds: list[tuple[int, object]] = []   # (set, HoldResult)

    def on_frame(self, image, pose, status) -> None:
        """A counted frame (``status`` None before the person is set up: no timeline point)."""
        self.ring.offer(image, pose)
        if status is None:
            return
        self.timeline.add(pose.t_s, pose, status)
        for finished in (status.new_rep, status.new_hold):
            if finished is not None:
                self.on_result(finished)

    def on_result(self, item) -> None:
        """A finished rep or hold (also those closed at the end of a set, with no frame)."""
        kind = "hold" if hasattr(item, "held_s") else "rep"
        if self.sets_by_rest_s is not None and _rested(self._last_end, item, self.sets_by_rest_s):
            self.new_set()
        self._last_end = item.end_s
        (self.holds if kind == "hold" else self.reps).append((self.set_number, item))
        self.worst.consider(self.ring, item, kind)

    def new_set(self) -> None:
        self.set_number += 1

    @property
    def thumbnails(self) -> list[CueThumbnail]:
        return self.worst.thumbnails()

    def section(self):
        """The recorded data as an analysis_report.Section."""
        from .analysis_report import Section   # matplotlib loads only when a report is built

        return Section(self.exercise, list(self.reps), list(self.holds), self.timeline, self.thumbnails)
