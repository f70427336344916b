from trainer.arbiter import ArbiterSettings, CueArbiter, schedule_speech
from trainer.cues import FormFault


def fault(rule, priority=1, cue=None):
    return FormFault(rule, cue or f"fix {rule}", 1.0, 0.0, "deg", 0.0, 1, "both", "front", priority)


def said(timeline):
    return [u.text for _, u in timeline]


def test_safety_cue_goes_before_depth_and_one_voice_at_a_time():
    arbiter = CueArbiter(ArbiterSettings(rep_numbers="off"))
    arbiter.on_rep(1, [fault("shallow_depth", 2), fault("knee_valgus", 0)], 3.0)
    assert arbiter.next(3.0).rule_id == "knee_valgus"
    assert arbiter.next(4.0).rule_id == "shallow_depth"
    assert arbiter.next(5.0) is None


def test_same_cue_is_not_repeated_within_its_cool_down():
    timeline = schedule_speech([(t, n, [fault("chest_drop")]) for n, t in enumerate((3, 6, 9, 12), 1)],
                               lambda u: 1.0, CueArbiter(ArbiterSettings(rep_numbers="off", cue_cooldown_s=8)))
    assert [round(t) for t, _ in timeline] == [3, 12]


def test_stale_cues_are_dropped_not_queued():
    arbiter = CueArbiter(ArbiterSettings(rep_numbers="off", stale_s=2.0))
    arbiter.on_rep(1, [fault("chest_drop")], 1.0)
    assert arbiter.next(5.0) is None


def test_rep_numbers_then_praise_now_and_then():
    events = [(3.0 * n, n, []) for n in range(1, 9)]
    timeline = schedule_speech(events, lambda u: 0.5, CueArbiter(ArbiterSettings(praise_every=4)))
    assert said(timeline) == ["1", "2", "3", "4", "Nice rep", "5", "6", "7", "8", "Good form"]


def test_a_long_utterance_delays_the_next_and_old_rep_numbers_are_skipped():
    events = [(1.0, 1, [fault("knee_valgus", 0)]), (1.5, 2, []), (2.0, 3, [])]
    timeline = schedule_speech(events, lambda u: 2.0 if u.kind == "cue" else 0.4,
                               CueArbiter(ArbiterSettings(praise_every=99)))
    # The cue wins at 1.0; by 3.0 rep numbers 2 and 3 wait and only "3" is said.
    assert said(timeline) == ["fix knee_valgus", "3"]
    assert timeline[1][0] == 3.0


def test_a_fault_said_during_its_rep_is_not_said_again_when_the_rep_ends():
    events = [(1.2, None, [fault("knee_valgus", 0)]), (2.5, 1, [fault("knee_valgus", 0)])]
    timeline = schedule_speech(events, lambda u: 0.5, CueArbiter(ArbiterSettings(rep_numbers="speak")))
    assert [(t, u.text) for t, u in timeline] == [(1.2, "fix knee_valgus"), (2.5, "1")]
