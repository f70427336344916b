"""Which side works in a rep: pickers that read a rep's metric series and name the leg that
did the work ("left" or "right"), or "both" when the legs cannot be told apart.

The per-frame metrics stay in ``lower_body``; these only compare their series over one rep,
so each exercise module states in one line how its working side shows.
"""

from __future__ import annotations

import numpy as np

def more_flexed_hip(series: dict[str, np.ndarray]) -> str:
    """The working (front) leg of a lunge or split squat: its hip bends far more."""
    left = np.nanmedian(series.get("hip_flexion_left", np.array([np.nan])))
    right = np.nanmedian(series.get("hip_flexion_right", np.array([np.nan])))
    if not np.isfinite(left) and not np.isfinite(right):
        return "both"
    return "left" if np.nan_to_num(left, nan=-1e9) >= np.nan_to_num(right, nan=-1e9) else "right"


def lower_ankle(series: dict[str, np.ndarray], min_gap: float = 0.25) -> str:
    """The planted leg when one foot is lifted: its ankle sits lower (larger image y). "both"
    when the ankles stay at about the same height (a two-legged variant)."""
    left = np.nanmedian(series.get("ankle_y_left", np.array([np.nan])))
    right = np.nanmedian(series.get("ankle_y_right", np.array([np.nan])))
    scale = np.nanmedian(series.get("shank_px", np.array([np.nan])))
    if not (np.isfinite(left) and np.isfinite(right) and np.isfinite(scale)):
        return "both"
    if abs(left - right) < min_gap * scale:
        return "both"
    return "left" if left > right else "right"


def side_reaching_further(series: dict[str, np.ndarray], name: str) -> str:
    """The side whose ``name_left``/``name_right`` series reached the larger value."""
    left = np.nanmax(series.get(f"{name}_left", np.array([np.nan])), initial=-np.inf)
    right = np.nanmax(series.get(f"{name}_right", np.array([np.nan])), initial=-np.inf)
    return "left" if left >= right else "right"


def higher_knee(series: dict[str, np.ndarray]) -> str:
    """The top (working) leg when lying on a side: its knee sits higher in the image."""
    left = np.nanmedian(series.get("knee_y_left", np.array([np.nan])))
    right = np.nanmedian(series.get("knee_y_right", np.array([np.nan])))
    if not (np.isfinite(left) and np.isfinite(right)):
        return "both"
    return "left" if left < right else "right"


def wider_foot(series: dict[str, np.ndarray]) -> str:
    """The leg that moved out: its ankle reached further to its side."""
    return side_reaching_further(series, "foot_out")
