"""The window's job runner: one job per owner, no stale result, streaming, errors, stopping, Python threads."""

import threading

import pytest
from PySide6.QtCore import QObject

from desktop_app.core.errors import UserError
from desktop_app.gui.jobs import JobSlot, wait_until_idle


@pytest.fixture
def owner(qapp):
    made = QObject()
    yield made
    assert wait_until_idle(10)


def _record(slot: JobSlot, function, events: list):
    return slot.start(function, on_returned=lambda v: events.append(("returned", v)),
                      on_errored=lambda f: events.append(("errored", f.message)),
                      on_yielded=lambda v: events.append(("yielded", v)),
                      on_finished=lambda: events.append(("finished",)))


def test_starting_a_job_in_a_busy_slot_means_only_the_new_jobs_result_arrives(qtbot, owner):
    slot, events, release = JobSlot(owner), [], threading.Event()
    first_running = threading.Event()

    def first(_cancel):
        first_running.set()
        release.wait(10)
        return "old"

    _record(slot, first, events)
    assert first_running.wait(10)
    _record(slot, lambda _cancel: "new", events)
    release.set()  # the first job now returns, after it was replaced
    qtbot.waitUntil(lambda: ("finished",) in events, timeout=10000)
    assert wait_until_idle(10)
    qtbot.wait(100)  # anything still queued for the GUI thread would be delivered now
    assert events == [("returned", "new"), ("finished",)]
    assert not slot.busy


def test_a_generator_job_streams_its_values_then_its_return_value(qtbot, owner):
    def count(_cancel):
        yield from range(3)
        return "done"

    events = []
    with qtbot.waitSignal(_record(JobSlot(owner), count, events).finished, timeout=10000):
        pass
    assert events == [("yielded", 0), ("yielded", 1), ("yielded", 2), ("returned", "done"), ("finished",)]


def test_a_failing_job_sends_the_failure_in_plain_words_then_finishes(qtbot, owner):
    def fail(_cancel):
        raise UserError("The folder is empty.")

    events = []
    with qtbot.waitSignal(_record(JobSlot(owner), fail, events).finished, timeout=10000):
        pass
    assert events == [("errored", "The folder is empty."), ("finished",)]


def test_a_stopped_job_keeps_what_it_sent_and_returns_nothing(qtbot, owner):
    slot, events, sent_two = JobSlot(owner), [], threading.Event()

    def endless(cancel):
        i = 0
        while True:
            if i == 2:
                sent_two.set()
                cancel_seen = cancel._event.wait(10)  # the generator is suspended here until Stop
                assert cancel_seen
            yield i
            i += 1

    _record(slot, endless, events)
    assert sent_two.wait(10)
    with qtbot.waitSignal(slot.job.finished, timeout=10000):
        slot.stop()
    assert events == [("yielded", 0), ("yielded", 1), ("yielded", 2), ("finished",)]


def test_jobs_run_on_python_threads_and_tensorflow_jobs_on_one_thread(qtbot, owner):
    names = []
    for tensorflow in (True, True, False):
        with qtbot.waitSignal(JobSlot(owner, tensorflow).start(
                lambda _cancel: threading.current_thread()).returned, timeout=10000) as got:
            pass
        names.append(got.args[0])
    # A thread Python started keeps its thread state for life (a QThreadPool thread would be a _DummyThread).
    assert not any(isinstance(t, threading._DummyThread) for t in names)
    assert names[0] is names[1] and names[0].name.startswith("tensorflow")
    assert names[2] is not names[0]


def test_an_owner_destroyed_while_its_job_runs_is_told_nothing_and_the_job_ends_cleanly(qtbot, qapp):
    from PySide6.QtCore import QCoreApplication, QEvent

    owner = QObject()
    slot, events, release = JobSlot(owner), [], threading.Event()
    job = _record(slot, lambda _cancel: release.wait(10) and "late", events)
    owner.deleteLater()  # a dialog closed, the window torn down, while the job still works
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    release.set()
    assert wait_until_idle(10)
    qtbot.wait(50)  # what the job sent is delivered (to no one)
    assert events == [] and job.done.is_set()


def test_the_slot_is_idle_when_the_outcome_arrives_and_a_job_started_then_replaces_the_ending_one(qtbot, owner):
    slot, events = JobSlot(owner), []

    def next_job(outcome):
        events.append((outcome, slot.busy))
        if outcome == "first":  # told the result, the owner starts its next job at once (as Undo Sort does)
            _record(slot, lambda _cancel: "second", events)

    slot.start(lambda _cancel: "first", on_returned=next_job, on_finished=lambda: events.append(("first finished",)))
    qtbot.waitUntil(lambda: ("finished",) in events, timeout=10000)
    assert wait_until_idle(10)
    qtbot.wait(100)
    assert events == [("first", False), ("returned", "second"), ("finished",)]  # the first one ends quietly

    failures = []

    def fail(_cancel):
        raise UserError("The folder is empty.")

    slot.start(fail, on_errored=lambda failure: failures.append((failure.message, slot.busy)))
    qtbot.waitUntil(lambda: bool(failures), timeout=10000)
    assert failures == [("The folder is empty.", False)]
