"""Side step: bands above the knees and ankles, feet wider than the hips, knees bent; step one
foot far to the side, bring the other after it; ten steps one way, ten back.

What it checks
    Each step (the feet opening wide and closing again) as a rep, its side being the direction
    of travel, and the therapist's cues: wide steps, knees bent, no bobbing up and down.
Why it matters
    The band makes the side glutes work on every step only if the step is wide and the hips
    stay low; bobbing lets the legs straighten and rest.
Camera view
    Facing the camera (the steps go across the picture).
Known problems
    Steps toward or away from the camera are not seen as steps. The knees' bend is not read
    as an angle (from the front the model's 3D knee hardly tells a quarter squat from straight
    legs) but as the shoulders rising at the step's widest against their usual height: the
    margin is small (a rise of 1.4-3.9% against at most 0.6% on clean steps), and someone who
    stays tall for a whole set is not cued after the first few seconds.
"""

from __future__ import annotations

import numpy as np

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import Landmark as L, PoseFrame
from ..reps import RepThresholds
from . import lower_body as body
from .base import BodyReference, Exercise, Metrics, RecentLevel, rise_over, Series

FRONT = View.FRONT

RULES = (
    FormRule(
        id="narrow_step", title="Steps too short", cue="Step wider",
        metric="step_opening", limit=0.55, fault_when="below", phase=Phase.BOTTOM,
        views=frozenset({FRONT}), judged_on="best", priority=2, unit="share",
        measures="how much wider the feet get during the step than they stood between steps "
                 "(the low of the last 3 s), as a share of that stance",
        why="a step 'as far as you can' from a stance a little wider than the hips widens it "
            "by 65-80%; a shuffle by under half, and 0.55 lies between (the widest width alone "
            "hides a short step behind a wide stance)"),
    FormRule(
        id="standing_tall", title="Standing up tall", cue="Bend your knees, stay low",
        metric="shoulders_rise", limit=0.01, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({FRONT}), priority=1, unit="share",
        measures="how much higher the shoulders stand above the ankles at the step's widest "
                 "than they did over the last 4 s (their median), as a share of that height",
        why="in a held quarter squat the body sinks a little as the feet spread (read as at "
            "most 0.6% above the usual height); straightening the knees and the trunk lifts "
            "the shoulders 4-5% (1.4-3.9% at the widest, against a usual height it also "
            "raises), and past 1% they have risen rather than sunk"),
    FormRule(
        id="bobbing", title="Bobbing up and down", cue="Keep your hips at one height",
        metric="hip_drop", limit=0.08, fault_when="above", phase=Phase.WHOLE_REP,
        views=frozenset({FRONT}), judged_on="range", priority=2, unit="leg",
        measures="how far the hips rise and fall within one step, in leg lengths",
        why="steady steps keep the hips within a few hundredths of a leg; 0.08 is a visible "
            "bob that lets the legs straighten"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    feet = body.feet_apart(frame, ref.shank_px)
    stance = ref.remembered("stance", RecentLevel).update(frame.t_s, feet)
    return {"feet_apart": feet, "step_opening": rise_over(feet, stance),
            "shoulders_rise": shoulders_rise(frame, ref),
            "hip_drop": body.hip_drop(frame, ref.thigh_px, ref.shank_px),
            "hips_x": float((frame.xy[L.LEFT_HIP, 0] + frame.xy[L.RIGHT_HIP, 0]) / 2),
            "facing": float(np.sign(frame.xy[L.LEFT_HIP, 0] - frame.xy[L.RIGHT_HIP, 0]))}


def shoulders_rise(frame: PoseFrame, ref: BodyReference) -> float:
    """How much higher the shoulders stand above the ankles than their median over the last
    4 s, as a share of it (0 when lower). From the front the model's 3D knee angle barely
    tells a quarter squat from straight legs, while image heights show the whole body rising
    (the hips lifting and the trunk coming upright); as a share it needs no body scale."""
    joints = (L.LEFT_SHOULDER, L.RIGHT_SHOULDER, L.LEFT_ANKLE, L.RIGHT_ANKLE)
    if not frame.visible(joints, body.VISIBLE):
        return float("nan")
    ys = frame.xy[list(joints), 1]
    height = float((ys[2] + ys[3] - ys[0] - ys[1]) / 2.0)
    usual = ref.remembered("shoulders", lambda: RecentLevel(4.0, 50.0))
    return rise_over(height, usual.update(frame.t_s, height))


def travel_side(series: Series) -> str:
    """The person's own side they travel toward: facing the camera their left is the image's
    right."""
    hips, facing = series.get("hips_x"), series.get("facing")
    if hips is None or facing is None or np.isfinite(hips).sum() < 2:
        return "both"
    finite = hips[np.isfinite(hips)]
    moved = (finite[-1] - finite[0]) * np.nanmedian(facing)
    return "left" if moved > 0 else "right"


EXERCISE = Exercise(
    id="side_step",
    name="Side step",
    summary="2 sets of 10 steps right and 10 left; wide steps, knees bent, hips level",
    rules=RULES,
    metrics=metrics,
    rep_metric="feet_apart",
    # Between steps the feet are a bit wider than the hips (about a shank apart); the step opens
    # them by half a shank or more.
    rep_thresholds=RepThresholds(enter=0.4, exit=0.2, min_range=0.4, min_duration_s=0.3,
                                 min_phase_s=0.1),
    working_side=travel_side,
    best_views=frozenset({FRONT}),
)
