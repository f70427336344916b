"""The spoken-cue track of an analysed video: what the coach would have said, and when."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .arbiter import ArbiterSettings, CueArbiter, Utterance, schedule_speech, utterances_json
from .engine import EngineResult


@dataclass
class VoiceTrack:
    utterances: list[tuple[float, Utterance]]
    audio: Path | None = None
    muxed_into: Path | None = None
    notice: str | None = None       # why there is no audio, when there is none
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"audio": str(self.audio) if self.audio else None,
                "muxed_into": str(self.muxed_into) if self.muxed_into else None,
                "notice": self.notice,
                "utterances": utterances_json(self.utterances)}


def completion_events(result: EngineResult) -> list[tuple[float, int, list]]:
    """(time, rep number, faults) as each rep or hold completed, and (time, None, [fault]) for
    each fault raised while its rep was under way, in time order."""
    events = [(rep.end_s, rep.index, rep.faults) for rep in result.reps]
    events += [(fault.t_s, None, [fault]) for fault in result.early_faults]
    events += [(hold.end_s, hold.index, hold.faults) for hold in result.holds]
    return sorted(events, key=lambda e: (e[0], e[1] is not None))


def build_voice_track(result: EngineResult, duration_s: float, out_dir: Path,
                      annotated_video: Path | None, settings: ArbiterSettings | None = None,
                      voice=None) -> VoiceTrack:
    """Schedule the utterances, speak them to a WAV and mux it into the annotated video.

    Without a speech engine the schedule is still made (with estimated lengths) and returned,
    so the cues are printed and written out; ``notice`` says why there is no audio.
    """
    from .io.speech import SpeechUnavailable, VoiceSettings, mux, sound_of, synthesize, write_track

    events = completion_events(result)
    texts = [f.cue for _, _, faults in events for f in faults] + [str(n) for _, n, _ in events if n is not None]
    texts += ["Nice rep", "Good form", "That's it", "Well done"]
    try:
        sounds, rate = synthesize(texts, voice or VoiceSettings())
    except SpeechUnavailable as exc:
        estimate = lambda u: 0.4 + 0.07 * len(u.text)   # about 14 characters a second
        return VoiceTrack(schedule_speech(events, estimate, CueArbiter(settings)), notice=str(exc))
    timeline = schedule_speech(events, lambda u: sound_of(u, sounds, rate).size / rate, CueArbiter(settings))
    audio = write_track(timeline, sounds, rate, duration_s, out_dir / "spoken_cues.wav")
    track = VoiceTrack(timeline, audio)
    if annotated_video and annotated_video.exists():
        combined = annotated_video.with_name(annotated_video.stem + ".with_audio.mp4")
        if mux(annotated_video, audio, combined):
            os.replace(combined, annotated_video)
            track.muxed_into = annotated_video
        else:
            track.notes.append("ffmpeg not found: the spoken cues are in spoken_cues.wav beside the video")
    return track
