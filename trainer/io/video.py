"""Video input: files (mp4, avi, mov, gif, ...) decoded on a reader thread.

Decoding runs on its own thread and hands frames over through a small bounded queue, so the
pose model never waits for the decoder (and the decoder never runs far ahead of the model).
Each frame carries its own presentation timestamp; rotation metadata is applied by OpenCV.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from queue import Queue

import cv2
import numpy as np

from .quiet import native_stderr_silenced

VIDEO_SUFFIXES = (".mp4", ".avi", ".mov", ".gif", ".mkv", ".webm", ".m4v")


class VideoError(Exception):
    """A one-line, user-facing reason why a video cannot be used."""


@dataclass(frozen=True)
class VideoFrame:
    index: int
    t_s: float
    image: np.ndarray = field(repr=False)  # BGR, already upright


@dataclass(frozen=True)
class VideoInfo:
    path: Path
    width: int
    height: int
    fps: float
    frame_count: int
    rotation_deg: int

    @property
    def duration_s(self) -> float:
        return self.frame_count / self.fps if self.fps > 0 else 0.0


_END = object()


class VideoSource:
    """Iterate a video file's frames. ``truncated`` tells afterwards if decoding stopped early."""

    def __init__(self, path: str | Path, queue_size: int = 8) -> None:
        self.path = Path(path)
        self._capture, first_image = open_capture(self.path)
        self.info = _read_info(self.path, self._capture, first_image.shape)
        self._queue: Queue = Queue(maxsize=queue_size)
        self._stop = threading.Event()
        self.frames_read = 0
        self.error: str | None = None

    @property
    def truncated(self) -> bool:
        """Decoding ended well before the frame count the container announced."""
        return self.info.frame_count > 0 and self.frames_read < 0.9 * self.info.frame_count

    def __iter__(self):
        reader = threading.Thread(target=self._read_all, name="video-reader", daemon=True)
        reader.start()
        try:
            while (item := self._queue.get()) is not _END:
                yield item
        finally:
            self._stop.set()
            while reader.is_alive():  # unblock a reader waiting on a full queue
                while not self._queue.empty():
                    self._queue.get_nowait()
                reader.join(timeout=0.05)
            self._capture.release()

    def _read_all(self) -> None:
        last_t = -1.0
        frame_period = 1.0 / self.info.fps if self.info.fps > 0 else 1 / 30
        try:
            while not self._stop.is_set():
                ok, image = self._capture.read()
                if not ok or image is None:
                    break
                t_s = self._capture.get(cv2.CAP_PROP_POS_MSEC) / 1000.0
                # Some containers report no or repeated timestamps: fall back to the frame rate.
                if not np.isfinite(t_s) or t_s <= last_t:
                    t_s = last_t + frame_period if last_t >= 0 else 0.0
                last_t = t_s
                self._queue.put(VideoFrame(self.frames_read, t_s, image))
                self.frames_read += 1
        except cv2.error as exc:  # a corrupt packet mid-file: keep what was decoded
            self.error = str(exc).strip().splitlines()[-1]
        finally:
            self._queue.put(_END)


def open_capture(path: Path) -> tuple[cv2.VideoCapture, np.ndarray]:
    """Open and decode one frame to prove the file is a video; rewind (or reopen) after."""
    if not path.exists():
        raise VideoError(f"{path}: no such file")
    if path.is_dir():
        raise VideoError(f"{path}: is a folder, not a video file")
    if path.stat().st_size == 0:
        raise VideoError(f"{path}: the file is empty")
    with native_stderr_silenced():  # FFmpeg explains bad files at length on fd 2
        probe = cv2.VideoCapture(str(path))
        probe.set(cv2.CAP_PROP_ORIENTATION_AUTO, 1)
        ok, first = probe.read() if probe.isOpened() else (False, None)
        probe.release()
    if ok and first is not None:
        # A fresh capture rather than a seek: the one rewind every backend (gif included) honours.
        capture = cv2.VideoCapture(str(path))
        capture.set(cv2.CAP_PROP_ORIENTATION_AUTO, 1)
        return capture, first
    raise VideoError(f"{path}: not a readable video (unknown format or corrupt file)")


def _read_info(path: Path, capture: cv2.VideoCapture, first_shape: tuple[int, ...]) -> VideoInfo:
    rotation = int(capture.get(cv2.CAP_PROP_ORIENTATION_META) or 0) % 360
    height, width = first_shape[:2]  # the decoded (already rotated) size, not the stored one
    fps = float(capture.get(cv2.CAP_PROP_FPS) or 0.0)
    count = int(capture.get(cv2.CAP_PROP_FRAME_COUNT) or 0)
    return VideoInfo(path, width, height, fps if 0 < fps < 1000 else 30.0, max(count, 0), rotation)
