"""Measurements shared by the stepping and tapping exercises (elevated heel tap, monster walk,
diagonal step tap, side step, jab step, standing clamshell). Pure numpy on PoseFrames; NaN when the joints are not seen, like
``lower_body``.
"""

from __future__ import annotations

import math
from collections import deque

import numpy as np

from ..geometry import View, classify_view, width_ratio
from ..pose import Landmark as L, PoseFrame
from . import lower_body as body
from .base import RecentLevel, rise_over

_HIPS = {"left": L.LEFT_HIP, "right": L.RIGHT_HIP}
_ANKLES = {"left": L.LEFT_ANKLE, "right": L.RIGHT_ANKLE}
_SEEN = body.VISIBLE
_KNEES = {"left": L.LEFT_KNEE, "right": L.RIGHT_KNEE}

def hip_drop_toward(frame: PoseFrame, side: str) -> float:
    """How far the line between the hips tilts down toward ``side``'s hip, degrees (front
    view; < 0 when that hip sits higher). A free hip that sinks reads positive."""
    this, other = _HIPS[side], _HIPS[body.other_side(side)]
    if not frame.visible((this, other), _SEEN):
        return math.nan
    dx, dy = frame.xy[this] - frame.xy[other]
    return math.degrees(math.atan2(dy, abs(dx))) if abs(dx) + abs(dy) > 1e-6 else math.nan


def higher_ankle_now(frame: PoseFrame, shank_px: float, min_gap: float) -> str | None:
    """The side whose ankle is clearly lifted (more than ``min_gap`` shank lengths above the
    other), or None while the feet are near one height."""
    lift = body.ankle_rise(frame, "left", shank_px)   # in shank lengths
    if not math.isfinite(lift) or abs(lift) < min_gap:
        return None
    return "left" if lift > 0 else "right"


def _leg_3d(frame: PoseFrame, side: str) -> float:
    hip, knee, ankle = _HIPS[side], _KNEES[side], _ANKLES[side]
    if not frame.in_frame((hip, knee, ankle)):
        return math.nan
    w = frame.world
    return float(np.linalg.norm(w[hip] - w[knee]) + np.linalg.norm(w[knee] - w[ankle]))


def stagger(frame: PoseFrame, shank_px: float) -> float:
    """Signed gap between the feet along the walk: side-on the ankles' gap across the picture
    (shank lengths); from the front, where that gap is depth, the model's 3D depth of the
    ankles in the body's own forward direction (leg lengths, x 2 to match a shank scale)."""
    if classify_view(width_ratio(frame.xy)) is View.SIDE:
        if not frame.in_frame((L.LEFT_ANKLE, L.RIGHT_ANKLE)) or not shank_px > 0:
            return math.nan
        return float((frame.xy[L.LEFT_ANKLE, 0] - frame.xy[L.RIGHT_ANKLE, 0]) / shank_px)
    ahead = [_ahead_3d(frame, s) for s in ("left", "right")]
    legs = [_leg_3d(frame, s) for s in ("left", "right")]
    leg = float(np.nanmean(legs)) if np.isfinite(legs).any() else math.nan
    return float(2.0 * (ahead[0] - ahead[1]) / leg) if leg > 0 else math.nan


def _ahead_3d(frame: PoseFrame, side: str) -> float:
    """How far the ankle sits in front of the hips' centre along the body's forward direction
    (3D, horizontal, square to the line between the hips)."""
    if not frame.in_frame((L.LEFT_HIP, L.RIGHT_HIP, _ANKLES[side])):
        return math.nan
    w = frame.world
    across = w[L.LEFT_HIP] - w[L.RIGHT_HIP]
    forward = np.array([across[2], 0.0, -across[0]])   # the person's left x up = forward
    norm = float(np.linalg.norm(forward))
    if norm < 1e-6:
        return math.nan
    return float((w[_ANKLES[side]] - (w[L.LEFT_HIP] + w[L.RIGHT_HIP]) / 2) @ forward / norm)


def ankle_gap(frame: PoseFrame, shank_px: float) -> float:
    """Distance across the picture between the ankles, in shank lengths, from their estimated
    places even when hidden (side-on the far ankle is behind the near leg)."""
    if not frame.in_frame((L.LEFT_ANKLE, L.RIGHT_ANKLE)) or not shank_px > 0:
        return math.nan
    return float(abs(frame.xy[L.LEFT_ANKLE, 0] - frame.xy[L.RIGHT_ANKLE, 0]) / shank_px)


def ankle_positions(frame: PoseFrame) -> dict[str, float]:
    """Both ankles' image positions (px), for ``foot_that_moved``."""
    return {f"ankle_{axis}_{side}": float(frame.xy[_ANKLES[side], k])
            for side in ("left", "right") for k, axis in enumerate("xy")}


def foot_that_moved(series: dict[str, np.ndarray], turn_metric: str) -> str:
    """The stepping foot: by the rep's turn (the peak of ``turn_metric``) it has travelled
    further in the picture than the other one, which stays planted or only then follows."""
    turn = series.get(turn_metric)
    if turn is None or not np.isfinite(turn).any():
        return "both"
    upto = int(np.nanargmax(turn)) + 1
    moved = {}
    for side in ("left", "right"):
        path = np.stack([series[f"ankle_{axis}_{side}"][:upto] for axis in "xy"], axis=1)
        path = path[np.isfinite(path).all(axis=1)]
        moved[side] = float(np.linalg.norm(path[-1] - path[0])) if len(path) else -1.0
    return max(moved, key=moved.get)


def share_of_side(series: np.ndarray) -> float:
    """Median of a 1 (left) / 0 (right) series over the frames where it is known."""
    finite = series[np.isfinite(series)] if series is not None else np.array([])
    return float(np.median(finite)) if finite.size else math.nan


class StaggerSteps:
    """Walking steps from the feet's stagger, the signed gap between them along the walk,
    which swings from one side to the other with every step.

    ``update`` returns how far the stagger has moved back from where the feet last settled, as
    a share of a whole swing (the recent swing, at least ``2 * min_half`` so that a first step
    is measured against a typical one): 0 planted, 1 as the swinging foot lands. A step lands
    (counts as taken) once past ``SETTLED`` and still for ``STILL_S`` (moving under ``STILL``
    of the swing), or once past ``TURNED_FROM`` and still for ``REST_S``: the model reads some
    steps short from the front, and the last one of a walk has no next step to mark its end.
    A step read short and followed at once lands where the stagger turns back by
    ``TURNED_BACK``, so the next step is not taken for its way back.

    After a landing the settled place follows the landing foot while it keeps going the same
    way, but only for ``FOLLOW_S`` after it last moved on: a later move the same way is a new
    step (the first step of a walk often goes the way the feet shuffled while getting set).
    The landed share is held for ``LANDING_S`` (unless the feet move on first), then drops to
    0: the step ends as the weight comes onto the landed foot, when the knees
    may straighten.
    """

    SETTLED, STILL, STILL_S = 0.8, 0.15, 0.1
    REST_S = 0.3
    # a swing this far (share) that heads back by TURNED_BACK is a step the model read short
    TURNED_FROM, TURNED_BACK = 0.5, 0.3
    FOLLOW_S, LANDING_S = 0.3, 0.3

    def __init__(self, min_half: float, window_s: float = 3.0) -> None:
        self.min_half, self.window_s = min_half, window_s
        self._recent: deque[tuple[float, float]] = deque()
        self._settled = math.nan
        self._last_way = 0.0   # +1 / -1: which way the stagger moved on the last step
        self._followed_t = -math.inf   # when the settled place last moved on
        self._landing: tuple[float, float] | None = None   # (time, share) of a landing held
        self._furthest = (0.0, math.nan)   # (share, stagger) furthest from the settled place

    def update(self, t_s: float, stagger: float) -> float:
        if not math.isfinite(stagger):
            return math.nan
        self._recent.append((t_s, stagger))
        while self._recent[0][0] < t_s - self.window_s:
            self._recent.popleft()
        values = [v for _, v in self._recent]
        swing = max(max(values) - min(values), 2 * self.min_half)
        if not math.isfinite(self._settled):
            self._settled = stagger
        moved = stagger - self._settled
        if moved * self._last_way > 0 and t_s - self._followed_t <= self.FOLLOW_S:
            self._settled, self._followed_t = stagger, t_s   # the last step still landing
            moved = 0.0
        share = abs(moved) / swing
        self._furthest = max(self._furthest, (share, stagger))
        if self._has_landed(share, t_s, swing):
            self._land(stagger, math.copysign(1.0, moved), t_s)
            self._landing, share = (t_s, share), 0.0
        elif self._furthest[0] >= self.TURNED_FROM and share < self._furthest[0] - self.TURNED_BACK:
            # from the front the model reads some steps' depth short: the stagger stops short
            # of a full swing and the next step heads back; the turn marks where it landed
            landed = self._furthest[1]
            self._land(landed, math.copysign(1.0, landed - self._settled), t_s)
            share = 0.0
        return float(min(self._held(share, t_s), 1.0))

    def _held(self, share: float, t_s: float) -> float:
        """The landed share while the weight comes onto the landed foot (for ``LANDING_S``,
        unless the feet move on by ``STILL`` of the swing); 0 as that ends, the step over."""
        if self._landing is None:
            return share
        landed_t, landed_share = self._landing
        if t_s - landed_t < self.LANDING_S and share < self.STILL:
            return landed_share
        self._landing = None
        return 0.0

    def _has_landed(self, share: float, t_s: float, swing: float) -> bool:
        """Past a full step and still a moment (no further than ``STILL`` of the swing from
        where it was ``STILL_S`` ago), or past half a step and at rest for longer (within
        ``STILL`` of the swing all through the last ``REST_S``)."""
        still = self.STILL * swing
        moment, rest = self._last(self.STILL_S, t_s), self._last(self.REST_S, t_s)
        return ((share >= self.SETTLED and bool(moment) and abs(moment[-1] - moment[0]) < still)
                or (share >= self.TURNED_FROM and bool(rest) and max(rest) - min(rest) < still))

    def _last(self, span_s: float, t_s: float) -> list[float]:
        """The stagger over the last ``span_s`` (empty until that much has been seen)."""
        if self._recent[0][0] > t_s - span_s:
            return []
        return [v for t, v in self._recent if t >= t_s - span_s]

    def _land(self, stagger: float, way: float, t_s: float) -> None:
        self._settled, self._last_way, self._furthest = stagger, way, (0.0, math.nan)
        self._followed_t, self._landing = t_s, None


def stance_height(frame: PoseFrame) -> float:
    """How high the shoulders stand above the ankles, in shoulder widths. Shoulder width
    neither bends with the knees nor leans with the trunk, and it grows with the rest of the
    body as a person walks toward the camera, so the ratio tells a held quarter squat from
    straight legs wherever the person is."""
    joints = (L.LEFT_SHOULDER, L.RIGHT_SHOULDER, L.LEFT_ANKLE, L.RIGHT_ANKLE)
    if not frame.visible(joints, body.VISIBLE):
        return math.nan
    xy = frame.xy
    width = float(np.linalg.norm(xy[L.LEFT_SHOULDER] - xy[L.RIGHT_SHOULDER]))
    height = float((xy[L.LEFT_ANKLE, 1] + xy[L.RIGHT_ANKLE, 1] - xy[L.LEFT_SHOULDER, 1]
                    - xy[L.RIGHT_SHOULDER, 1]) / 2.0)
    return height / width if width > 0 else math.nan


def stance_rise(frame: PoseFrame, ref) -> float:
    """How much taller the person stands (``stance_height``) than their median over the last
    4 s, as a share of it: straightening the knees and coming upright during a step raises
    it by 5% or more, while a held quarter squat keeps it within about 2%."""
    height = stance_height(frame)
    usual = ref.remembered("stance_height", lambda: RecentLevel(4.0, 50.0))
    return rise_over(height, usual.update(frame.t_s, height))
