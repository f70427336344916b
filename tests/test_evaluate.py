"""The evaluation's bookkeeping: which cue a real clip's issue label asks for."""

from trainer.evaluate import RealScore, rules_for_issue


def test_issue_labels_map_to_the_rules_that_describe_them():
    knees = rules_for_issue("knees travel well forward past toes and torso leans forward")
    assert {"knees_past_toes", "chest_drop"} <= knees
    assert "knee_valgus_rising" in rules_for_issue("mild knee valgus (knees drift inward)")
    assert rules_for_issue("none seen") == set()


def test_real_score_counts_flagged_faulty_clips_and_cued_correct_ones():
    score = RealScore(faulty=[("a", ["chest_drop"], {"chest_drop"}), ("b", [], {"knee_valgus"})],
                      correct=[("c", []), ("d", ["shallow_depth"]), ("e", [])])
    assert (score.faulty_flagged, score.correct_cued) == (1, 1)


def test_evaluation_plan_scores_only_the_views_the_routine_judges_from():
    from trainer.evaluate import evaluation_plan

    views = {(e, args["view"]) for e, args in evaluation_plan(["glute_star", "goblet_squat"], ("average",))}
    assert views == {("glute_star", "front"), ("goblet_squat", "front"), ("goblet_squat", "side")}


def test_a_fault_judged_only_outside_the_routines_views_is_reported_as_a_gap():
    from trainer.evaluate import unjudged_faults

    # the banded hip extension is watched side-on; its hip-rotation rule needs a front view
    assert unjudged_faults(["banded_hip_extension"]) == ["banded_hip_extension.hip_rotation"]
    assert not unjudged_faults(["goblet_squat", "lateral_lunge"])
