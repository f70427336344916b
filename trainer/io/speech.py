"""Speech: pyttsx3 voices for the spoken cues, live (``SpeechWorker``) and as the spoken-cue
audio track of a recorded video.

pyttsx3 needs a system speech engine (espeak-ng on Linux). Without one, ``SpeechUnavailable``
says so in one line and callers fall back to showing and printing the cues.
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import queue
import shutil
import signal
import subprocess
import tempfile
import time
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..arbiter import Utterance
from .quiet import native_stderr_silenced

TONE_HZ, TONE_S = 880.0, 0.15
AUDIO_PLAYERS = (("aplay", "-q"), ("paplay",), ("afplay",))   # WAV players, first found wins
READY_TIMEOUT_S = 20.0   # the worker process imports pyttsx3 and starts the engine
CLOSE_TIMEOUT_S = 1.0
NO_VOICE = "cues are shown and printed instead"


class SpeechUnavailable(Exception):
    """No speech engine on this machine (one line saying what to install)."""


@dataclass(frozen=True)
class VoiceSettings:
    voice: str | None = None    # a pyttsx3 voice id or name fragment, e.g. "en-us"
    rate: int | None = None     # words per minute
    volume: float | None = None  # 0..1
    driver: str | None = None   # pyttsx3 driver name (espeak, sapi5, nsss); None: the platform's own


def _engine(settings: VoiceSettings):
    try:
        import pyttsx3
        with native_stderr_silenced():
            engine = pyttsx3.init(settings.driver)
    except Exception as exc:  # pyttsx3 raises many kinds when no driver or engine is present
        raise SpeechUnavailable(f"no speech engine available ({type(exc).__name__}: {exc}); "
                                "install espeak-ng (Linux) for spoken cues") from None
    if settings.voice:
        match = [v for v in engine.getProperty("voices")
                 if settings.voice.lower() in (v.id + " " + (v.name or "")).lower()]
        if match:
            engine.setProperty("voice", match[0].id)
    if settings.rate:
        engine.setProperty("rate", settings.rate)
    if settings.volume is not None:
        engine.setProperty("volume", max(0.0, min(1.0, settings.volume)))
    return engine


def synthesize(texts: list[str], settings: VoiceSettings = VoiceSettings()) -> tuple[dict[str, np.ndarray], int]:
    """Each distinct text spoken to samples (mono int16) and the common sample rate."""
    engine = _engine(settings)
    unique = sorted(set(t for t in texts if t))
    sounds, rate = {}, 22050
    with tempfile.TemporaryDirectory() as folder:
        paths = {text: Path(folder) / f"{i}.wav" for i, text in enumerate(unique)}
        for text, path in paths.items():
            # One file per run: the espeak driver keeps only the last of several queued saves.
            engine.save_to_file(text, str(path))
            with contextlib.redirect_stdout(io.StringIO()), native_stderr_silenced():
                engine.runAndWait()   # pyttsx3 prints a line per saved file
        for text, path in paths.items():
            samples, rate = _read_wav(path)
            sounds[text] = samples
    return sounds, rate


def _read_wav(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as wav:
        frames = wav.readframes(wav.getnframes())
        samples = np.frombuffer(frames, dtype=np.int16)
        if wav.getnchannels() > 1:
            samples = samples.reshape(-1, wav.getnchannels())[:, 0]
        return samples.copy(), wav.getframerate()


def tone(rate: int) -> np.ndarray:
    t = np.arange(int(TONE_S * rate)) / rate
    envelope = np.minimum(1.0, np.minimum(t, TONE_S - t) * 40)   # no clicks at the edges
    return (0.3 * 32767 * envelope * np.sin(2 * np.pi * TONE_HZ * t)).astype(np.int16)


def sound_of(utterance: Utterance, sounds: dict[str, np.ndarray], rate: int) -> np.ndarray:
    return tone(rate) if utterance.kind == "tone" else sounds.get(utterance.text, np.zeros(0, np.int16))


def write_track(timeline: list[tuple[float, Utterance]], sounds: dict[str, np.ndarray], rate: int,
                duration_s: float, out: Path) -> Path:
    """A mono WAV as long as the video with each utterance placed at its start time."""
    track = np.zeros(int(duration_s * rate) + 1, dtype=np.int16)
    for start_s, utterance in timeline:
        sound = sound_of(utterance, sounds, rate)
        at = int(start_s * rate)
        end = min(track.size, at + sound.size)
        if end > at:
            track[at:end] = sound[: end - at]
    with wave.open(str(out), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(track.tobytes())
    return out


def mux(video: Path, audio: Path, out: Path) -> bool:
    """Put the audio track into the video with ffmpeg; False (nothing written) without ffmpeg."""
    ffmpeg = shutil.which("ffmpeg")
    if not ffmpeg:
        return False
    result = subprocess.run([ffmpeg, "-loglevel", "error", "-y", "-i", str(video), "-i", str(audio),
                             "-map", "0:v:0", "-map", "1:a:0", "-c:v", "copy", "-c:a", "aac",
                             "-shortest", str(out)], capture_output=True)
    return result.returncode == 0 and out.exists()


def audio_player() -> list[str] | None:
    """The command that plays a WAV file on this machine, or None (nothing can be heard)."""
    for name, *args in AUDIO_PLAYERS:
        if path := shutil.which(name):
            return [path, *args]
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
        engine = _engine(settings)
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


def _say_once(engine, text: str, clip: Path, player: list[str] | None) -> None:
    """Speak to a WAV, then play it. The espeak driver's own playback (aplay through a shell,
    silently nothing without it) cannot be stopped or checked. Without a player the worker
    stays busy as long as the words take, so cues are paced the same on a silent machine."""
    clip.unlink(missing_ok=True)
    engine.save_to_file(text, str(clip))
    engine.runAndWait()
    if player:
        subprocess.run([*player, str(clip)], check=False)
    else:
        samples, rate = _read_wav(clip)
        time.sleep(samples.size / rate)


def _silence_terminal() -> None:
    """The worker's drivers print a line per saved file and native warnings: not for the user."""
    with open(os.devnull, "wb") as devnull:
        os.dup2(devnull.fileno(), 1)
        os.dup2(devnull.fileno(), 2)
