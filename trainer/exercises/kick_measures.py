"""Measurements for a leg kicked back from all fours (banded hip extension), side view.

Side-on the model sees the near leg well and guesses the far one, and some of its guesses read
as the kicked leg dropping when it did not:

* it draws both legs on one spot halfway between the floor and the kick;
* it moves the far ankle onto the near one, lifting the near one's reading with it;
* for a few frames it draws the lifted leg back down on the floor.

So each ankle's lift is read against where that ankle itself rests (not against the other
ankle, the one such a guess moves), a frame showing the two legs on one spot off the floor is
left unmeasured (one knee always stays on the floor, so that picture is the model's mix-up),
and the rep signal holds its highest value for a moment (see ``kick_rise``).
"""

from __future__ import annotations

import math

import numpy as np

from ..pose import Landmark as L, PoseFrame
from .base import BodyReference, RecentLevel

ANKLES = {"left": L.LEFT_ANKLE, "right": L.RIGHT_ANKLE}
# An ankle's resting place: its lowest position in the picture (a high percentile of its image
# y) over the last 6 s. A slow rep takes about 3.5 s, so the window holds rest even when the
# leg is held up at the top for a few seconds of pulses.
REST_WINDOW_S, REST_PERCENTILE = 6.0, 90.0
# Ankles drawn closer than 0.15 leg while the higher one is 0.08 leg above its rest are the
# legs merged: a real kick lifting an ankle that far has it 0.3 leg or more from the other
# one, and ankles side by side at rest read 0.1-0.2 apart but lifted less than 0.05.
MERGED_APART, MERGED_LIFT = 0.15, 0.08
HOLD_S = 0.2   # see kick_rise


def ankle_lift(frame: PoseFrame, side: str, ref: BodyReference, leg_px: float) -> float:
    """How far this ankle sits above its own resting place, in leg lengths (image, side view).

    The resting place is learned per ankle, so the far ankle, which a camera looking down shows
    higher than the near one, reads 0 at rest like the near one. The ankle is read even when
    the model rates it unseen: side-on it rates the far ankle at rest and the kicked ankle at
    the top so, for single frames or for seconds, while still placing them where they are."""
    rest = ref.remembered(f"ankle_rest_{side}", lambda: RecentLevel(REST_WINDOW_S, REST_PERCENTILE))
    if not frame.has_person or not leg_px > 0:
        return math.nan
    y = float(frame.xy[ANKLES[side], 1])
    return (rest.update(frame.t_s, y) - y) / leg_px


def kick_rise(frame: PoseFrame, lifts: tuple[float, float], ref: BodyReference,
              leg_px: float) -> float:
    """The rep signal: the higher ankle's lift, held at its highest over the last 0.2 s, or NaN
    on a frame where the model has drawn the two legs on one spot off the floor.

    The hold covers the few frames in which the model draws the lifted leg back on the floor:
    lowering a leg from the top to rest takes longer than that, 0.3-0.4 s even in quick plank
    kicks, so only the model's drops are smoothed over, and a rep's end is reported at most
    0.2 s late. Longer, and a video that stops right after its last quick kick loses it."""
    seen = [v for v in lifts if math.isfinite(v)]
    if not seen or not leg_px > 0:
        return math.nan
    higher = max(seen)
    apart = float(np.linalg.norm(frame.xy[L.LEFT_ANKLE] - frame.xy[L.RIGHT_ANKLE])) / leg_px
    if apart < MERGED_APART and higher > MERGED_LIFT:
        return math.nan
    recent = ref.remembered("kick_rise_recent", lambda: RecentLevel(HOLD_S, 100.0))
    return recent.update(frame.t_s, higher)


def leg_that_lifted_more(series: dict[str, np.ndarray]) -> str:
    """The working leg of a rep: the one whose ankle spent the rep higher (its mean lift), so a
    few frames of the legs swapped or merged do not decide it."""
    def mean_lift(side: str) -> float:
        values = series.get(f"ankle_lift_{side}", np.array([np.nan]))
        return float(np.nanmean(values)) if np.isfinite(values).any() else -math.inf
    return "left" if mean_lift("left") >= mean_lift("right") else "right"
