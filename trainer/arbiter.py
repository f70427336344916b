"""The cue arbiter: decides what the coach says, and when, from the engine's reps and faults.

Pure logic. A fault reaches the voice only once the engine is sure of it: when its rep (or
hold) is complete, or earlier for a fault that has already held long enough that the rest of
the rep cannot undo it (``on_early_faults``), so a one-frame glitch never speaks. Then: one
utterance at a time, the most urgent first (safety cues such as a caving knee before depth),
each cue silenced for a cool-down after it is spoken, cues that waited too long dropped rather
than queued, rep numbers spoken (or a tone) if wanted, and short praise now and then after a
clean rep.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .cues import FormFault

PRAISE = ("Nice rep", "Good form", "That's it", "Well done")


@dataclass(frozen=True, order=True)
class Utterance:
    """Something to say. Ordered by urgency: lower priority number first, then older first."""

    priority: int
    t_s: float
    text: str = field(compare=False)
    kind: str = field(compare=False, default="cue")       # cue | rep | praise | announce
    rule_id: str | None = field(compare=False, default=None)


@dataclass
class ArbiterSettings:
    cue_cooldown_s: float = 8.0     # the same correction at most this often
    stale_s: float = 3.0            # a cue not said within this long is no longer news
    rep_numbers: str = "speak"      # speak | tone | off
    praise_every: int = 4           # praise at most every Nth clean rep in a row

    def __post_init__(self) -> None:
        if self.rep_numbers not in ("speak", "tone", "off"):
            raise ValueError("rep_numbers must be 'speak', 'tone' or 'off'")


class CueArbiter:
    def __init__(self, settings: ArbiterSettings | None = None) -> None:
        self.settings = settings or ArbiterSettings()
        self._pending: list[Utterance] = []
        self._last_said: dict[str, float] = {}
        self._clean_streak = 0

    def on_rep(self, rep_number: int, faults: list[FormFault], now_s: float) -> None:
        """A rep just completed with these faults."""
        if self.settings.rep_numbers == "speak":
            self._pending.append(Utterance(5, now_s, str(rep_number), "rep"))
        elif self.settings.rep_numbers == "tone":
            self._pending.append(Utterance(5, now_s, "", "tone"))
        self._queue_cues(faults, now_s)
        self._clean_streak = 0 if faults else self._clean_streak + 1
        if self._clean_streak and self._clean_streak % self.settings.praise_every == 0:
            praise = PRAISE[(self._clean_streak // self.settings.praise_every - 1) % len(PRAISE)]
            self._pending.append(Utterance(6, now_s, praise, "praise"))

    def on_early_faults(self, faults: list[FormFault], now_s: float) -> None:
        """Faults already certain while their rep is under way: said now, and not again when
        the rep completes with them (the cool-down)."""
        self._queue_cues(faults, now_s)

    def _queue_cues(self, faults: list[FormFault], now_s: float) -> None:
        for fault in faults:
            self._pending.append(Utterance(fault.priority, now_s, fault.cue, "cue", fault.rule_id))

    def announce(self, text: str, now_s: float) -> None:
        """Set-up advice and routine announcements: said before any cue."""
        self._pending.append(Utterance(-1, now_s, text, "announce"))

    def next(self, now_s: float) -> Utterance | None:
        """The one thing to say now (call when the voice is free), or None."""
        self._pending = [u for u in self._pending if not self._stale(u, now_s)]
        reps = [u for u in self._pending if u.kind in ("rep", "tone")]
        if len(reps) > 1:  # only the latest rep number is worth saying
            newest = max(reps, key=lambda u: u.t_s)
            self._pending = [u for u in self._pending if u.kind not in ("rep", "tone") or u is newest]
        while self._pending:
            choice = min(self._pending)
            self._pending.remove(choice)
            if choice.kind == "cue":
                last = self._last_said.get(choice.rule_id)
                if last is not None and now_s - last < self.settings.cue_cooldown_s:
                    continue
                self._last_said[choice.rule_id] = now_s
            return choice
        return None

    def _stale(self, utterance: Utterance, now_s: float) -> bool:
        return utterance.kind != "announce" and now_s - utterance.t_s > self.settings.stale_s


def utterances_json(timeline) -> list[dict]:
    """(start time, Utterance) pairs as the JSON records every session file keeps."""
    return [{"t_s": round(t, 3), "text": u.text, "kind": u.kind, "rule": u.rule_id} for t, u in timeline]


def schedule_speech(events, duration_of, arbiter: CueArbiter | None = None) -> list[tuple[float, Utterance]]:
    """When each utterance starts, for a recorded video: the same choices as live coaching.

    events: (t_s, rep_number, faults) per completed rep, and (t_s, None, faults) for faults
    raised while a rep was under way, in time order. duration_of(utterance)
    gives how long saying it takes. One voice: the next utterance starts when the last ends.
    """
    arbiter = arbiter or CueArbiter()
    timeline: list[tuple[float, Utterance]] = []
    voice_free_s = 0.0
    events = list(events)
    for i, (t_s, rep_number, faults) in enumerate(events):
        if rep_number is None:
            arbiter.on_early_faults(faults, t_s)
        else:
            arbiter.on_rep(rep_number, faults, t_s)
        next_event_s = events[i + 1][0] if i + 1 < len(events) else float("inf")
        while (start := max(voice_free_s, t_s)) < next_event_s:
            utterance = arbiter.next(start)
            if utterance is None:
                break
            timeline.append((start, utterance))
            voice_free_s = start + duration_of(utterance)
    return timeline
