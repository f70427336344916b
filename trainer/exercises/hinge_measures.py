"""Measurements for the standing hinge and one-leg exercises (heel raise, one-leg squat,
one-leg deadlift, good morning).

Pure numpy on PoseFrames; NaN when the joints a measurement needs are not seen.
"""

from __future__ import annotations

import math
from collections import deque

import numpy as np

from ..cues import FormRule, Phase
from ..geometry import View, midpoint, torso_length
from ..pose import Landmark as L, PoseFrame
from .base import BodyReference, Series

VISIBLE = 0.5
TORSO_WINDOW = 300   # frames (10 s at 30 fps) of upright trunk lengths behind the reference
SHOULDERS = (L.LEFT_SHOULDER, L.RIGHT_SHOULDER)
TRUNK = (L.LEFT_SHOULDER, L.RIGHT_SHOULDER, L.LEFT_HIP, L.RIGHT_HIP)
_LEG = {"left": (L.LEFT_HIP, L.LEFT_KNEE, L.LEFT_ANKLE), "right": (L.RIGHT_HIP, L.RIGHT_KNEE, L.RIGHT_ANKLE)}


def torso_px(frame: PoseFrame, ref: BodyReference) -> float:
    """The person's shoulder-to-hip length in pixels, the median of recent frames.

    An upright trunk faces the camera's image plane from the front, the side or behind alike,
    so unlike a shank or a foot it does not foreshorten with the camera direction; the median
    of many frames is steady against the model's frame-to-frame jitter.
    """
    lengths = ref.remembered("torso_lengths", lambda: deque(maxlen=TORSO_WINDOW))
    if frame.visible(TRUNK, VISIBLE):
        lengths.append(torso_length(frame.xy))
    return float(np.median(lengths)) if lengths else math.nan


def hinge_depth(frame: PoseFrame, ref: BodyReference, flexion_3d: float) -> float:
    """How far the trunk has folded from upright, degrees: the model's 3D tilt
    (``flexion_3d``), but never less than the picture allows.

    From the front a trunk folding toward the camera only shortens on screen, so its length
    against its upright length (a high percentile of recent frames, as ``BodyReference``
    learns the legs) bounds the fold from below: a trunk at a third of its length is folded
    at least 70 deg. At the bottom of a hinge the model's 3D trunk now and then flips upright
    for a few frames while the picture plainly shows it folded; the bound keeps such a glitch
    from reading as standing up (an extra rep). Side-on the trunk folds across the picture,
    its length barely changes and the 3D tilt stands.
    """
    lengths = ref.remembered("upright_torso_px", lambda: deque(maxlen=TORSO_WINDOW))
    if not frame.visible(TRUNK, VISIBLE):
        return flexion_3d
    length = torso_length(frame.xy)
    lengths.append(length)
    upright = float(np.percentile(lengths, 95))
    bound = math.degrees(math.acos(min(1.0, length / upright))) if upright > 0 else math.nan
    return float(np.nanmax([flexion_3d, bound])) if math.isfinite(bound) else flexion_3d


def shoulder_height(frame: PoseFrame, ref: BodyReference) -> float:
    """How high the shoulders sit in the image, in trunk lengths (larger = higher).

    Rising onto the toes lifts the whole body by the heel's rise (a few cm); the shoulders are
    the joints the model places most steadily, far steadier than the foot points, which it
    confuses between the two feet when one is lifted behind the other. The reading is relative
    to the picture, so the rep counter compares it with the person's own recent rest level.
    """
    trunk = torso_px(frame, ref)
    if not frame.visible(SHOULDERS, VISIBLE) or not trunk > 0:
        return math.nan
    return float(-midpoint(frame.xy, *SHOULDERS)[1] / trunk)


def drop_time(series: Series, signal: str, top_share: float = 0.85, down_share: float = 0.3) -> float:
    """Seconds the signal takes to come down from the top of the rep: from the last moment it
    is within ``1 - top_share`` of its peak excursion to the first moment after that it is
    within ``down_share`` of the rep's starting level. ``series`` holds the frames' times under
    "t_s" (the exercise records them as a metric).

    Timing the fall itself, not the whole way back to the rep's end, leaves out the pause at
    the top and whatever the person does once the heel is down.
    """
    values, times = np.asarray(series.get(signal, []), float), np.asarray(series.get("t_s", []), float)
    ok = np.isfinite(values) & np.isfinite(times)
    if ok.sum() < 4:
        return math.nan
    values, times = values[ok], times[ok]
    peak_at = int(np.argmax(values))
    rest = float(np.min(values[: peak_at + 1]))
    excursion = values[peak_at] - rest
    if not excursion > 0:
        return math.nan
    near_top = np.flatnonzero(values >= rest + top_share * excursion)
    left_top = int(near_top[-1])
    down = np.flatnonzero(values[left_top:] <= rest + down_share * excursion)
    return float(times[left_top + down[0]] - times[left_top]) if down.size else math.nan


def knee_inside_leg_line(frame: PoseFrame, side: str, shank_px: float) -> float:
    """How far the knee sits inward of the straight hip-to-ankle line, in shank lengths (front
    view; > 0 = toward the body's midline, the knee caving in).

    Measuring from the leg's own line, not from the ankle alone, reads a knee that tracks over
    the foot as 0 or outward whatever the stance: on one leg the foot sits under the body's
    middle and the hip out to the side, so the knee is outward of its ankle even when straight.
    """
    hip, knee, ankle = _LEG[side]
    other_hip = _LEG["right" if side == "left" else "left"][0]
    if not frame.visible((hip, knee, ankle, other_hip), VISIBLE) or not shank_px > 0:
        return math.nan
    xy = frame.xy
    line = xy[ankle] - xy[hip]
    length = float(np.linalg.norm(line))
    if length < 1e-6:
        return math.nan
    normal = np.array([line[1], -line[0]]) / length
    inward = ((xy[hip] + xy[other_hip]) / 2 - xy[ankle]) @ normal
    return float(np.sign(inward) * ((xy[knee] - xy[hip]) @ normal) / shank_px)


def ankle_heights(frame: PoseFrame, ref: BodyReference) -> dict[str, float]:
    """The per-frame numbers ``planted_leg`` reads over a rep: both ankles' image heights and
    the shank length that scales their gap."""
    return {"ankle_y_left": float(frame.xy[L.LEFT_ANKLE, 1]),
            "ankle_y_right": float(frame.xy[L.RIGHT_ANKLE, 1]), "shank_px": ref.shank_px}


def planted_leg(series: Series, min_gap: float = 0.25) -> str:
    """The standing leg over a rep: the side whose ankle is the lower one in most frames where
    the ankles are clearly at different heights (``min_gap`` shank lengths apart); "both" when
    they never are (a two-footed variant).

    Frames vote rather than a median deciding, because side-on the model often folds the lifted
    leg onto the standing one for part of the rep, and those frames say nothing.
    """
    left, right = (np.asarray(series.get(f"ankle_y_{s}", []), float) for s in ("left", "right"))
    shank = np.asarray(series.get("shank_px", []), float)
    if not (left.size and right.size and shank.size):
        return "both"
    with np.errstate(invalid="ignore"):
        gap = left - right
        clear = np.abs(gap) >= min_gap * shank
    if not clear.any():
        return "both"
    return "left" if np.count_nonzero(gap[clear] > 0) >= np.count_nonzero(gap[clear] < 0) else "right"


def _signed_level_tilt(frame: PoseFrame, left: int, right: int) -> float:
    """Tilt from level of the line from a left landmark to its right partner in the image,
    degrees, positive when the right one sits lower."""
    if not frame.visible((left, right), VISIBLE):
        return math.nan
    dx, dy = frame.xy[right] - frame.xy[left]
    return math.degrees(math.atan2(dy, abs(dx))) if abs(dx) + abs(dy) > 1e-6 else math.nan


def trunk_roll(frame: PoseFrame) -> float:
    """How far the hips and shoulders have rolled from level together, degrees (front or back
    view; 0 = square): the mean of the hip line's and the shoulder line's signed tilt.

    An opening hip turns the pelvis and the trunk rides along, so both lines tilt the same
    way; averaging them keeps that and halves the model's jitter on the hips, which it places
    loosely when the trunk folds toward the camera.
    """
    hips = _signed_level_tilt(frame, L.LEFT_HIP, L.RIGHT_HIP)
    shoulders = _signed_level_tilt(frame, L.LEFT_SHOULDER, L.RIGHT_SHOULDER)
    return abs(hips + shoulders) / 2.0


def shoulders_below_hips(frame: PoseFrame) -> float:
    """Angle of the hip-to-shoulder line below level in the image, degrees (side view; < 0 =
    shoulders above the hips, 0 = trunk level)."""
    if not frame.visible(TRUNK, VISIBLE):
        return math.nan
    dx, dy = midpoint(frame.xy, *SHOULDERS) - midpoint(frame.xy, L.LEFT_HIP, L.RIGHT_HIP)
    return math.degrees(math.atan2(dy, abs(dx))) if abs(dx) + abs(dy) > 1e-6 else math.nan


def thigh_off_trunk_line(frame: PoseFrame, side: str) -> float:
    """How far this thigh (hip to knee) bends away from the trunk's line carried on through the
    hip, degrees in the image (side view; 0 = shoulder, hip and knee in one straight line)."""
    hip, knee, _ = _LEG[side]
    shoulder = L.LEFT_SHOULDER if side == "left" else L.RIGHT_SHOULDER
    if not frame.visible((shoulder, hip, knee), VISIBLE):
        return math.nan
    xy = frame.xy
    trunk, thigh = xy[hip] - xy[shoulder], xy[knee] - xy[hip]
    cosine = float(trunk @ thigh) / max(float(np.linalg.norm(trunk) * np.linalg.norm(thigh)), 1e-9)
    return math.degrees(math.acos(max(-1.0, min(1.0, cosine))))


def sagging_back_rule(cue: str, clean_reading: str) -> FormRule:
    """The back-rounding rule of a deep hip hinge (trunk about level at the bottom).

    The squats' ear-based hunch reading fails in a hinge: looking forward at the bottom lifts
    the head off the trunk's line and reads as a hunch on a flat back. What a curling back does
    show side-on is the shoulders sagging below the hips while the pelvis tips less.
    """
    return FormRule(
        id="back_rounding", title="Back rounds", cue=cue,
        metric="shoulders_below_hips", limit=5.0, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({View.SIDE}), priority=0,
        measures="how far the shoulders sink below the hips' level at the bottom, as the angle "
                 "of the hip-to-shoulder line below level (side view)",
        why=f"a flat back stops the hinge with the trunk about level or above ({clean_reading}); "
            "a back that curls lets the shoulders sag toward the floor, 15 deg or more below "
            "the hips; 5 deg below leaves room for a supple person hinging just past level")
