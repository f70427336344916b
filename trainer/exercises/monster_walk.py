"""Monster walk: bands above the knees and ankles, feet wider than the hips, knees bent; step
forward and out with one foot, then the other, keeping the bands taut; five steps forward, five
back.

What it checks
    Each step as a rep, its side being the stepping foot (the one that moves), and the
    therapist's cues: the feet stay wide (never come together), the knees stay bent.
Why it matters
    The bands keep the side glutes working only while they stay stretched: feet that come
    together let them go slack, and straight legs hand the work to the front of the thighs.
Camera view
    Facing the camera. The model cannot read the knee angle of this half squat from the
    front, so bent knees are judged by how tall the person stands (shoulders above ankles in
    shoulder widths) against their own recent height.
Known problems
    A step is the feet's stagger (which foot is ahead) swinging over to the other side, so the
    count follows the person from step to step (see ``stepping_measures.StaggerSteps``).
    Side-on the stagger is plain in the picture; from the front it is depth, which the model
    reads weakly: some steps read at half their size (they count where the next step turns
    back, or once the feet have stayed put a moment, as the last step of a walk does), and
    the model now and then throws the stagger halfway over and back within a quarter second,
    which is too quick to be a step. That depth can also drift by as much as a step while
    the feet stand still (getting set, or between sets) and be counted as one: about one
    count in ten in a small 15 fps clip, none in the full-size ones. A step ends a moment
    after the foot lands, as the weight comes onto it, so knees that straighten then are
    judged with it. The walk's direction is not checked.
"""

from __future__ import annotations

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import PoseFrame
from ..reps import RepThresholds
from . import lower_body as body
from . import stepping_measures as steps
from .base import BodyReference, Exercise, Metrics, Series

FRONT = View.FRONT

RULES = (
    FormRule(
        id="feet_together", title="Feet come together", cue="Keep your feet wide",
        metric="feet_apart", limit=0.75, fault_when="below", phase=Phase.WHOLE_REP,
        views=frozenset({FRONT}), priority=1, unit="shank",
        measures="the narrowest the ankles get across while the foot passes the other one, in "
                 "shank lengths",
        why="feet wider than the hips stay about a shank apart through the step; under 0.75 of a "
            "shank the swinging foot has come in and the bands go slack"),
    FormRule(
        id="standing_tall", title="Knees straighten", cue="Stay low, knees bent",
        metric="stance_rise", limit=0.035, fault_when="above", phase=Phase.WHOLE_REP,
        views=frozenset({FRONT}), priority=1, unit="share",
        measures="how much taller the person stands during the step than over the last 4 s "
                 "(shoulders above ankles in shoulder widths, which walking toward the camera "
                 "does not change), as a share",
        why="a held quarter squat keeps the height within about 2% of its usual value from "
            "step to step; knees straightening to nearly straight raise it by 4.5-6%, and "
            "3.5% lies between"),
)

MIN_HALF_SWING = 0.05   # the least half-swing of the stagger taken as a step (see steps.stagger)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    steps_seen = ref.remembered("walk", lambda: steps.StaggerSteps(MIN_HALF_SWING))
    values = {"step": steps_seen.update(frame.t_s, steps.stagger(frame, ref.shank_px))}
    values["feet_apart"] = body.feet_apart(frame, ref.shank_px)
    values["stance_rise"] = steps.stance_rise(frame, ref)
    return values | steps.ankle_positions(frame)


def stepping_foot(series: Series) -> str:
    """The foot that swung: by the time it lands it has moved further than the other one,
    which stayed planted."""
    return steps.foot_that_moved(series, "step")


EXERCISE = Exercise(
    id="monster_walk",
    name="Monster walk",
    summary="2 sets of 10 steps (5 forward, 5 back); feet wide, knees bent, bands taut",
    rules=RULES,
    metrics=metrics,
    rep_metric="step",
    # The share of the stagger's swing covered since the feet last settled: a step climbs from
    # near 0 to 0.8, holds while the weight comes onto the landed foot and drops back (see
    # stepping_measures.StaggerSteps). With that hold a step lasts over half a second; the
    # model's glitches that throw the stagger over and back take about a quarter.
    rep_thresholds=RepThresholds(enter=0.5, exit=0.3, min_range=0.5, min_duration_s=0.5,
                                 min_phase_s=0.0),
    working_side=stepping_foot,
    best_views=frozenset({FRONT}),
)
