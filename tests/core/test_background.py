"""Background threads pause Python's garbage collections only while they need to, and never leave them off."""

import gc
import threading

import pytest

from desktop_app.core.background import collections_paused


def test_collections_resume_after_the_last_of_overlapping_pauses():
    assert gc.isenabled()
    first_inside, second_done = threading.Event(), threading.Event()
    seen = []

    def other_thread():
        with collections_paused():
            first_inside.wait(5)
            seen.append(gc.isenabled())
        second_done.set()

    thread = threading.Thread(target=other_thread)
    with collections_paused():
        thread.start()
        first_inside.set()
        assert second_done.wait(5)
        seen.append(gc.isenabled())  # the other thread has left its pause; this one still holds
    thread.join()
    assert seen == [False, False]
    assert gc.isenabled()


def test_collections_resume_when_the_work_fails():
    with pytest.raises(ValueError), collections_paused():
        raise ValueError("a photo folder could not be read")
    assert gc.isenabled()


def test_collections_switched_off_elsewhere_stay_off():
    gc.disable()
    try:
        with collections_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
