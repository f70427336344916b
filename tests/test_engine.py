"""The exercise engine on synthetic landmark sequences (no model, no video)."""

from builders import squat_sequence, to_frame, squat_world
from trainer.engine import ExerciseEngine
from trainer.exercises import get_exercise
from trainer.pose import PoseFrame


def run(frames):
    engine = ExerciseEngine(get_exercise("goblet_squat"), 30.0)
    for frame in frames:
        engine.update(frame)
    return engine.result()


def cues_by_rep(result):
    return {rep.index: [f.rule_id for f in rep.faults] for rep in result.reps}


def test_front_view_counts_reps_and_catches_knees_caving_on_that_rep_only():
    result = run(squat_sequence(4, view="front", knees_in_on=(2,)))
    assert cues_by_rep(result) == {1: [], 2: ["knee_valgus"], 3: [], 4: []}
    # Chest and back cannot be judged from the front: not judged, and the user is told how to stand.
    assert all({"chest_drop", "back_rounding"} <= set(rep.unjudged) for rep in result.reps)
    assert any("turn your side to the camera" in note for note in result.advice)


def test_side_view_catches_chest_drop_and_never_judges_knee_tracking():
    result = run(squat_sequence(4, view="side", lean_on=(3,), knees_in_on=(1,)))
    assert cues_by_rep(result) == {1: [], 2: [], 3: ["chest_drop"], 4: []}
    assert all("knee_valgus" in rep.unjudged for rep in result.reps)


def test_shallow_reps_get_the_depth_cue_from_either_view():
    for view in ("front", "side"):
        result = run(squat_sequence(3, view=view, depth=75))
        assert [ids for ids in cues_by_rep(result).values()] == [["shallow_depth"]] * 3


def test_jittery_landmarks_still_count_exactly():
    result = run(squat_sequence(5, view="front", noise_px=2.0, seed=7))
    assert len(result.reps) == 5


def test_no_reps_or_cues_while_legs_are_out_of_frame():
    frames = squat_sequence(3, view="side")
    hidden = []
    for frame in frames:
        vis = frame.visibility.copy()
        if frame.t_s < 2.5:  # legs hidden until the middle of the first rep (1-3 s)
            vis[23:] = 0.1
        hidden.append(PoseFrame(frame.t_s, frame.index, frame.image_size, frame.xy, frame.world,
                                vis, vis, 1))
    result = run(hidden)
    assert len(result.reps) == 2
    assert any("not fully in frame" in note for note in result.advice)


def test_nobody_in_view_gives_no_reps_and_says_so():
    frames = [PoseFrame.empty(i / 30, i, (1280, 720)) for i in range(90)]
    result = run(frames)
    assert result.reps == [] and result.advice == ["no person was found in the video: nothing could be judged"]


def test_two_people_are_reported():
    frames = [to_frame(squat_world(10), i / 30, i, "front", people=2) for i in range(30)]
    result = run(frames)
    assert any("more than one person" in note and "the person in the middle of the picture" in note
               for note in result.advice)


def test_a_camera_cut_restarts_tracking_instead_of_inventing_a_rep():
    frames = squat_sequence(2, view="side")
    cut = []
    for frame in frames:
        if frame.t_s >= 2.0:   # mid-rep 1 the picture jumps: the person is suddenly elsewhere
            frame = frame.with_points(frame.xy * 0.6 + [300, 100], frame.world)
        cut.append(frame)
    engine = ExerciseEngine(get_exercise("goblet_squat"), 30.0)
    for frame in cut:
        engine.update(frame)
    result = engine.result()
    assert result.stats.camera_cuts == 1
    assert [rep.index for rep in result.reps] == [1] and result.reps[0].start_s > 3.0


def test_upper_body_out_of_frame_is_reported_and_its_cues_not_judged():
    frames = []
    for frame in squat_sequence(2, view="side", lean_on=(1, 2)):
        xy = frame.xy.copy()
        xy[:23, 1] -= 800            # camera aimed low: head and shoulders above the picture
        frames.append(frame.with_points(xy, frame.world))
    result = run(frames)
    assert len(result.reps) == 2
    assert all(not rep.faults for rep in result.reps)   # the leaning chest cannot be seen
    assert any("shoulders were out of frame" in note for note in result.advice)


def test_a_few_glitched_frames_are_skipped_without_losing_the_rep():
    frames = []
    for frame in squat_sequence(2, view="side"):
        if 30 <= frame.index < 34:    # the model flips the body for four frames mid-rep
            frame = frame.with_points(frame.xy[::-1].copy(), frame.world)
        frames.append(frame)
    engine = ExerciseEngine(get_exercise("goblet_squat"), 30.0)
    for frame in frames:
        engine.update(frame)
    result = engine.result()
    assert len(result.reps) == 2 and result.stats.camera_cuts == 0


def test_a_torso_shrunk_by_bad_landmarks_then_lost_is_not_taken_for_a_camera_cut():
    # What the smoother passes on when the model misreads a hidden face for a few frames and then
    # loses the person: the torso glides to two thirds of its size, the person is back at full size
    frames = []
    for frame in squat_sequence(2, view="side"):
        if 28 <= frame.index < 33:
            shrink = 1.0 - 0.07 * (frame.index - 27)
            xy = frame.xy.copy()
            hips = xy[23:25].mean(axis=0)
            xy[:23] = hips + (xy[:23] - hips) * shrink
            frame = frame.with_points(xy, frame.world)
        elif 33 <= frame.index < 35:
            frame = PoseFrame.empty(frame.t_s, frame.index, frame.image_size)
        frames.append(frame)
    result = run(frames)
    assert result.stats.camera_cuts == 0 and len(result.reps) == 2


def test_scattered_single_frame_dropouts_do_not_lose_reps():
    frames = [PoseFrame.empty(f.t_s, f.index, f.image_size) if f.index % 5 == 0 else f
              for f in squat_sequence(3, view="front")]
    result = run(frames)
    assert len(result.reps) == 3


def test_side_view_catches_knees_shooting_forward_on_that_rep():
    result = run(squat_sequence(3, view="side", knees_forward_on=(2,)))
    assert cues_by_rep(result) == {1: [], 2: ["knees_past_toes"], 3: []}


def test_front_view_catches_knees_drifting_in_only_on_the_way_up():
    """The knees stay out at the bottom (so the bottom rule is quiet) but come in as the person
    stands: the rising rule compares the way up with the way down at equal depth."""
    result = run(squat_sequence(3, view="front", knees_in_rising_on=(3,)))
    assert cues_by_rep(result) == {1: [], 2: [], 3: ["knee_valgus_rising"]}
    clean = [rep.measurements["knees_narrowing_up"] for rep in result.reps[:2]]
    assert max(abs(v) for v in clean) < 0.02


def test_follow_through_rule_reads_the_seconds_after_the_rep_which_is_reported_then():
    """A knee hug after a lunge belongs to that lunge: the rule reads the seconds after the
    rep's end, and the rep is reported once they have passed."""
    from dataclasses import replace

    from trainer.cues import FormRule, Phase
    from trainer.geometry import View

    goblet = get_exercise("goblet_squat")
    hug = FormRule(id="no_hug", title="No hug", cue="Hug the knee", metric="hug", limit=0.5,
                   fault_when="below", phase=Phase.FOLLOW_THROUGH,
                   views=frozenset({View.SIDE}), judged_on="best", measures="test", why="test")

    def metrics(frame, ref):
        # reps span 1-3 s and 6-8 s; only the first is followed by a hug
        return {**goblet.metrics(frame, ref), "hug": 1.0 if 3.3 <= frame.t_s <= 4.3 else 0.0}

    exercise = replace(goblet, rules=(hug,), metrics=metrics, follow_through_s=2.0)
    engine = ExerciseEngine(exercise, 30.0)
    reported = []
    for frame in squat_sequence(2, view="side", rest_s=3.0):
        status = engine.update(frame)
        if status.new_rep:
            reported.append((round(frame.t_s, 1), status.new_rep))
    result = engine.result()
    assert cues_by_rep(result) == {1: [], 2: ["no_hug"]}
    assert len(reported) == 2
    for at, rep in reported:
        assert rep.end_s + 2.0 <= at + 1e-6 < rep.end_s + 2.1


def test_a_hold_is_timed_only_while_the_body_stays_put():
    """In position throughout, but sliding across the picture for two seconds in the middle:
    that is moving, not holding, so two holds are timed, each about as long as the stillness."""
    from dataclasses import replace

    from trainer.exercises.base import HoldSpec

    goblet = get_exercise("goblet_squat")
    stretch = replace(goblet, rep_metric=None, rep_thresholds=None, rules=(),
                      hold=HoldSpec(in_position=lambda m: True, settle_s=0.5, min_hold_s=1.0))
    engine = ExerciseEngine(stretch, 30.0)
    standing = squat_world(5.0)
    for i in range(int(8.0 * 30)):
        t = i / 30
        shift = min(max(t - 3.0, 0.0), 2.0) * 120.0   # px: still, slide 2 s, still again
        frame = to_frame(standing, t, i, "side")
        engine.update(frame.with_points(frame.xy + [shift, 0.0], frame.world))
    holds = engine.result().holds
    assert len(holds) == 2
    assert 2.0 <= holds[0].held_s <= 3.1 and 2.0 <= holds[1].held_s <= 3.1, holds


def test_a_person_lost_often_gets_the_exercise_s_camera_tip():
    def lost_every_third_frame(exercise_id):
        engine = ExerciseEngine(get_exercise(exercise_id), 30.0)
        for frame in squat_sequence(2, view="front"):
            engine.update(PoseFrame.empty(frame.t_s, frame.index, frame.image_size)
                          if frame.index % 3 == 0 else frame)
        return engine.result().advice

    tip = get_exercise("squat_to_overhead_reach").lost_person_tip
    assert tip and tip in lost_every_third_frame("squat_to_overhead_reach")
    # an exercise without a tip only says how often nobody was seen
    assert not any("pole" in note for note in lost_every_third_frame("goblet_squat"))


def test_a_bounded_history_keeps_memory_flat_and_counts_the_same():
    frames = squat_sequence(12, view="front", knees_in_on=(9,))
    full = ExerciseEngine(get_exercise("goblet_squat"), 30.0)
    bounded = ExerciseEngine(get_exercise("goblet_squat"), 30.0, history_s=8.0)
    for frame in frames:
        full.update(frame)
        bounded.update(frame)
        assert len(bounded.times) <= 2 * 8.0 * 30 + 1
        assert all(len(values) == len(bounded.times) for values in bounded.series.values())
    assert len(full.times) == len(frames) > 2 * len(bounded.times)
    assert cues_by_rep(bounded.result()) == cues_by_rep(full.result())
    assert bounded.result().view_counts == full.result().view_counts


def _run_with_status(frames):
    engine = ExerciseEngine(get_exercise("goblet_squat"), 30.0)
    statuses = [engine.update(frame) for frame in frames]
    return engine, statuses


def test_a_caving_knee_is_raised_before_its_rep_ends_and_the_rep_confirms_it():
    engine, statuses = _run_with_status(squat_sequence(3, view="front", knees_in_on=(2,)))
    early = [(s.t_s, f) for s in statuses for f in s.early_faults]
    assert [f.rule_id for _, f in early] == ["knee_valgus"]   # once, though it holds many frames
    raised_s, fault = early[0]
    rep = engine.result().reps[1]
    assert fault.rep_index == 2 and rep.start_s < raised_s < rep.end_s
    assert "knee_valgus" in [f.rule_id for f in rep.faults]


def test_a_bottom_fault_of_a_rep_deeper_than_the_usual_is_said_before_its_turn():
    """Two squats to 100 deg, then a deeper one with the chest dropping: the bottom the earlier
    reps showed is already reached, so the fault is said on the way down, not once the person
    is on the way back up."""
    from dataclasses import replace

    usual = squat_sequence(2, view="side", depth=100)
    deeper = squat_sequence(1, view="side", depth=125, lean_on=(1,), lead_in_s=0.0)
    start = usual[-1].t_s + 1 / 30
    frames = usual + [replace(f, t_s=start + f.t_s, index=len(usual) + f.index) for f in deeper]
    engine, statuses = _run_with_status(frames)
    early = [(s.t_s, f) for s in statuses for f in s.early_faults]
    third = engine.result().reps[2]
    assert [(f.rule_id, f.rep_index) for _, f in early] == [("chest_drop", 3)]
    assert early[0][0] < third.turn_s
    assert "chest_drop" in [f.rule_id for f in third.faults]


def test_a_fault_seen_on_fewer_frames_than_its_persistence_is_not_said_early():
    """A joint hidden until the bottom, then a wild value on two frames as it comes into view:
    two frames are not the 0.2 s a fault must hold before it is said during the rep, and the
    rep's end does not find it either."""
    import math
    from dataclasses import replace

    from trainer.cues import FormRule, Phase
    from trainer.geometry import View

    goblet = get_exercise("goblet_squat")
    rule = FormRule(id="wild", title="Wild", cue="Wild", metric="wild", limit=0.5, fault_when="above",
                    phase=Phase.BOTTOM, views=frozenset({View.FRONT}), measures="test", why="test")

    def metrics(frame, ref):   # rep 3 spans 7-9 s, its bottom band from about 7.65 s
        seen = not 7.0 <= frame.t_s < 7.66
        wild = 1.0 if 7.66 <= frame.t_s < 7.72 else 0.0
        return {**goblet.metrics(frame, ref), "wild": wild if seen else math.nan}

    engine = ExerciseEngine(replace(goblet, rules=(rule,), metrics=metrics), 30.0)
    statuses = [engine.update(frame) for frame in squat_sequence(3, view="front")]
    assert not any(s.early_faults for s in statuses)
    assert cues_by_rep(engine.result()) == {1: [], 2: [], 3: []}


def test_depth_is_never_judged_before_the_rep_ends():
    # a shallow squat may still go deeper after a pause: its cue waits for the whole rep
    _, statuses = _run_with_status(squat_sequence(3, view="side", depth=60))
    assert not any(s.early_faults for s in statuses)
    assert any("shallow_depth" in [f.rule_id for f in s.new_rep.faults] for s in statuses if s.new_rep)


def test_jitter_alone_raises_no_early_fault():
    _, statuses = _run_with_status(squat_sequence(4, view="front", noise_px=2.0, seed=3))
    assert not any(s.early_faults for s in statuses)


def _truth_engine(exercise_id, **kwargs):
    """An engine fed a generated person's exact landmarks (no rendering, no model)."""
    import numpy as np
    from trainer.synth.truth import truth_landmarks

    truth = truth_landmarks(exercise_id, view="side", fps=15, **kwargs)
    engine = ExerciseEngine(get_exercise(exercise_id), truth.fps)
    statuses = [engine.update(PoseFrame(i / truth.fps, i, (truth.width, truth.height), truth.xy[i],
                                        truth.world[i], np.ones(33), np.ones(33)))
                for i in range(len(truth.xy))]
    return engine, statuses


def test_a_stretch_held_wrong_is_corrected_early_in_the_hold_not_when_it_ends():
    engine, statuses = _truth_engine("calf_stretch", reps=2, hold_s=10.0, faults={1: ["back_knee_bent"]})
    early = [(s.t_s, f.rule_id) for s in statuses for f in s.early_faults]
    first, second = engine.result().holds[:2]
    assert [rule for _, rule in early] == ["back_knee_bent"]   # once, in the faulty hold only
    assert first.start_s < early[0][0] < first.start_s + 3.0 < first.end_s
    assert "back_knee_bent" in [f.rule_id for f in first.faults] and not second.faults


def test_a_bottom_fault_is_said_on_the_way_down_once_earlier_reps_show_where_the_bottom_is():
    engine, statuses = _truth_engine("goblet_squat", reps=3, faults={3: ["chest_drop"]})
    early = {f.rule_id: (s.t_s, f.rep_index) for s in statuses for f in s.early_faults}
    third = engine.result().reps[2]
    chest_said_s, rep_index = early["chest_drop"]
    assert rep_index == 3 and chest_said_s < third.turn_s   # before the turn
    assert set(early) <= {f.rule_id for f in third.faults}   # and the whole rep agrees


def test_a_cue_seen_from_behind_gets_that_camera_advice_not_face_the_camera():
    """Filmed side-on, the hip extension's hips cannot be judged; the user is told where the
    camera goes for them (behind, level with the hips), not to face it on all fours."""
    from collections import Counter

    from trainer.engine import FrameStats, advice_for

    seen_side = Counter({"side": 300})
    stats = FrameStats(total=300, counted=300)
    [kick] = advice_for(get_exercise("banded_hip_extension"), stats, seen_side)
    assert "hip_rotation cannot be judged" in kick and "camera behind you" in kick
    [squat] = advice_for(get_exercise("goblet_squat"), stats, seen_side)
    assert "face the camera" in squat
