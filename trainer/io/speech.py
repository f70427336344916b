"""Speech: pyttsx3 voices for the spoken cues, and the spoken-cue audio track of a recorded
video (live speech is ``speech_worker.SpeechWorker``).

pyttsx3 needs a system speech engine (espeak-ng on Linux). Without one, ``SpeechUnavailable``
says so in one line and callers fall back to showing and printing the cues.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..arbiter import Utterance
from .quiet import native_stderr_silenced

TONE_HZ, TONE_S = 880.0, 0.15


class SpeechUnavailable(Exception):
    """No speech engine on this machine (one line saying what to install)."""


@dataclass(frozen=True)
class VoiceSettings:
    voice: str | None = None    # a pyttsx3 voice id or name fragment, e.g. "en-us"
    rate: int | None = None     # words per minute
    volume: float | None = None  # 0..1
    driver: str | None = None   # pyttsx3 driver name (espeak, sapi5, nsss); None: the platform's own


def make_engine(settings: VoiceSettings):
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
    engine = make_engine(settings)
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
            samples, rate = read_wav(path)
            sounds[text] = samples
    return sounds, rate


def read_wav(path: Path) -> tuple[np.ndarray, int]:
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
