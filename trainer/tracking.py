"""Choosing which detected person to coach when more than one is in view.

The first choice is the largest, most central person (the one standing in front of their own
camera); after that the choice follows that person from frame to frame by overlap, so a trainer
walking past does not steal the session.
"""

from __future__ import annotations

import numpy as np


def bounding_box(xy: np.ndarray) -> np.ndarray:
    """(x0, y0, x1, y1) around the finite landmark points."""
    finite = xy[np.all(np.isfinite(xy), axis=1)]
    if finite.size == 0:
        return np.full(4, np.nan)
    return np.concatenate([finite.min(axis=0), finite.max(axis=0)])


def box_iou(a: np.ndarray, b: np.ndarray) -> float:
    x0, y0 = np.maximum(a[:2], b[:2])
    x1, y1 = np.minimum(a[2:], b[2:])
    inter = max(0.0, x1 - x0) * max(0.0, y1 - y0)
    union = np.prod(a[2:] - a[:2]) + np.prod(b[2:] - b[:2]) - inter
    return float(inter / union) if union > 0 else 0.0


def prominence(box: np.ndarray, image_size: tuple[int, int]) -> float:
    """Box area (as a share of the image) discounted by distance from the image centre."""
    width, height = image_size
    area = np.prod(box[2:] - box[:2]) / (width * height)
    centre = (box[:2] + box[2:]) / 2.0
    offset = np.hypot((centre[0] - width / 2) / width, (centre[1] - height / 2) / height)
    return float(area * (1.0 - min(offset, 0.7)))


class PersonSelector:
    """Pick the coached person among several candidates, keeping the choice stable over time.

    min_overlap: a candidate must overlap the previous choice at least this much to be the same
    person; below it (the person left, or the tracker jumped), choose afresh by prominence.
    """

    def __init__(self, min_overlap: float = 0.3) -> None:
        self.min_overlap = min_overlap
        self._last_box: np.ndarray | None = None

    def choose(self, candidates: list[np.ndarray], image_size: tuple[int, int]) -> int | None:
        """Index of the person to follow among (33, 2) pixel arrays, or None when empty."""
        if not candidates:
            self._last_box = None
            return None
        boxes = [bounding_box(xy) for xy in candidates]
        chosen = None
        if self._last_box is not None:
            overlaps = [box_iou(self._last_box, box) for box in boxes]
            best = int(np.argmax(overlaps))
            if overlaps[best] >= self.min_overlap:
                chosen = best
        if chosen is None:
            chosen = int(np.argmax([prominence(box, image_size) for box in boxes]))
        self._last_box = boxes[chosen]
        return chosen
