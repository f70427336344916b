"""The live voice: a real speech worker (espeak-ng through pyttsx3) and the LiveVoice glue.

The worker tests use the machine's real engine and skip with its notice where there is none.
LiveVoice is driven through the real arbiter with a stand-in worker that speaks only when the
test says an utterance has finished, so the order of what is said is exact and untimed.
"""

from __future__ import annotations

import time

import pytest

from trainer.arbiter import ArbiterSettings, CueArbiter
from trainer.cues import FormFault
from trainer.engine import FrameStatus, RepResult
from trainer.io.speech import VoiceSettings
from trainer.io.speech_worker import SpeechWorker
from trainer.voice import NO_VOICE_NOTICE, SHOW_FOR_S, LiveVoice

SENTENCE = "Keep your chest up and push your knees out over your toes"


# --- the real worker -------------------------------------------------------------------------

@pytest.fixture
def worker():
    with SpeechWorker() as speech:
        if not speech.available:
            pytest.skip(speech.notice)
        yield speech


def wait_until_quiet(speech: SpeechWorker, limit_s: float = 30.0) -> bool:
    """Poll until the utterance ends; False if it never does (a hung engine)."""
    deadline = time.monotonic() + limit_s
    while speech.busy and time.monotonic() < deadline:
        time.sleep(0.02)
    return not speech.busy


def test_say_returns_while_the_worker_is_still_speaking(worker):
    assert worker.say(SENTENCE)
    assert worker.busy                     # say came back before the sentence was over
    assert not worker.say("Knees out")     # one utterance at a time: refused, not queued
    assert wait_until_quiet(worker)
    assert [text for _, text in worker.log] == [SENTENCE]


def test_the_worker_keeps_speaking_after_the_first_utterance(worker):
    # pyttsx3's espeak driver is known to hang or fall silent on a second runAndWait
    for text in ("One", "Two", "Three"):
        assert worker.say(text)
        assert wait_until_quiet(worker)
    assert [text for _, text in worker.log] == ["One", "Two", "Three"]
    starts = [t for t, _ in worker.log]
    assert starts == sorted(starts)


def test_close_stops_the_worker_mid_utterance(worker):
    process = worker._process
    assert worker.say(SENTENCE * 5)
    worker.close()
    assert not process.is_alive()
    assert not worker.available and not worker.say("Knees out")


def test_muted_worker_logs_but_says_nothing(worker):
    assert worker.toggle_mute()
    assert worker.say("Knees out")
    assert not worker.busy                  # nothing was sent to the engine
    assert [text for _, text in worker.log] == ["Knees out"]
    assert not worker.toggle_mute()


def test_no_speech_engine_gives_a_one_line_notice():
    with SpeechWorker(VoiceSettings(driver="no_such_driver")) as speech:
        assert not speech.available
        assert "no speech engine" in speech.notice and "shown" in speech.notice
        assert "\n" not in speech.notice
        assert not speech.say("Knees out") and speech.log == []


# --- LiveVoice through the real arbiter ----------------------------------------------------------

class StandInWorker:
    """The SpeechWorker API; an utterance lasts until the test calls finish()."""

    def __init__(self, available=True, audible=True, notice=None):
        self.available, self.audible, self.notice = available, audible, notice
        self.muted, self.busy, self.said = False, False, []
        self.refuse_next = False   # the voice got busy between the check and the call

    def say(self, text):
        if not self.available or self.busy or self.refuse_next:
            self.refuse_next = False
            return False
        self.said.append(text)
        self.busy = not self.muted
        return True

    def toggle_mute(self):
        self.muted = not self.muted
        return self.muted

    def finish(self):
        self.busy = False


def fault(rule, priority=1):
    return FormFault(rule, f"fix {rule}", 1.0, 0.0, "deg", 0.0, 1, "both", "front", priority)


def rep_done(index, faults, t_s):
    rep = RepResult(index, "both", t_s - 2, t_s - 1, t_s, "front", {}, faults, [])
    return FrameStatus(t_s, True, True, None, index, False, {}, new_rep=rep)


def live(worker, printed=None, **settings):
    settings.setdefault("rep_numbers", "off")
    printer = printed.append if printed is not None else print
    return LiveVoice(worker, CueArbiter(ArbiterSettings(**settings)), print_cue=printer)


def test_one_utterance_at_a_time_most_urgent_first():
    worker = StandInWorker()
    voice = live(worker, rep_numbers="speak")
    voice.on_status(rep_done(1, [fault("shallow_depth", 2), fault("knee_valgus", 0)], 3.0), 3.0)
    for now in (3.0, 3.1, 3.2):            # busy with the first cue: nothing else starts
        voice.tick(now)
    assert worker.said == ["fix knee_valgus"]
    for now in (3.5, 4.0):
        worker.finish()
        voice.tick(now)
    assert worker.said == ["fix knee_valgus", "fix shallow_depth", "1"]
    assert [t for t, _ in voice.spoken] == [3.0, 3.5, 4.0]


def test_a_cue_is_not_repeated_within_its_cool_down():
    worker = StandInWorker()
    voice = live(worker, cue_cooldown_s=8.0)
    for n, t in enumerate((3.0, 6.0, 12.0), 1):
        voice.on_status(rep_done(n, [fault("chest_drop")], t), t)
        voice.tick(t)
        worker.finish()
    assert [t for t, _ in voice.spoken] == [3.0, 12.0]


def test_a_cue_that_waited_too_long_is_dropped():
    worker = StandInWorker()
    voice = live(worker, stale_s=3.0)
    voice.announce("Set one of goblet squats", 0.0)
    voice.tick(0.0)                          # the announcement keeps the voice busy...
    voice.on_status(rep_done(1, [fault("chest_drop")], 2.0), 2.0)
    voice.tick(2.0)
    worker.finish()
    voice.tick(5.5)                          # ...until the cue is no longer news
    assert worker.said == ["Set one of goblet squats"]


def test_a_refused_utterance_is_kept_for_the_next_frame():
    worker = StandInWorker()
    voice = live(worker)
    voice.on_status(rep_done(1, [fault("chest_drop")], 3.0), 3.0)
    worker.refuse_next = True
    voice.tick(3.0)
    assert worker.said == [] and voice.spoken == []
    voice.tick(3.1)
    assert worker.said == ["fix chest_drop"] and voice.shown == "fix chest_drop"


def test_rep_tone_is_logged_but_not_sent_to_the_voice():
    worker = StandInWorker()
    voice = live(worker, rep_numbers="tone")
    voice.on_status(rep_done(1, [], 3.0), 3.0)
    voice.tick(3.0)
    assert worker.said == [] and [u.kind for _, u in voice.spoken] == ["tone"]


def test_without_a_voice_the_notice_is_printed_once_and_cues_are_printed_and_shown():
    printed = []
    voice = live(None, printed)
    for n, t in enumerate((3.0, 6.0), 1):
        voice.on_status(rep_done(n, [fault(f"rule{n}")], t), t)
        voice.tick(t)
    assert printed == [NO_VOICE_NOTICE, "fix rule1", "fix rule2"]
    assert voice.shown == "fix rule2"
    voice.tick(6.0 + SHOW_FOR_S + 0.1)
    assert voice.shown is None


def test_unheard_cues_are_paced_so_each_can_be_read():
    printed = []
    voice = live(None, printed)
    voice.on_status(rep_done(1, [fault("knee_valgus", 0), fault("shallow_depth", 2)], 3.0), 3.0)
    voice.tick(3.0)
    voice.tick(3.1)
    assert voice.shown == "fix knee_valgus"
    voice.tick(5.0)
    assert voice.shown == "fix shallow_depth"


def test_a_worker_without_an_engine_prints_its_notice_and_the_cues():
    printed = []
    worker = StandInWorker(available=False, notice="no speech engine available; cues are shown")
    voice = live(worker, printed)
    voice.on_status(rep_done(1, [fault("chest_drop")], 3.0), 3.0)
    voice.tick(3.0)
    assert printed == ["no speech engine available; cues are shown", "fix chest_drop"]
    assert worker.said == []


def test_muted_voice_still_shows_the_cue_and_prints_nothing():
    printed = []
    worker = StandInWorker()
    voice = live(worker, printed)
    assert voice.toggle_mute()
    voice.on_status(rep_done(1, [fault("chest_drop")], 3.0), 3.0)
    voice.tick(3.0)
    assert voice.shown == "fix chest_drop" and printed == []


# --- which audio player plays the WAV ---------------------------------------------------------

def test_the_first_player_found_on_the_path_plays_the_clip(tmp_path, monkeypatch):
    from trainer.io.speech_worker import audio_player

    played = tmp_path / "played.txt"
    fake = tmp_path / "paplay"   # aplay missing: the next player in line
    fake.write_text(f"#!/bin/sh\necho \"$@\" > {played}\n")
    fake.chmod(0o755)
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("PATH", str(tmp_path))
    audio_player()(tmp_path / "cue.wav")
    assert played.read_text().split() == [str(tmp_path / "cue.wav")]
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    assert audio_player() is None


def test_windows_plays_the_clip_with_winsound(tmp_path, monkeypatch):
    import sys
    import types

    from trainer.io.speech_worker import audio_player

    calls = []
    winsound = types.SimpleNamespace(SND_FILENAME=0x20000, PlaySound=lambda *args: calls.append(args))
    monkeypatch.setitem(sys.modules, "winsound", winsound)   # the OS sound API is the boundary
    monkeypatch.setattr("sys.platform", "win32")
    audio_player()(tmp_path / "cue.wav")
    assert calls == [(str(tmp_path / "cue.wav"), 0x20000)]
