"""MediaPipe PoseLandmarker (Tasks API, VIDEO mode) turned into PoseFrames of one person."""

from __future__ import annotations

from pathlib import Path

import cv2
import mediapipe as mp
from mediapipe.tasks.python import BaseOptions, vision

from ..pose import PoseFrame
from ..tracking import PersonSelector
from .model_store import ModelError
from .quiet import native_stderr_silenced

# Two poses, so that a second person in view is noticed and the right one is followed.
MAX_PEOPLE = 2


class PoseEstimator:
    """Runs the pose model frame by frame; ``estimate`` returns the coached person's PoseFrame."""

    def __init__(self, model_path: Path, max_people: int = MAX_PEOPLE,
                 min_detection_confidence: float = 0.5) -> None:
        options = vision.PoseLandmarkerOptions(
            base_options=BaseOptions(model_asset_path=str(model_path)),
            running_mode=vision.RunningMode.VIDEO,
            num_poses=max_people,
            min_pose_detection_confidence=min_detection_confidence,
            min_pose_presence_confidence=0.5,
            min_tracking_confidence=0.5,
        )
        try:
            with native_stderr_silenced():
                self._landmarker = vision.PoseLandmarker.create_from_options(options)
        except (RuntimeError, ValueError) as exc:
            raise ModelError(f"the pose model {model_path} could not be loaded ({_first_line(exc)}); "
                             "delete it and run again to rebuild it, or pass --model") from exc
        self._selector = PersonSelector()
        self._last_ms = -1

    def estimate(self, image_bgr, t_s: float, index: int) -> PoseFrame:
        height, width = image_bgr.shape[:2]
        rgb = cv2.cvtColor(image_bgr, cv2.COLOR_BGR2RGB)
        # VIDEO mode demands strictly increasing integer milliseconds.
        t_ms = max(int(round(t_s * 1000)), self._last_ms + 1)
        mp_image = mp.Image(image_format=mp.ImageFormat.SRGB, data=rgb)
        if self._last_ms < 0:  # the first inference is when the native code logs its set-up
            with native_stderr_silenced():
                result = self._landmarker.detect_for_video(mp_image, t_ms)
        else:
            result = self._landmarker.detect_for_video(mp_image, t_ms)
        self._last_ms = t_ms
        people = len(result.pose_landmarks)
        candidates = [PoseFrame.from_mediapipe(image, world, t_s, index, (width, height), people)
                      for image, world in zip(result.pose_landmarks, result.pose_world_landmarks)]
        chosen = self._selector.choose([c.xy for c in candidates], (width, height))
        if chosen is None:
            return PoseFrame.empty(t_s, index, (width, height))
        return candidates[chosen]

    def close(self) -> None:
        self._landmarker.close()

    def __enter__(self) -> PoseEstimator:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
