"""The ground-truth label file written beside each generated video (JSON).

Fields:

* ``generator`` ("trainer.synth"), ``version`` (1), ``seed``, ``exercise``, ``view`` (the name
  asked for, or the yaw in degrees as text), ``yaw_deg`` (camera yaw around the person: 0 in
  front, 90 on their left), ``body_type``, ``noise``, ``fps``, ``width``, ``height``,
  ``n_frames``, ``person_height_px`` (standing height, head top to floor, in pixels at frame 0).
* ``reps``: ``{"index" (from 1), "side" ("both", "left" or "right"), "start_frame",
  "turn_frame", "end_frame", "faults": [names]}``. A rep starts when the body leaves the start
  position and ends when it is back; the turn is the middle of the pause at the turning point.
* ``holds``: ``{"side", "start_frame", "end_frame", "faults"}``, the frames spent in the held
  position and the faults held in it.
* ``landmarks_2d``: per frame, 33 ``[x, y]`` in pixels, MediaPipe's landmark order and image
  convention (x * width of MediaPipe's normalized x; pixel i spans [i, i + 1)).
* ``landmarks_3d``: per frame, 33 ``[x, y, z]`` in metres with MediaPipe's world-landmark axes:
  origin at the mid-hip point, x to the image's right, y down, z away from the camera, levelled
  (y is exactly vertical; the camera's slight downward tilt is left out).
* ``landmark_visible``: per frame, 33 booleans: false where a nearer body part covers the
  landmark or a face point is turned away from the camera.

Pixel values are rounded to 0.01 px, metres to 1 mm, to keep the files small.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from .motion import Timeline

GENERATOR = "trainer.synth"
VERSION = 1


def frame_at(t_s: float, fps: float, n_frames: int) -> int:
    return int(min(n_frames - 1, max(0, round(t_s * fps))))


def label_document(header: dict, timeline: Timeline, fps: float, xy: np.ndarray,
                   world: np.ndarray, visible: np.ndarray) -> dict:
    """Labels of one clip: ``header`` (seed, exercise, view, ...) plus spans and landmarks.

    ``xy`` (n, 33, 2) pixels, ``world`` (n, 33, 3) metres, ``visible`` (n, 33) bools.
    """
    n = len(xy)

    def frame(t: float) -> int:
        return frame_at(t, fps, n)

    reps = [{"index": r.index, "side": r.side, "start_frame": frame(r.start_s),
             "turn_frame": frame(r.turn_s), "end_frame": frame(r.end_s), "faults": list(r.faults)}
            for r in timeline.reps]
    holds = [{"side": h.side, "start_frame": frame(h.start_s), "end_frame": frame(h.end_s),
              "faults": list(h.faults)} for h in timeline.holds]
    return {"generator": GENERATOR, "version": VERSION, **header, "fps": fps, "n_frames": n,
            "reps": reps, "holds": holds,
            "landmarks_2d": np.round(xy, 2).tolist(),
            "landmarks_3d": np.round(world, 3).tolist(),
            "landmark_visible": np.asarray(visible, dtype=bool).tolist()}


def write_labels(path: Path, document: dict) -> Path:
    path.write_text(json.dumps(document, separators=(",", ":")) + "\n")
    return path


def read_labels(path: Path) -> dict:
    """A label file with its landmark lists turned into numpy arrays."""
    document = json.loads(Path(path).read_text())
    for key in ("landmarks_2d", "landmarks_3d", "landmark_visible"):
        document[key] = np.asarray(document[key])
    return document
