"""MP4 writing with OpenCV (MPEG-4 part 2, 'mp4v'), byte-for-byte reproducible.

OpenCV's FFmpeg muxer writes no creation time, so the same frames give the same file.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

FOURCC = "mp4v"


class VideoSink:
    """Writes BGR frames of one size to ``path``; use as a context manager."""

    def __init__(self, path: Path, fps: float, width: int, height: int) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*FOURCC), fps,
                                       (width, height))
        if not self._writer.isOpened():
            raise RuntimeError(f"OpenCV cannot write {FOURCC} video to {path}")

    def write(self, frame: np.ndarray) -> None:
        self._writer.write(frame)

    def close(self) -> None:
        self._writer.release()

    def __enter__(self) -> VideoSink:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
