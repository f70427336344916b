"""Measures and rules shared by the lunges and split squats (pure numpy on PoseFrames).

Side-on, one leg is the far one: the model often loses it behind the near leg, and while it
does it can hand the near leg's points to either side. These measures therefore avoid asking
"which leg is the front one" of the labels where the picture itself answers it.
"""

from __future__ import annotations

import dataclasses
import math
from collections import deque

import numpy as np

from ..cues import FormRule
from ..pose import Landmark as L, PoseFrame
from . import lower_body as body
from . import sides
from . import shared_rules
from .base import BodyReference

# Side-on the model still reports a foot it has lost behind the other leg, with a visibility
# of about 0.2-0.6, and places it loosely; a shin judged for knee travel needs both ends sure.
SURE = 0.6
# The bottom of a rep, as the engine's BOTTOM phase: the deepest 40% of its excursion.
BOTTOM_SHARE = 0.4
# Fewest sure frames (about 0.2 s) at the bottom for the front shin to be judged at all.
MIN_SEEN_FRAMES = 6


def front_shin_lean(frame: PoseFrame) -> float:
    """Forward lean of the front shin from vertical, degrees (side view).

    In a lunge or split squat the back knee sinks toward the floor behind the body, so the back
    shin lies near flat (60-100 deg) while the front one stands within a few tens of degrees of
    vertical: the more upright shin is the front one, whatever side the model names it. Both
    shins must be seen surely, since a lone shin could be either.
    """
    joints = (L.LEFT_KNEE, L.LEFT_ANKLE, L.RIGHT_KNEE, L.RIGHT_ANKLE)
    if not frame.visible(joints, SURE):
        return math.nan
    return min(body.shin_lean(frame, side) for side in ("left", "right"))


def _torso_px(frame: PoseFrame, ref: BodyReference) -> float:
    """Shoulder-to-hip length on screen, learned like the leg lengths in ``BodyReference``: a high
    percentile of the last 10 s, since tilting the trunk toward the camera only shortens it."""
    lengths = ref.remembered("torso_px", lambda: deque(maxlen=300))
    hips, shoulders = (L.LEFT_HIP, L.RIGHT_HIP), (L.LEFT_SHOULDER, L.RIGHT_SHOULDER)
    if frame.visible(hips + shoulders, body.VISIBLE):
        xy = frame.xy
        lengths.append(float(np.linalg.norm(xy[list(shoulders)].mean(0) - xy[list(hips)].mean(0))))
    return float(np.percentile(lengths, 95)) if lengths else math.nan


def hip_sink(frame: PoseFrame, ref: BodyReference) -> float:
    """How low the hips sit in the picture, in torso lengths (larger = lower; only changes
    count, the rep counter measures them from the person's own standing level).

    The torso is the ruler because it stays the same size on screen while a leg does not: a
    foot stepping sideways toward a side camera looks a fifth longer, which inflates the leg
    lengths learned from the last seconds, and a leg-length ruler then reads standing tall as a
    fifth of the way down. Only the hips are read, so a foot rising into a knee hug or a foot
    not yet back on the floor (which the leg-based ``hip_drop`` averages in) changes nothing.
    """
    torso = _torso_px(frame, ref)
    if not frame.visible((L.LEFT_HIP, L.RIGHT_HIP), body.VISIBLE) or not torso > 0:
        return math.nan
    return float(frame.xy[[L.LEFT_HIP, L.RIGHT_HIP], 1].mean() / torso)


_LEG_ENDS = {"left": (L.LEFT_HIP, L.LEFT_KNEE, L.LEFT_ANKLE),
             "right": (L.RIGHT_HIP, L.RIGHT_KNEE, L.RIGHT_ANKLE)}


def leg_span(frame: PoseFrame, ref: BodyReference, side: str) -> float:
    """The leg's hip-to-ankle length on screen against its own standing length (front view;
    1 = as long as when standing straight, smaller = the knee has bent).

    A straight leg keeps its hip-to-ankle length however far it reaches out sideways, since
    from the front it moves across the picture; a knee that bends brings the hip and the ankle
    closer, and a knee bending toward the camera shows little else in the picture. The standing
    length is learned like ``BodyReference``'s: a high percentile of this leg's recent spans.
    The knee must be seen too, so a leg the model only guesses is not read.
    """
    hip, knee, ankle = _LEG_ENDS[side]
    if not frame.visible((hip, knee, ankle), body.VISIBLE):
        return math.nan
    spans = ref.remembered(f"leg_span_px_{side}", lambda: deque(maxlen=300))
    span = float(np.linalg.norm(frame.xy[ankle] - frame.xy[hip]))
    spans.append(span)
    return span / float(np.percentile(spans, 95))


def shin_rises(frame: PoseFrame) -> dict[str, float]:
    """How far each knee sits above its own ankle in the picture, pixels (for ``front_leg``)."""
    return {f"shin_rise_{side}": float(frame.xy[ankle, 1] - frame.xy[knee, 1])
            if frame.visible((knee, ankle), body.VISIBLE) else math.nan
            for side, knee, ankle in (("left", L.LEFT_KNEE, L.LEFT_ANKLE),
                                      ("right", L.RIGHT_KNEE, L.RIGHT_ANKLE))}


def front_leg(series: dict[str, np.ndarray]) -> str:
    """The working (front) leg of a split stance: its knee stands higher above its ankle.

    The front shin stays near upright while the back knee sinks toward the floor behind and
    its shin lies near flat, which shows side-on (a shin across the picture) and from the front
    (a shin pointing away, foreshortened) alike; the model's 3D hip bend, which tells them
    apart side-on, barely differs between the legs from the front. Falls back on the hip bend
    when a shin was never seen.
    """
    left = np.nanmedian(series.get("shin_rise_left", np.array([np.nan])))
    right = np.nanmedian(series.get("shin_rise_right", np.array([np.nan])))
    if not (np.isfinite(left) and np.isfinite(right)):
        return sides.more_flexed_hip(series)
    return "left" if left > right else "right"


def typical_at_bottom(series: dict[str, np.ndarray], name: str, signal: str) -> float:
    """Median of ``name`` over the rep's bottom (the deepest 40% of ``signal``'s excursion, which
    grows toward the bottom); NaN when it was seen on too few frames there."""
    depth, values = series.get(signal), series.get(name)
    if depth is None or values is None or not np.isfinite(depth).any():
        return math.nan
    low, high = np.nanmin(depth), np.nanmax(depth)
    with np.errstate(invalid="ignore"):
        bottom = values[depth >= high - BOTTOM_SHARE * (high - low)]
    seen = bottom[np.isfinite(bottom)]
    return float(np.median(seen)) if seen.size >= MIN_SEEN_FRAMES else math.nan


def front_shin_lean_at_bottom(signal: str):
    """Rep measure for ``front_knee_past_toes``: the front shin's typical lean at the bottom."""
    return lambda series: typical_at_bottom(series, "front_shin_lean", signal)


def front_knee_past_toes(cue: str) -> FormRule:
    """The shared knee-past-toes rule, read from the more upright shin over the whole bottom.

    The exercise gives the rep measure ``front_shin_lean_at_bottom`` (see the function of that
    name). The typical lean, not the worst moment: side-on the model at times slides the near
    front ankle back for half a second at the deepest point, while a knee pushed past the toes
    stays there through the bottom.
    """
    rule = shared_rules.front_knee_past_toes(cue)
    return dataclasses.replace(
        rule, metric="rep:front_shin_lean_at_bottom",
        measures="the front (more upright) shin's typical forward lean from vertical over the "
                 "bottom of the rep (side view)",
        why=rule.why + ". The front shin is told from the back one by the picture (the back shin "
            "lies near flat), not by the model's left/right, and its median over the bottom is "
            "judged so a brief mix-up of the legs is not a fault")
