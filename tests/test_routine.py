import pytest

from trainer.routine import ROUTINE_EXERCISE_IDS, RoutineError, Target, load_routine


def test_default_routine_has_the_articles_24_exercises_in_order():
    routine = load_routine()
    assert [p.id for p in routine.phases] == ["warmup", "activation", "main", "cooldown"]
    assert tuple(e.id for _, e in routine.exercises()) == ROUTINE_EXERCISE_IDS


def test_targets_sides_and_holds_come_from_the_article():
    exercises = {e.id: e for _, e in load_routine().exercises()}
    assert exercises["goblet_squat"].sets == Target(2, 3) and exercises["goblet_squat"].reps == Target(12, 15)
    assert exercises["single_leg_deadlift"].per_side and exercises["single_leg_deadlift"].reps == Target(8, 8)
    assert exercises["half_pigeon"].hold_s == 30 and exercises["half_pigeon"].reps is None
    assert exercises["ball_hamstring_curl"].describe() == "3 sets of 12 reps"
    assert exercises["calf_stretch"].describe() == "3 sets of 30-second holds on each leg"
    assert exercises["ball_hamstring_curl"].alternatives[0][0] == "exercise ball"


def test_partial_sessions():
    routine = load_routine()
    assert [e.id for _, e in routine.exercises(only_phase="cooldown")][0] == "half_pigeon"
    assert [e.id for _, e in routine.exercises(start_at="goblet_squat")][:2] == ["goblet_squat", "elevated_heel_tap"]
    with pytest.raises(RoutineError, match="not in this routine"):
        routine.exercises(start_at="burpee")


@pytest.mark.parametrize("text, message", [
    ("name = 'x'\n", "needs at least one [[phase]]"),
    ("[[phase]]\nid='a'\n[[phase.exercise]]\nid='burpee'\nsets=1\nreps=3\n", "unknown exercise 'burpee'"),
    ("[[phase]]\nid='a'\n[[phase.exercise]]\nid='goblet_squat'\nsets=1\n", "either reps or hold_s"),
    ("[[phase]]\nid='a'\n[[phase.exercise]]\nid='goblet_squat'\nsets=0\nreps=3\n", "sets must be a positive"),
    ("[[phase]]\nid='a'\n[[phase.exercise]]\nid='goblet_squat'\nsets=1\nreps=3\nrepz=4\n", "unknown key 'repz'"),
    ("[[phase]\n", "not valid TOML"),
])
def test_bad_routine_files_get_one_clear_line(tmp_path, text, message):
    path = tmp_path / "mine.toml"
    path.write_text(text)
    with pytest.raises(RoutineError, match=message.replace("[", r"\[").replace("]", r"\]")) as error:
        load_routine(path)
    assert str(path) in str(error.value) and "\n" not in str(error.value)


def test_missing_routine_file(tmp_path):
    with pytest.raises(RoutineError, match="no such routine file"):
        load_routine(tmp_path / "none.toml")
