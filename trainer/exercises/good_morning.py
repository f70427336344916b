"""Good morning: hands on the hips, push the hips back and fold forward from them with a flat
back until the back is nearly parallel to the floor, knees soft, then stand up tall.

What it checks
    Reps from the trunk's tilt, and the therapist's cues: hinge until the back is almost level,
    keep the back flat (no hunch), keep a slight bend in the knees.
Why it matters
    The hinge warms up the hamstrings and glutes; a rounded back moves the load to the spine;
    locked knees pull hard on the hamstrings' attachments.
Camera view
    Side-on for all three cues; from the front only the reps are counted.
Known problems
    With no spine points, a rounding back is read from the shoulders sagging below the hips;
    a very supple person hinging well past level with a flat back would read as rounding.
"""

from __future__ import annotations

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import PoseFrame
from ..reps import RepThresholds
from . import hinge_measures as measures
from . import lower_body as body
from .base import BodyReference, Exercise, Metrics

SIDE = View.SIDE

RULES = (
    measures.sagging_back_rule("Keep your back flat, chest proud", "a flat-backed good morning "
                               "reads 15-20 deg above level"),
    FormRule(
        id="shallow_hinge", title="Not hinged far enough", cue="Hips back, bring your chest lower",
        metric="trunk_flexion", limit=55.0, fault_when="below", phase=Phase.BOTTOM,
        views=frozenset({SIDE}), judged_on="best", priority=2,
        measures="the trunk's deepest tilt from upright (3D)",
        why="the routine asks for a back almost parallel to the floor (75-90 deg); stopping under "
            "55 deg is a partial hinge"),
    FormRule(
        id="locked_knees", title="Knees locked straight", cue="Soften your knees a little",
        metric="knee_bend", limit=10.0, fault_when="below", phase=Phase.BOTTOM,
        views=frozenset({SIDE}), judged_on="best", priority=1,
        measures="the most the near knee bends at the bottom, in the image (side view)",
        why="a soft knee shows 15-25 deg of bend; under 10 deg the knee is locked or nearly so "
            "(the model reads a straight leg anywhere from 0 to 6 deg, so a tighter limit would "
            "let locked knees through)"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    near = body.near_side(frame)
    return {"trunk_flexion": body.trunk_flexion(frame),
            "shoulders_below_hips": measures.shoulders_below_hips(frame),
            "knee_bend": body.knee_bend_2d(frame, near)}


EXERCISE = Exercise(
    id="good_morning",
    name="Good morning",
    summary="1 set of 10 reps; hinge at the hips to a nearly level back",
    rules=RULES,
    metrics=metrics,
    rep_metric="trunk_flexion",
    # Standing reads 0-15 deg; a full hinge 70-90. A rep tilts 30 deg past the person's own
    # upright and comes back within 15 (or three quarters of the way), travelling 30 at least.
    rep_thresholds=RepThresholds(enter=30.0, exit=15.0, min_range=30.0, min_duration_s=0.6),
    best_views=frozenset({SIDE}),
)
