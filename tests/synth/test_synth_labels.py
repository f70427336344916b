"""Generated clips and their labels agree with what was asked: reps, turns, faults, bytes."""

from __future__ import annotations

import hashlib

import cv2
import numpy as np
import pytest

from trainer.synth import EXERCISES, FAULTS, generate_clip, parse_fault_spec
from trainer.synth.labels import read_labels

LEFT_HIP, LEFT_KNEE, LEFT_ANKLE = 23, 25, 27
RIGHT_HIP, RIGHT_KNEE, RIGHT_ANKLE = 24, 26, 28
LEGS = ((LEFT_HIP, LEFT_KNEE, LEFT_ANKLE), (RIGHT_HIP, RIGHT_KNEE, RIGHT_ANKLE))
SMALL = {"width": 320, "height": 180, "fps": 15}  # quick to render, same motion


@pytest.fixture(scope="module")
def clip(tmp_path_factory):
    """Four goblet squats from the front: rep 2 shallow, rep 3 with caving knees."""
    out = tmp_path_factory.mktemp("synth") / "squat.mp4"
    labels = generate_clip("goblet_squat", view="front", reps=4, out=out, seed=5,
                           faults={2: ["shallow_depth"], 3: ["knee_valgus"]}, **SMALL)
    return out, read_labels(labels)


def knee_flexion(world: np.ndarray) -> np.ndarray:
    """(n,) mean knee bend in degrees from (n, 33, 3) world landmarks."""
    bends = []
    for hip, knee, ankle in LEGS:
        thigh, shank = world[:, hip] - world[:, knee], world[:, ankle] - world[:, knee]
        norms = np.linalg.norm(thigh, axis=1) * np.linalg.norm(shank, axis=1)
        cos = np.sum(thigh * shank, axis=1) / norms
        bends.append(180.0 - np.degrees(np.arccos(np.clip(cos, -1, 1))))
    return np.mean(bends, axis=0)


def rep_peak(labels: dict, rep: dict) -> float:
    flexion = knee_flexion(labels["landmarks_3d"])
    return float(flexion[rep["start_frame"]:rep["end_frame"] + 1].max())


def test_rep_count_matches_request(clip):
    _, labels = clip
    assert [r["index"] for r in labels["reps"]] == [1, 2, 3, 4]
    assert all(r["side"] == "both" for r in labels["reps"])
    assert labels["holds"] == []


def test_spans_are_ordered_and_inside_the_clip(clip):
    _, labels = clip
    previous_end = 0
    for rep in labels["reps"]:
        assert previous_end <= rep["start_frame"] < rep["turn_frame"] < rep["end_frame"]
        previous_end = rep["end_frame"]
    assert previous_end < labels["n_frames"] - 1  # a lead-out follows the last rep
    assert labels["reps"][0]["start_frame"] >= labels["fps"] * 0.9  # a standing lead-in


def test_turn_is_the_deepest_frame_of_its_rep(clip):
    _, labels = clip
    flexion = knee_flexion(labels["landmarks_3d"])
    for rep in labels["reps"]:
        assert flexion[rep["turn_frame"]] >= rep_peak(labels, rep) - 0.5


def test_shallow_depth_only_on_its_rep(clip):
    _, labels = clip
    peaks = {r["index"]: rep_peak(labels, r) for r in labels["reps"]}
    assert labels["reps"][1]["faults"] == ["shallow_depth"]
    assert peaks[2] < 80 and min(peaks[1], peaks[3], peaks[4]) > 95
    assert max(peaks[1], peaks[4]) - min(peaks[1], peaks[4]) < 10


def test_knee_valgus_brings_the_knees_together(clip):
    _, labels = clip
    world = labels["landmarks_3d"]

    def knee_gap(rep: dict) -> float:
        frame = world[rep["turn_frame"]]
        return float(np.linalg.norm(frame[LEFT_KNEE] - frame[RIGHT_KNEE]))

    gaps = {r["index"]: knee_gap(r) for r in labels["reps"]}
    assert labels["reps"][2]["faults"] == ["knee_valgus"]
    assert gaps[3] < 0.8 * min(gaps[1], gaps[4])
    xy = labels["landmarks_2d"][labels["reps"][2]["turn_frame"]]
    knees = abs(xy[LEFT_KNEE, 0] - xy[RIGHT_KNEE, 0])
    ankles = abs(xy[LEFT_ANKLE, 0] - xy[RIGHT_ANKLE, 0])
    assert knees / ankles < 0.9  # what the front-view knee rule measures


def test_faults_stay_on_their_reps(clip):
    _, labels = clip
    assert [r["faults"] for r in labels["reps"]] == [[], ["shallow_depth"], ["knee_valgus"], []]


def test_landmark_arrays_and_video_agree(clip):
    out, labels = clip
    n = labels["n_frames"]
    assert labels["landmarks_2d"].shape == (n, 33, 2)
    assert labels["landmarks_3d"].shape == (n, 33, 3)
    assert labels["landmark_visible"].shape == (n, 33)
    mid_hip = (labels["landmarks_3d"][:, LEFT_HIP] + labels["landmarks_3d"][:, RIGHT_HIP]) / 2
    assert np.abs(mid_hip).max() < 0.002
    # from the front the person's left is on the image's right
    assert np.all(labels["landmarks_2d"][:, 11, 0] > labels["landmarks_2d"][:, 12, 0])
    capture = cv2.VideoCapture(str(out))
    frames = 0
    while True:
        ok, frame = capture.read()
        if not ok:
            break
        assert frame.shape == (SMALL["height"], SMALL["width"], 3)
        frames += 1
    assert frames == n


def test_same_seed_same_bytes(tmp_path):
    digests = []
    for name in ("a", "b"):
        labels = generate_clip("goblet_squat", view="oblique", reps=1, out=tmp_path / f"{name}.mp4",
                               seed=11, noise=0.5, faults={1: ["chest_drop"]}, **SMALL)
        digests.append([hashlib.sha256(p.read_bytes()).hexdigest()
                        for p in (labels.with_suffix(".mp4"), labels)])
    assert digests[0] == digests[1]


def test_parse_fault_spec():
    assert parse_fault_spec("shallow_depth@3,knee_valgus@4") == {
        3: ["shallow_depth"], 4: ["knee_valgus"]}
    assert parse_fault_spec(" chest_drop@2 , back_rounding@2 ") == {
        2: ["chest_drop", "back_rounding"]}
    assert parse_fault_spec("") == {}


@pytest.mark.parametrize("spec, message", [
    ("wobbly_knees@2", "knee_valgus"),      # unknown name: the error lists the valid ones
    ("shallow_depth", "NAME@REP"),          # no rep number
    ("shallow_depth@0", "NAME@REP"),        # reps count from 1
    ("shallow_depth@two", "NAME@REP"),
])
def test_parse_fault_spec_errors(spec, message):
    with pytest.raises(ValueError, match=message):
        parse_fault_spec(spec, "goblet_squat")


def test_registry_and_bad_requests(tmp_path):
    assert "goblet_squat" in EXERCISES
    assert set(FAULTS["goblet_squat"]) >= {"shallow_depth", "knee_valgus", "knees_past_toes",
                                           "chest_drop", "back_rounding"}
    with pytest.raises(ValueError, match="goblet_squat"):
        generate_clip("burpee", out=tmp_path / "x.mp4")
    with pytest.raises(ValueError, match="reps 1..2"):
        generate_clip("goblet_squat", reps=2, faults={3: ["chest_drop"]}, out=tmp_path / "x.mp4")
    with pytest.raises(ValueError, match="front"):
        generate_clip("goblet_squat", view="above", out=tmp_path / "x.mp4")
    with pytest.raises(ValueError, match="average"):
        generate_clip("goblet_squat", body_type="giant", out=tmp_path / "x.mp4")
    with pytest.raises(ValueError, match="both"):  # a two-legged exercise has no left set
        generate_clip("goblet_squat", side="left", out=tmp_path / "x.mp4")
