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
mechanical.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

Controls = dict[str, float]

LEAD_IN_S = 1.0
LEAD_OUT_S = 0.7
SIDE_SWITCH_S = 1.5
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


def build_timeline(script: Script, plans: list[SetPlan], faults: dict[int, list[str]],
                   rng: np.random.Generator) -> Timeline:
    """Lead-in, every set's reps or holds, lead-out. Faults go on the reps numbered from 1, or
    on the holds numbered from 1 for a stretch (a clip of holds only)."""
    total = sum(p.count for p in plans)
    bad = sorted(i for i in faults if not 1 <= i <= total)
    if bad:
        raise ValueError(f"faults put on rep(s) {bad}, but the clip has reps 1..{total}")
    build, reps, holds = _TimelineBuilder(), [], []
    build.hold(script.start, LEAD_IN_S, plans[0].side)
    for k, plan in enumerate(plans):
        if k and plan.side != plans[k - 1].side:
            build.move(script.start, script.start, SIDE_SWITCH_S, plans[k - 1].side, plan.side)
        for i in range(plan.count):
            jitter = 1.0 + TEMPO_JITTER * rng.standard_normal()
            depth = 1.0 + DEPTH_JITTER * rng.standard_normal()
            if plan.hold_s > 0:
                holds.append(_one_hold(build, script, plan, jitter, faults.get(len(holds) + 1, [])))
            else:
                index = len(reps) + 1
                reps.append(_one_rep(build, script, plan.side, index, faults.get(index, []),
                                     jitter, depth))
            if i < plan.count - 1:
                build.hold(script.start, script.tempo.rest_s * jitter, plan.side)
    build.hold(script.start, LEAD_OUT_S, plans[-1].side)
    return Timeline(tuple(build.segments), tuple(reps), tuple(holds))


def _one_rep(build: _TimelineBuilder, script: Script, side: str, index: int,
             faults: list[str], jitter: float, depth: float) -> RepSpan:
    tempo, start_s = script.tempo, build.t
    turn = turn_controls(script, faults, depth)
    build.move(script.start, turn, tempo.down_s * jitter, side)
    turn_s = build.t + tempo.pause_s * jitter / 2
    build.hold(turn, tempo.pause_s * jitter, side)
    end_s = build.move(turn, script.finish or script.start, tempo.up_s * jitter, side)
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
