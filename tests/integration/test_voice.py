"""Spoken cues of an analysed video: real pyttsx3 (espeak-ng) where the machine has it."""

from __future__ import annotations

import json
import wave
from pathlib import Path

import numpy as np
import pytest

from trainer.analysis import analyze_video

pytestmark = pytest.mark.slow
SAMPLE = Path(__file__).resolve().parents[2] / "sample_videos" / "goblet_squat_front.mp4"


def speech_engine_present() -> bool:
    from trainer.io.speech import SpeechUnavailable, synthesize
    try:
        synthesize(["test"])
        return True
    except SpeechUnavailable:
        return False


@pytest.mark.skipif(not speech_engine_present(), reason="no speech engine (install espeak-ng)")
def test_spoken_cue_track_is_aligned_with_the_faulty_reps(model_info, tmp_path):
    analysis = analyze_video(SAMPLE, "goblet_squat", tmp_path, model_info, speak=True)
    data = json.loads((tmp_path / "analysis.json").read_text())
    cues = [u for u in data["speech"]["utterances"] if u["kind"] == "cue"]
    faulty = {r["index"]: r for r in data["reps"] if r["cues"]}
    assert [u["rule"] for u in cues] == [faulty[i]["cues"][0] for i in sorted(faulty)]
    for utterance, index in zip(cues, sorted(faulty)):   # a caving knee is said during its rep
        assert faulty[index]["start_s"] <= utterance["t_s"] < faulty[index]["end_s"] + 1.5
    with wave.open(str(tmp_path / "spoken_cues.wav")) as wav:
        rate = wav.getframerate()
        samples = np.frombuffer(wav.readframes(wav.getnframes()), np.int16)
    assert abs(samples.size / rate - data["video"]["frames"] / data["video"]["fps"]) < 0.1
    first = int(cues[0]["t_s"] * rate)
    assert np.abs(samples[first: first + rate // 2]).max() > 1000      # speech where scheduled
    assert np.abs(samples[: int(rate * 0.5)]).max() == 0              # silence before any rep
    assert analysis.voice.muxed_into == analysis.annotated_video or analysis.voice.notes


def test_without_a_speech_engine_the_cues_are_still_listed(model_info, tmp_path, monkeypatch):
    import pyttsx3

    def no_engine(*args, **kwargs):
        raise RuntimeError("no espeak")
    monkeypatch.setattr(pyttsx3, "init", no_engine)   # the machine's speech engine is the boundary
    analysis = analyze_video(SAMPLE, "goblet_squat", tmp_path, model_info, write_video=False, speak=True)
    assert "no speech engine" in analysis.voice.notice and analysis.voice.audio is None
    assert any(u.kind == "cue" for _, u in analysis.voice.utterances)
