import numpy as np

from trainer.tracking import PersonSelector


def person(x0, y0, w, h):
    """A cloud of 33 points filling a box."""
    rng = np.random.default_rng(int(x0))
    return np.column_stack([x0 + rng.uniform(0, w, 33), y0 + rng.uniform(0, h, 33)])


def test_first_choice_is_the_large_central_person():
    selector = PersonSelector()
    small_corner = person(0, 0, 100, 200)
    big_centre = person(500, 100, 300, 600)
    assert selector.choose([small_corner, big_centre], (1280, 720)) == 1


def test_choice_sticks_to_the_same_person_when_another_gets_bigger():
    selector = PersonSelector()
    coached = person(500, 100, 200, 500)
    assert selector.choose([coached], (1280, 720)) == 0
    walker = person(700, 0, 500, 720)      # someone larger walks in beside them
    assert selector.choose([walker, coached + 3], (1280, 720)) == 1


def test_nobody():
    assert PersonSelector().choose([], (640, 480)) is None
