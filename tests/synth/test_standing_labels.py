"""Standing exercises of the synth generator: labels match the motion that was asked for.

For each exercise (front and side view, short sets) the label file must have the set plan's
reps per side, ordered spans inside the clip, the turn at the rep's most extreme key
measurement, each fault only on its rep with a clear change of the ground-truth measurement
it names, the working leg really doing the work, and the same bytes for the same seed.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from trainer.synth import generate_clip
from trainer.synth.body import Dimensions, body_type, forward_kinematics, to_mediapipe33
from trainer.synth.exercises import get_exercise
from trainer.synth.labels import read_labels
from trainer.synth.motion import SetPlan, turn_controls

SMALL = {"width": 320, "height": 180, "fps": 15}
NOSE, SH_L, SH_R, WR_L, WR_R = 0, 11, 12, 15, 16
HIP_L, HIP_R, KNEE_L, KNEE_R, ANK_L, ANK_R = 23, 24, 25, 26, 27, 28
HEEL_L, HEEL_R, TOE_L, TOE_R = 29, 30, 31, 32
LEG = {"l": (HIP_L, KNEE_L, ANK_L, HEEL_L, TOE_L), "r": (HIP_R, KNEE_R, ANK_R, HEEL_R, TOE_R)}
SIDE_CODE = {"left": "l", "right": "r"}
OTHER = {"l": "r", "r": "l"}


def angle(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    cos = np.sum(a * b, axis=-1) / (np.linalg.norm(a, axis=-1) * np.linalg.norm(b, axis=-1))
    return np.degrees(np.arccos(np.clip(cos, -1, 1)))


def knee_flex(w: np.ndarray, leg: str) -> np.ndarray:
    hip, knee, ankle = (w[..., i, :] for i in LEG[leg][:3])
    return 180.0 - angle(hip - knee, ankle - knee)


def trunk_tilt(w: np.ndarray) -> np.ndarray:
    """Degrees of the hip-to-shoulder line from vertical (landmark y points down)."""
    line = (w[..., SH_L, :] + w[..., SH_R, :]) / 2 - (w[..., HIP_L, :] + w[..., HIP_R, :]) / 2
    return angle(line, np.array([0.0, -1.0, 0.0]))


def trunk_chord(w: np.ndarray) -> np.ndarray:
    """Hip-to-shoulder distance: a rounded back brings the shoulders toward the hips."""
    line = (w[..., SH_L, :] + w[..., SH_R, :]) / 2 - (w[..., HIP_L, :] + w[..., HIP_R, :]) / 2
    return np.linalg.norm(line, axis=-1)


def heel_rise(w: np.ndarray, leg: str) -> np.ndarray:
    """Height of the heel above the toe of ``leg`` in metres."""
    return w[..., LEG[leg][4], 1] - w[..., LEG[leg][3], 1]


def free_leg_bend(w: np.ndarray, free: str) -> np.ndarray:
    """How far the free thigh (hip to knee) leaves the line of the trunk (shoulders to hips)."""
    mid_sh = (w[..., SH_L, :] + w[..., SH_R, :]) / 2
    hip, knee = w[..., LEG[free][0], :], w[..., LEG[free][1], :]
    return angle(hip - mid_sh, knee - hip)


def mean_knee(w: np.ndarray) -> np.ndarray:
    return (knee_flex(w, "l") + knee_flex(w, "r")) / 2


def knee_ratio(w: np.ndarray) -> np.ndarray:
    return (np.linalg.norm(w[..., KNEE_L, :] - w[..., KNEE_R, :], axis=-1)
            / np.linalg.norm(w[..., ANK_L, :] - w[..., ANK_R, :], axis=-1))


def wrists_over_shoulders(w: np.ndarray) -> np.ndarray:
    return ((w[..., SH_L, 1] + w[..., SH_R, 1]) - (w[..., WR_L, 1] + w[..., WR_R, 1])) / 2


def medial_knee(w: np.ndarray, leg: str) -> np.ndarray:
    """How far the ``leg`` knee sits toward the midline of its ankle, along the hip line."""
    lateral = w[..., LEG[leg][0], :] - w[..., LEG[OTHER[leg]][0], :]
    lateral = lateral * np.array([1.0, 0.0, 1.0])
    lateral = lateral / np.linalg.norm(lateral, axis=-1, keepdims=True)
    return -np.sum((w[..., LEG[leg][1], :] - w[..., LEG[leg][2], :]) * lateral, axis=-1)


def shin_tilt(w: np.ndarray, leg: str) -> np.ndarray:
    return angle(w[..., LEG[leg][1], :] - w[..., LEG[leg][2], :], np.array([0.0, -1.0, 0.0]))


def hip_drop(w: np.ndarray) -> np.ndarray:
    """Minus the mid-hip's height above the lower ankle: it peaks at the deepest point."""
    return -np.maximum(w[..., ANK_L, 1], w[..., ANK_R, 1])  # y points down from the mid-hip


def knee_out(w: np.ndarray, leg: str) -> np.ndarray:
    """How far the ``leg`` knee sits out from the mid-hip along the level hip line (metres)."""
    outward = (w[..., LEG[leg][0], :] - w[..., LEG[OTHER[leg]][0], :]) * np.array([1.0, 0.0, 1.0])
    outward = outward / np.linalg.norm(outward, axis=-1, keepdims=True)
    return np.sum(w[..., LEG[leg][1], :] * outward, axis=-1)  # the origin is the mid-hip


def pelvis_turn(w: np.ndarray) -> np.ndarray:
    """Degrees the level hip line turns away from the line of the toes (planted throughout)."""
    level = np.array([1.0, 0.0, 1.0])
    return angle((w[..., HIP_L, :] - w[..., HIP_R, :]) * level,
                 (w[..., TOE_L, :] - w[..., TOE_R, :]) * level)


def stance_of(rep: dict) -> str:
    return SIDE_CODE.get(rep["side"], "l")


# exercise -> (reps per set, {rep: [fault]}, key measure (w, stance) -> (n,), fault checks)
# a fault check: (measure (w, stance) -> (n,), "lt"/"gt", margin): the faulty rep's value at
# its turn must be below/above the clean reps' mean by ``margin``.
SPECS = {
    "single_leg_deadlift": (3, {2: ["back_rounding"], 5: ["hip_opening"], 6: ["leg_out_of_line"]},
                            lambda w, s: trunk_tilt(w), {
        "back_rounding": (lambda w, s: trunk_chord(w), "lt", 0.02),
        "hip_opening": (lambda w, s: np.abs(w[..., HIP_L, 1] - w[..., HIP_R, 1]), "gt", 0.06),
        "leg_out_of_line": (lambda w, s: free_leg_bend(w, OTHER[s]), "gt", 20.0)}),
    "eccentric_heel_raise": (2, {3: ["fast_lowering"]}, lambda w, s: heel_rise(w, s), {}),
    "good_morning": (4, {2: ["shallow_hinge"], 3: ["back_rounding"], 4: ["locked_knees"]},
                     lambda w, s: trunk_tilt(w), {
        "shallow_hinge": (lambda w, s: trunk_tilt(w), "lt", 15.0),
        "back_rounding": (lambda w, s: trunk_chord(w), "lt", 0.02),
        "locked_knees": (lambda w, s: mean_knee(w), "lt", 8.0)}),
    "squat_to_overhead_reach": (4, {2: ["knee_valgus"], 3: ["back_rounding"],
                                    4: ["arms_not_overhead"]}, lambda w, s: mean_knee(w), {
        "knee_valgus": (lambda w, s: knee_ratio(w), "lt", 0.15),
        "back_rounding": (lambda w, s: trunk_chord(w), "lt", 0.02),
        "arms_not_overhead": (lambda w, s: wrists_over_shoulders(w), "lt", 0.2)}),
    "single_leg_ball_squat": (3, {2: ["knee_valgus"], 4: ["knee_past_toes"],
                                  6: ["chest_drop"]}, lambda w, s: knee_flex(w, s), {
        "knee_valgus": (lambda w, s: medial_knee(w, s), "gt", 0.05),
        "knee_past_toes": (lambda w, s: shin_tilt(w, s), "gt", 12.0),
        "chest_drop": (lambda w, s: trunk_tilt(w), "gt", 15.0)}),
    "elevated_heel_tap": (3, {2: ["hip_drop"], 4: ["knee_valgus"], 6: ["chest_drop"]},
                          lambda w, s: knee_flex(w, s), {
        "hip_drop": (lambda w, s: w[..., LEG[OTHER[s]][0], 1] - w[..., LEG[s][0], 1], "gt", 0.03),
        "knee_valgus": (lambda w, s: medial_knee(w, s), "gt", 0.04),
        "chest_drop": (lambda w, s: trunk_tilt(w), "gt", 15.0)}),
    # one rep per set: the sets alternate legs; the knee hug is checked on its own below
    "lunge_with_knee_to_chest": (8, {2: ["knee_past_toes"], 5: ["knee_not_to_chest"],
                                     7: ["shallow_depth"]}, lambda w, s: hip_drop(w), {
        "knee_past_toes": (lambda w, s: shin_tilt(w, s), "gt", 25.0),
        "shallow_depth": (lambda w, s: knee_flex(w, s), "lt", 25.0)}),
    "standing_clamshell": (3, {2: ["small_opening"], 4: ["heel_down"], 6: ["pelvis_rotation"]},
                           lambda w, s: knee_out(w, s), {
        "small_opening": (lambda w, s: knee_out(w, s), "lt", 0.03),
        "heel_down": (lambda w, s: heel_rise(w, s), "lt", 0.05),
        "pelvis_rotation": (lambda w, s: pelvis_turn(w), "gt", 15.0)}),
}
REP_CASES = [(name, view) for name in SPECS for view in ("front", "side")]


@pytest.fixture(scope="module")
def clips(tmp_path_factory):
    folder, made = tmp_path_factory.mktemp("standing"), {}

    def get(name: str, view: str) -> dict:
        if (name, view) not in made:
            reps, faults = SPECS[name][:2]
            path = generate_clip(name, view=view, reps=reps, faults=faults, seed=3,
                                 out=folder / f"{name}_{view}.mp4", **SMALL)
            made[(name, view)] = read_labels(path)
        return made[(name, view)]
    return get


@pytest.mark.parametrize("name, view", REP_CASES)
def test_reps_per_side_match_the_set_plan(clips, name, view):
    labels, script = clips(name, view), get_exercise(name).script
    plans = [SetPlan(p.side, SPECS[name][0], p.hold_s) for p in script.sets]
    # a script whose legs take turns within a set says so in its travel
    expected = script.travel.sides(plans) if script.travel else [p.side for p in plans
                                                                 for _ in range(p.count)]
    assert [r["side"] for r in labels["reps"]] == expected
    assert [r["index"] for r in labels["reps"]] == list(range(1, len(expected) + 1))
    assert [r["faults"] for r in labels["reps"]] == [
        SPECS[name][1].get(i, []) for i in range(1, len(expected) + 1)]


@pytest.mark.parametrize("name, view", REP_CASES)
def test_spans_are_ordered_and_inside_the_clip(clips, name, view):
    labels, previous = clips(name, view), 0
    for rep in labels["reps"]:
        assert previous <= rep["start_frame"] < rep["turn_frame"] < rep["end_frame"]
        previous = rep["end_frame"]
    assert previous < labels["n_frames"] - 1


@pytest.mark.parametrize("name, view", REP_CASES)
def test_turn_is_the_most_extreme_frame(clips, name, view):
    labels, key = clips(name, view), SPECS[name][2]
    for rep in labels["reps"]:
        w = labels["landmarks_3d"][rep["start_frame"]:rep["end_frame"] + 1]
        values = key(w, stance_of(rep))
        turn = values[rep["turn_frame"] - rep["start_frame"]]
        assert turn >= values.max() - 0.02 * (values.max() - values.min()) - 1e-3


@pytest.mark.parametrize("name, view", REP_CASES)
def test_each_fault_changes_its_measurement_on_its_rep_only(clips, name, view):
    labels = clips(name, view)
    w = labels["landmarks_3d"]
    for fault, (measure, direction, margin) in SPECS[name][3].items():
        at = {r["index"]: float(measure(w[r["turn_frame"]], stance_of(r))) for r in labels["reps"]}
        bad = [r["index"] for r in labels["reps"] if fault in r["faults"]]
        clean = [at[r["index"]] for r in labels["reps"] if not r["faults"]]
        change = at[bad[0]] - np.mean(clean)
        assert (change < -margin) if direction == "lt" else (change > margin), (fault, str(at))
        assert np.ptp(clean) < margin, (fault, str(at))  # the clean reps agree with each other


@pytest.mark.parametrize("name", ["single_leg_deadlift", "eccentric_heel_raise",
                                  "single_leg_ball_squat"])
def test_the_working_leg_stands_and_the_other_is_lifted(clips, name):
    labels = clips(name, "side")
    for rep in labels["reps"]:
        frame, stance = labels["landmarks_3d"][rep["turn_frame"]], stance_of(rep)
        lift = frame[LEG[stance][2], 1] - frame[LEG[OTHER[stance]][2], 1]
        # y points down: the free ankle is well above the stance one
        assert lift > 0.12, (lift, rep)


@pytest.mark.parametrize("view", ["front", "side"])
def test_fast_lowering_drops_the_heel_in_well_under_a_second(clips, view):
    labels = clips("eccentric_heel_raise", view)
    w, fps = labels["landmarks_3d"], labels["fps"]
    times = {}
    for rep in labels["reps"]:
        rise = heel_rise(w[rep["turn_frame"]:rep["end_frame"] + 1], stance_of(rep))
        low = np.nonzero(rise < 0.25 * rise[0])[0]
        times[rep["index"]] = low[0] / fps
    assert times[3] < 0.9 and min(t for i, t in times.items() if i != 3) > 1.6, times


def test_calf_stretch_holds_count_length_and_leg():
    from pathlib import Path
    import tempfile
    with tempfile.TemporaryDirectory() as folder:
        for view in ("front", "side"):
            labels = read_labels(generate_clip("calf_stretch", view=view, reps=2, hold_s=1.5,
                                               seed=2, out=Path(folder) / f"c_{view}.mp4",
                                               **SMALL))
            assert labels["reps"] == []
            assert [h["side"] for h in labels["holds"]] == ["left", "left", "right", "right"]
            w = labels["landmarks_3d"]
            for hold in labels["holds"]:
                length = (hold["end_frame"] - hold["start_frame"]) / labels["fps"]
                assert abs(length - 1.5) <= 1.0 / labels["fps"] + 1e-9
                mid = w[(hold["start_frame"] + hold["end_frame"]) // 2]
                back = SIDE_CODE[hold["side"]]
                assert knee_flex(mid, back) < 8 and knee_flex(mid, OTHER[back]) > 15
                assert np.linalg.norm(mid[ANK_L] - mid[ANK_R]) > 0.45  # a long stride


@pytest.mark.parametrize("fault, measure, margin", [
    ("back_heel_up", lambda w, b: heel_rise(w, b), 0.05),
    ("back_knee_bent", lambda w, b: knee_flex(w, b), 20.0),
])
def test_calf_stretch_faults_change_the_held_position(fault, measure, margin):
    exercise, dims = get_exercise("calf_stretch"), Dimensions.of(body_type("average"))
    for side, back in (("left", "l"), ("right", "r")):
        values = []
        for faults in ([], [fault]):
            pose = exercise.build_pose(dims, turn_controls(exercise.script, faults), side)
            world = to_mediapipe33(forward_kinematics(dims, pose))
            world = world * np.array([1.0, -1.0, 1.0])  # y down, as in the labels
            values.append(float(measure(world, back)))
        assert values[1] - values[0] > margin, values


@pytest.mark.parametrize("name", ["single_leg_deadlift", "calf_stretch"])
def test_same_seed_same_bytes(tmp_path, name):
    digests = []
    for tag in ("a", "b"):
        labels = generate_clip(name, view="oblique", reps=1, hold_s=0.5, side="right",
                               seed=11, out=tmp_path / f"{tag}.mp4", **SMALL)
        digests.append([hashlib.sha256(p.read_bytes()).hexdigest()
                        for p in (labels.with_suffix(".mp4"), labels)])
    assert digests[0] == digests[1]


@pytest.mark.parametrize("view", ["front", "side"])
def test_heel_tap_rep_is_three_taps_front_side_back(clips, view):
    """Each rep touches the floor exactly three times with the free foot: in front, out to the
    side, then behind, and the knee comes straight back up after the back tap."""
    labels = clips("elevated_heel_tap", view)
    w = labels["landmarks_3d"]
    for rep in labels["reps"]:
        stance = stance_of(rep)
        free = OTHER[stance]
        span = w[rep["start_frame"]:rep["end_frame"] + 1]
        # y points down: the free ankle below the stance ankle (which is on the step) = a tap
        touching = span[:, LEG[free][2], 1] > span[:, LEG[stance][2], 1] + 0.02
        starts = np.nonzero(np.diff(touching.astype(int)) == 1)[0] + 1
        ends = np.nonzero(np.diff(touching.astype(int)) == -1)[0] + 1
        assert len(starts) == len(ends) == 3, (rep, touching.astype(int).tolist())
        forward = span[:, LEG[stance][4]] - span[:, LEG[stance][3]]  # stance heel to toe
        forward[:, 1] = 0.0
        forward /= np.linalg.norm(forward, axis=1, keepdims=True)
        outward = span[:, LEG[free][0]] - span[:, LEG[stance][0]]  # stance hip to free hip
        outward[:, 1] = 0.0
        outward /= np.linalg.norm(outward, axis=1, keepdims=True)
        where = []
        for a, b in zip(starts, ends):
            reach = span[a:b, LEG[free][2]] - span[a:b, LEG[stance][2]]
            where.append((float(np.mean(np.sum(reach * forward[a:b], axis=1))),
                          float(np.mean(np.sum(reach * outward[a:b], axis=1)))))
        (front_fwd, _), (side_fwd, side_out), (back_fwd, _) = where
        assert front_fwd > 0.25 and abs(side_fwd) < 0.15 and side_out > 0.4 and back_fwd < -0.35, \
            where
        assert starts[2] <= rep["turn_frame"] - rep["start_frame"] < ends[2]


@pytest.mark.parametrize("view", ["front", "side"])
def test_lunge_rep_ends_in_a_knee_hug_on_the_same_spot(clips, view):
    """After the lunge bottom the back knee rises above the hip with both hands on it (only
    to below the hip, hands off, in the knee_not_to_chest rep), and the feet come back to
    where they stood: the person does not travel."""
    labels = clips("lunge_with_knee_to_chest", view)
    w, xy = labels["landmarks_3d"], labels["landmarks_2d"]
    for rep in labels["reps"]:
        front = stance_of(rep)
        free = OTHER[front]
        at_turn = w[rep["turn_frame"]]
        assert knee_flex(at_turn, front) > 40 and heel_rise(at_turn, free) > 0.1, rep
        after = w[rep["turn_frame"]:rep["end_frame"] + 1]
        lift = after[:, LEG[free][0], 1] - after[:, LEG[free][1], 1]  # y points down
        top = int(np.argmax(lift))
        grip = max(np.linalg.norm(after[top, i] - after[top, LEG[free][1]]) for i in (WR_L, WR_R))
        if "knee_not_to_chest" in rep["faults"]:
            assert lift[top] < 0.0 and grip > 0.25, (rep, lift[top], grip)
        else:
            assert lift[top] > 0.1 and grip < 0.2, (rep, lift[top], grip)
        feet = [LEG[k][2] for k in LEG]
        moved = np.abs(xy[rep["end_frame"], feet] - xy[rep["start_frame"], feet]).max()
        assert moved < 0.01 * labels["person_height_px"], (rep, moved)


@pytest.mark.parametrize("view", ["front", "side"])
def test_clamshell_knee_turns_out_on_a_raised_heel(clips, view):
    """In every clean rep the working knee travels well out at the turn on a raised heel
    whose toes stay put, while the other leg stays still."""
    labels = clips("standing_clamshell", view)
    w = labels["landmarks_3d"]
    for rep in (r for r in labels["reps"] if not r["faults"]):
        work = stance_of(rep)
        still = OTHER[work]
        start, turn = w[rep["start_frame"]], w[rep["turn_frame"]]
        assert knee_out(turn, work) - knee_out(start, work) > 0.08, rep
        assert heel_rise(turn, work) > 0.06 and abs(heel_rise(turn, still)) < 0.01, rep
        assert np.linalg.norm(turn[LEG[work][4]] - start[LEG[work][4]]) < 0.02, rep  # toes
        assert np.linalg.norm(turn[LEG[still][1]] - start[LEG[still][1]]) < 0.02, rep
