"""Parametric 3D body: anthropometric segment lengths, joint angles with limits, forward kinematics.

Coordinates (metres), used by every synth module:

* **World**: right-handed, y up, the floor is y = 0. At root yaw 0 the person faces +z and their
  own left is +x.
* **Body-local axes** (every segment frame): x = the person's left, y = up along the segment
  toward its parent joint (limbs hang along -y), z = forward (the facing direction).

A ``Pose`` holds named joint angles in degrees (missing ones are 0, the upright rest pose with
arms hanging, palms facing the thighs) plus the root: the mid-hip point and the pelvis
orientation (yaw, pitch, roll), free so that lying, kneeling and all-fours poses need nothing
new. Signs: flexion is positive (hip, knee, shoulder, elbow, spine and neck bending forward,
ankle dorsiflexion), ``hip_abd``/``shoulder_abd`` move the limb away from the midline,
``hip_rot``/``shoulder_rot`` are internal rotation, ``*_bend`` and ``*_twist`` lean and turn
toward the person's left. Side-specific angles end in ``_l`` or ``_r``.

Lengths follow Winter's (Drillis-Contini) ratios of standing height H: hip joint at 0.530 H,
knee 0.285 H, ankle 0.039 H, shoulder 0.818 H, eyes 0.936 H.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .rotations import rot_x, rot_xzy, yaw_pitch_roll

SIDES = {"l": 1.0, "r": -1.0}  # sign of the person's own left/right along body-local x

# Degrees (min, max); clamping keeps scripted and solved poses anatomically possible.
JOINT_LIMITS: dict[str, tuple[float, float]] = {
    "lumbar_flex": (-30, 60), "lumbar_bend": (-30, 30), "lumbar_twist": (-30, 30),
    "thorax_flex": (-25, 50), "thorax_bend": (-25, 25), "thorax_twist": (-35, 35),
    "neck_flex": (-60, 60), "neck_bend": (-40, 40), "neck_twist": (-75, 75),
    "hip_flex": (-25, 130), "hip_abd": (-30, 50), "hip_rot": (-45, 45),
    "knee_flex": (0, 150),
    "ankle_flex": (-55, 45), "ankle_inv": (-25, 35), "ankle_out": (-30, 40),
    "shoulder_flex": (-60, 180), "shoulder_abd": (-30, 180), "shoulder_rot": (-90, 90),
    "elbow_flex": (0, 150), "wrist_flex": (-70, 80),
}
_TRUNK_ANGLES = {k for k in JOINT_LIMITS if k.split("_")[0] in ("lumbar", "thorax", "neck")}
ANGLE_NAMES = frozenset(_TRUNK_ANGLES | {f"{k}_{s}" for k in JOINT_LIMITS if k not in
                                         _TRUNK_ANGLES for s in SIDES})


@dataclass(frozen=True)
class BodyType:
    """A body build: standing height and how much thicker or broader than average."""

    name: str
    height_m: float
    girth: float = 1.0      # scales every limb and trunk radius
    shoulders: float = 1.0  # scales shoulder joint spacing
    hips: float = 1.0       # scales hip joint spacing and pelvis breadth


BODY_TYPES: dict[str, BodyType] = {b.name: b for b in (
    BodyType("average", 1.75),
    BodyType("tall_slim", 1.88, girth=0.85, shoulders=0.97, hips=0.95),
    BodyType("short_broad", 1.60, girth=1.22, shoulders=1.08, hips=1.1),
)}


def body_type(name: str) -> BodyType:
    """The build called ``name``; an unknown name raises ValueError listing the valid ones."""
    if name not in BODY_TYPES:
        raise ValueError(f"unknown body type {name!r}; choose one of: {', '.join(BODY_TYPES)}")
    return BODY_TYPES[name]


@dataclass(frozen=True)
class Dimensions:
    """Segment lengths in metres for one build (ratios of height, see the module docstring)."""

    height: float
    girth: float
    thigh: float
    shank: float
    ankle_height: float
    heel_back: float
    toe_front: float
    upper_arm: float
    forearm: float
    hand: float
    hip_spacing: float
    shoulder_spacing: float
    lumbar: float
    thorax: float
    shoulder_drop: float
    neck: float
    head_up: float

    @classmethod
    def of(cls, build: BodyType) -> Dimensions:
        h = build.height_m
        return cls(
            height=h, girth=build.girth, thigh=0.245 * h, shank=0.246 * h,
            ankle_height=0.039 * h, heel_back=0.030 * h, toe_front=0.122 * h,  # foot 0.152 H
            upper_arm=0.186 * h, forearm=0.146 * h, hand=0.108 * h,
            # joint centres sit inside the outer breadths (shoulders 0.259 H, pelvis 0.191 H)
            hip_spacing=0.120 * h * build.hips, shoulder_spacing=0.215 * h * build.shoulders,
            lumbar=0.100 * h, thorax=0.198 * h, shoulder_drop=0.012 * h,
            neck=0.050 * h, head_up=0.057 * h,
        )

    def radius(self, ratio: float | np.ndarray) -> float | np.ndarray:
        """A girth given as a ratio of height, scaled for this build."""
        return ratio * self.height * self.girth


# Head-frame points (ratios of H from the head centre; x is mirrored for the right side).
FACE_POINTS: dict[str, tuple[float, float, float]] = {
    "eye": (0.018, 0.003, 0.052), "eye_inner": (0.009, 0.003, 0.054),
    "eye_outer": (0.027, 0.003, 0.046), "ear": (0.044, -0.004, -0.004),
    "mouth": (0.013, -0.035, 0.048),
}
NOSE_TIP = (0.0, -0.016, 0.078)
HEAD_RADII = (0.044, 0.066, 0.058)  # half width, half height, half depth (ratios of H)
CHEST_AT = 0.62  # the chest's drawn volume is centred this far up the thorax
# Hand-frame points (ratios of hand length; x is toward the palm, mirrored per side).
HAND_POINTS: dict[str, tuple[float, float, float]] = {
    "index": (0.0, -0.62, 0.16), "pinky": (0.0, -0.56, -0.15), "thumb": (0.06, -0.36, 0.26),
    "hand_tip": (0.0, -1.0, 0.0),
}


@dataclass(frozen=True)
class Pose:
    """Joint angles in degrees (missing = 0), the mid-hip point and the pelvis orientation."""

    angles: dict[str, float] = field(default_factory=dict)
    root_pos: tuple[float, float, float] = (0.0, 0.0, 0.0)
    root_rot: tuple[float, float, float] = (0.0, 0.0, 0.0)  # yaw, pitch, roll

    def __post_init__(self) -> None:
        unknown = set(self.angles) - ANGLE_NAMES
        if unknown:
            raise ValueError(f"unknown joint angles {sorted(unknown)}")

    def angle(self, name: str) -> float:
        return float(self.angles.get(name, 0.0))

    def clamped(self) -> Pose:
        """The same pose with every angle inside its joint's limits."""
        def limit(name: str) -> tuple[float, float]:
            return JOINT_LIMITS[name if name in JOINT_LIMITS else name[:-2]]
        angles = {k: float(np.clip(v, *limit(k))) for k, v in self.angles.items()}
        return Pose(angles, self.root_pos, self.root_rot)


@dataclass(frozen=True)
class Skeleton:
    """Posed body: named 3D points (world metres) and segment frames (3x3, columns x, y, z)."""

    points: dict[str, np.ndarray]
    frames: dict[str, np.ndarray]


def forward_kinematics(dims: Dimensions, pose: Pose) -> Skeleton:
    """World positions of every joint and surface point of ``pose`` (angles clamped first)."""
    pose = pose.clamped()
    points: dict[str, np.ndarray] = {"pelvis": np.asarray(pose.root_pos, dtype=float)}
    frames: dict[str, np.ndarray] = {"pelvis": yaw_pitch_roll(*pose.root_rot)}
    _trunk_and_head(dims, pose, points, frames)
    for side, sign in SIDES.items():
        _leg(dims, pose, side, sign, points, frames)
        _arm(dims, pose, side, sign, points, frames)
    return Skeleton(points, frames)


def _place(points, frames, parent: str, offset, name: str) -> np.ndarray:
    points[name] = points[parent] + frames[parent] @ np.asarray(offset, dtype=float)
    return points[name]


def _spine_rotation(pose: Pose, part: str) -> np.ndarray:
    a = pose.angle
    return rot_xzy(a(f"{part}_flex"), -a(f"{part}_bend"), a(f"{part}_twist"))


def _trunk_and_head(dims: Dimensions, pose: Pose, points, frames) -> None:
    h = dims.height
    frames["lumbar"] = frames["pelvis"] @ _spine_rotation(pose, "lumbar")
    points["lumbar"] = points["pelvis"]
    _place(points, frames, "lumbar", (0, dims.lumbar, 0), "thorax")
    frames["thorax"] = frames["lumbar"] @ _spine_rotation(pose, "thorax")
    _place(points, frames, "thorax", (0, CHEST_AT * dims.thorax, 0), "chest")
    _place(points, frames, "thorax", (0, dims.thorax, 0), "neck_base")
    # neck and head turn together about the neck base
    frames["neck_base"] = frames["head"] = frames["thorax"] @ _spine_rotation(pose, "neck")
    # the head's centre sits a little forward of the neck's line
    head = _place(points, frames, "neck_base", (0, dims.neck + dims.head_up, 0.016 * h), "head")
    rotation = frames["head"]
    for name, (x, y, z) in FACE_POINTS.items():
        for side, sign in SIDES.items():
            points[f"{name}_{side}"] = head + rotation @ (np.array([sign * x, y, z]) * h)
    points["nose"] = head + rotation @ (np.array(NOSE_TIP) * h)
    points["head_top"] = head + rotation @ np.array([0.0, HEAD_RADII[1] * h, 0.0])


def _leg(dims: Dimensions, pose: Pose, side: str, s: float, points, frames) -> None:
    def a(name: str) -> float:
        return pose.angle(f"{name}_{side}")
    hip = f"hip_{side}"
    _place(points, frames, "pelvis", (s * dims.hip_spacing / 2, 0, 0), hip)
    frames[hip] = frames["pelvis"] @ rot_xzy(-a("hip_flex"), s * a("hip_abd"), -s * a("hip_rot"))
    _place(points, frames, hip, (0, -dims.thigh, 0), f"knee_{side}")
    frames[f"knee_{side}"] = frames[hip] @ rot_x(a("knee_flex"))
    _place(points, frames, f"knee_{side}", (0, -dims.shank, 0), f"ankle_{side}")
    frames[f"ankle_{side}"] = frames[f"knee_{side}"] @ rot_xzy(
        -a("ankle_flex"), -s * a("ankle_inv"), s * a("ankle_out"))
    sole = 0.82 * dims.ankle_height  # heel and toe points sit just above the sole
    _place(points, frames, f"ankle_{side}", (0, -sole, -dims.heel_back), f"heel_{side}")
    _place(points, frames, f"ankle_{side}", (0, -sole, dims.toe_front), f"toe_{side}")


def _arm(dims: Dimensions, pose: Pose, side: str, s: float, points, frames) -> None:
    def a(name: str) -> float:
        return pose.angle(f"{name}_{side}")
    shoulder = f"shoulder_{side}"
    # the shoulder joints sit a little behind the spine's line
    offset = (s * dims.shoulder_spacing / 2, dims.thorax - dims.shoulder_drop, -0.008 * dims.height)
    _place(points, frames, "thorax", offset, shoulder)
    frames[shoulder] = frames["thorax"] @ rot_xzy(
        -a("shoulder_flex"), s * a("shoulder_abd"), -s * a("shoulder_rot"))
    _place(points, frames, shoulder, (0, -dims.upper_arm, 0), f"elbow_{side}")
    frames[f"elbow_{side}"] = frames[shoulder] @ rot_x(-a("elbow_flex"))
    _place(points, frames, f"elbow_{side}", (0, -dims.forearm, 0), f"wrist_{side}")
    frames[f"wrist_{side}"] = frames[f"elbow_{side}"] @ rot_xzy(0.0, -s * a("wrist_flex"), 0.0)
    for name, (x, y, z) in HAND_POINTS.items():
        offset = np.array([-s * x, y, z]) * dims.hand
        _place(points, frames, f"wrist_{side}", offset, f"{name}_{side}")


@dataclass(frozen=True)
class Shape:
    """A drawn body part: a tapered tube between two skeleton points.

    ``radius`` is the half-thickness at each end as a ratio of height (scaled by the build's
    girth). Limbs are round; a trunk part names its segment ``frame`` and the two frame ``axes``
    of its oval cross-section, the second one ``aspect`` times the first. ``span`` cuts the tube
    to part of the way between the points (sleeves, shorts legs). ``caps`` rounds the ends.
    ``depth_bias`` (metres) draws the part as if that much further away (the neck tucks under
    the head from every side).
    """

    name: str
    start: str
    end: str
    radius: tuple[float, float]
    material: str
    frame: str | None = None
    axes: str = "xz"
    aspect: float = 1.0
    span: tuple[float, float] = (0.0, 1.0)
    caps: bool = True
    depth_bias: float = 0.0


def _limb_shapes(side: str) -> tuple[Shape, ...]:
    def p(name: str) -> str:
        return f"{name}_{side}"
    return (
        Shape(p("thigh_top"), p("hip"), p("knee"), (0.056, 0.046), "shorts", span=(0.0, 0.55)),
        Shape(p("thigh"), p("hip"), p("knee"), (0.046, 0.035), "legs", span=(0.5, 1.0)),
        Shape(p("shank"), p("knee"), p("ankle"), (0.034, 0.021), "legs"),
        Shape(p("shoe"), p("heel"), p("toe"), (0.021, 0.016), "shoes"),
        Shape(p("shoe_top"), p("ankle"), p("toe"), (0.019, 0.015), "shoes", span=(0.22, 0.75)),
        Shape(p("sleeve"), p("shoulder"), p("elbow"), (0.035, 0.030), "shirt", span=(0.0, 0.45)),
        Shape(p("upper_arm"), p("shoulder"), p("elbow"), (0.029, 0.026), "skin", span=(0.4, 1.0)),
        Shape(p("forearm"), p("elbow"), p("wrist"), (0.026, 0.019), "skin"),
        Shape(p("hand"), p("wrist"), p("hand_tip"), (0.021, 0.015), "skin", span=(0.1, 0.8)),
        Shape(p("thumb"), p("wrist"), p("thumb"), (0.010, 0.008), "skin", span=(0.3, 1.0)),
    )


# Girths follow a lean adult's circumferences (thigh 0.056 H, calf 0.034 H, chest 0.18 H wide).
SHAPES: tuple[Shape, ...] = (
    Shape("pelvis", "hip_l", "hip_r", (0.062, 0.062), "shorts", "pelvis", "zy", 0.82),
    Shape("waist", "pelvis", "thorax", (0.084, 0.082), "shirt", "lumbar", "xz", 0.72,
          span=(0.15, 1.0), caps=False),
    Shape("chest", "thorax", "chest", (0.082, 0.092), "shirt", "thorax", "xz", 0.66),
    Shape("shoulders_l", "neck_base", "shoulder_l", (0.026, 0.033), "shirt", span=(0.15, 1.0)),
    Shape("shoulders_r", "neck_base", "shoulder_r", (0.026, 0.033), "shirt", span=(0.15, 1.0)),
    Shape("neck", "neck_base", "head", (0.030, 0.028), "skin", span=(0.0, 0.6), depth_bias=0.08),
    *_limb_shapes("l"), *_limb_shapes("r"),
)


MEDIAPIPE_ORDER: tuple[str, ...] = (
    "nose", "eye_inner_l", "eye_l", "eye_outer_l", "eye_inner_r", "eye_r", "eye_outer_r",
    "ear_l", "ear_r", "mouth_l", "mouth_r", "shoulder_l", "shoulder_r", "elbow_l", "elbow_r",
    "wrist_l", "wrist_r", "pinky_l", "pinky_r", "index_l", "index_r", "thumb_l", "thumb_r",
    "hip_l", "hip_r", "knee_l", "knee_r", "ankle_l", "ankle_r", "heel_l", "heel_r",
    "toe_l", "toe_r",
)


def to_mediapipe33(skeleton: Skeleton) -> np.ndarray:
    """The 33 MediaPipe pose landmarks, (33, 3) world metres, in MediaPipe's order."""
    return np.stack([skeleton.points[name] for name in MEDIAPIPE_ORDER])


def blend_poses(weighted: list[tuple[Pose, float]]) -> Pose:
    """Weighted average of poses (weights summing to 1): a smooth way between two positions."""
    names = set().union(*(p.angles for p, _ in weighted))
    angles = {n: sum(w * p.angle(n) for p, w in weighted) for n in names}
    root_pos = sum(w * np.asarray(p.root_pos, dtype=float) for p, w in weighted)
    root_rot = sum(w * np.asarray(p.root_rot, dtype=float) for p, w in weighted)
    return Pose(angles, tuple(root_pos), tuple(root_rot))
