"""Small pictures of the worst rep for each cue, for the report.

``ThumbnailRing`` keeps a bounded ring of small JPEG frames (about 6 a second, 240 px high, the
last 30 s), so memory stays flat however long a live session runs (about 180 frames of a few
kilobytes). When a rep finishes, ``WorstCueFrames`` takes the frame nearest its turning point
for each of its cues and keeps, per cue, only the rep that broke the limit the most.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import cv2
import numpy as np

from ..overlay.annotators import SkeletonAnnotator

FRAMES_PER_S = 6.0
HEIGHT_PX = 240
KEEP_S = 30.0
JPEG_QUALITY = 70
MAX_GAP_S = 1.0   # a kept frame further than this from the moment wanted does not show it
CROP_MARGIN = 0.15   # around the person's landmarks, as a share of their height


def person_box(pose, image_shape) -> tuple[int, int, int, int]:
    """(x0, y0, x1, y1): the person with a margin, or the whole image when nobody is found,
    so a thumbnail shows the body rather than the room."""
    height, width = image_shape[:2]
    xy = pose.xy[np.isfinite(pose.xy).all(axis=1)] if pose.has_person else np.zeros((0, 2))
    if len(xy) < 2:
        return 0, 0, width, height
    (x0, y0), (x1, y1) = xy.min(axis=0), xy.max(axis=0)
    margin = CROP_MARGIN * max(y1 - y0, x1 - x0, 1.0)
    box = (int(max(0, x0 - margin)), int(max(0, y0 - margin)),
           int(min(width, x1 + margin)), int(min(height, y1 + margin)))
    return box if box[2] - box[0] > 1 and box[3] - box[1] > 1 else (0, 0, width, height)


def violation(measured: float, limit: float) -> float:
    """How far a measurement broke its limit, relative to the limit (0.2 = 20 % past it); the
    plain difference where the limit is zero."""
    gap = abs(measured - limit)
    return gap / abs(limit) if abs(limit) > 1e-9 else gap


class ThumbnailRing:
    """The last ``keep_s`` seconds as small JPEGs, about ``per_s`` a second, skeleton drawn."""

    def __init__(self, per_s: float = FRAMES_PER_S, height_px: int = HEIGHT_PX, keep_s: float = KEEP_S) -> None:
        self.interval_s, self.height_px = 1.0 / per_s, height_px
        self.frames: deque[tuple[float, bytes]] = deque(maxlen=int(per_s * keep_s) + 1)
        self._skeleton = SkeletonAnnotator()
        self._due_s = -float("inf")   # when the next frame is wanted

    def __len__(self) -> int:
        return len(self.frames)

    def offer(self, image: np.ndarray, pose) -> None:
        """Keep this frame if one is due (cheap otherwise). Due times step by the interval, so a
        30 fps camera gives 6 a second rather than every fifth frame."""
        if pose.t_s < self._due_s:
            return
        self._due_s = max(self._due_s + self.interval_s, pose.t_s + self.interval_s / 2)
        x0, y0, x1, y1 = person_box(pose, image.shape)
        scale = self.height_px / (y1 - y0)
        small = cv2.resize(image[y0:y1, x0:x1], (max(1, round((x1 - x0) * scale)), self.height_px),
                           interpolation=cv2.INTER_AREA)
        if pose.has_person:
            moved = (pose.xy - (x0, y0)) * scale
            self._skeleton.annotate(small, pose.with_points(moved, pose.world))
        ok, jpeg = cv2.imencode(".jpg", small, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
        if ok:
            self.frames.append((pose.t_s, jpeg.tobytes()))

    def nearest(self, t_s: float) -> tuple[float, bytes] | None:
        """The kept frame closest to ``t_s`` (None if none is within ``MAX_GAP_S``)."""
        if not self.frames:
            return None
        best = min(self.frames, key=lambda kept: abs(kept[0] - t_s))
        return best if abs(best[0] - t_s) <= MAX_GAP_S else None


@dataclass(frozen=True)
class CueThumbnail:
    """The picture of one cue's worst rep (or hold): ``item`` is the RepResult/HoldResult."""

    fault: object   # cues.FormFault
    item: object
    kind: str       # "rep" or "hold"
    severity: float
    t_s: float
    jpeg: bytes


class WorstCueFrames:
    """Per rule id, the thumbnail of the rep or hold that broke its limit the most."""

    def __init__(self) -> None:
        self._worst: dict[str, CueThumbnail] = {}

    def consider(self, ring: ThumbnailRing, item, kind: str) -> None:
        """Look at a finished rep (picture at its turning point) or hold (at the cue's moment)."""
        for fault in item.faults:
            severity = violation(fault.measured, fault.limit)
            known = self._worst.get(fault.rule_id)
            if known is not None and known.severity >= severity:
                continue
            frame = ring.nearest(item.turn_s if kind == "rep" else fault.t_s)
            if frame is not None:
                self._worst[fault.rule_id] = CueThumbnail(fault, item, kind, severity, *frame)

    def thumbnails(self) -> list[CueThumbnail]:
        """Worst first."""
        return sorted(self._worst.values(), key=lambda thumb: -thumb.severity)
