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
    """Runs the pose model frame by frame; ``estimate`` returns the coached person's PoseFrame.

    Looking for more people than it follows, MediaPipe runs its person detector on every frame
    and drops the person whenever the detector misses (a face hidden behind a pole held in front
    of it). With ``follow_misses`` a one-pose landmarker, started on the last frame where the
    person was found, follows them from frame to frame through such misses. It fills the misses
    only, so frames the main landmarker sees are unchanged, and its poses are marked
    ``followed``: a detector that finds someone only now and then may be finding a body imagined
    on legs alone in the picture, which following would make steady, so each exercise decides
    whether to use them (``Exercise.detector_misses_expected``). Starting a follower takes about
    0.1 s, so a live session turns it off for the exercises that would not use its poses.
    """

    def __init__(self, model_path: Path, max_people: int = MAX_PEOPLE,
                 min_detection_confidence: float = 0.5, follow_misses: bool = True) -> None:
        self._model_path = model_path
        self._min_detection_confidence = min_detection_confidence
        self._landmarker = self._create(max_people)
        self.follow_misses = follow_misses
        self._follower: vision.PoseLandmarker | None = None
        self._last_seen: tuple[mp.Image, int] | None = None
        self._selector = PersonSelector()
        self._last_ms = -1

    def _create(self, num_poses: int) -> vision.PoseLandmarker:
        options = vision.PoseLandmarkerOptions(
            base_options=BaseOptions(model_asset_path=str(self._model_path)),
            running_mode=vision.RunningMode.VIDEO,
            num_poses=num_poses,
            min_pose_detection_confidence=self._min_detection_confidence,
            min_pose_presence_confidence=0.5,
            min_tracking_confidence=0.5,
        )
        try:
            with native_stderr_silenced():
                return vision.PoseLandmarker.create_from_options(options)
        except (RuntimeError, ValueError) as exc:
            raise ModelError(f"the pose model {self._model_path} could not be loaded ({_first_line(exc)}); "
                             "delete it and run again to rebuild it, or pass --model") from exc

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
        if result.pose_landmarks:
            self._last_seen = (mp_image, t_ms)
            self._close_follower()
        people = len(result.pose_landmarks)
        candidates = [PoseFrame.from_mediapipe(image, world, t_s, index, (width, height), people)
                      for image, world in zip(result.pose_landmarks, result.pose_world_landmarks)]
        chosen = self._selector.choose([c.xy for c in candidates], (width, height))
        if chosen is not None:
            return candidates[chosen]
        if self.follow_misses and self._last_seen is not None:
            # the selector was told of the miss above, as it would be without a follower, so the
            # choice among people found later does not depend on the follower's poses
            followed = self._follow_through_miss(mp_image, t_ms)
            if followed.pose_landmarks:
                return PoseFrame.from_mediapipe(followed.pose_landmarks[0], followed.pose_world_landmarks[0],
                                                t_s, index, (width, height), people=1, followed=True)
        return PoseFrame.empty(t_s, index, (width, height))

    def _follow_through_miss(self, mp_image: mp.Image, t_ms: int):
        if self._follower is None:
            # A fresh follower, started on the last frame where the person was found, so that it
            # follows them from there rather than from wherever an earlier gap ended.
            self._follower = self._create(1)
            seen_image, seen_ms = self._last_seen
            self._follower.detect_for_video(seen_image, seen_ms)
        result = self._follower.detect_for_video(mp_image, t_ms)
        if not result.pose_landmarks:  # lost there too: the next gap starts afresh from the next sighting
            self._last_seen = None
            self._close_follower()
        return result

    def _close_follower(self) -> None:
        if self._follower is not None:
            self._follower.close()
            self._follower = None

    def close(self) -> None:
        self._close_follower()
        self._landmarker.close()

    def __enter__(self) -> PoseEstimator:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
