"""The live session's window: the camera picture with the overlay, and the keys.

Opened only where a display exists; ``--no-window`` and headless machines run without one.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import cv2

from .annotators import CueBannerAnnotator, MetricPanelAnnotator, RepCounterAnnotator, SkeletonAnnotator

if TYPE_CHECKING:
    from ..engine import FrameStatus

WINDOW_TITLE = "trainer live (p pause, s skip, m mute, q quit)"


def display_available() -> bool:
    """Whether a window can be opened (on Linux: an X or Wayland display is set)."""
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


class LiveWindow:
    """The overlay and the keys; exists only when a window can be shown."""

    KEYS = {ord("p"): "pause", ord("s"): "skip", ord("m"): "mute", ord("q"): "quit", 27: "quit"}

    def __init__(self) -> None:
        self.skeleton, self.counter = SkeletonAnnotator(), RepCounterAnnotator()
        self.panels: dict[str, MetricPanelAnnotator] = {}   # per exercise: a workout has several
        self.banner = CueBannerAnnotator(show_s=1e9)   # LiveVoice decides how long a cue shows

    def show(self, image, pose, status: FrameStatus | None, lines: list[str], cue: str | None,
             t_s: float, exercise) -> str | None:
        panel = self.panels.setdefault(exercise.id, MetricPanelAnnotator(exercise))
        for drawer in (self.skeleton, panel, self.counter):
            drawer.annotate(image, pose, status)
        self.banner.annotate(image, cue, t_s, t_s)
        y = image.shape[0] // 3
        for line in lines:
            cv2.putText(image, line, (12, y), cv2.FONT_HERSHEY_SIMPLEX, 0.6, (0, 170, 255), 2, cv2.LINE_AA)
            y += 26
        cv2.imshow(WINDOW_TITLE, image)
        return self.KEYS.get(cv2.waitKey(1) & 0xFF)

    def close(self) -> None:
        cv2.destroyWindow(WINDOW_TITLE)
