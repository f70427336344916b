"""Lunge with knee to chest: a big step forward into a lunge, then a knee hug on the way back up.

The person starts standing, feet hip-width apart, hands on the hips. Each rep one foot steps
well forward and the hips sink straight down until the front knee is bent about 95 deg with
the shin near vertical (the knee stays behind the toes) and the back heel rises; that is the
turning point. Pushing through the front heel the person rises and brings the front foot back
beside the other, then stands on that leg, lifts the other knee and hugs it to the chest with
both hands, and puts the foot down beside the standing one. (Done as written, the back foot
comes forward to the front one and the person travels a step per rep; stepping the front foot
back keeps the clip on one spot with the same legs working: the lunging leg also stands
through the hug.) ``side`` is the lunging (front) leg; the sets alternate, one rep
each: left, right, five times. Faults, on the rep they are put on:

* ``knee_past_toes``: the front shin leans ~44 deg at the bottom, the knee well past the toes;
* ``shallow_depth``: the front knee bends only ~55 deg, the hips stay high;
* ``knee_not_to_chest``: the hug stops with the knee below hip height and the hands stay on
  the hips instead of pulling it in.
"""

from __future__ import annotations

import math

import numpy as np

from ..body import SIDES, Dimensions, Pose, forward_kinematics
from ..ik import arm_angles, leg_angles
from ..motion import Controls, Script, SetPlan, Tempo, Travel
from ..rotations import rot_x
from .single_leg import OTHER, stance_code
from .split_stance import back_foot, front_foot, front_hip
from .standing import trunk_angles

# ``progress`` runs 0 -> 0.1 on the way down and 0.1 -> 1 on the way up: the turn sits at a
# tenth so that the per-rep depth jitter (a few % of the way down) barely moves it.
TURN_AT = 0.1
# Stages as shares of the time of the way down and of the way up (see ``stages``).
DOWN_STEP, DOWN_LOWER = (0.0, 0.4), (0.4, 0.82)
UP_RISE, UP_STEP_BACK, UP_LIFT, UP_LOWER = (0.08, 0.3), (0.3, 0.45), (0.45, 0.6), (0.8, 1.0)

STEP = 0.45          # the front ankle lands this far ahead of the back one (ratio of height)
SHIFT_Z = -0.4       # metres: the standing spot sits back so the lunge is centred in view
FOOT_LIFT_M = 0.07   # how high the stepping foot clears the floor
TOP = {"knee_flex": 10.0, "shank_tilt": -20.0}  # front foot just landed, hips between the feet
BACK_HEEL = 75.0     # back heel lift at the bottom
STAND_KNEE = 4.0
HUG = {"hip": 122.0, "knee": 140.0}   # free leg in a full knee hug
LOW_HUG = {"hip": 68.0, "knee": 75.0}  # the faulty hug: the knee stays below the hip
HUG_TRUNK = {"lumbar_flex": 6.0, "thorax_flex": 12.0, "neck_flex": -8.0}

# Faults are flags: 0 on a clean rep, FLAG at a faulty rep's turn. The builder caps them at 1,
# so a fault ramping in and out with the rep like any override stays whole from early in the
# way down to late in the way up, through the lunge and the knee hug alike.
FLAG = 25.0
BOTTOM = {"knee_flex": 95.0, "shank_tilt": 6.0}
FAULTY_BOTTOM = {"knee_past_toes": {"knee_flex": 100.0, "shank_tilt": 44.0},
                 "shallow_depth": {"knee_flex": 55.0, "shank_tilt": 4.0}}

START = {"progress": 0.0, "knee_past_toes": 0.0, "shallow_depth": 0.0, "knee_not_to_chest": 0.0,
         "pelvis_pitch": 3.0, "lumbar_flex": 0.0, "thorax_flex": 2.0, "neck_flex": 0.0}

SCRIPT = Script(
    start=START, turn={**START, "progress": TURN_AT},
    # the way up ends standing again, having passed through the knee hug (``stages``)
    finish={**START, "progress": 1.0},
    tempo=Tempo(down_s=2.0, pause_s=0.3, up_s=4.2, rest_s=0.5),
    # one set of 10, the legs taking turns (a travel without displacement alternates them)
    sets=(SetPlan("left", 10),),
    travel=Travel(shift=lambda turn, side: {}, alternate=True),
    faults={name: {name: FLAG} for name in ("knee_past_toes", "shallow_depth",
                                            "knee_not_to_chest")},
)


def smooth(x: float) -> float:
    x = min(1.0, max(0.0, x))
    return x * x * (3 - 2 * x)


def _within(u: float, span: tuple[float, float]) -> float:
    return smooth((u - span[0]) / (span[1] - span[0]))


def _time_share(w: float) -> float:
    """Share of a segment's time gone when the cosine-eased control is ``w`` of the way."""
    return math.acos(1.0 - 2.0 * min(1.0, max(0.0, w))) / math.pi


def stages(progress: float) -> tuple[float, float, float]:
    """(step, lower, lift), each 0..1: the front foot's way forward, the hips' way down, the
    free knee's way up into the hug. Every stage takes a fixed share of its half's time."""
    if progress <= TURN_AT:
        u = _time_share(progress / TURN_AT)
        return _within(u, DOWN_STEP), _within(u, DOWN_LOWER), 0.0
    u = _time_share((progress - TURN_AT) / (1.0 - TURN_AT))
    lift = _within(u, UP_LIFT) - _within(u, UP_LOWER)
    return 1.0 - _within(u, UP_STEP_BACK), 1.0 - _within(u, UP_RISE), lift


def _lerp(a, b, w: float):
    return a + (b - a) * w


def _stand_hip(dims: Dimensions, c: Controls, s: float) -> np.ndarray:
    """Hip joint of side ``s`` standing tall, feet under the hips."""
    knee = math.radians(STAND_KNEE)
    up = math.sqrt(dims.thigh**2 + dims.shank**2 + 2 * dims.thigh * dims.shank * math.cos(knee))
    return np.array([s * dims.hip_spacing / 2 + c.get("sway_x", 0.0), dims.ankle_height + up,
                     c.get("sway_z", 0.0)])


def _flat_foot(dims: Dimensions, s: float) -> tuple[np.ndarray, np.ndarray]:
    """Where a foot stands, flat and pointing straight ahead like the lunge's back foot."""
    return np.array([s * dims.hip_spacing / 2, dims.ankle_height, 0.0]), np.eye(3)


def _with_legs(dims: Dimensions, pose: Pose, feet: dict) -> Pose:
    """``pose`` with each listed leg (code -> ankle, foot frame, knee direction) solved."""
    angles = dict(pose.angles)
    for code, target in feet.items():
        angles.update(leg_angles(dims, pose, code, *target))
    return Pose(angles, pose.root_pos, pose.root_rot)


def flag(c: Controls, fault: str) -> float:
    return min(1.0, c.get(fault, 0.0))


def bottom(c: Controls) -> dict[str, float]:
    """Front knee bend and shin lean at the bottom of the lunge, with the rep's faults."""
    values = dict(BOTTOM)
    for fault, faulty in FAULTY_BOTTOM.items():
        values = {k: _lerp(v, faulty[k], flag(c, fault)) for k, v in values.items()}
    return values


def lunge_pose(dims: Dimensions, c: Controls, code: str, step: float, lower: float) -> Pose:
    """Step the ``code`` foot forward (``step``), then sink into the lunge (``lower``)."""
    s = SIDES[code]
    g = {**c, "width": dims.hip_spacing / dims.height, "front_z": STEP, "stride": STEP,
         "toe_out": 0.0, "back_heel": BACK_HEEL * lower,
         **{k: _lerp(TOP[k], v, lower) for k, v in bottom(c).items()}}
    land, flat = front_foot(dims, g, s)
    hip = _lerp(_stand_hip(dims, c, s), front_hip(dims, g, land, s), step)
    ankle = _lerp(_flat_foot(dims, s)[0], land, step) + [0.0, FOOT_LIFT_M * math.sin(
        math.pi * step), 0.0]
    foot = flat @ rot_x(-12.0 * math.sin(math.pi * step))  # toes up, landing heel first
    pitch = c.get("pelvis_pitch", 0.0) + 5.0 * lower
    pose = Pose(trunk_angles(c), tuple(hip - [s * dims.hip_spacing / 2, 0.0, 0.0]),
                (0.0, pitch, 0.0))
    # the back knee points forward and down, toward the floor it nearly touches
    return _with_legs(dims, pose, {code: (ankle, foot, np.array([0.0, 0.0, 1.0])),
                                   OTHER[code]: (*back_foot(dims, g, s), np.array([0, -0.3, 1.]))})


def hug_pose(dims: Dimensions, c: Controls, code: str, lift: float, low: float) -> Pose:
    """Stand on the ``code`` leg and raise the other knee (``lift``), hugged to the chest
    unless ``low`` (0..1) keeps it low with the hands on the hips."""
    s, free = SIDES[code], OTHER[code]
    grab = lift * (1.0 - low)
    trunk = {k: c.get(k, 0.0) + v * grab for k, v in HUG_TRUNK.items()}
    hip = _stand_hip(dims, c, s) + [s * 0.03 * lift, 0.0, 0.0]  # weight over the stance foot
    pose = Pose(trunk_angles({**c, **trunk}), tuple(hip - [s * dims.hip_spacing / 2, 0.0, 0.0]),
                (0.0, c.get("pelvis_pitch", 0.0), 0.0))
    forward = np.array([0.0, 0.0, 1.0])
    pose = _with_legs(dims, pose, {code: (*_flat_foot(dims, s), forward),
                                   free: (*_flat_foot(dims, -s), forward)})
    # the free leg leaves its planted angles for the hug's
    hug = {"hip_flex": _lerp(HUG["hip"], LOW_HUG["hip"], low),
           "knee_flex": _lerp(HUG["knee"], LOW_HUG["knee"], low), "ankle_flex": -20.0,
           "hip_abd": 0.0, "hip_rot": 0.0, "ankle_inv": 0.0, "ankle_out": 0.0}
    angles = dict(pose.angles)
    angles.update({f"{k}_{free}": _lerp(pose.angle(f"{k}_{free}"), v, lift)
                   for k, v in hug.items()})
    return Pose(angles, pose.root_pos, pose.root_rot)


def hands(dims: Dimensions, pose: Pose, code: str, grab: float) -> Pose:
    """Hands on the hips, moving (``grab``) to wrap the free shin just below the knee."""
    skeleton = forward_kinematics(dims, pose)
    frame, origin = skeleton.frames["pelvis"], skeleton.points["pelvis"]
    knee, ankle = (skeleton.points[f"{j}_{OTHER[code]}"] for j in ("knee", "ankle"))
    shin = knee + 0.3 * (ankle - knee) + frame @ np.array([0.0, 0.0, 0.05])
    angles = dict(pose.angles)
    for side, s in SIDES.items():
        on_hip = origin + frame @ (np.array([s * 0.105, 0.045, 0.0]) * dims.height)
        on_shin = shin + frame @ np.array([s * 0.05, 0.0, 0.0])
        toward = _lerp(frame @ np.array([s, 0.0, -0.4]), frame @ np.array([s, -0.6, 0.0]), grab)
        angles.update(arm_angles(dims, pose, side, _lerp(on_hip, on_shin, grab), toward))
    return Pose(angles, pose.root_pos, pose.root_rot)


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """``side`` is the lunging leg, which also stands during the knee hug."""
    code = stance_code(side)
    step, lower, lift = stages(controls.get("progress", 0.0))
    low = flag(controls, "knee_not_to_chest")
    if lift > 0.0:
        pose = hug_pose(dims, controls, code, lift, low)
    else:
        pose = lunge_pose(dims, controls, code, step, lower)
    pose = hands(dims, pose, code, lift * (1.0 - low))
    return Pose(pose.angles, tuple(np.asarray(pose.root_pos) + [0.0, 0.0, SHIFT_Z]),
                pose.root_rot)
