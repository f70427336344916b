"""Landmark smoothing with the One Euro filter (Casiez, Roussel and Vogel, CHI 2012).

Why this filter: a fixed low-pass either lags on fast movement or lets jitter through when still.
The One Euro filter raises its cut-off frequency with speed, so a held pose is steady and a fast
rep is followed closely. It runs per coordinate on whole landmark arrays.
"""

from __future__ import annotations

import math

import numpy as np


def _alpha(cutoff_hz: np.ndarray | float, dt: float) -> np.ndarray | float:
    tau = 1.0 / (2.0 * math.pi * cutoff_hz)
    return 1.0 / (1.0 + tau / dt)


class OneEuroFilter:
    """Adaptive low-pass filter over arrays of any fixed shape, driven by timestamps.

    min_cutoff_hz: smoothing when still (lower = steadier, more lag).
    beta: how fast the cut-off rises with speed (higher = less lag on fast moves).
    max_gap_s: after a dropout longer than this, restart instead of gliding from stale values.
    NaN inputs (a landmark not seen) pass through as NaN and do not disturb the state.
    """

    def __init__(self, min_cutoff_hz: float = 1.5, beta: float = 0.05, d_cutoff_hz: float = 1.0,
                 max_gap_s: float = 0.5) -> None:
        if min_cutoff_hz <= 0 or d_cutoff_hz <= 0 or beta < 0 or max_gap_s <= 0:
            raise ValueError("OneEuroFilter needs positive cut-offs and gap, and beta >= 0")
        self.min_cutoff_hz = min_cutoff_hz
        self.beta = beta
        self.d_cutoff_hz = d_cutoff_hz
        self.max_gap_s = max_gap_s
        self._value: np.ndarray | None = None
        self._speed: np.ndarray | None = None
        self._t: float | None = None

    def reset(self) -> None:
        self._value = self._speed = self._t = None

    def __call__(self, value: np.ndarray, t_s: float) -> np.ndarray:
        value = np.asarray(value, dtype=np.float64)
        if self._value is None or self._t is None or not (0 < t_s - self._t <= self.max_gap_s):
            return self._restart(value, t_s)
        dt = t_s - self._t
        fresh = np.isfinite(value) & np.isfinite(self._value)
        raw_speed = np.where(fresh, (value - self._value) / dt, 0.0)
        speed = self._speed + _alpha(self.d_cutoff_hz, dt) * (raw_speed - self._speed)
        cutoff = self.min_cutoff_hz + self.beta * np.abs(speed)
        smoothed = self._value + _alpha(cutoff, dt) * (value - self._value)
        # A landmark reappearing after NaN starts from its raw value.
        smoothed = np.where(fresh, smoothed, value)
        self._value = np.where(np.isfinite(value), smoothed, self._value)
        self._speed = np.where(fresh, speed, 0.0)
        self._t = t_s
        return smoothed

    def _restart(self, value: np.ndarray, t_s: float) -> np.ndarray:
        self._value = value.copy()
        self._speed = np.zeros_like(value)
        self._t = t_s
        return value.copy()


class PoseSmoother:
    """Smooths a PoseFrame's image and world landmarks.

    Image points are filtered in units of image height so one setting suits every resolution;
    world points are in metres. A frame without a person resets the filters, so a person who
    reappears elsewhere is not dragged across the screen. Poses found by following the person
    through a miss of the person detector (``PoseFrame.followed``) pass only with
    ``use_followed``; otherwise they become frames without a person.
    """

    def __init__(self, min_cutoff_hz: float = 1.5, beta: float = 1.0, use_followed: bool = False) -> None:
        self._image = OneEuroFilter(min_cutoff_hz, beta)
        self._world = OneEuroFilter(min_cutoff_hz, beta)
        self.use_followed = use_followed

    def __call__(self, frame):
        if not self.use_followed:
            frame = frame.detected_only()
        if not frame.has_person:
            self._image.reset()
            self._world.reset()
            return frame
        scale = float(frame.image_size[1])
        xy = self._image(frame.xy / scale, frame.t_s) * scale
        world = self._world(frame.world, frame.t_s)
        return frame.with_points(xy, world)
