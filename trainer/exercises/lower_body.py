"""Lower-body measurements shared by the exercise modules (pure numpy on PoseFrames).

Every function returns NaN when the joints it needs are not seen, so a rule reading it simply
has nothing to judge on that frame.
"""

from __future__ import annotations

import math

import numpy as np

from ..geometry import joint_angle, midpoint, tilt_from_vertical
from ..pose import Landmark as L, PoseFrame

VISIBLE = 0.5
LIFTED_FOOT = 0.25   # an ankle this far above the other (share of the leg) is off the floor

_LEGS = {
    "left": (L.LEFT_HIP, L.LEFT_KNEE, L.LEFT_ANKLE, L.LEFT_SHOULDER, L.LEFT_EAR, L.LEFT_FOOT_INDEX),
    "right": (L.RIGHT_HIP, L.RIGHT_KNEE, L.RIGHT_ANKLE, L.RIGHT_SHOULDER, L.RIGHT_EAR, L.RIGHT_FOOT_INDEX),
}


def _seen(frame: PoseFrame, *landmarks: int) -> bool:
    return frame.visible(landmarks, VISIBLE)


def knee_flexion(frame: PoseFrame, side: str) -> float:
    """Knee bend in degrees from the 3D world landmarks (0 = straight leg).

    3D rather than image angles: seen from the front, a squatting thigh points at the camera and
    its image angle barely changes until the bottom, while the 3D angle follows the bend.
    """
    hip, knee, ankle = _LEGS[side][:3]
    if not _seen(frame, hip, knee, ankle):
        return math.nan
    w = frame.world
    return 180.0 - float(joint_angle(w[hip], w[knee], w[ankle]))


def mean_knee_flexion(frame: PoseFrame) -> float:
    values = [knee_flexion(frame, side) for side in ("left", "right")]
    finite = [v for v in values if math.isfinite(v)]
    return float(np.mean(finite)) if finite else math.nan


def thigh_above_parallel(frame: PoseFrame, side: str, thigh_px: float) -> float:
    """How far the thigh points above horizontal, in degrees (0 = parallel, 90 = standing).

    From the hip's height above the knee relative to the standing thigh length, which reads the
    same from the front and from the side (the image thigh shortens from the front, its vertical
    drop does not).
    """
    hip, knee = _LEGS[side][:2]
    if not _seen(frame, hip, knee) or not thigh_px > 0:
        return math.nan
    rise = (frame.xy[knee, 1] - frame.xy[hip, 1]) / thigh_px
    return math.degrees(math.asin(max(-1.0, min(1.0, rise))))


def knee_to_ankle_width_ratio(frame: PoseFrame) -> float:
    """Distance between the knees over distance between the ankles, in the image (front view).

    Below 1 the knees sit inside the feet: the knee-caving pattern.
    """
    if not _seen(frame, L.LEFT_KNEE, L.RIGHT_KNEE, L.LEFT_ANKLE, L.RIGHT_ANKLE):
        return math.nan
    xy = frame.xy
    ankles = abs(xy[L.LEFT_ANKLE, 0] - xy[L.RIGHT_ANKLE, 0])
    if ankles < 1e-6:
        return math.nan
    return float(abs(xy[L.LEFT_KNEE, 0] - xy[L.RIGHT_KNEE, 0]) / ankles)


def trunk_lean(frame: PoseFrame) -> float:
    """Hip-to-shoulder line's tilt from vertical in the image, degrees (side view)."""
    if not _seen(frame, L.LEFT_HIP, L.RIGHT_HIP, L.LEFT_SHOULDER, L.RIGHT_SHOULDER):
        return math.nan
    xy = frame.xy
    return tilt_from_vertical(midpoint(xy, L.LEFT_HIP, L.RIGHT_HIP),
                              midpoint(xy, L.LEFT_SHOULDER, L.RIGHT_SHOULDER))


def shin_lean(frame: PoseFrame, side: str) -> float:
    """Ankle-to-knee line's tilt from vertical in the image, degrees (side view): how far the
    knee has travelled forward over the foot, without relying on the toe point, which the
    model places loosely."""
    _, knee, ankle, *_ = _LEGS[side]
    if not _seen(frame, knee, ankle):
        return math.nan
    return tilt_from_vertical(frame.xy[ankle], frame.xy[knee])


def upper_back_bend(frame: PoseFrame, side: str) -> float:
    """How far the ear drops forward of the hip-shoulder line, degrees (side view).

    MediaPipe has no spine points; a rounding upper back pulls shoulders and head forward and
    down, which opens this angle. 0 means ear, shoulder and hip in one line.
    """
    hip, _, _, shoulder, ear, _ = _LEGS[side]
    if not _seen(frame, hip, shoulder, ear):
        return math.nan
    xy = frame.xy
    return 180.0 - float(joint_angle(xy[hip], xy[shoulder], xy[ear]))


def hip_drop(frame: PoseFrame, thigh_px: float, shank_px: float) -> float:
    """How far the hips have sunk toward the ankles, as a share of the standing leg length.

    0 standing tall, about 0.5 with thighs parallel. Read from image heights, which the camera
    direction barely changes, unlike the model's 3D knee angle: seen from the front it
    understates a half squat by a third or more.
    """
    leg = thigh_px + shank_px
    if not leg > 0:
        return math.nan
    legs = [(frame.xy[hip, 1], frame.xy[ankle, 1])
            for hip, _, ankle, *_ in _LEGS.values() if _seen(frame, hip, ankle)]
    if not legs:
        return math.nan
    floor = max(ankle for _, ankle in legs)
    # a foot lifted well off the floor (a knee hug, a single-leg move) must not read as the
    # hips sinking: only legs whose ankle is near the floor count
    planted = [(hip, ankle) for hip, ankle in legs if floor - ankle < LIFTED_FOOT * leg]
    return float(np.mean([1.0 - (ankle - hip) / leg for hip, ankle in planted]))


_FEET = {"left": (L.LEFT_HEEL, L.LEFT_FOOT_INDEX), "right": (L.RIGHT_HEEL, L.RIGHT_FOOT_INDEX)}


def hip_flexion(frame: PoseFrame, side: str) -> float:
    """Thigh raised forward relative to the trunk, degrees, from 3D world landmarks (0 = in
    line with the trunk). Tells a front leg (flexed hip) from a back leg (hip straight)."""
    hip, knee, _, shoulder, *_ = _LEGS[side]
    if not _seen(frame, hip, knee, shoulder):
        return math.nan
    w = frame.world
    return 180.0 - float(joint_angle(w[shoulder], w[hip], w[knee]))


def knee_ahead_of_toes(frame: PoseFrame, side: str) -> float:
    """How far the knee sits in front of the toes, in foot lengths (side view; < 0 = behind).

    "In front" is the way the foot points (heel to toe), so it reads the same whichever way
    the person faces the camera.
    """
    _, knee, *_ = _LEGS[side]
    heel, toe = _FEET[side]
    if not _seen(frame, knee, heel, toe):
        return math.nan
    xy = frame.xy
    foot = xy[toe, 0] - xy[heel, 0]
    length = float(np.linalg.norm(xy[toe] - xy[heel]))
    if length < 1e-6 or abs(foot) < 0.5 * length:   # foot not side-on: cannot be read
        return math.nan
    return float((xy[knee, 0] - xy[toe, 0]) * np.sign(foot) / length)


def knee_inside_ankle(frame: PoseFrame, side: str, shank_px: float) -> float:
    """How far the knee sits toward the body's midline from its ankle, in shank lengths (front
    view; > 0 = caving in). The midline is the middle of the two hips."""
    hip, knee, ankle, *_ = _LEGS[side]
    other_hip = L.RIGHT_HIP if side == "left" else L.LEFT_HIP
    if not _seen(frame, hip, other_hip, knee, ankle) or not shank_px > 0:
        return math.nan
    xy = frame.xy
    midline = (xy[hip, 0] + xy[other_hip, 0]) / 2.0
    inward = np.sign(midline - xy[ankle, 0])
    return float((xy[knee, 0] - xy[ankle, 0]) * inward / shank_px)


def knee_height(frame: PoseFrame, side: str, shank_px: float) -> float:
    """Knee height above the floor (the lowest foot point seen), in shank lengths."""
    _, knee, *_ = _LEGS[side]
    feet = [i for pair in _FEET.values() for i in pair if _seen(frame, i)]
    if not feet or not _seen(frame, knee) or not shank_px > 0:
        return math.nan
    floor = max(frame.xy[i, 1] for i in feet)
    return float((floor - frame.xy[knee, 1]) / shank_px)


def per_side(name: str, value_of) -> dict[str, float]:
    """{name_left: ..., name_right: ...} for a one-sided measurement."""
    return {f"{name}_{side}": value_of(side) for side in ("left", "right")}




def trunk_flexion(frame: PoseFrame) -> float:
    """Trunk tilt from upright in degrees, from the 3D world landmarks (0 upright, 90 flat).

    3D so that a hinge reads the same from the front, where the image shows a trunk coming
    toward the camera barely tilting, as from the side.
    """
    if not _seen(frame, L.LEFT_HIP, L.RIGHT_HIP, L.LEFT_SHOULDER, L.RIGHT_SHOULDER):
        return math.nan
    w = frame.world
    trunk = midpoint(w, L.LEFT_SHOULDER, L.RIGHT_SHOULDER) - midpoint(w, L.LEFT_HIP, L.RIGHT_HIP)
    up = np.array([0.0, -1.0, 0.0])   # world y points down, as in the image
    norm = float(np.linalg.norm(trunk))
    return math.degrees(math.acos(max(-1.0, min(1.0, float(trunk @ up) / norm)))) if norm > 1e-6 else math.nan


def knee_bend_2d(frame: PoseFrame, side: str) -> float:
    """Knee bend in the image, degrees (side view: the true bend; 0 = straight)."""
    hip, knee, ankle, *_ = _LEGS[side]
    if not _seen(frame, hip, knee, ankle):
        return math.nan
    return 180.0 - float(joint_angle(frame.xy[hip], frame.xy[knee], frame.xy[ankle]))


def near_side(frame: PoseFrame) -> str:
    """The flank facing the camera (its landmarks are the reliable ones side-on)."""
    left = frame.visibility[[L.LEFT_SHOULDER, L.LEFT_HIP, L.LEFT_KNEE]].sum()
    right = frame.visibility[[L.RIGHT_SHOULDER, L.RIGHT_HIP, L.RIGHT_KNEE]].sum()
    return "left" if left >= right else "right"


def hip_line_tilt(frame: PoseFrame) -> float:
    """Tilt of the line between the hips from horizontal in the image, degrees (front or back
    view; 0 = level). A free hip that opens or drops tilts it."""
    if not _seen(frame, L.LEFT_HIP, L.RIGHT_HIP):
        return math.nan
    dx, dy = frame.xy[L.RIGHT_HIP] - frame.xy[L.LEFT_HIP]
    return math.degrees(math.atan2(abs(dy), abs(dx))) if abs(dx) + abs(dy) > 1e-6 else math.nan




def hip_above_line(frame: PoseFrame, side: str) -> float:
    """How far the hip sits above the straight shoulder-to-knee line, in torso lengths (side
    view, lying on the back: 0 = one straight line, < 0 = hips sagging, > 0 = pushed past it)."""
    hip, knee, _, shoulder, *_ = _LEGS[side]
    if not _seen(frame, hip, knee, shoulder):
        return math.nan
    xy = frame.xy
    line = xy[knee] - xy[shoulder]
    length = float(np.linalg.norm(line))
    torso = float(np.linalg.norm(xy[shoulder] - xy[hip]))
    if length < 1e-6 or torso < 1e-6:
        return math.nan
    normal = np.array([line[1], -line[0]]) / length
    if normal[1] > 0:          # make the normal point up the image (toward the ceiling)
        normal = -normal
    return float((xy[hip] - xy[shoulder]) @ normal / torso)


def thigh_angle_between(frame: PoseFrame) -> float:
    """Angle between the two thighs in the image, degrees (side view; 0 = parallel)."""
    if not _seen(frame, L.LEFT_HIP, L.LEFT_KNEE, L.RIGHT_HIP, L.RIGHT_KNEE):
        return math.nan
    xy = frame.xy
    a, b = xy[L.LEFT_KNEE] - xy[L.LEFT_HIP], xy[L.RIGHT_KNEE] - xy[L.RIGHT_HIP]
    cosine = float(a @ b) / max(float(np.linalg.norm(a) * np.linalg.norm(b)), 1e-9)
    return math.degrees(math.acos(max(-1.0, min(1.0, cosine))))




def split_stance_metrics(frame: PoseFrame, ref) -> dict[str, float]:
    """What lunges and split squats read: hip drop for the reps, both hips' bend to tell the
    front leg, and per side the front knee's travel and caving and the back knee's height
    (stored under the front leg's side, which is the side the rules judge)."""
    shank = ref.shank_px
    values = {"hip_drop": hip_drop(frame, ref.thigh_px, shank), "trunk_lean": trunk_lean(frame)}
    values |= per_side("hip_flexion", lambda s: hip_flexion(frame, s))
    values |= per_side("knee_bend", lambda s: knee_flexion(frame, s))
    values |= per_side("shin_lean", lambda s: shin_lean(frame, s))
    values |= per_side("knee_inside_ankle", lambda s: knee_inside_ankle(frame, s, shank))
    heights = {s: knee_height(frame, s, shank) for s in ("left", "right")}
    values |= {"back_knee_height_left": heights["right"], "back_knee_height_right": heights["left"]}
    return values


def ankle_rise(frame: PoseFrame, side: str, leg_px: float) -> float:
    """How far this ankle sits above the other one, in leg lengths (image)."""
    _, _, ankle, *_ = _LEGS[side]
    _, _, other, *_ = _LEGS["right" if side == "left" else "left"]
    if not _seen(frame, ankle, other) or not leg_px > 0:
        return math.nan
    return float((frame.xy[other, 1] - frame.xy[ankle, 1]) / leg_px)


def leg_above_horizontal(frame: PoseFrame, side: str) -> float:
    """Angle of the hip-to-ankle line above horizontal, degrees (side view; < 0 = below)."""
    hip, _, ankle, *_ = _LEGS[side]
    if not _seen(frame, hip, ankle):
        return math.nan
    dx, dy = frame.xy[ankle] - frame.xy[hip]
    return math.degrees(math.atan2(-dy, abs(dx))) if abs(dx) + abs(dy) > 1e-6 else math.nan




def larger_of_both(values: dict[str, float], name: str) -> float:
    """max(name_left, name_right), NaN unless both are measured."""
    pair = (values[f"{name}_left"], values[f"{name}_right"])
    return max(pair) if all(math.isfinite(v) for v in pair) else math.nan




def heel_lift(frame: PoseFrame, side: str) -> float:
    """Heel height above its own toe, in foot lengths (side view; 0 = foot flat)."""
    heel, toe = _FEET[side]
    if not _seen(frame, heel, toe):
        return math.nan
    length = float(np.linalg.norm(frame.xy[toe] - frame.xy[heel]))
    return float((frame.xy[toe, 1] - frame.xy[heel, 1]) / length) if length > 1e-6 else math.nan


def trunk_back_lean(frame: PoseFrame, side: str) -> float:
    """How far the trunk leans back from vertical, degrees, with "forward" the way the given
    foot points (side view; < 0 = leaning forward)."""
    heel, toe = _FEET[side]
    if not _seen(frame, heel, toe, L.LEFT_HIP, L.RIGHT_HIP, L.LEFT_SHOULDER, L.RIGHT_SHOULDER):
        return math.nan
    xy = frame.xy
    forward = np.sign(xy[toe, 0] - xy[heel, 0])
    hips, shoulders = midpoint(xy, L.LEFT_HIP, L.RIGHT_HIP), midpoint(xy, L.LEFT_SHOULDER, L.RIGHT_SHOULDER)
    dx, dy = shoulders - hips
    return math.degrees(math.atan2(-dx * forward, -dy)) if abs(dx) + abs(dy) > 1e-6 else math.nan




def other_side(side: str) -> str:
    return {"left": "right", "right": "left"}.get(side, side)


def feet_apart(frame: PoseFrame, shank_px: float) -> float:
    """Horizontal distance between the ankles in the image, in shank lengths."""
    if not _seen(frame, L.LEFT_ANKLE, L.RIGHT_ANKLE) or not shank_px > 0:
        return math.nan
    return float(abs(frame.xy[L.LEFT_ANKLE, 0] - frame.xy[L.RIGHT_ANKLE, 0]) / shank_px)


def arm_elevation(frame: PoseFrame) -> float:
    """How high the arms are raised, degrees between trunk and upper arm (0 = by the sides,
    180 = straight overhead), the higher arm counted; 2D."""
    best = math.nan
    for hip, shoulder, elbow in ((L.LEFT_HIP, L.LEFT_SHOULDER, L.LEFT_ELBOW),
                                 (L.RIGHT_HIP, L.RIGHT_SHOULDER, L.RIGHT_ELBOW)):
        if _seen(frame, hip, shoulder, elbow):
            angle = float(joint_angle(frame.xy[hip], frame.xy[shoulder], frame.xy[elbow]))
            best = angle if not math.isfinite(best) else max(best, angle)
    return best












def foot_out(frame: PoseFrame, side: str, shank_px: float) -> float:
    """How far this ankle sits out to its own side of the hips' centre, in shank lengths (front
    view): grows as the foot taps or steps out sideways."""
    _, _, ankle, *_ = _LEGS[side]
    if not _seen(frame, L.LEFT_HIP, L.RIGHT_HIP, ankle) or not shank_px > 0:
        return math.nan
    xy = frame.xy
    centre = (xy[L.LEFT_HIP, 0] + xy[L.RIGHT_HIP, 0]) / 2.0
    own_side = np.sign(xy[L.LEFT_HIP, 0] - xy[L.RIGHT_HIP, 0]) * (1 if side == "left" else -1)
    return float((xy[ankle, 0] - centre) * own_side / shank_px)




def narrowing_on_the_way_up(signal: np.ndarray, width: np.ndarray) -> float:
    """How much narrower ``width`` is on the way up than on the way down at the same depth
    (share of the way-down value; > 0 = narrower rising), over the lower half of the rep.

    Comparing the person with themselves at equal depth cancels the stance, the camera angle
    and the way knees naturally spread as the thighs tip toward a front camera.
    """
    ok = np.isfinite(signal) & np.isfinite(width)
    if ok.sum() < 6:
        return math.nan
    turn = int(np.nanargmax(np.where(ok, signal, -np.inf)))
    down, up = np.arange(turn + 1), np.arange(turn, len(signal))
    down, up = down[ok[down]], up[ok[up]]
    if len(down) < 3 or len(up) < 3:
        return math.nan
    peak = signal[turn]
    floor = min(signal[down].min(), signal[up].min())
    levels = floor + (peak - floor) * np.linspace(0.5, 0.9, 5)
    # depth grows on the way down and shrinks on the way up: interpolate width against depth
    width_down = np.interp(levels, np.maximum.accumulate(signal[down]), width[down])
    width_up = np.interp(levels, np.maximum.accumulate(signal[up][::-1]), width[up][::-1])
    return float(np.max((width_down - width_up) / width_down))


def knee_above_hip(frame: PoseFrame, side: str, thigh_px: float) -> float:
    """How far the knee is above its hip in the image, in standing thigh lengths (0 = thigh
    level, 1 = thigh straight up; negative below the hip)."""
    hip, knee, *_ = _LEGS[side]
    if not _seen(frame, hip, knee) or not thigh_px > 0:
        return math.nan
    return float((frame.xy[hip, 1] - frame.xy[knee, 1]) / thigh_px)
