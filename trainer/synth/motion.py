"""Motion scripts as data, and the timeline of one clip built from them.

An exercise script names two sets of *controls* (the few numbers its pose builder turns into a
``Pose``): the start position and the turning point of one rep (for a stretch, the held
position). A tempo says how long the way down, the pause at the turn and the way up take; set
plans say how many reps or holds each side does, in order (8 left then 8 right). Faults are
named control overrides at the turning point of the rep they are put on, so a fault ramps in on
the way down and out on the way up like the rest of the rep.

The timeline holds the start position for a lead-in, eases between keyframes with a cosine,
blends whole poses when a set changes side, and holds again for a lead-out. Small seeded
variations (tempo and depth per rep, sway and breathing throughout) keep it from looking
mechanical. A walking script (``Travel``) also moves the body on from rep to rep.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

Controls = dict[str, float]

LEAD_IN_S = 1.0
LEAD_OUT_S = 0.7
SIDE_SWITCH_S = 1.5
OTHER_SIDE = {"left": "right", "right": "left"}
TEMPO_JITTER = 0.05  # relative spread of each rep's durations
DEPTH_JITTER = 0.03  # relative spread of each rep's excursion to the turn


@dataclass(frozen=True)
class Tempo:
    """Seconds for one rep: down to the turn, pause there, back up, rest before the next."""

    down_s: float
    pause_s: float
    up_s: float
    rest_s: float


@dataclass(frozen=True)
class SetPlan:
    """One set: which side works ("both", "left" or "right"), how many reps or holds, and for a
    hold set how long each hold lasts."""

    side: str
    count: int
    hold_s: float = 0.0


@dataclass(frozen=True)
class Travel:
    """How a walking script moves over the floor, rep after rep.

    ``shift(turn, side)`` gives the offsets (controls, e.g. ``shift_x``) by which one rep moves
    the body, from that rep's turning-point controls. They add up over the clip, the whole path
    is centred on the origin (so it stays in the frame), and every keyframe of a rep carries the
    offsets of where it began: the pose builder places the body there and walks it on to the
    next rep's place by the rep's end. ``headings`` (cycled over the sets): +1 walks forward,
    -1 back, given to the builder as the control ``heading``. ``alternate``: the feet take
    turns, the first set starting with its side and each later one going on from the last
    step; ``same_foot_back``: when the heading reverses, the foot that stepped last steps
    first (in a staggered walk it is the one in front).
    """

    shift: Callable[[Controls, str], Controls]
    alternate: bool = False
    headings: tuple[float, ...] = (1.0,)
    same_foot_back: bool = False

    def sides(self, plans: list[SetPlan]) -> list[str]:
        """The side of every rep of ``plans``."""
        sides: list[str] = []
        for k, plan in enumerate(plans):
            if not self.alternate or not sides:
                side = plan.side
            elif self.same_foot_back and self.heading(k) != self.heading(k - 1):
                side = sides[-1]
            else:
                side = OTHER_SIDE.get(sides[-1], sides[-1])
            other = OTHER_SIDE.get(side, side) if self.alternate else side
            sides += [other if i % 2 else side for i in range(plan.count)]
        return sides

    def heading(self, k: int) -> float:
        return self.headings[k % len(self.headings)]


@dataclass(frozen=True)
class Script:
    """One exercise's motion: keyframe controls, tempo, default sets and fault overrides.

    ``finish``, when given, is where the way up ends instead of ``start``: controls that the
    pose builder maps to the same pose as ``start`` but reached along another path, for a rep
    that does not retrace its way down (three taps then straight back up, a lunge followed by
    a knee drive). The next rep begins at ``start`` again.
    """

    start: Controls
    turn: Controls
    tempo: Tempo
    sets: tuple[SetPlan, ...]
    faults: dict[str, Controls] = field(default_factory=dict)
    finish: Controls | None = None
    travel: Travel | None = None


@dataclass(frozen=True)
class Segment:
    """Controls easing from ``start`` at t0 to ``end`` at t1; a side switch blends two sides."""

    t0: float
    t1: float
    start: Controls
    end: Controls
    side: str
    end_side: str


@dataclass(frozen=True)
class RepSpan:
    index: int
    side: str
    start_s: float
    turn_s: float
    end_s: float
    faults: tuple[str, ...]


@dataclass(frozen=True)
class HoldSpan:
    side: str
    start_s: float
    end_s: float
    faults: tuple[str, ...] = ()


@dataclass(frozen=True)
class Timeline:
    segments: tuple[Segment, ...]
    reps: tuple[RepSpan, ...]
    holds: tuple[HoldSpan, ...]

    @property
    def duration_s(self) -> float:
        return self.segments[-1].t1

    def sample(self, t: float) -> list[tuple[str, Controls, float]]:
        """(side, controls, weight) of the poses to blend at time t: one, or two mid-switch."""
        starts = [s.t0 for s in self.segments]
        segment = self.segments[max(0, int(np.searchsorted(starts, t, side="right")) - 1)]
        span = segment.t1 - segment.t0
        w = ease(min(1.0, max(0.0, (t - segment.t0) / span))) if span > 0 else 1.0
        if segment.side != segment.end_side:
            return [(segment.side, segment.start, 1.0 - w), (segment.end_side, segment.end, w)]
        return [(segment.side, mix(segment.start, segment.end, w), 1.0)]


def ease(u: float) -> float:
    """Cosine ease-in-out from 0 to 1: zero speed at both keyframes, like a real turn."""
    return 0.5 - 0.5 * math.cos(math.pi * u)


def mix(a: Controls, b: Controls, w: float) -> Controls:
    """Controls linearly between a (w = 0) and b (w = 1); a key missing on one side is kept."""
    return {k: a.get(k, b.get(k, 0.0)) * (1 - w) + b.get(k, a.get(k, 0.0)) * w for k in a | b}


def turn_controls(script: Script, faults: list[str], depth: float = 1.0) -> Controls:
    """The turning point of one rep: the script's, scaled by ``depth``, then fault overrides."""
    turn = {k: script.start.get(k, 0.0) + (v - script.start.get(k, 0.0)) * depth
            for k, v in script.turn.items()}
    for fault in faults:
        turn.update(script.faults[fault])
    return turn


class _TimelineBuilder:
    def __init__(self) -> None:
        self.t = 0.0
        self.segments: list[Segment] = []

    def move(self, start: Controls, end: Controls, seconds: float, side: str,
             end_side: str | None = None) -> float:
        self.segments.append(Segment(self.t, self.t + seconds, start, end, side, end_side or side))
        self.t += seconds
        return self.t

    def hold(self, controls: Controls, seconds: float, side: str) -> float:
        return self.move(controls, controls, seconds, side)


@dataclass(frozen=True)
class _Walk:
    """Per rep (or hold) of a clip: its side, and for a walking script where it begins (offsets,
    one more for the end of the last) and its heading."""

    sides: tuple[str, ...]
    offsets: tuple[Controls, ...]
    headings: tuple[float, ...]
    alternate: bool = False

    @classmethod
    def still(cls, plans: list[SetPlan]) -> _Walk:
        sides = tuple(p.side for p in plans for _ in range(p.count))
        return cls(sides, ({},) * (len(sides) + 1), ())

    @classmethod
    def planned(cls, script: Script, plans: list[SetPlan], faults: dict[int, list[str]],
                depths: list[float]) -> _Walk:
        travel = script.travel
        sides = travel.sides(plans)
        headings = [travel.heading(k) for k, p in enumerate(plans) for _ in range(p.count)]
        offsets: list[Controls] = [{}]
        for n, side in enumerate(sides):
            turn = {**turn_controls(script, faults.get(n + 1, []), depths[n]),
                    "heading": headings[n]}
            step = travel.shift(turn, side)
            offsets.append({k: offsets[-1].get(k, 0.0) + v for k, v in step.items()})
        keys = {k for o in offsets for k in o}
        centre = {k: (max(o.get(k, 0.0) for o in offsets) + min(o.get(k, 0.0) for o in offsets))
                  / 2 for k in keys}
        offsets = [{k: o.get(k, 0.0) - centre[k] for k in sorted(keys)} for o in offsets]
        return cls(tuple(sides), tuple(offsets), tuple(headings), travel.alternate)

    def side_after(self, n: int) -> str:
        """The side whose pose continues after rep n: the next one's when sides alternate."""
        return OTHER_SIDE.get(self.sides[n], self.sides[n]) if self.alternate else self.sides[n]

    def place(self, controls: Controls, n: int, after: bool = False) -> Controls:
        """``controls`` where rep n begins (or, ``after``, where it ends)."""
        if not self.headings:
            return controls
        return {**controls, **self.offsets[n + after], "heading": self.headings[n]}


def build_timeline(script: Script, plans: list[SetPlan], faults: dict[int, list[str]],
                   rng: np.random.Generator) -> Timeline:
    """Lead-in, every set's reps or holds, lead-out. Faults go on the reps numbered from 1, or
    on the holds numbered from 1 for a stretch (a clip of holds only)."""
    total = sum(p.count for p in plans)
    bad = sorted(i for i in faults if not 1 <= i <= total)
    if bad:
        raise ValueError(f"faults put on rep(s) {bad}, but the clip has reps 1..{total}")
    draws = [(1.0 + TEMPO_JITTER * rng.standard_normal(),
              1.0 + DEPTH_JITTER * rng.standard_normal()) for _ in range(total)]
    walk = _Walk.planned(script, plans, faults, [d for _, d in draws]) if script.travel \
        else _Walk.still(plans)
    build, reps, holds, n = _TimelineBuilder(), [], [], 0
    build.hold(walk.place(script.start, 0), LEAD_IN_S, walk.sides[0])
    for k, plan in enumerate(plans):
        if k and walk.sides[n] != walk.side_after(n - 1):
            build.move(walk.place(script.start, n - 1, after=True), walk.place(script.start, n),
                       SIDE_SWITCH_S, walk.side_after(n - 1), walk.sides[n])
        for i in range(plan.count):
            jitter, depth = draws[n]
            if plan.hold_s > 0:
                holds.append(_one_hold(build, script, plan, jitter, faults.get(len(holds) + 1, [])))
            else:
                index = len(reps) + 1
                reps.append(_one_rep(build, script, walk, n, index, faults.get(index, []),
                                     jitter, depth))
            if i < plan.count - 1:
                build.hold(walk.place(script.start, n + 1), script.tempo.rest_s * jitter,
                           walk.sides[n + 1])
            n += 1
    build.hold(walk.place(script.start, n - 1, after=True), LEAD_OUT_S, walk.side_after(n - 1))
    return Timeline(tuple(build.segments), tuple(reps), tuple(holds))


def _one_rep(build: _TimelineBuilder, script: Script, walk: _Walk, n: int, index: int,
             faults: list[str], jitter: float, depth: float) -> RepSpan:
    tempo, start_s, side = script.tempo, build.t, walk.sides[n]
    turn = walk.place(turn_controls(script, faults, depth), n)
    build.move(walk.place(script.start, n), turn, tempo.down_s * jitter, side)
    turn_s = build.t + tempo.pause_s * jitter / 2
    build.hold(turn, tempo.pause_s * jitter, side)
    end_s = build.move(turn, walk.place(script.finish or script.start, n), tempo.up_s * jitter,
                       side)
    return RepSpan(index, side, start_s, turn_s, end_s, tuple(faults))


def _one_hold(build: _TimelineBuilder, script: Script, plan: SetPlan, jitter: float,
              faults: list[str]) -> HoldSpan:
    tempo, held = script.tempo, turn_controls(script, faults)
    start_s = build.move(script.start, held, tempo.down_s * jitter, plan.side)
    end_s = build.hold(held, plan.hold_s, plan.side)
    build.move(held, script.start, tempo.up_s * jitter, plan.side)
    return HoldSpan(plan.side, start_s, end_s, tuple(faults))


@dataclass(frozen=True)
class Sway:
    """Slow seeded drift of the whole body and breathing, added to every frame's controls.

    Controls it adds (every pose builder honours them): ``sway_x`` and ``sway_z`` shift the hips
    sideways and forward in metres, ``breath`` bends the upper back in degrees, ``look`` turns
    the head in degrees.
    """

    phases: tuple[float, ...]

    @classmethod
    def seeded(cls, rng: np.random.Generator) -> Sway:
        return cls(tuple(float(p) for p in rng.uniform(0, 2 * math.pi, 4)))

    def at(self, t: float) -> Controls:
        px, pz, pb, pl = self.phases
        return {"sway_x": 0.006 * math.sin(2 * math.pi * 0.23 * t + px),
                "sway_z": 0.004 * math.sin(2 * math.pi * 0.17 * t + pz),
                "breath": 0.8 * math.sin(2 * math.pi * 0.25 * t + pb),
                "look": 2.0 * math.sin(2 * math.pi * 0.11 * t + pl)}
