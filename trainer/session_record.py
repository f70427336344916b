"""What a live session or workout keeps: its record (session.json, rewritten atomically after
every rep), how it ended, its row in the workout history and its report."""

from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .arbiter import utterances_json
from .io.camera import CameraLost
from .io.files import write_text_atomically

if TYPE_CHECKING:
    from .report.timeline import SectionRecorder

CLEAN_ENDINGS = ("finished", "quit", "skipped")


@dataclass
class LiveSession:
    """What happened in one live exercise; ``ended`` says how it stopped."""

    exercise: str
    camera: str
    path: Path
    started_at: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))
    reps: list = field(default_factory=list)      # (t_s it was reported, RepResult)
    holds: list = field(default_factory=list)     # (t_s it was reported, HoldResult)
    utterances: list = field(default_factory=list)  # (t_s it started, Utterance)
    ended: str = "running"
    report_path: Path | None = None
    frames: int = 0
    frames_with_person: int = 0
    dropped_frames: int = 0
    duration_s: float = 0.0

    @property
    def clean_end(self) -> bool:
        return self.ended in CLEAN_ENDINGS

    def to_json(self) -> dict:
        reps = [{"index": r.index, "side": r.side, "t_s": round(t, 3), "start_s": round(r.start_s, 3),
                 "end_s": round(r.end_s, 3), "cues": [f.rule_id for f in r.faults],
                 "said": self._said_for(i, self.reps)} for i, (t, r) in enumerate(self.reps)]
        holds = [{"index": h.index, "side": h.side, "t_s": round(t, 3), "held_s": h.held_s,
                  "cues": [f.rule_id for f in h.faults], "said": self._said_for(i, self.holds)}
                 for i, (t, h) in enumerate(self.holds)]
        return {"exercise": self.exercise, "camera": self.camera, "started_at": self.started_at,
                "ended": self.ended, "duration_s": round(self.duration_s, 2),
                "frames": {"processed": self.frames, "with_person": self.frames_with_person,
                           "dropped": self.dropped_frames},
                "reps": reps, "holds": holds, "utterances": utterances_json(self.utterances)}

    def _said_for(self, i: int, events: list) -> list[str]:
        """Rule ids of this item's cues that were spoken from its start (a fault certain before
        the rep ended is said during it) until the next item was reported."""
        _, item = events[i]
        until = events[i + 1][0] if i + 1 < len(events) else float("inf")
        rules = {f.rule_id for f in item.faults}
        return [u.rule_id for s, u in self.utterances
                if u.kind == "cue" and u.rule_id in rules and item.start_s <= s < until]

    def save(self) -> None:
        """Write session.json atomically: a reader never sees half a file."""
        write_text_atomically(self.path, json.dumps(self.to_json(), indent=2) + "\n")


@contextmanager
def ending_recorded(record, before_save: Callable[[], None] = lambda: None):
    """Run a session, writing how it ended into ``record.ended`` (a lost camera, Ctrl-C, a crash,
    which is raised again) and saving the record whatever happens."""
    try:
        yield
    except CameraLost as exc:
        record.ended = f"camera lost: {exc}"
    except KeyboardInterrupt:
        record.ended = "interrupted"
    except BaseException as exc:
        record.ended = f"crashed: {type(exc).__name__}: {exc}"
        raise
    finally:
        before_save()
        record.save()


@contextmanager
def history_finished(history, record):
    """Close the session in the history (if kept) with how ``record`` ended, whatever happens."""
    try:
        yield
    finally:
        if history is not None:
            history.finish(record.ended, record.duration_s, record.report_path)


def write_session_report(out_dir: Path, title: str, record, recorders: list[SectionRecorder]) -> Path:
    """report.html with its JSON and CSV data, one section per exercise (a LiveSession or a
    workout record gives the when, where and how it ended)."""
    from .report.exports import write_report   # matplotlib loads only now, after the session

    subtitle = (f"Started {record.started_at} (UTC) on camera {record.camera}; {record.duration_s:.0f} s; "
                f"ended: {record.ended}. A new set starts whenever counting restarts.")
    return write_report(out_dir, title, subtitle, [recorder.section() for recorder in recorders])
