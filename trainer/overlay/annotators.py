"""Small drawing classes for the annotated video and the live window.

Each annotator takes its style in the constructor and draws in ``annotate(scene, pose, status)``,
reading the engine's state and never changing it. Combine them by calling one after another.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from ..engine import FrameStatus
from ..pose import SKELETON_EDGES, PoseFrame

WHITE = (255, 255, 255)
BLACK = (0, 0, 0)
GREEN = (80, 200, 80)
AMBER = (0, 170, 255)
RED = (60, 60, 230)


def _scale(scene: np.ndarray) -> float:
    """Line and font scale relative to a 720-pixel-high frame."""
    return max(0.5, min(scene.shape[:2]) / 720.0)


def _text(scene, text, origin, scale, color=WHITE, thickness=1, background=BLACK) -> None:
    font = cv2.FONT_HERSHEY_SIMPLEX
    (w, h), base = cv2.getTextSize(text, font, scale, thickness)
    x, y = int(origin[0]), int(origin[1])
    cv2.rectangle(scene, (x - 4, y - h - 6), (x + w + 4, y + base + 2), background, cv2.FILLED)
    cv2.putText(scene, text, (x, y), font, scale, color, thickness, cv2.LINE_AA)


class SkeletonAnnotator:
    def __init__(self, color=GREEN, min_visibility: float = 0.5) -> None:
        self.color = color
        self.min_visibility = min_visibility

    def annotate(self, scene: np.ndarray, pose: PoseFrame, status: FrameStatus | None = None) -> np.ndarray:
        if not pose.has_person:
            return scene
        s = _scale(scene)
        seen = pose.visibility >= self.min_visibility
        for a, b in SKELETON_EDGES:
            if seen[a] and seen[b]:
                cv2.line(scene, _pt(pose.xy[a]), _pt(pose.xy[b]), self.color, max(2, int(3 * s)), cv2.LINE_AA)
        for i in np.flatnonzero(seen):
            cv2.circle(scene, _pt(pose.xy[i]), max(3, int(4 * s)), WHITE, cv2.FILLED, cv2.LINE_AA)
        return scene


class MetricPanelAnnotator:
    """Lists the measurements this exercise's form rules read from the current camera view,
    under the rep counter, with the limit each is judged against (per leg where a rule reads
    one leg)."""

    MAX_ROWS = 6

    def __init__(self, exercise) -> None:
        self.rows = metric_rows(exercise)

    def annotate(self, scene: np.ndarray, pose: PoseFrame, status: FrameStatus | None) -> np.ndarray:
        if status is None or not pose.has_person:
            return scene
        s = _scale(scene)
        shown = [(label, value, unit, limit) for label, metric, unit, limit, views in self.rows
                 if status.view in views and math.isfinite(value := status.metrics.get(metric, math.nan))]
        for row, (label, value, unit, limit) in enumerate(shown[: self.MAX_ROWS]):
            _text(scene, f"{label}: {value:.2g} {unit} (limit {limit:g})", (12 * s, (104 + 26 * row) * s),
                  0.5 * s)
        return scene


def metric_rows(exercise) -> list[tuple[str, str, str, float, frozenset]]:
    """(label, metric, unit, limit, views) for each per-frame metric the exercise's rules judge."""
    rows = []
    for rule in exercise.rules:
        if rule.metric.startswith("rep:"):
            continue   # whole-rep measures have no per-frame value to show
        if "{side}" in rule.metric:
            rows += [(f"{rule.title} ({side})", rule.metric.format(side=side), rule.unit, rule.limit,
                      rule.views) for side in ("left", "right")]
        else:
            rows.append((rule.title, rule.metric, rule.unit, rule.limit, rule.views))
    return rows


class RepCounterAnnotator:
    def annotate(self, scene: np.ndarray, pose: PoseFrame, status: FrameStatus | None) -> np.ndarray:
        if status is None:
            return scene
        s = _scale(scene)
        state = "counting" if status.ready else "get into position"
        view = f" | {status.view} view" if status.view else ""
        _text(scene, f"Reps {status.reps}", (12 * s, 40 * s), 1.1 * s, WHITE, max(1, int(2 * s)))
        _text(scene, state + view, (12 * s, 72 * s), 0.55 * s, GREEN if status.ready else AMBER)
        return scene


class CueBannerAnnotator:
    """Shows the latest form cue across the bottom of the frame for a few seconds."""

    def __init__(self, show_s: float = 2.5) -> None:
        self.show_s = show_s

    def annotate(self, scene: np.ndarray, cue: str | None, since_s: float, now_s: float) -> np.ndarray:
        if not cue or now_s - since_s > self.show_s:
            return scene
        s = _scale(scene)
        _text(scene, cue, (12 * s, scene.shape[0] - 20 * s), 0.8 * s, WHITE, max(1, int(2 * s)), RED)
        return scene


def _pt(xy: np.ndarray) -> tuple[int, int]:
    return int(round(xy[0])), int(round(xy[1]))
