"""`--exercise auto`: the recogniser on generated ground truth, on nonsense, and end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from trainer.pose import PoseFrame
from trainer.recognize import FEATURE_NAMES, clip_features, recognize
from trainer.recognize_train import augment, load, routine_name
from trainer.synth import EXERCISES as GENERATED
from trainer.synth.truth import truth_landmarks

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def recognizer():
    return load()


def noisy_truth(exercise: str, view, seed: int = 7, body: str = "average"):
    """Landmarks of a generated clip the recogniser never saw (other seed, other camera
    angle), roughened the way the pose model roughens them."""
    truth = truth_landmarks(exercise, view=view, reps=3, seed=seed, body_type=body, fps=10,
                            hold_s=6.0)
    return augment(truth.world, truth.xy, np.random.default_rng(seed))


def as_poses(world: np.ndarray, xy: np.ndarray) -> list[PoseFrame]:
    return [PoseFrame(i / 10, i, (854, 480), xy[i], world[i], np.ones(33), np.ones(33))
            for i in range(len(world))]


def test_recognising_loads_neither_opencv_nor_mediapipe():
    code = ("import sys, trainer.recognize, trainer.recognize_train; trainer.recognize_train.load(); "
            "print(sorted(m for m in ('cv2', 'mediapipe') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_stored_recogniser_knows_every_generated_exercise(recognizer):
    # Fails after an exercise is added to the generator: run `python -m trainer.recognize_train`.
    assert set(recognizer.exercises) == {routine_name(e) for e in GENERATED}
    # a variant is learned under the routine exercise's name, never its own
    assert "calf_raise" in GENERATED and "calf_raise" not in recognizer.exercises


@pytest.mark.parametrize("exercise", GENERATED)
def test_each_generated_exercise_is_recognised_from_an_unseen_angle(recognizer, exercise):
    # a variant (a calf raise on both feet) is named as the routine exercise it stands for
    named = routine_name(exercise)
    found = recognize(as_poses(*noisy_truth(exercise, view=-30.0, body="short_broad")), recognizer)
    assert found.exercise == named, found
    assert found.runner_up != named and found.confidence > found.runner_up_confidence


def test_lying_and_standing_differ_in_trunk_tilt_and_facing():
    index = {name: i for i, name in enumerate(FEATURE_NAMES)}
    bridge = clip_features(*noisy_truth("single_leg_bridge", view="side"))
    squat = clip_features(*noisy_truth("goblet_squat", view="side"))
    assert bridge[index["trunk_tilt_p50"]] > 60 > 30 > squat[index["trunk_tilt_p50"]]
    assert bridge[index["facing_up_p50"]] > 0.7 > abs(squat[index["facing_up_p50"]])


def test_lying_and_standing_clips_get_different_names(recognizer):
    bridge = recognize(as_poses(*noisy_truth("single_leg_bridge", view="front")), recognizer)
    squat = recognize(as_poses(*noisy_truth("goblet_squat", view="front")), recognizer)
    assert (bridge.exercise, squat.exercise) == ("single_leg_bridge", "goblet_squat")


def test_random_landmarks_are_unsure(recognizer):
    rng = np.random.default_rng(3)
    world = rng.normal(0.0, 0.5, (80, 33, 3))
    xy = rng.uniform(0, 480, (80, 33, 2))
    found = recognize(as_poses(world, xy), recognizer)
    assert found.exercise is None and found.reason


def test_no_person_is_unsure_and_says_why(recognizer):
    empty = [PoseFrame.empty(i / 10, i, (854, 480)) for i in range(50)]
    found = recognize(empty, recognizer)
    assert found.exercise is None and "no person" in found.reason


def test_poses_only_followed_through_detector_misses_are_not_recognised(recognizer):
    # Legs alone in the picture: the detector imagines a body now and then, following makes it
    # steady. The recogniser judges what was detected, so it still finds nobody to name.
    poses = [replace(p, followed=True) for p in as_poses(*noisy_truth("goblet_squat", view="front"))]
    found = recognize(poses, recognizer)
    assert found.exercise is None and "no person" in found.reason


def test_candidates_limit_the_answer(recognizer):
    found = recognize(as_poses(*noisy_truth("goblet_squat", view="front")), recognizer,
                      candidates={"good_morning", "single_leg_bridge"})
    assert found.guess in {"good_morning", "single_leg_bridge"}


@pytest.mark.slow
def test_analyze_without_exercise_recognises_the_goblet_squat(tmp_path):
    model = ROOT / "models" / "pose_landmarker_full.task"
    if not model.exists():
        pytest.skip("no pose model bundle in models/")
    result = subprocess.run([sys.executable, "-m", "trainer", "analyze",
                             str(ROOT / "sample_videos" / "goblet_squat_side.mp4"), "--model",
                             str(model), "--out", str(tmp_path), "--no-video", "--no-voice"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "recognised: goblet squat" in result.stdout
    analysis = json.loads((tmp_path / "analysis.json").read_text())
    assert analysis["exercise"] == "goblet_squat"
    assert analysis["recognition"]["exercise"] == "goblet_squat"
    assert analysis["summary"]["reps"] == 5


@pytest.mark.slow
def test_analyze_without_exercise_on_an_empty_room_says_so_in_one_line(tmp_path):
    import cv2
    model = ROOT / "models" / "pose_landmarker_full.task"
    if not model.exists():
        pytest.skip("no pose model bundle in models/")
    video = tmp_path / "empty.avi"
    writer = cv2.VideoWriter(str(video), cv2.VideoWriter_fourcc(*"MJPG"), 10, (160, 120))
    for _ in range(20):
        writer.write(np.full((120, 160, 3), 90, np.uint8))
    writer.release()
    result = subprocess.run([sys.executable, "-m", "trainer", "analyze", str(video), "--model",
                             str(model), "--out", str(tmp_path / "out"), "--no-video",
                             "--no-voice"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "no person" in lines[0]


def test_analyze_asks_for_the_exercise_when_unsure(tmp_path, monkeypatch):
    import cv2
    from click.testing import CliRunner

    import trainer.analysis
    from trainer.cli import cli

    model = ROOT / "models" / "pose_landmarker_full.task"
    if not model.exists():
        pytest.skip("no pose model bundle in models/")
    video = tmp_path / "v.avi"
    writer = cv2.VideoWriter(str(video), cv2.VideoWriter_fourcc(*"MJPG"), 10, (64, 48))
    writer.write(np.zeros((48, 64, 3), np.uint8))
    writer.release()
    rng = np.random.default_rng(1)
    nonsense = as_poses(rng.normal(0.0, 0.5, (40, 33, 3)), rng.uniform(0, 48, (40, 33, 2)))
    monkeypatch.setattr(trainer.analysis, "estimate_poses", lambda *args, **kw: nonsense)
    result = CliRunner().invoke(cli, ["analyze", str(video), "--model", str(model),
                                      "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "could not tell which exercise" in result.output and "--exercise" in result.output
    assert not (tmp_path / "out" / "analysis.json").exists()
