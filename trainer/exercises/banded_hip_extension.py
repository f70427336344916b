"""Banded hip extension: on hands and knees (one knee on a block), extend the other leg straight
back against a band to hip height, pulse at the top, bring it back with the knee hovering.

What it checks
    Reps per leg (the working leg is the one whose ankle spent the rep higher), and the
    therapist's cues: a flat back with no extra arch at the top, hips square, the leg extending
    straight. A plank with alternating leg raises counts the same way.
Why it matters
    It isolates the glute's hip extension; lifting past hip height is done by arching the lower
    back, rolling the hip open or bending the knee lets other muscles take over.
Camera view
    Side-on for the arch and the straight leg; from behind for the hips.
Known problems
    The far leg is hidden side-on and both legs are hidden from in front; from in front the
    kick is read from the model's 3D estimate, which still places a hidden leg. There the
    model often loses the person at the top of the kick, so some reps go uncounted, and the
    pelvis roll it then sees is too unsteady to judge hip_rotation reliably. Side-on, the
    model now and then mixes up the far leg (see ``kick_measures``): each ankle is therefore
    read against its own resting place, legs drawn on one spot are skipped and the signal
    holds its peak for 0.2 s. A far leg lost for longer (0.4-0.6 s, seen on 2 of 14 far-leg
    kicks of one tall, slim clip) still splits that rep in two; holding longer would lose
    the last of quick alternating kicks at the end of a video. Hip rotation is not judged
    side-on: on generated clips, the largest roll held at the top of a rep stood out on an
    average body (the 3D hip line 52 deg from its resting tilt against 24-36 on clean reps;
    the hips' height gap in the picture 0.21 torso against 0.06-0.18) but sat inside the
    clean range on the tall, slim body (17 deg against -2 to 27; 0.02 against 0.00-0.13) and
    on the short, broad one (26 deg against 9-42; 0.12 against 0.07-0.20). The shoulders'
    tilt, the trunk's twist and the knees' sideways place did no better, nor did the near hip
    read against its own place at the start of the rep: the rendered hip rose 0.07-0.09 torso
    lengths on every rolled rep, the model's near hip on 1 of 3 (average build) and 0 of 3
    (tall, slim), within -0.06 to +0.01 on clean reps. The model's segmentation mask does
    register it, too faintly to trust: the outline's top over the hips sank 0.02-0.04 torso
    lengths on rolled reps (2-5 px in these clips) against -0.02 to +0.01 on clean ones, a gap
    that clothing and a real camera's noise would swallow. From behind, where the hip line shows
    square on, the model does not see the roll either: generated 22 deg rolls read 10-13 deg
    against 3-13 on clean reps (average build) and 1-3 against 1-3 (tall, slim), so
    hip_rotation, judged from there, stays quiet on most rolled reps.
"""

from __future__ import annotations

from ..cues import FormRule, Phase
from ..geometry import View, classify_view, width_ratio
from ..pose import PoseFrame
from ..reps import RepThresholds
from . import floor_measures as floor
from . import kick_measures as kick
from . import lower_body as body
from .base import BodyReference, Exercise, Metrics

FRONT, SIDE = View.FRONT, View.SIDE

RULES = (
    FormRule(
        id="back_arch", title="Back arches", cue="Leg to hip height only, keep your back flat",
        metric="leg_above_horizontal_{side}", limit=20.0, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({SIDE}), priority=0,
        measures="how far the working leg's hip-to-ankle line rises above horizontal at the top",
        why="the hip extends to about level (0-10 deg) with a flat back; lifting the leg 20 deg "
            "above level needs the lower back to arch"),
    FormRule(
        id="bent_leg", title="Leg not extended", cue="Straighten the leg all the way back",
        metric="knee_bend_2d_{side}", limit=35.0, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({SIDE}), judged_on="best", priority=2,
        measures="the working knee's straightest bend at the top (side view)",
        why="a leg extended straight reads 0-15 deg; 35 deg or more at its straightest means the "
            "leg never extended"),
    FormRule(
        id="hip_rotation", title="Hip rolls open", cue="Keep both hips pointing down",
        metric="hip_line_tilt", limit=15.0, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({FRONT}), priority=1,
        measures="tilt of the line between the hips from level at the top (from behind)",
        why="square hips stay within about 8 deg of level; past 15 deg the working hip has "
            "rolled up and open"),
)


def ankle_lift(frame: PoseFrame, side: str, ref: BodyReference, leg_px: float,
               facing: bool) -> float:
    """How far the ankle rose, in leg lengths. Facing the camera the legs hide behind the body,
    so the model's 3D estimate is read (the ankle's height above the other one); side-on the
    legs are in plain view and the picture, steadier than the 3D estimate there, is read (the
    ankle's height above its own resting place)."""
    return floor.world_ankle_rise(frame, side) if facing else kick.ankle_lift(frame, side, ref, leg_px)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    leg = ref.thigh_px + ref.shank_px
    facing = classify_view(width_ratio(frame.xy)) is FRONT
    values = {"hip_line_tilt": body.hip_line_tilt(frame)}
    values |= body.per_side("ankle_lift", lambda s: ankle_lift(frame, s, ref, leg, facing))
    values |= body.per_side("leg_above_horizontal", lambda s: body.leg_above_horizontal(frame, s))
    values |= body.per_side("knee_bend_2d", lambda s: body.knee_bend_2d(frame, s))
    lifts = (values["ankle_lift_left"], values["ankle_lift_right"])
    values["leg_rise"] = (body.larger_of_both(values, "ankle_lift") if facing
                          else kick.kick_rise(frame, lifts, ref, leg))
    return values


EXERCISE = Exercise(
    id="banded_hip_extension",
    name="Banded hip extension",
    summary="2 sets of 8 reps on each leg; extend the leg straight back to hip height",
    rules=RULES,
    metrics=metrics,
    rep_metric="leg_rise",
    # The working ankle rises from floor level to about hip height, 0.25-0.45 leg lengths above
    # where it rests in the picture (the near ankle's kick reads the least); a rep rises 0.12
    # leg past the resting level.
    rep_thresholds=RepThresholds(enter=0.12, exit=0.06, min_range=0.12, min_duration_s=0.5),
    working_side=kick.leg_that_lifted_more,
    best_views=frozenset({SIDE}),
    front_view_tip="film a set with the camera behind you, level with your hips, to check them",
)
