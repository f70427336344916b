"""Live speech: ``SpeechWorker`` says one text at a time in its own process, so the camera loop
never waits on the voice."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from .speech import SpeechUnavailable, VoiceSettings, make_engine, read_wav

AUDIO_PLAYERS = (("aplay", "-q"), ("paplay",), ("afplay",))   # WAV players (Linux, macOS), first found wins
READY_TIMEOUT_S = 20.0   # the worker process imports pyttsx3 and starts the engine
CLOSE_TIMEOUT_S = 1.0
NO_VOICE = "cues are shown and printed instead"


def audio_player() -> Callable[[Path], None] | None:
    """What plays a WAV file on this machine to its end, or None (nothing can be heard):
    Windows' own winsound, else the first command of ``AUDIO_PLAYERS`` found."""
    if sys.platform == "win32":
        import winsound

        return lambda clip: winsound.PlaySound(str(clip), winsound.SND_FILENAME)
    for name, *args in AUDIO_PLAYERS:
        if path := shutil.which(name):
            return lambda clip, command=[path, *args]: subprocess.run([*command, str(clip)], check=False)
    return None


class SpeechWorker:
    """Says one text at a time in a separate process, so the camera loop never waits on speech.

    A process, not a thread: pyttsx3's run loop blocks the thread that runs it, its drivers have
    known hangs and silences on a second ``runAndWait`` in some versions, and a process can
    always be stopped, even mid-sentence. The engine is created inside the worker. ``log`` keeps
    (monotonic start time, text) for every text accepted by ``say``, muted or not.
    """

    def __init__(self, settings: VoiceSettings = VoiceSettings()) -> None:
        self.log: list[tuple[float, str]] = []
        self.muted = False
        self.available = self.audible = False
        self.notice: str | None = None
        context = multiprocessing.get_context("spawn")   # forking a process with camera threads is unsafe
        self._busy, self._texts, reports = context.Event(), context.Queue(), context.Queue()
        self._process = context.Process(target=_speak_forever, name="speech", daemon=True,
                                        args=(settings, self._texts, self._busy, reports))
        self._process.start()
        kind, detail = self._first_report(reports)
        if kind == "ready":
            self.available, self.audible = True, bool(detail)
            if not self.audible:
                self.notice = f"no audio player found (aplay, paplay or afplay): {NO_VOICE}"
        else:
            self.notice = f"{detail}; {NO_VOICE}"
            self.close()

    def _first_report(self, reports) -> tuple[str, object]:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while time.monotonic() < deadline:
            with contextlib.suppress(queue.Empty):
                return reports.get(timeout=0.2)
            if not self._process.is_alive() and reports.empty():
                return "unavailable", "the speech worker stopped while starting"
        return "unavailable", f"the speech engine did not start within {READY_TIMEOUT_S:g} s"

    @property
    def busy(self) -> bool:
        """An utterance is being spoken."""
        return self._busy.is_set()

    def toggle_mute(self) -> bool:
        self.muted = not self.muted
        return self.muted

    def say(self, text: str) -> bool:
        """Start saying text and return at once; False (nothing logged) when busy or unavailable."""
        if not self.available or self.busy:
            return False
        self.log.append((time.monotonic(), text))
        if not self.muted:
            self._busy.set()   # set here, cleared by the worker: busy from this very moment
            self._texts.put(text)
        return True

    def close(self) -> None:
        """Stop the worker: let it finish when idle, stop it mid-utterance otherwise; never hangs."""
        process, self._process, self.available = self._process, None, False
        if process is None:
            return
        if process.is_alive() and not self.busy:
            self._texts.put(None)
            process.join(CLOSE_TIMEOUT_S)
        if process.is_alive():
            with contextlib.suppress(AttributeError, OSError):   # no process groups on Windows
                os.killpg(process.pid, signal.SIGTERM)   # the worker and its audio player
            process.terminate()
            process.join(CLOSE_TIMEOUT_S)
        if process.is_alive():
            process.kill()
            process.join(CLOSE_TIMEOUT_S)
        self._texts.cancel_join_thread()   # never wait at exit for texts nobody will read
        self._busy.clear()

    def __enter__(self) -> "SpeechWorker":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _speak_forever(settings: VoiceSettings, texts, busy, reports) -> None:
    """The worker process: start the engine, report, then say each text until None arrives."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpgrp()   # its own process group, so close() stops the audio player too
    _silence_terminal()
    try:
        engine = make_engine(settings)
    except SpeechUnavailable as exc:
        reports.put(("unavailable", str(exc)))
        return
    player = audio_player()
    reports.put(("ready", player is not None))
    with tempfile.TemporaryDirectory() as folder:
        clip = Path(folder) / "utterance.wav"
        while (text := _next_text(texts)) is not None:
            with contextlib.suppress(Exception):   # one bad utterance must not end the voice
                _say_once(engine, text, clip, player)
            busy.clear()


def _next_text(texts) -> str | None:
    """The next text to say; None when told to stop, or when the camera process has died
    without closing the worker (so no orphan is left waiting forever)."""
    parent = multiprocessing.parent_process()
    while True:
        with contextlib.suppress(queue.Empty):
            return texts.get(timeout=1.0)
        if parent is not None and not parent.is_alive():
            return None


def _say_once(engine, text: str, clip: Path, player: Callable[[Path], None] | None) -> None:
    """Speak to a WAV, then play it. The espeak driver's own playback (aplay through a shell,
    silently nothing without it) cannot be stopped or checked. Without a player the worker
    stays busy as long as the words take, so cues are paced the same on a silent machine."""
    clip.unlink(missing_ok=True)
    engine.save_to_file(text, str(clip))
    engine.runAndWait()
    if player:
        player(clip)
    else:
        samples, rate = read_wav(clip)
        time.sleep(samples.size / rate)


def _silence_terminal() -> None:
    """The worker's drivers print a line per saved file and native warnings: not for the user."""
    with open(os.devnull, "wb") as devnull:
        os.dup2(devnull.fileno(), 1)
        os.dup2(devnull.fileno(), 2)
