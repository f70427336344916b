"""The per-frame coaching engine: pose in, reps, form faults and setup advice out.

Pure logic (numpy only), shared by video analysis and the live session: feed one smoothed
PoseFrame at a time to ``ExerciseEngine.update``; read ``result()`` at the end.
"""

from __future__ import annotations

import math
import warnings
from bisect import bisect_left, bisect_right
from collections import Counter, deque
from dataclasses import dataclass, field, replace

import numpy as np

from .cues import FormFault, Phase, judge
from .exercises.base import BodyReference, Exercise
from .holds import Hold, HoldTimer
from .geometry import View, classify_view, torso_length, width_ratio
from .pose import Landmark as L
from .reps import Rep, RepCounter, pause_at_turn

BOTTOM_SHARE = 0.4       # the deepest 40% of a rep's excursion is its "bottom"
REP_METRIC = "rep:"      # a rule metric naming a whole-rep measurement, e.g. "rep:tempo_up_s"
BODY_SIZE_WINDOW_S = 0.5  # a body is also checked against the usual torso size of this much recent time
SETTLE_S = 0.3           # body must be in view this long before counting starts
DROPOUT_GRACE_S = 0.3    # the person missing this briefly does not make counting settle again,
SEEN_SHARE = 0.7         # ...if they were found in this share of the last second's frames
VIEW_WINDOW = 15         # frames voting on the current camera view
STILL_WINDOW_S = 0.5     # a stretch is held while, over this window, the leg joints
STILL_SHANKS = 0.035     # drift less than this many shank lengths (breathing and sway drift less)
TORSO_TO_SHANK = 0.8     # a shank is about 0.8 of the shoulder-to-hip length
EARLY_PERSIST_S = 0.2    # a fault said before its rep ends must have held this long
EARLY_TURNED_SHARE = 0.3  # ...and a bottom fault waits until the person is this far back up
EARLY_HOLD_S = 1.0       # a stretch's position is judged once it has been held this long
LOST_TIP_SHARE = 0.15    # the person lost in this share of frames: say the exercise's camera tip


@dataclass
class RepResult:
    index: int
    side: str
    start_s: float
    turn_s: float
    end_s: float
    view: str | None
    measurements: dict[str, float]
    faults: list[FormFault]
    unjudged: list[str]


@dataclass
class HoldResult:
    index: int
    side: str
    start_s: float
    end_s: float
    held_s: float
    view: str | None
    measurements: dict[str, float]
    faults: list[FormFault]
    unjudged: list[str]


@dataclass
class FrameStatus:
    """What one frame produced, for overlays and the live loop."""

    t_s: float
    has_person: bool
    ready: bool
    view: View | None
    reps: int
    in_rep: bool
    metrics: dict[str, float]
    reps_by_side: dict[str, int] = field(default_factory=dict)
    new_rep: RepResult | None = None
    holding: bool = False
    held_s: float = 0.0
    new_hold: HoldResult | None = None
    early_faults: list[FormFault] = field(default_factory=list)   # said before the rep ends


@dataclass
class FrameStats:
    total: int = 0
    no_person: int = 0
    several_people: int = 0
    camera_cuts: int = 0
    followed_x_sum: float = 0.0  # where the followed person stood (share of image width), summed
    body_out_of_frame: int = 0
    shoulders_out_of_frame: int = 0
    counted: int = 0


@dataclass
class EngineResult:
    exercise: str
    reps: list[RepResult]
    stats: FrameStats
    view_counts: dict[str, int]
    holds: list[HoldResult] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)
    early_faults: list[FormFault] = field(default_factory=list)   # see FrameStatus.early_faults

    @property
    def faults(self) -> list[FormFault]:
        return [f for item in [*self.reps, *self.holds] for f in item.faults]

    @property
    def reps_by_side(self) -> dict[str, int]:
        return dict(Counter(rep.side for rep in self.reps))


class ExerciseEngine:
    """Feed ``update`` one pose per frame; ``result`` gives the reps, holds and advice so far.

    ``times``, ``series`` and ``views`` keep every frame's metrics, which an analysis report
    plots. A live session that may run for an hour passes ``history_s``: only that many recent
    seconds are kept (enough to judge the longest rep or hold), so memory stays flat.
    """

    def __init__(self, exercise: Exercise, fps: float, history_s: float | None = None) -> None:
        self.exercise = exercise
        self.history_s = history_s
        self.fps = fps if fps > 0 else 30.0
        self.reference = BodyReference()
        self.counter = RepCounter(exercise.rep_thresholds) if exercise.rep_thresholds else None
        self.hold_timer = (HoldTimer(exercise.hold.settle_s, exercise.hold.grace_s, exercise.hold.min_hold_s)
                           if exercise.hold else None)
        self.holds: list[HoldResult] = []
        self._hold_sides: Counter = Counter()
        self.stats = FrameStats()
        self.times: list[float] = []
        self.series: dict[str, list[float]] = {}
        self.views: list[View | None] = []
        self._view_counts: Counter = Counter()   # over every frame, trimmed history or not
        self.reps: list[RepResult] = []
        self._recent_views: deque[View | None] = deque(maxlen=VIEW_WINDOW)
        self._settle_frames = max(1, int(round(SETTLE_S * self.fps)))
        self._in_view_run = 0
        self._previous_body: tuple | None = None   # hips and torso size of the last good frame
        self._recent_sizes: deque[tuple[float, float]] = deque()   # (t, torso size) of recent good frames
        self._last_seen_s = -math.inf
        self._jump_frames = 0
        self._pending: Rep | None = None   # a rep waiting for its follow-through
        self.early_faults: list[FormFault] = []   # every early fault, timed when it was raised
        self._early_key, self._early_said = None, set()   # the rep or hold they belong to
        self._turn_values: deque[float] = deque(maxlen=5)   # where the last reps turned (their signal)
        self._recent_joints: deque = deque()  # (t, leg joints' xy) over the stillness window
        self._recent_seen: deque[bool] = deque(maxlen=max(1, round(self.fps)))  # found, last 1 s

    def update(self, frame) -> FrameStatus:
        self.stats.total += 1
        if not frame.has_person:
            self.stats.no_person += 1
        elif frame.people > 1:
            self.stats.several_people += 1
            hips_x = np.nanmean(frame.xy[[L.LEFT_HIP, L.RIGHT_HIP], 0]) / frame.image_size[0]
            self.stats.followed_x_sum += float(hips_x) if np.isfinite(hips_x) else 0.5
        glitch = self._glitch(frame)
        if not glitch:
            self.reference.update(frame)
        metrics = self.exercise.metrics(frame, self.reference) if frame.has_person and not glitch else {}
        view = self._current_view(frame)
        ready = self._ready(frame, metrics)
        self._record(frame.t_s, metrics, view)
        status = FrameStatus(frame.t_s, frame.has_person, ready, view, len(self.reps), False, metrics)
        if self.counter:
            rep = self.counter.update(metrics.get(self.exercise.rep_metric, math.nan), frame.t_s, ready,
                                      settling=self._in_view_run > 0)
            status.new_rep = self._follow_through(rep, frame.t_s)
            status.early_faults = self._early_faults(frame.t_s)
            status.reps, status.in_rep = len(self.reps), self.counter.in_rep
            status.reps_by_side = dict(Counter(r.side for r in self.reps))
        else:
            status.new_hold = self._update_hold(ready and self._still(frame), metrics, frame.t_s)
            status.holding, status.held_s = self.hold_timer.holding, self.hold_timer.held_s
            status.early_faults = self._early_hold_faults(frame.t_s)
        return status

    def _follow_through(self, rep: Rep | None, t_s: float) -> RepResult | None:
        """The rep to judge now. An exercise with a follow-through (the knee hug after a lunge)
        has its rep judged once that time has passed or the next rep begins."""
        after = self.exercise.follow_through_s
        judged = None
        pending = self._pending
        if pending and (rep or self.counter.in_rep or t_s >= pending.end_s + after):
            judged, self._pending = self._judge_rep(pending), None
        if rep and after > 0:
            self._pending = rep
        elif rep:
            judged = self._judge_rep(rep)
        return judged

    def _early_faults(self, t_s: float) -> list[FormFault]:
        """Faults of the rep under way that are already certain, so the coach can say them while
        the person is still moving: rules judged on the worst value held (a knee caving stays a
        fault however the rep ends). Those of the way down or the whole rep are judged as the
        rep goes; those of the bottom once the bottom is known: from the second rep on, the band
        of the depth the person's earlier reps turned at (or of this rep's, once it has gone
        further: a fault such as an arched back often takes the rep beyond the usual), for the
        first rep once they have come ``EARLY_TURNED_SHARE`` of the way back; rules of the
        working leg once that leg is clear (``_early_side``). Each must have held for
        ``EARLY_PERSIST_S`` on frames where it was measured; each rule is said at most once a
        rep."""
        rep = self.counter.in_progress(t_s)
        if rep is None or rep.range < self.exercise.rep_thresholds.min_range:
            return []
        if rep.index != self._early_key:
            self._early_key, self._early_said = rep.index, set()
        turned = self.counter.turned(EARLY_TURNED_SHARE)
        window = self._window(rep.start_s, t_s)
        view = self._majority_view(window)
        side = self._early_side(window, turned)
        times = np.asarray(self.times[window])
        expected = self._expected_bottom(rep)
        bottom_known = turned or bool(self._turn_values)
        faults = []
        for rule in self.exercise.rules:
            if rule.id in self._early_said or view not in rule.views or \
                    not _early_judgeable(rule, bottom_known) or ("{side}" in rule.metric and side is None):
                continue
            values = self._series(rule.metric.format(side=side), window)
            mask = self._phase_mask(rule.phase, expected, window)
            faults += self._judge_early(rule, values[mask], times[mask], EARLY_PERSIST_S, t_s,
                                        rep_index=rep.index, side=side or "both", view=view)
        self.early_faults += faults
        return faults

    def _judge_early(self, rule, values: np.ndarray, times: np.ndarray, persist_s: float, t_s: float,
                     **where) -> list[FormFault]:
        """``rule`` on the rep or hold so far: its fault (timed now, and marked said for the rest
        of the rep or hold) once it has held ``persist_s`` on frames where it was measured. With
        fewer such frames nothing is judged yet: ``judge`` would shorten the persistence to fit
        the frames there are."""
        strict = replace(rule, persist_s=max(rule.persist_s, persist_s))
        if np.count_nonzero(np.isfinite(values)) < round(strict.persist_s * self.fps):
            return []
        fault = judge(strict, values, times, self.fps, **where)
        if not fault:
            return []
        self._early_said.add(rule.id)
        return [replace(fault, t_s=t_s)]

    def _early_side(self, window: slice, turned: bool) -> str | None:
        """The working leg of the rep under way: "both" for a two-legged exercise; for a
        one-legged one, the leg its frames so far point to, once it has turned or when that is
        the leg of the rep before (a set on one leg); None while it is unclear."""
        if not self.exercise.working_side:
            return "both"
        with warnings.catch_warnings():   # a leg unseen so far gives all-NaN medians
            warnings.simplefilter("ignore", RuntimeWarning)
            side = self.exercise.working_side({k: self._series(k, window) for k in self.series})
        return side if turned or (self.reps and self.reps[-1].side == side) else None

    def _early_hold_faults(self, t_s: float) -> list[FormFault]:
        """Faults of the stretch being held, said once the position has been held
        ``EARLY_HOLD_S`` (a therapist corrects a stretch early, not when it is over): each rule
        of the hold judged on the hold so far, at most once a hold, the fault held for half
        that time."""
        start = self.hold_timer.started_s
        if start is None or self.hold_timer.held_s < EARLY_HOLD_S:
            return []
        if start != self._early_key:
            self._early_key, self._early_said = start, set()
        window = self._window(start, t_s)
        view = self._majority_view(window)
        side = self._hold_sides.most_common(1)[0][0] if self._hold_sides else "both"
        times = np.asarray(self.times[window])
        faults = []
        for rule in self.exercise.rules:
            if rule.id in self._early_said or view not in rule.views or rule.phase is not Phase.HOLD \
                    or rule.judged_on == "range" or rule.metric.startswith(REP_METRIC):
                continue
            faults += self._judge_early(rule, self._series(rule.metric.format(side=side), window), times,
                                        EARLY_HOLD_S / 2, t_s, rep_index=None, side=side, view=view)
        self.early_faults += faults
        return faults

    def _expected_bottom(self, rep: Rep) -> Rep:
        """The rep under way with its turn where this person's earlier reps turned (their
        median), unless it already went further: so "the bottom" of a rep still on its way
        down is the same depth band its end will judge. The rep itself before any rep is done."""
        if not self._turn_values:
            return rep
        away = self.exercise.rep_thresholds.direction
        usual = float(np.median(self._turn_values))
        return rep if rep.turn_value * away >= usual * away else replace(rep, turn_value=usual)

    def _still(self, frame) -> bool:
        """Holding means staying put: the seen hips, knees and ankles (their median joint) have
        drifted less than ``STILL_SHANKS`` shank lengths from the first to the second half of
        the last ``STILL_WINDOW_S``, so the slow way into and out of a stretch is not timed as
        part of it."""
        joints = [L.LEFT_HIP, L.RIGHT_HIP, L.LEFT_KNEE, L.RIGHT_KNEE, L.LEFT_ANKLE, L.RIGHT_ANKLE]
        recent = self._recent_joints
        if frame.has_person:   # hidden joints are the model's guesses and wander: leave them out
            seen = frame.visibility[joints] >= 0.5
            recent.append((frame.t_s, np.where(seen[:, None], frame.xy[joints], np.nan)))
        else:
            recent.append((frame.t_s, None))
        while recent and recent[0][0] < frame.t_s - STILL_WINDOW_S:
            recent.popleft()
        shank = self.reference.shank_px
        if not shank > 0 and frame.has_person:   # legs folded or hidden: size from the trunk
            xy = frame.xy
            torso = np.linalg.norm((xy[L.LEFT_SHOULDER] + xy[L.RIGHT_SHOULDER]) / 2
                                   - (xy[L.LEFT_HIP] + xy[L.RIGHT_HIP]) / 2)
            shank = TORSO_TO_SHANK * float(torso)
        points = [xy for _, xy in recent if xy is not None]
        if len(points) < 2 or not shank > 0:
            return False
        stacked = np.stack(points)
        if not np.isfinite(stacked).any():
            return False
        with warnings.catch_warnings():   # a joint hidden all along has no spread
            warnings.simplefilter("ignore", RuntimeWarning)
            # drift, not spread: the window's later half against its earlier half (medians), so
            # a slow slide into the stretch counts as moving while one frame's jump does not
            half = len(points) // 2
            drift = np.nanmedian(stacked[half:], axis=0) - np.nanmedian(stacked[:half], axis=0)
            # the median joint: the body as a whole stays put even if one hand-held knee or a
            # half-hidden foot wobbles
            return bool(np.nanmedian(np.hypot(drift[:, 0], drift[:, 1])) < STILL_SHANKS * shank)

    def _update_hold(self, ready: bool, metrics: dict[str, float], t_s: float) -> HoldResult | None:
        in_position = ready and self.exercise.hold.in_position(metrics)
        if in_position:
            self._hold_sides[self.exercise.hold.side(metrics)] += 1
        hold = self.hold_timer.update(in_position, t_s)
        return self._judge_hold(hold) if hold else None

    def _judge_hold(self, hold: Hold) -> HoldResult:
        side = self._hold_sides.most_common(1)[0][0] if self._hold_sides else "both"
        self._hold_sides.clear()
        window = self._window(hold.start_s, hold.end_s)
        view, measurements, faults, unjudged = self._judge_rules(window, None, side, None)
        result = HoldResult(self.hold_timer.count, side, hold.start_s, hold.end_s, round(hold.held_s, 2),
                            view, measurements, faults, unjudged)
        self.holds.append(result)
        return result

    def _glitch(self, frame) -> bool:
        """True for a frame whose body jumped further than a person can move in one frame (half
        a torso length, or a third of the torso's size).

        A jump that reverts within a few frames is a model glitch (a body flipped upside down
        for a moment): those frames are skipped like dropouts. A jump that lasts is a camera cut
        or another person taken over: tracking restarts from there.
        """
        if not frame.has_person:
            return False
        body = (np.mean(frame.xy[[L.LEFT_HIP, L.RIGHT_HIP]], axis=0), torso_length(frame.xy))
        last, last_seen_s, self._last_seen_s = self._previous_body, self._last_seen_s, frame.t_s
        if last is None or frame.t_s - last_seen_s > 0.25 or not (body[1] > 0 and last[1] > 0):
            self._accept_body(body, frame.t_s, fresh=True)
            return False
        # Against the last frame, or failing that the recent frames' usual size: a few frames of
        # bad landmarks glide the smoothed torso far from its true size, and the body found
        # right after them would otherwise look like a camera cut
        def near(size: float) -> bool:
            return np.linalg.norm(body[0] - last[0]) / size <= 0.5 and abs(body[1] / size - 1.0) <= 0.33

        if near(last[1]) or near(float(np.median([s for _, s in self._recent_sizes]))):
            self._accept_body(body, frame.t_s)
            return False
        self._jump_frames += 1
        if self._jump_frames < self._settle_frames:
            return True
        self._restart_tracking()
        self._accept_body(body, frame.t_s, fresh=True)
        return False

    def _accept_body(self, body: tuple, t_s: float, fresh: bool = False) -> None:
        self._previous_body, self._jump_frames = body, 0
        if fresh:
            self._recent_sizes.clear()
        self._recent_sizes.append((t_s, body[1]))
        while t_s - self._recent_sizes[0][0] > BODY_SIZE_WINDOW_S:
            self._recent_sizes.popleft()

    def _restart_tracking(self) -> None:
        """After a cut, nothing measured before it describes the new picture."""
        self.stats.camera_cuts += 1
        self.reference = BodyReference()
        if self.counter:
            self.counter.abandon()
        self._in_view_run = 0

    def _seen_share(self) -> float:
        """Share of the last second's frames in which the person was found."""
        return sum(self._recent_seen) / len(self._recent_seen) if self._recent_seen else 0.0

    def _ready(self, frame, metrics: dict[str, float]) -> bool:
        self._recent_seen.append(frame.has_person)
        if frame.has_person and not frame.in_frame((L.LEFT_SHOULDER, L.RIGHT_SHOULDER)):
            self.stats.shoulders_out_of_frame += 1
        if frame.has_person and self.exercise.is_ready(frame, metrics):
            self._in_view_run += 1
        elif frame.has_person:
            self.stats.body_out_of_frame += 1
            self._in_view_run = 0
        elif frame.t_s - self._last_seen_s > DROPOUT_GRACE_S or self._seen_share() < SEEN_SHARE:
            # a short dropout in a steady view keeps the settled state: restarting the settle
            # time on every lost frame would let scattered dropouts swallow whole reps; a
            # person found only now and then (legs alone in the picture) never settles
            self._in_view_run = 0
        ready = self._in_view_run >= self._settle_frames
        self.stats.counted += ready
        return ready

    def _current_view(self, frame) -> View | None:
        self._recent_views.append(classify_view(width_ratio(frame.xy)) if frame.has_person else None)
        votes = Counter(v for v in self._recent_views if v is not None)
        return votes.most_common(1)[0][0] if votes else None

    def _record(self, t_s: float, metrics: dict[str, float], view: View | None) -> None:
        n = len(self.times)
        self.times.append(t_s)
        self.views.append(view)
        if view is not None:
            self._view_counts[str(view)] += 1
        for key, value in metrics.items():
            self.series.setdefault(key, [math.nan] * n).append(value)
        for key, values in self.series.items():
            if len(values) == n:
                values.append(math.nan)
        if self.history_s is not None and t_s - self.times[0] > 2 * self.history_s:
            self._forget_before(t_s - self.history_s)

    def _forget_before(self, t_s: float) -> None:
        """Drop the frames older than ``t_s`` (done in batches of ``history_s``, not per frame,
        so each frame costs no list shuffling)."""
        keep = bisect_left(self.times, t_s)
        del self.times[:keep], self.views[:keep]
        for values in self.series.values():
            del values[:keep]

    def _window(self, start_s: float, end_s: float) -> slice:
        # bisect on the list itself: a rep under way asks every frame, and turning the whole
        # history into an array each time grew with the length of the video
        return slice(bisect_left(self.times, start_s), bisect_right(self.times, end_s))

    def _majority_view(self, window: slice) -> View | None:
        """The camera view most frames of ``window`` were seen from."""
        views = Counter(v for v in self.views[window] if v is not None)
        return views.most_common(1)[0][0] if views else None

    def _phase_mask(self, phase: Phase, rep: Rep, window: slice) -> np.ndarray:
        times = np.asarray(self.times[window])
        if phase is Phase.FOLLOW_THROUGH:
            return times > rep.end_s
        within = times <= rep.end_s   # the window may run on into the follow-through
        if phase is Phase.DESCENT:
            return within & (times <= rep.turn_s)
        if phase is Phase.ASCENT:
            return within & (times >= rep.turn_s)
        if phase is Phase.BOTTOM:
            signal = np.asarray(self.series[self.exercise.rep_metric][window])
            depth_needed = rep.turn_value - BOTTOM_SHARE * (rep.turn_value - rep.rest_value)
            away = self.exercise.rep_thresholds.direction
            with np.errstate(invalid="ignore"):
                return within & (signal * away >= depth_needed * away)
        return within

    def _series(self, name: str, window: slice) -> np.ndarray:
        values = self.series.get(name)
        return np.asarray(values[window], dtype=float) if values else np.full(len(self.times[window]), np.nan)

    def _judge_rules(self, window: slice, rep: Rep | None, side: str, index: int | None):
        """Judge every rule the window's camera view can see; the rest are listed as unjudged."""
        view = self._majority_view(window)
        times = np.asarray(self.times[window])
        measurements: dict[str, float] = {}
        faults, unjudged = [], []
        for rule in self.exercise.rules:
            if view not in rule.views:
                unjudged.append(rule.id)
                continue
            if rule.metric.startswith(REP_METRIC):
                continue   # judged from the rep's own measurements, see _judge_rep
            metric = rule.metric.format(side=side)
            values = self._series(metric, window)
            mask = self._phase_mask(rule.phase, rep, window) if rep else np.ones(values.shape, bool)
            measurements[rule.measurement] = round(rule.judged_value(values[mask], self.fps), 2)
            fault = judge(rule, values[mask], times[mask], self.fps, rep_index=index, side=side, view=view)
            if fault:
                faults.append(fault)
        return (str(view) if view else None), measurements, faults, unjudged

    def _judge_rep(self, rep: Rep) -> RepResult:
        self._turn_values.append(rep.turn_value)
        window = self._window(rep.start_s, rep.end_s + self.exercise.follow_through_s)
        side = "both"
        rep_only = self._window(rep.start_s, rep.end_s)
        series = {k: self._series(k, rep_only) for k in self.series}
        if self.exercise.working_side:
            side = self.exercise.working_side(series)
        index = len(self.reps) + 1
        view, measurements, faults, unjudged = self._judge_rules(window, rep, side, index)
        measurements = {"range_of_motion": round(rep.range, 1),
                        "tempo_down_s": round(rep.turn_s - rep.start_s, 2),
                        "tempo_up_s": round(rep.end_s - rep.turn_s, 2),
                        "pause_s": round(pause_at_turn(np.asarray(self.times[rep_only]),
                                                       series[self.exercise.rep_metric], rep), 2),
                        **measurements,
                        **{name: round(measure(series), 3)
                           for name, measure in self.exercise.rep_measures.items()}}
        seen = View(view) if view else None
        for rule in (r for r in self.exercise.rules if r.metric.startswith(REP_METRIC)):
            value = measurements.get(rule.metric.removeprefix(REP_METRIC), math.nan)
            if seen in rule.views and rule.is_fault(value):
                faults.append(FormFault(rule.id, rule.cue, value, rule.limit, rule.unit, rep.end_s,
                                        index, side, view, rule.priority))
        result = RepResult(index, side, rep.start_s, rep.turn_s, rep.end_s, view, measurements,
                           faults, unjudged)
        self.reps.append(result)
        return result

    def result(self) -> EngineResult:
        """The outcome so far; a stretch still being held at the end is closed and counted."""
        if self.hold_timer and (last := self.hold_timer.finish()):
            self._judge_hold(last)
        if self._pending:
            self._judge_rep(self._pending)
            self._pending = None
        return EngineResult(self.exercise.id, self.reps, self.stats, dict(self._view_counts),
                            self.holds, advice_for(self.exercise, self.stats, self._view_counts),
                            self.early_faults)


def _early_judgeable(rule, bottom_known: bool) -> bool:
    """Whether ``rule`` can be judged on the rep so far (see ExerciseEngine._early_faults)."""
    if rule.judged_on != "worst" or rule.metric.startswith(REP_METRIC):
        # Depth ("best") waits for the rep's end: a person who pauses and comes up a little
        # often goes deeper again (good mornings, reverse lunges), and swings and whole-rep
        # measurements need the complete rep.
        return False
    return rule.phase in (Phase.DESCENT, Phase.WHOLE_REP) or (bottom_known and rule.phase is Phase.BOTTOM)


def advice_for(exercise: Exercise, stats: FrameStats, view_counts: Counter) -> list[str]:
    """Plain-language notes on what could not be judged and how to set up the camera."""
    notes = []
    if stats.total and stats.no_person == stats.total:
        return ["no person was found in the video: nothing could be judged"]
    if stats.several_people:
        where = _horizontal_place(stats.followed_x_sum / stats.several_people)
        notes.append(f"{stats.several_people} of {stats.total} frames showed more than one person; "
                     f"the largest, most central one was followed (the person {where})")
    def share(count: int) -> str:
        percent = 100.0 * count / max(1, stats.total)
        return f"{percent:.0f}% of frames" if percent >= 1 else f"{count} of {stats.total} frames"

    if stats.no_person:
        notes.append(f"nobody was in view in {share(stats.no_person)}")
        if exercise.lost_person_tip and stats.no_person >= LOST_TIP_SHARE * stats.total:
            notes.append(exercise.lost_person_tip)
    if stats.body_out_of_frame:
        notes.append(f"the legs were not fully in frame in {share(stats.body_out_of_frame)}; "
                     "no reps or cues were judged there (step back so your whole body shows)")
    if stats.shoulders_out_of_frame:
        notes.append(f"the shoulders were out of frame in {share(stats.shoulders_out_of_frame)}; "
                     "cues that need the upper body were not judged there (step back so your "
                     "whole body shows)")
    main_view = max(view_counts, key=view_counts.get) if view_counts else None
    if main_view is not None:
        missing = [r for r in exercise.rules if View(main_view) not in r.views]
        if missing:
            wanted = sorted({str(v) for r in missing for v in r.views})
            stand = how_to_stand(wanted, exercise.front_view_tip)
            notes.append(f"seen mostly from the {main_view}: {', '.join(r.id for r in missing)} "
                         f"cannot be judged from there; {stand}")
    return notes


def how_to_stand(views: list[str], front_view_tip: str | None = None) -> str:
    if "side" in views and "front" in views:
        return "film one set from the front and one side-on to check every cue"
    if "side" in views:
        return "turn your side to the camera to check them"
    return front_view_tip or "face the camera to check them"


def _horizontal_place(x_share: float) -> str:
    if x_share < 0.4:
        return "on the left of the picture"
    if x_share > 0.6:
        return "on the right of the picture"
    return "in the middle of the picture"
