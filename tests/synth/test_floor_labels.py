"""Floor exercises (lying, side-lying, all fours, kneeling): labels agree with the motion.

For each exercise, short clips from the front and the side: reps (or holds) per side match the
set plan, spans are ordered and inside the clip, each rep's turn is where its key measurement
is most extreme, every fault changes that rep's measurement clearly, and equal seeds give
equal bytes.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from trainer.synth import generate_clip
from trainer.synth.exercises import get_exercise
from trainer.synth.labels import read_labels

SMALL = {"width": 320, "height": 180, "fps": 15}
SH_L, SH_R, HIP_L, HIP_R, KNEE_L, KNEE_R, ANK_L, ANK_R = 11, 12, 23, 24, 25, 26, 27, 28


def _mid(w, a, b):
    return (w[:, a] + w[:, b]) / 2


def hip_height(w: np.ndarray) -> np.ndarray:
    """Mid-hip height above the lower ankle (y is down, origin at mid-hip)."""
    return np.maximum(w[:, ANK_L, 1], w[:, ANK_R, 1])


def line_offset(w: np.ndarray, knee: int) -> np.ndarray:
    """Height of the mid-hip above the straight shoulder-to-knee line (metres, + = above)."""
    sh, k = _mid(w, SH_L, SH_R), w[:, knee]
    along = (k - sh)[:, [0, 2]]
    u = np.sum(-sh[:, [0, 2]] * along, axis=1) / np.sum(along * along, axis=1)
    return sh[:, 1] + u * (k[:, 1] - sh[:, 1])  # y is down and the hip's y is 0


def thigh_gap(w: np.ndarray, work: str) -> np.ndarray:
    """Angle in degrees between the two thighs."""
    a, b = w[:, KNEE_L] - w[:, HIP_L], w[:, KNEE_R] - w[:, HIP_R]
    cos = np.sum(a * b, axis=1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
    return np.degrees(np.arccos(np.clip(cos, -1, 1)))


def knee_flexion(w: np.ndarray) -> np.ndarray:
    """Mean knee bend of both legs in degrees."""
    bends = []
    for hip, knee, ankle in ((HIP_L, KNEE_L, ANK_L), (HIP_R, KNEE_R, ANK_R)):
        a, b = w[:, hip] - w[:, knee], w[:, ankle] - w[:, knee]
        cos = np.sum(a * b, axis=1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
        bends.append(180.0 - np.degrees(np.arccos(np.clip(cos, -1, 1))))
    return np.mean(bends, axis=0)


def hips_over_shoulders(w: np.ndarray) -> np.ndarray:
    """How far the mid-hip is above the mid-shoulder point (metres; y is down)."""
    return _mid(w, SH_L, SH_R)[:, 1]


def leg_side(rep: dict, working: bool = True) -> tuple[int, int, int]:
    """(hip, knee, ankle) landmark indices of the rep's working leg (or the other one)."""
    left = (rep["side"] == "left") == working
    return (HIP_L, KNEE_L, ANK_L) if left else (HIP_R, KNEE_R, ANK_R)


def one_knee_flexion(w: np.ndarray, hip: int, knee: int, ankle: int) -> np.ndarray:
    a, b = w[:, hip] - w[:, knee], w[:, ankle] - w[:, knee]
    cos = np.sum(a * b, axis=1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
    return 180.0 - np.degrees(np.arccos(np.clip(cos, -1, 1)))


MEASURES = {
    "hip_height": lambda w, rep: hip_height(w),
    "line": lambda w, rep: line_offset(w, leg_side(rep)[1]),
    "gap": lambda w, rep: thigh_gap(w, rep["side"]),
    "knees": lambda w, rep: knee_flexion(w),
    "hips": lambda w, rep: hips_over_shoulders(w),
    # how high the working knee is above the hips (y is down)
    "knee_up": lambda w, rep: -w[:, leg_side(rep)[1], 1],
    "ankle_up": lambda w, rep: -w[:, leg_side(rep)[2], 1],
    # how much higher the working hip is than the other one
    "hip_tilt": lambda w, rep: w[:, leg_side(rep, False)[0], 1] - w[:, leg_side(rep)[0], 1],
    "work_knee": lambda w, rep: one_knee_flexion(w, *leg_side(rep)),
    "knee_gap": lambda w, rep: np.linalg.norm(w[:, KNEE_L] - w[:, KNEE_R], axis=1),
}

# exercise -> (key measurement, "max" or "min" at the turn, {fault: (measure, direction, size)})
CASES = {
    "single_leg_bridge": ("hip_height", "max", {
        "hips_sagging": ("line", -1, 0.06), "back_arch": ("line", +1, 0.02),
        "thighs_apart": ("gap", +1, 12.0)}),
    "ball_hamstring_curl": ("knees", "min", {"hips_sagging": ("hips", -1, 0.1)}),
    "banded_hip_extension": ("ankle_up", "max", {
        "back_arch": ("knee_up", +1, 0.08), "hip_rotation": ("hip_tilt", +1, 0.05),
        "bent_leg": ("work_knee", +1, 40.0)}),
    "glute_star": ("knee_gap", "max", {
        "hips_down": ("hip_height", -1, 0.08), "leg_not_raised": ("knee_gap", -1, 0.15)}),
}


def _front_knee_lead(sk, side: str) -> float:
    """How far the front knee is ahead of its ankle (metres); the front leg is the other one."""
    f = "r" if side == "left" else "l"
    return float(sk.points[f"knee_{f}"][2] - sk.points[f"ankle_{f}"][2])


def _pelvis_tip(sk, side: str) -> float:
    """Forward tip of the pelvis in degrees (its up axis leaning toward +z)."""
    up = sk.frames["pelvis"][:, 1]
    return float(np.degrees(np.arctan2(up[2], up[1])))


def _knee_bend(sk, side: str) -> float:
    p = sk.points
    a, b = p[f"hip_{side}"] - p[f"knee_{side}"], p[f"ankle_{side}"] - p[f"knee_{side}"]
    cos = float(np.dot(a, b) / np.linalg.norm(a) / np.linalg.norm(b))
    return 180.0 - float(np.degrees(np.arccos(np.clip(cos, -1, 1))))


# hold exercises: motion puts faults on reps only, so their overrides are checked on the pose
# itself: {exercise: {fault: (measure(skeleton, side), direction, size)}}
HOLD_FAULTS = {
    "hip_flexor_stretch": {"front_knee_past_toes": (_front_knee_lead, +1, 0.15),
                           "arched_back": (_pelvis_tip, +1, 20.0)},
    "lizard_to_half_split": {"front_knee_bent": (
        lambda sk, side: _knee_bend(sk, side[0]), +1, 15.0)},
    "half_pigeon": {"hips_high": (lambda sk, side: float(sk.points["pelvis"][1]), +1, 0.1)},
}


def measure(name: str, w: np.ndarray, rep: dict) -> np.ndarray:
    return MEASURES[name](w, rep)


@pytest.fixture(scope="module", params=[(e, v) for e in (*CASES, *HOLD_FAULTS)
                                        for v in ("front", "side")],
                ids=lambda p: "-".join(p))
def clip(request, tmp_path_factory):
    exercise, view = request.param
    faults = {i + 2: [f] for i, f in enumerate(CASES.get(exercise, (0, 0, {}))[2])}
    out = tmp_path_factory.mktemp("floor") / f"{exercise}_{view}.mp4"
    labels = read_labels(generate_clip(exercise, view=view, reps=2, faults=faults, out=out,
                                       seed=3, hold_s=1.0, **SMALL))
    return exercise, out, labels, faults


def test_reps_per_side_match_the_set_plan(clip):
    exercise, _, labels, _ = clip
    script = get_exercise(exercise).script
    holds = [p for p in script.sets if p.hold_s > 0]
    spans = labels["holds"] if holds else labels["reps"]
    sides = [s["side"] for s in spans]
    expected = [p.side for p in script.sets for _ in range(2)]
    assert sides == expected


def test_spans_are_ordered_and_inside_the_clip(clip):
    _, _, labels, _ = clip
    previous = 0
    for rep in labels["reps"]:
        assert previous <= rep["start_frame"] < rep["turn_frame"] < rep["end_frame"]
        previous = rep["end_frame"]
    for hold in labels["holds"]:
        assert previous <= hold["start_frame"] < hold["end_frame"]
        previous = hold["end_frame"]
    assert previous < labels["n_frames"] - 1


def test_turn_is_where_the_key_measurement_peaks(clip):
    exercise, _, labels, faults = clip
    key, extreme, _ = CASES.get(exercise, ("", "", {}))
    for rep in labels["reps"]:
        if rep["faults"]:
            continue
        values = measure(key, labels["landmarks_3d"], rep)
        span = values[rep["start_frame"]:rep["end_frame"] + 1]
        best = span.max() if extreme == "max" else span.min()
        at_turn = values[rep["turn_frame"]]
        assert abs(at_turn - best) <= 0.03 * (np.ptp(span) + 1e-9) + 1e-3


def test_each_fault_is_on_its_rep_only_and_changes_the_pose(clip):
    exercise, _, labels, faults = clip
    w = labels["landmarks_3d"]
    for rep in labels["reps"]:
        assert rep["faults"] == faults.get(rep["index"], [])
    for index, (fault,) in faults.items():
        name, direction, size = CASES.get(exercise)[2][fault]
        bad = labels["reps"][index - 1]
        clean = [r for r in labels["reps"] if not r["faults"] and r["side"] == bad["side"]]
        value = measure(name, w, bad)[bad["turn_frame"]]
        reference = np.mean([measure(name, w, r)[r["turn_frame"]] for r in clean])
        assert direction * (value - reference) >= size, (fault, value, reference)


def test_hold_lengths(clip):
    _, _, labels, _ = clip
    for hold in labels["holds"]:
        assert abs(hold["end_frame"] - hold["start_frame"] - labels["fps"] * 1.0) <= 1


def test_same_seed_same_bytes(clip, tmp_path):
    exercise, out, _, faults = clip
    view = out.stem.rsplit("_", 1)[1]
    again = tmp_path / "again.mp4"
    generate_clip(exercise, view=view, reps=2, faults=faults, out=again, seed=3, hold_s=1.0,
                  **SMALL)
    digest = lambda p: hashlib.sha256(p.read_bytes()).hexdigest()
    assert digest(again) == digest(out)
    assert digest(again.with_suffix(".json")) == digest(out.with_suffix(".json"))


@pytest.mark.parametrize("exercise", list(HOLD_FAULTS))
@pytest.mark.parametrize("side", ["left", "right"])
def test_hold_faults_change_the_held_pose(exercise, side):
    from trainer.synth.body import Dimensions, body_type, forward_kinematics
    chosen = get_exercise(exercise)
    dims = Dimensions.of(body_type("average"))
    held = forward_kinematics(dims, chosen.build_pose(dims, chosen.script.turn, side))
    for fault, (fn, direction, size) in HOLD_FAULTS[exercise].items():
        controls = {**chosen.script.turn, **chosen.script.faults[fault]}
        bad = forward_kinematics(dims, chosen.build_pose(dims, controls, side))
        assert direction * (fn(bad, side) - fn(held, side)) >= size, fault
