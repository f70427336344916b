"""The real pose model sees the synthetic person where the labels say it is.

Generates short goblet-squat clips (front and side, every body type, a fault in the middle
rep, mild camera noise), runs MediaPipe's PoseLandmarker on the decoded video frame by frame
and checks that the person is found in nearly every frame and that the 12 body joints land
close to the ground truth. Prints a table of detection rate and mean error per clip. Skipped
when the model bundle is absent; marked slow.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pytest

from trainer.io.quiet import native_stderr_silenced
from trainer.synth import generate_clip
from trainer.synth.labels import read_labels

pytestmark = pytest.mark.slow

MODEL = Path(__file__).resolve().parents[2] / "models" / "pose_landmarker_full.task"
BODY_JOINTS = [11, 12, 13, 14, 15, 16, 23, 24, 25, 26, 27, 28]  # shoulders .. ankles
MIN_DETECTION_RATE = 0.95
MAX_MEAN_ERROR = 0.05  # of the person's standing height in pixels
CLIPS = [(view, body, fault) for view, fault in (("front", "knee_valgus"), ("side", "chest_drop"))
         for body in ("average", "tall_slim", "short_broad")]


@dataclass(frozen=True)
class ModelScore:
    detection_rate: float
    mean_error: float  # share of standing height
    worst_joint_error: float


def score_clip(video: Path, labels: dict, visible_only: bool = False) -> ModelScore:
    """Run the pose model over the decoded clip and compare with the 2D ground truth
    (``visible_only``: only joints the label marks in sight, as for floor exercises where the
    body hides much of itself)."""
    import mediapipe as mp
    from mediapipe.tasks.python import BaseOptions, vision

    options = vision.PoseLandmarkerOptions(
        base_options=BaseOptions(model_asset_path=str(MODEL)),
        running_mode=vision.RunningMode.VIDEO, num_poses=1)
    errors, frames = [], 0
    capture = cv2.VideoCapture(str(video))
    with native_stderr_silenced():
        landmarker = vision.PoseLandmarker.create_from_options(options)
    with landmarker:
        while True:
            ok, bgr = capture.read()
            if not ok:
                break
            image = mp.Image(image_format=mp.ImageFormat.SRGB,
                             data=cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB))
            result = landmarker.detect_for_video(image, int(frames * 1000 / labels["fps"]))
            if result.pose_landmarks:
                found = np.array([[p.x * labels["width"], p.y * labels["height"]]
                                  for p in result.pose_landmarks[0]])
                truth = labels["landmarks_2d"][frames]
                error = np.linalg.norm(found[BODY_JOINTS] - truth[BODY_JOINTS], axis=1)
                if visible_only:
                    error = np.where(labels["landmark_visible"][frames][BODY_JOINTS], error, np.nan)
                errors.append(error)
            frames += 1
    assert frames == labels["n_frames"]
    errors = np.array(errors) / labels["person_height_px"]
    if not np.isfinite(errors).any():
        return ModelScore(len(errors) / frames, 1.0, 1.0)
    seen = np.isfinite(errors).sum(axis=0)   # a joint hidden in every frame has no error
    per_joint = np.nansum(errors, axis=0)[seen > 0] / seen[seen > 0]
    return ModelScore(len(errors) / frames, float(np.nanmean(errors)), float(per_joint.max()))


@pytest.fixture(scope="module")
def scores(tmp_path_factory, show_table) -> dict[tuple[str, str, str], ModelScore]:
    if not MODEL.exists():
        pytest.skip(f"no pose model at {MODEL}")
    folder = tmp_path_factory.mktemp("synth_validation")
    results = {}
    for i, (view, body, fault) in enumerate(CLIPS):
        video = folder / f"{view}_{body}.mp4"
        label_path = generate_clip("goblet_squat", view=view, body_type=body, reps=3,
                                   faults={2: [fault]}, noise=0.25, seed=100 + i, out=video)
        results[(view, body, fault)] = score_clip(video, read_labels(label_path))
    show_table(_table(results))
    return results


def _table(results) -> list[str]:
    lines = ["", "synthetic goblet squats vs the pose model (error = share of standing height)",
             f"{'view':6} {'body':12} {'fault':11} {'detected':>9} {'mean err':>9} "
             f"{'worst joint':>12}"]
    for (view, body, fault), s in results.items():
        lines.append(f"{view:6} {body:12} {fault:11} {s.detection_rate:9.1%} "
                     f"{s.mean_error:9.2%} {s.worst_joint_error:12.2%}")
    return lines


@pytest.mark.parametrize("clip", CLIPS, ids=["-".join(c) for c in CLIPS])
def test_model_finds_the_synthetic_person_where_the_labels_say(scores, clip):
    score = scores[clip]
    assert score.detection_rate >= MIN_DETECTION_RATE
    assert score.mean_error <= MAX_MEAN_ERROR
