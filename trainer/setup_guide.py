"""Setup guidance before counting starts: is the person alone in the picture, whole, near
enough, lit, turned the way this exercise is judged from, and standing still?

Pure logic on one PoseFrame and the image's mean brightness (the caller computes it).
``setup_problems`` judges one frame; ``SetupGuide`` adds time: a problem must last ``HOLD_S``
before the advice changes, a sentence is spoken again only after ``REPEAT_S``, and the person
is ready once nothing blocks counting (``BLOCKING``: nobody in view, or so close that head
and feet are both cut off) and the pose stays put for ``STEADY_S``, so walking into position
never counts as a rep. The other problems are advice: shown while they last and spoken until
counting starts, but a head at the top edge, a slightly turned body or a dim room do not stop
the count (the engine itself judges only what the picture shows, and says what it could not).
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field

import numpy as np

from .exercises.base import Exercise
from .geometry import View, classify_view, midpoint, width_ratio
from .pose import Landmark as L, PoseFrame

# Beyond 3% of the frame from an edge, MediaPipe's points near that edge get unreliable and the
# smallest move takes them out of the picture.
EDGE_MARGIN = 0.03
# Head to ankles under 40% of the frame height: the joints span so few pixels that the
# model's jitter becomes a large share of the angles the rules read.
MIN_BODY_SHARE = 0.40
# Mean luma (0-255) under 50: a webcam raises its gain, the picture gets noisy and the model
# loses or shakes the joints.
MIN_LUMA = 50.0
# The model's presence score under this means the point is probably outside the picture.
PRESENT = 0.5
# Joints within 4% of the body's length (about 7 cm) count as still: above the smoothed model's
# jitter on a person standing still, well below a step or a squat.
STEADY_DRIFT = 0.04
STEADY_S = 1.0   # still this long, all checks passing, before counting starts
SIZE_WINDOW_S = 5.0   # distance is judged by the longest the body looked this recently (a rep
                      # lasts a few seconds, with the person upright between reps)
HOLD_S = 0.5     # a problem must come (or go) for this long before the advice changes
GLITCH_S = 0.1   # a problem seen for less than this (net) is taken for a glitch of the model
MAX_STEP_S = 0.2  # a stalled source's long gap counts as one ordinary frame's worth at most
REPEAT_S = 4.0   # the same sentence is spoken at most this often
MAX_ADVICE = 2   # more than two fixes at once is more than anyone takes in

STEP_IN = "Step into the picture."
TOO_DARK = "It's too dark in here: switch on a light or face a window."
ONE_PERSON = "I can see more than one person: please ask the other person to step out of view."
TOO_CLOSE = "You're too close: step back from the camera."
FEET_IN = "Step back so your feet are in the picture."
HEAD_IN = "Step back so your head is in the picture."
MOVE_LEFT = "Move a step to your left, into the middle."
MOVE_RIGHT = "Move a step to your right, into the middle."
MOVE_FORWARD = "Take a step forward, into the middle of the picture."
MOVE_BACKWARD = "Take a step backward, into the middle of the picture."
COME_CLOSER = "Come a bit closer to the camera."
TURN_LEFT_SIDE = "Turn your left side to the camera."
TURN_RIGHT_SIDE = "Turn your right side to the camera."
TURN_EITHER_SIDE = "Turn sideways, with your left or right side to the camera."
TURN_FURTHER = "Turn a little further, so your side faces the camera."
FACE_CAMERA = "Face the camera."
FACE_FURTHER = "Turn a little more, so you face the camera."
SQUARE_UP = "Face the camera squarely, or turn fully side-on."
HOLD_STILL = "Hold still for a moment so I can start counting."

# The per-frame problems, most important first: whom to see, then whether the picture can be
# read, then framing, distance and view. The wait for stillness comes after them all.
PROBLEMS = (STEP_IN, TOO_DARK, ONE_PERSON, TOO_CLOSE, FEET_IN, HEAD_IN, MOVE_LEFT, MOVE_RIGHT,
            MOVE_FORWARD, MOVE_BACKWARD, COME_CLOSER, TURN_LEFT_SIDE, TURN_RIGHT_SIDE,
            TURN_EITHER_SIDE, TURN_FURTHER, FACE_CAMERA, FACE_FURTHER, SQUARE_UP)
PRIORITY = PROBLEMS + (HOLD_STILL,)
# Problems that stop the count: nobody to count, or too little of the body to read anything.
BLOCKING = (STEP_IN, TOO_CLOSE)

FEET = (L.LEFT_ANKLE, L.RIGHT_ANKLE, L.LEFT_HEEL, L.RIGHT_HEEL, L.LEFT_FOOT_INDEX, L.RIGHT_FOOT_INDEX)
HEAD = (L.NOSE, L.LEFT_EYE, L.RIGHT_EYE, L.LEFT_EAR, L.RIGHT_EAR, L.LEFT_SHOULDER, L.RIGHT_SHOULDER)
BODY = FEET + HEAD + (L.LEFT_HIP, L.RIGHT_HIP)
STEADY_JOINTS = [int(j) for j in (L.LEFT_SHOULDER, L.RIGHT_SHOULDER, L.LEFT_HIP, L.RIGHT_HIP,
                                  L.LEFT_KNEE, L.RIGHT_KNEE, L.LEFT_ANKLE, L.RIGHT_ANKLE)]


@dataclass(frozen=True)
class SetupAdvice:
    """One frame's verdict. ``advice``: what to fix now, most important first (at most
    ``MAX_ADVICE``), for the screen; ``say``: the part of it to speak on this frame."""

    ready: bool
    advice: list[str] = field(default_factory=list)
    say: list[str] = field(default_factory=list)


def body_length(frame: PoseFrame) -> float:
    """Nose to the middle of the ankles in pixels: the body's size in the picture whether the
    person stands or lies."""
    return float(np.linalg.norm(frame.xy[L.NOSE] - midpoint(frame.xy, L.LEFT_ANKLE, L.RIGHT_ANKLE)))


def _crosses(frame: PoseFrame, landmarks, outside, missing_is_out: bool) -> bool:
    """True when a landmark lies where ``outside(x, y)``; a point the model did not place counts
    only when ``missing_is_out`` (a missing foot is below the picture, a missing hip anywhere)."""
    idx = [int(i) for i in landmarks]
    x, y = frame.xy[idx, 0], frame.xy[idx, 1]
    missing = (frame.presence[idx] < PRESENT) | ~np.isfinite(x) | ~np.isfinite(y)
    with np.errstate(invalid="ignore"):
        out = outside(x, y) & ~missing
    return bool(np.any(out) or (missing_is_out and np.any(missing)))


def _move_toward(frame: PoseFrame, image_direction: int) -> str:
    """Which way to move, in the person's own terms, to go ``image_direction`` (+1: toward the
    image's right edge). Read from the pose itself, so a mirrored camera gets it right too."""
    xy = frame.xy
    if classify_view(width_ratio(xy)) is View.FRONT:
        left_on_image_right = xy[L.LEFT_SHOULDER, 0] > xy[L.RIGHT_SHOULDER, 0]
        return MOVE_LEFT if (image_direction > 0) == left_on_image_right else MOVE_RIGHT
    facing = np.sign(xy[L.NOSE, 0] - midpoint(xy, L.LEFT_SHOULDER, L.RIGHT_SHOULDER)[0])
    return MOVE_FORWARD if facing == image_direction else MOVE_BACKWARD


def framing_problems(frame: PoseFrame) -> list[str]:
    """Feet, head or a side out of the picture (past ``EDGE_MARGIN``), or both ends at once."""
    width, height = frame.image_size
    mx, my = EDGE_MARGIN * width, EDGE_MARGIN * height
    feet_out = _crosses(frame, FEET, lambda x, y: y > height - my, missing_is_out=True)
    head_out = _crosses(frame, HEAD, lambda x, y: y < my, missing_is_out=True)
    left_out = _crosses(frame, BODY, lambda x, y: x < mx, missing_is_out=False)
    right_out = _crosses(frame, BODY, lambda x, y: x > width - mx, missing_is_out=False)
    if (feet_out and head_out) or (left_out and right_out):
        return [TOO_CLOSE]
    problems = [FEET_IN] if feet_out else []
    if head_out:
        problems.append(HEAD_IN)
    if left_out or right_out:
        problems.append(_move_toward(frame, +1 if left_out else -1))
    return problems


def view_problem(frame: PoseFrame, best_views, side: str | None = None) -> str | None:
    """How to turn when the view seen is not one this exercise is judged from."""
    seen = classify_view(width_ratio(frame.xy))
    wants_side, wants_front = View.SIDE in best_views, View.FRONT in best_views
    if seen is None or seen in best_views or not (wants_side or wants_front):
        return None
    if wants_side and wants_front:
        return SQUARE_UP
    if wants_side:
        if seen is not View.FRONT:
            return TURN_FURTHER
        return {"left": TURN_LEFT_SIDE, "right": TURN_RIGHT_SIDE}.get(side, TURN_EITHER_SIDE)
    return FACE_CAMERA if seen is View.SIDE else FACE_FURTHER


def setup_problems(frame: PoseFrame, image_mean_luma: float, best_views,
                   side: str | None = None, body_px: float | None = None) -> list[str]:
    """Everything wrong with this one frame, most important first. ``body_px``: the person's
    length in the picture to judge the distance by (default: this frame's ``body_length``)."""
    problems = [] if frame.has_person else [STEP_IN]
    if image_mean_luma < MIN_LUMA:
        problems.append(TOO_DARK)
    if not frame.has_person:
        return problems
    if frame.people > 1:
        problems.append(ONE_PERSON)
    framing = framing_problems(frame)
    problems += framing
    # A body cut off reads short, so "come closer" would contradict "step back".
    size = body_length(frame) if body_px is None else body_px
    if not framing and size < MIN_BODY_SHARE * frame.image_size[1]:
        problems.append(COME_CLOSER)
    if (turn := view_problem(frame, best_views, side)) is not None:
        problems.append(turn)
    return problems


class _Evidence:
    """How long a problem has been seen, net: it grows while the problem is seen and drains
    while it is not, within [0, HOLD_S]. The advice switches on when it is full and off when
    it is empty, so neither a one-frame glitch nor one good frame among bad ones flips it."""

    def __init__(self) -> None:
        self.seconds, self.on = 0.0, False

    def update(self, seen: bool, dt: float) -> None:
        self.seconds = min(max(self.seconds + (dt if seen else -dt), 0.0), HOLD_S)
        if self.seconds >= HOLD_S - 1e-6:
            self.on = True
        elif self.seconds <= 1e-6:
            self.on = False


class _Stillness:
    """Seconds the key joints have stayed within ``STEADY_DRIFT`` of where they were. The median
    over joints, and a move only when two frames running show it: one joint or one frame the
    model misplaces does not restart the wait. Frames without the person keep the count."""

    def __init__(self) -> None:
        self._anchor: np.ndarray | None = None
        self._since, self._moved_frames = 0.0, 0

    def update(self, frame: PoseFrame, t_s: float) -> float:
        points, scale = frame.xy[STEADY_JOINTS], body_length(frame)
        if not (frame.has_person and np.isfinite(points).all() and scale > 0):
            return 0.0 if self._anchor is None else t_s - self._since
        if self._anchor is not None:
            drift = np.median(np.linalg.norm(points - self._anchor, axis=1)) / scale
            self._moved_frames = self._moved_frames + 1 if drift > STEADY_DRIFT else 0
            if self._moved_frames < 2:
                return t_s - self._since
        self._anchor, self._since, self._moved_frames = points, t_s, 0
        return 0.0


class SetupGuide:
    """Guides one person into position for ``exercise`` and says when counting may start.

    ``side`` ("left" or "right") names the flank to show the camera when the exercise is
    judged side-on; without it either is asked for. Once ready, the guide stays ready while
    the person moves (the exercise itself) and drops back only when a ``BLOCKING`` problem
    lasts ``HOLD_S``.
    Time going backwards (a restarted source) starts the guidance afresh.
    """

    def __init__(self, exercise: Exercise, *, side: str | None = None) -> None:
        if side not in (None, "left", "right"):
            raise ValueError(f"side must be 'left', 'right' or None, got {side!r}")
        self.exercise, self.side = exercise, side
        self.reset()

    def reset(self) -> None:
        self.ready = False
        self._evidence = {sentence: _Evidence() for sentence in PRIORITY}
        self._stillness = _Stillness()
        self._clear_since: float | None = None
        self._last_said: dict[str, float] = {}
        self._last_t: float | None = None
        self._recent_sizes: deque[tuple[float, float]] = deque()

    def check(self, frame: PoseFrame, image_mean_luma: float, t_s: float) -> SetupAdvice:
        """Feed one frame; returns whether counting may start and what to fix."""
        if self._last_t is not None and t_s < self._last_t:
            self.reset()
        dt = 0.0 if self._last_t is None else min(t_s - self._last_t, MAX_STEP_S)
        self._last_t = t_s
        raw = setup_problems(frame, image_mean_luma, self.exercise.best_views, self.side,
                             self._tallest(frame, t_s))
        for sentence in PROBLEMS:
            self._evidence[sentence].update(sentence in raw, dt)
        clear_s, still_s = self._clear_for(t_s), self._stillness.update(frame, t_s)
        # Asked for only once the person has been in position long enough to be ready if
        # still, so someone who stops at once never hears it; moot once ready.
        fidgeting = not self.ready and clear_s >= STEADY_S and still_s < STEADY_S
        self._evidence[HOLD_STILL].update(fidgeting, dt)
        active = [s for s in PRIORITY if self._evidence[s].on]
        if any(s in BLOCKING for s in active):
            self.ready = False
        elif min(clear_s, still_s) >= STEADY_S:
            self.ready = True
        advice = active[:MAX_ADVICE]
        # once counting, only what stops the count is spoken: the rest stays on the screen
        spoken = [s for s in advice if s in BLOCKING] if self.ready else advice
        return SetupAdvice(self.ready, advice, self._to_say(spoken, t_s))

    def _tallest(self, frame: PoseFrame, t_s: float) -> float:
        """The person's longest length in the picture over the last ``SIZE_WINDOW_S``: a squat
        or a hinge shortens the nose-to-ankle line for a moment, distance does not."""
        recent = self._recent_sizes
        if frame.has_person and np.isfinite(size := body_length(frame)):
            recent.append((t_s, size))
        while recent and recent[0][0] < t_s - SIZE_WINDOW_S:
            recent.popleft()
        return max(size for _, size in recent) if recent else body_length(frame)

    def _clear_for(self, t_s: float) -> float:
        """Seconds since nothing last blocked the count, problems seen under ``GLITCH_S`` aside."""
        troubled = any(self._evidence[s].seconds > GLITCH_S for s in BLOCKING)
        if troubled or self._clear_since is None:
            self._clear_since = t_s
        return t_s - self._clear_since

    def _to_say(self, advice: list[str], t_s: float) -> list[str]:
        say = [s for s in advice if t_s - self._last_said.get(s, -math.inf) >= REPEAT_S]
        self._last_said.update((s, t_s) for s in say)
        return say
