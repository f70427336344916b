"""The live voice: the cue arbiter's choices said by the speech worker, shown, or printed.

The camera loop calls ``on_status`` with each frame's engine status and ``tick`` once a frame;
nothing here ever waits on speech. The worker is anything with the ``SpeechWorker`` API
(``available``, ``audible``, ``notice``, ``busy``, ``muted``, ``say``, ``toggle_mute``), or
None for ``--no-voice``. Without a voice that can be heard, a one-line notice is printed once
and every cue is printed instead; the current cue is always kept in ``shown`` for the overlay.
"""

from __future__ import annotations

from typing import Callable

from .arbiter import CueArbiter, Utterance
from .engine import FrameStatus

SHOW_FOR_S = 2.5       # how long a cue stays on screen
SHOWN_KINDS = ("cue", "announce", "praise")   # rep numbers are on the counter already
NO_VOICE_NOTICE = "voice off (--no-voice): cues are shown and printed instead"


class LiveVoice:
    """The arbiter's choices, one at a time, to the voice or (unheard) to the screen and terminal.

    ``spoken`` lists (time, utterance) for everything delivered, on the caller's clock; tones
    and muted utterances included. ``shown`` is the cue text for the overlay, or None.
    """

    def __init__(self, worker=None, arbiter: CueArbiter | None = None,
                 print_cue: Callable[[str], None] = print) -> None:
        self.worker = worker
        self.arbiter = arbiter or CueArbiter()
        self.print_cue = print_cue
        self.spoken: list[tuple[float, Utterance]] = []   # on the caller's clock
        self.shown: str | None = None
        self._shown_since = 0.0
        self._held: Utterance | None = None   # chosen by the arbiter, refused by a busy worker
        self._quiet_until = 0.0   # unheard cues are paced as if spoken, so each can be read
        if not self.heard:
            notice = worker.notice if worker is not None else NO_VOICE_NOTICE
            print_cue(notice or "no voice: cues are shown and printed instead")

    @property
    def heard(self) -> bool:
        """Whether utterances can be heard here (an audible worker; muting aside)."""
        return self.worker is not None and self.worker.available and self.worker.audible

    def on_status(self, status: FrameStatus, now_s: float) -> None:
        """A frame's engine status: faults certain before their rep ends, and a rep or hold
        completed on it, are handed to the arbiter."""
        if status.early_faults:
            self.arbiter.on_early_faults(status.early_faults, now_s)
        for finished in (status.new_rep, status.new_hold):
            if finished is not None:
                self.arbiter.on_rep(finished.index, finished.faults, now_s)

    def announce(self, text: str, now_s: float) -> None:
        self.arbiter.announce(text, now_s)

    def tick(self, now_s: float) -> None:
        """Once a frame: expire the shown cue; when the voice is free, say the next thing."""
        if self.shown is not None and now_s - self._shown_since > SHOW_FOR_S:
            self.shown = None
        if not self._voice_free(now_s):
            return
        utterance = self._held or self.arbiter.next(now_s)
        self._held = None
        if utterance is None or self._stale(utterance, now_s):
            return
        if utterance.kind != "tone" and self.heard and not self.worker.say(utterance.text):
            self._held = utterance   # the worker got busy in between: try again next frame
            return
        self._deliver(utterance, now_s)

    def toggle_mute(self) -> bool:
        """Key `m`: silence the voice (cues are still shown). True when now muted."""
        return self.worker.toggle_mute() if self.worker is not None else True

    def _voice_free(self, now_s: float) -> bool:
        if self.heard and not self.worker.muted:
            return not self.worker.busy
        return now_s >= self._quiet_until

    def _deliver(self, utterance: Utterance, now_s: float) -> None:
        self.spoken.append((now_s, utterance))
        self._quiet_until = now_s + speaking_time_s(utterance)
        if utterance.kind in SHOWN_KINDS:
            self.shown, self._shown_since = utterance.text, now_s
            if not self.heard:
                self.print_cue(utterance.text)

    def _stale(self, utterance: Utterance, now_s: float) -> bool:
        return (utterance.kind != "announce"
                and now_s - utterance.t_s > self.arbiter.settings.stale_s)


def speaking_time_s(utterance: Utterance) -> float:
    """About how long saying it takes (some 14 characters a second; a tone is short)."""
    return 0.2 if utterance.kind == "tone" else 0.4 + 0.07 * len(utterance.text)
