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
    Steps toward or away from the camera are not seen as steps.
"""

from __future__ import annotations

import numpy as np

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import Landmark as L, PoseFrame
from ..reps import RepThresholds
from . import lower_body as body
from .base import BodyReference, Exercise, Metrics, Series

FRONT = View.FRONT

RULES = (
    FormRule(
        id="narrow_step", title="Steps too short", cue="Step wider",
        metric="feet_apart", limit=1.4, fault_when="below", phase=Phase.BOTTOM,
        views=frozenset({FRONT}), judged_on="best", priority=2, unit="shank",
        measures="the widest the feet get during the step, in shank lengths",
        why="a step 'as far as you can' opens the feet to 1.6-2.2 shank lengths; under 1.4 it is "
            "a shuffle"),
    FormRule(
        id="standing_tall", title="Standing up tall", cue="Bend your knees, stay low",
        metric="knee_bend", limit=12.0, fault_when="below", phase=Phase.WHOLE_REP,
        views=frozenset({FRONT}), priority=1,
        measures="the knees' bend through the step (3D, the mean of both)",
        why="'knees slightly bent' keeps 20-40 deg; under 12 deg for a tenth of a second the legs "
            "have straightened"),
    FormRule(
        id="bobbing", title="Bobbing up and down", cue="Keep your hips at one height",
        metric="hip_drop", limit=0.08, fault_when="above", phase=Phase.WHOLE_REP,
        views=frozenset({FRONT}), judged_on="range", priority=2, unit="leg",
        measures="how far the hips rise and fall within one step, in leg lengths",
        why="steady steps keep the hips within a few hundredths of a leg; 0.08 is a visible "
            "bob that lets the legs straighten"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    bends = [body.knee_flexion(frame, s) for s in ("left", "right")]
    return {"feet_apart": body.feet_apart(frame, ref.shank_px),
            "knee_bend": float(np.nanmean(bends)) if np.isfinite(bends).any() else float("nan"),
            "hip_drop": body.hip_drop(frame, ref.thigh_px, ref.shank_px),
            "hips_x": float((frame.xy[L.LEFT_HIP, 0] + frame.xy[L.RIGHT_HIP, 0]) / 2),
            "facing": float(np.sign(frame.xy[L.LEFT_HIP, 0] - frame.xy[L.RIGHT_HIP, 0]))}


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
