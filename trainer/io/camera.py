"""Live frames from a webcam (by index) or from a video file played at its real frame rate.

A grabber thread keeps only the newest frame. A consumer slower than the camera skips frames
instead of falling behind, so what it sees is always close to now (newest frame wins). A file
is paced to the wall clock by its own timestamps, so it drops frames the way a camera would;
that makes a file a faithful stand-in for a camera in tests.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import cv2
import numpy as np

from .quiet import native_stderr_silenced
from .video import VideoError, VideoFrame, open_capture

LOST_AFTER_S = 2.0        # a camera silent this long is taken as gone
FIRST_FRAME_S = 6.0       # cameras can take a few seconds to start streaming
RETRY_S = 0.01            # pause between failed reads of a camera
FALLBACK_FPS = 30.0


class CameraError(Exception):
    """A camera or file that cannot be opened (one user-facing line)."""


class CameraLost(Exception):
    """Frames stopped arriving from a camera (one user-facing line)."""


def _open_device(index: int):
    with native_stderr_silenced():  # OpenCV's backends explain a missing device at length
        return cv2.VideoCapture(index)


class CameraSource:
    """``read()`` gives the newest frame not yet returned, or None once a file has ended.

    Opening checks the camera or file at once; grabbing starts with ``start`` or the first read.

    spec: a camera index ("0") or a video file path. open_device(index) makes the capture
    object for a camera (default: OpenCV's; tests, with no webcam, pass a stand-in). loop: a
    file starts over when it ends, its clock running on, like a camera that never stops.
    """

    def __init__(self, spec: str, *, lost_after_s: float = LOST_AFTER_S,
                 first_frame_s: float = FIRST_FRAME_S, open_device=None, loop: bool = False) -> None:
        self.spec = str(spec)
        self.is_file = not self.spec.isdigit()
        self.loop = loop and self.is_file   # a file played again and again (long-session benchmark)
        self.lost_after_s = lost_after_s
        self.first_frame_s = first_frame_s
        self._capture, self.fps = self._open(open_device)
        self._newest: VideoFrame | None = None
        self._returned_index = -1
        self._ended = False
        self._stop = threading.Event()
        self._changed = threading.Condition()
        self.grabbed = 0
        self.dropped = 0   # frames replaced by a newer one before anyone read them
        self._started_at = self._last_frame_at = 0.0
        self._thread = threading.Thread(target=self._grab_file if self.is_file else self._grab_camera,
                                        name="camera-grabber", daemon=True)

    def start(self) -> None:
        """Begin grabbing (the first ``read`` does it): a file's clock starts now, so time
        spent loading a model after opening the source skips none of it."""
        if not self._started_at:
            self._started_at = self._last_frame_at = time.monotonic()
            self._thread.start()

    @property
    def name(self) -> str:
        return self.spec if self.is_file else f"camera {self.spec}"

    def _open(self, open_device):
        if self.is_file:
            try:
                capture, _ = open_capture(Path(self.spec))
            except VideoError as exc:
                raise CameraError(str(exc)) from None
        else:
            capture = (open_device or _open_device)(int(self.spec))
            if capture is None or not capture.isOpened():
                raise CameraError(f"camera {self.spec} could not be opened (not connected, or in "
                                  "use by another program?); pass --camera with another index or a video file")
        fps = float(capture.get(cv2.CAP_PROP_FPS) or 0.0)
        return capture, fps if 0 < fps < 1000 else FALLBACK_FPS

    def _publish(self, image: np.ndarray, t_s: float) -> None:
        with self._changed:
            if self._newest is not None and self._newest.index > self._returned_index:
                self.dropped += 1
            self._newest = VideoFrame(self.grabbed, t_s, image)
            self.grabbed += 1
            self._last_frame_at = time.monotonic()
            self._changed.notify_all()

    def _grab_camera(self) -> None:
        while not self._stop.is_set():
            ok, image = self._capture.read()
            if ok and image is not None:
                self._publish(image, time.monotonic() - self._started_at)
            else:
                time.sleep(RETRY_S)   # read() decides nothing: silence for lost_after_s does

    def _grab_file(self) -> None:
        last_t, period, offset = -1.0, 1.0 / self.fps, 0.0
        try:
            while not self._stop.is_set():
                ok, image = self._capture.read()
                if (not ok or image is None) and self.loop and self.grabbed:
                    self._capture.release()
                    self._capture, _ = open_capture(Path(self.spec))
                    offset = last_t + period
                    ok, image = self._capture.read()
                if not ok or image is None:
                    break
                t_s = offset + self._capture.get(cv2.CAP_PROP_POS_MSEC) / 1000.0
                if not np.isfinite(t_s) or t_s <= last_t:   # containers without timestamps
                    t_s = last_t + period if last_t >= 0 else 0.0
                last_t = t_s
                self._stop.wait(max(0.0, self._started_at + t_s - time.monotonic()))
                self._publish(image, t_s)
        except cv2.error:
            pass   # a corrupt packet ends the file where decoding stopped
        finally:
            with self._changed:
                self._ended = True
                self._changed.notify_all()

    def read(self) -> VideoFrame | None:
        """The newest unread frame (waiting for one); None when a file has ended.

        Raises CameraLost when a camera sends nothing for ``lost_after_s`` (or, before its
        first frame, for ``first_frame_s``).
        """
        self.start()
        with self._changed:
            while True:
                frame = self._newest
                if frame is not None and frame.index > self._returned_index:
                    self._returned_index = frame.index
                    return frame
                if self._ended:
                    return None
                silent_s = time.monotonic() - self._last_frame_at
                allowed_s = self.lost_after_s if self.grabbed else self.first_frame_s
                if silent_s >= allowed_s and not self.is_file:
                    raise CameraLost(self._lost_reason(silent_s))
                self._changed.wait(timeout=max(0.01, min(0.1, allowed_s - silent_s)))

    def _lost_reason(self, silent_s: float) -> str:
        if not self.grabbed:
            return f"camera {self.spec} sent no frames in {silent_s:.0f} s (in use by another program?)"
        return f"camera {self.spec} stopped sending frames (unplugged?)"

    def close(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=1.0)
        if not self._thread.is_alive():   # a camera stuck in read() keeps its handle until exit
            self._capture.release()

    def __enter__(self) -> CameraSource:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
