"""The time-remaining estimate shown in the window and the terminal."""

from desktop_app.core.progress import RemainingTime


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_estimate_uses_the_pace_after_the_first_step():
    clock = Clock()
    eta = RemainingTime(clock)
    assert eta.update(0, 100) is None
    clock.now += 30  # the first step also built the network
    assert eta.update(10, 100) is None
    clock.now += 0.5
    assert eta.update(11, 100) is None  # under a second of watching: no guess yet
    clock.now += 9.5  # 10 s for 10 more steps: 1 s per step
    assert eta.update(20, 100) == 80.0
    clock.now += 40
    assert eta.update(60, 100) == 40.0
    assert eta.update(100, 100) is None


def test_a_new_phase_starts_a_new_estimate():
    clock = Clock()
    eta = RemainingTime(clock)
    eta.update(5, 10)
    clock.now += 5
    assert eta.update(10, 10) is None
    eta.update(0, 1000)
    clock.now += 1
    eta.update(100, 1000)
    clock.now += 2
    assert eta.update(300, 1000) == 7.0
