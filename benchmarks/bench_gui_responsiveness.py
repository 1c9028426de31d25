"""How long the GUI thread is ever blocked while the window does heavy work.

    python benchmarks/bench_gui_responsiveness.py

A 10 ms timer on the GUI thread records the gaps between its ticks during what a user does:
1. train on the hot-dog photos (features, output layer and fine-tuning), pressing Train half a second
   after the folder appears, while thumbnails still load (the window's engine starting meanwhile);
1b. train again with other settings once the next engine waits (the instant retrain);
1c. bring the Training tab to the front, then train again while its chart is in view;
2. drop 1,000 photos on the Predict tab (the hot-dog photos, five distinct copies of each);
2b. live answers from a camera at 30 frames a second for 10 s (the tests' fake camera: the hot-dog photos);
3. add the same 1,000 photos to a class of the project (each copied into the project and checked);
4. open a folder of 20,000 small generated photos and scroll through a class of 10,000.
Prints the longest gap, the 99th percentile and the median of each; the goal is no stall over 50 ms.
The waiting loop itself sleeps 5 ms between event-loop turns, so gaps include up to 5 ms of that.
"""

import gc
import os
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(1, str(REPO / "tests"))
sys.path.insert(2, str(REPO / "tests" / "gui"))
HOTDOG = REPO.parent / "shared" / "datasets" / "hotdog" / "train"


class StallMeter:
    """Gaps between ticks of a 10 ms GUI-thread timer, recorded while `measuring` is set.

    A watchdog thread looks at the GUI thread whenever a tick is 60 ms late and notes the Python line it
    is on, so a stall names its cause (a line in Qt's C++ shows as the Python call that entered it)."""

    def __init__(self, describe):
        from PySide6.QtCore import QElapsedTimer, QTimer

        self.describe = describe
        self.gaps: list[float] = []
        self.slow: list[tuple[float, str]] = []
        self.caught: dict[str, tuple[int, str]] = {}  # GUI thread's place: (times, the others' last places)
        self.measuring = False
        self.clock = QElapsedTimer()
        self.clock.start()
        self.last_tick = time.monotonic()
        self.timer = QTimer(interval=10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.late = 0.06  # seconds without a tick before the watchdog looks
        self.gui_thread = threading.get_ident()
        threading.Thread(target=self._watch, daemon=True).start()
        self.collections: list[tuple[float, int, int]] = []  # Python's garbage collections over 20 ms
        self._collecting = 0.0
        gc.callbacks.append(self._on_gc)

    def _on_gc(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._collecting = time.perf_counter()
        elif self.measuring and (took := time.perf_counter() - self._collecting) > 0.02:
            self.collections.append((took * 1000, info["generation"], info["collected"]))

    def _tick(self) -> None:
        gap = self.clock.restart()
        self.last_tick = time.monotonic()
        if self.measuring:
            self.gaps.append(gap)
            if gap > 50:
                self.slow.append((gap, self.describe()))

    def _watch(self) -> None:
        noted = None
        while True:
            time.sleep(0.01)
            tick = self.last_tick
            if not self.measuring or time.monotonic() - tick < self.late or noted == tick:
                continue
            frames = sys._current_frames()
            where = _where(frames.pop(self.gui_thread, None), 4)
            names = {thread.ident: thread.name for thread in threading.enumerate()}
            # one of the others holds Python's lock when the GUI thread waits for it
            others = "; ".join(f"{names.get(ident, ident)} at {_where(frame, 1)}" for ident, frame in frames.items()
                               if ident != threading.get_ident())
            self.caught[where] = (self.caught.get(where, (0, ""))[0] + 1, others)
            noted = tick

    def start(self) -> None:
        self.gaps, self.slow, self.caught, self.collections, self.measuring = [], [], {}, [], True
        self.clock.restart()

    def report(self, title: str, seconds: float, goal_ms: int = 50) -> None:
        self.measuring = False
        gaps = sorted(self.gaps)
        print(f"{title}: {seconds:.0f} s, {len(gaps)} timer ticks")
        print(f"  longest gap {gaps[-1]:.0f} ms, 99th percentile {gaps[int(len(gaps) * 0.99)]:.0f} ms, "
              f"median {gaps[len(gaps) // 2]:.0f} ms (goal: no gap over {goal_ms} ms)")
        for gap, what in sorted(self.slow, reverse=True)[:5]:
            print(f"    {gap:4.0f} ms during: {what}")
        for where, (count, others) in sorted(self.caught.items(), key=lambda item: -item[1][0])[:5]:
            print(f"    GUI thread stuck {count}x at: {where}\n      other threads (last time): {others}")
        for took, generation, collected in sorted(self.collections, reverse=True)[:3]:
            print(f"    garbage collection of generation {generation}: {took:.0f} ms ({collected} objects freed)")


def _where(frame, depth: int) -> str:
    stack = traceback.extract_stack(frame)[-depth:] if frame else []
    return " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(stack))


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="ftgui-"))
    os.environ["FINETUNE_STUDIO_CACHE_DIR"] = str(scratch / "cache")
    os.environ["FINETUNE_STUDIO_DATA_DIR"] = str(scratch / "data")
    from PySide6.QtCore import QSettings, QTimer

    from desktop_app.gui.app import create_application
    from desktop_app.gui.main_window import MainWindow

    app = create_application(sys.argv)
    window = MainWindow(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
    window.resize(1100, 760)
    window.show()

    def wait_until(condition, timeout=1800) -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError
            app.processEvents()
            time.sleep(0.005)

    train, predict, dataset, project = (window.training_tab, window.predict_tab, window.dataset_tab,
                                        window.project_session)
    doing = [""]  # what the scenario is at, for a stall's description
    meter = StallMeter(lambda: "; ".join(
        (window.tabs.tabText(window.tabs.currentIndex()) + " tab", train.stage.text(),
         window.statusBar().currentMessage(), doing[0])))
    # As a user would: the folder is chosen once the window has finished loading TensorFlow.
    wait_until(lambda: window.statusBar().currentMessage() == "Ready.")

    started = time.monotonic()
    meter.start()
    dataset.load_folder(str(HOTDOG))
    wait_until(lambda: project.index is not None)
    QTimer.singleShot(500, lambda: (train.fine_tune.setCurrentIndex(2), train.start_training()))
    wait_until(train.is_running)
    wait_until(lambda: not train.is_running())
    meter.report("1. training on 200 photos, fine-tuning on", time.monotonic() - started)

    wait_until(lambda: train._engine is not None and train._engine.ready)  # the next run's engine, waiting
    train.fine_tune.setCurrentIndex(0)
    train.epochs.setValue(40)
    started = time.monotonic()
    meter.start()
    train.start_training()
    wait_until(lambda: not train.is_running())
    meter.report("1b. training again with other settings on the waiting engine (features cached)",
                 time.monotonic() - started)

    wait_until(lambda: train._engine is not None and train._engine.ready)
    train.epochs.setValue(30)
    started = time.monotonic()
    meter.start()
    doing[0] = "Training tab brought to the front"
    window.tabs.setCurrentWidget(train)  # as a user who watches the accuracy climb
    QTimer.singleShot(300, train.start_training)
    wait_until(train.is_running)
    doing[0] = "training in view"
    wait_until(lambda: not train.is_running())
    doing[0] = ""
    meter.report("1c. the Training tab brought to the front, then training again in view of its chart",
                 time.monotonic() - started)

    photos = scratch / "thousand"
    photos.mkdir()
    for copy in range(5):
        for src in sorted(HOTDOG.rglob("*.jpg")):  # bytes after the JPEG's end: the same picture, another file
            (photos / f"{copy}-{src.parent.name}-{src.name}").write_bytes(src.read_bytes() + b"copy %d" % copy)
    wait_until(lambda: window.session.ready)
    window.tabs.setCurrentWidget(predict)
    done = []
    predict.predictions_shown.connect(done.append)
    started = time.monotonic()
    meter.start()
    predict.add_paths([str(photos)])
    wait_until(lambda: done)
    doing[0] = "predictions shown"
    meter.report(f"2. predicting {done[0]} dropped photos", time.monotonic() - started)

    from fake_camera import FakeCamera, cameras_of  # the tests' camera: real photos as frames

    camera = FakeCamera(sorted(HOTDOG.rglob("*.jpg"))[:30], fps=30)
    predict.cameras = cameras_of(camera)
    started = time.monotonic()
    meter.start()
    predict.open_camera()
    wait_until(lambda: time.monotonic() - started > 10)
    live = predict.live
    meter.report(f"2b. live answers to a camera: {live.answered} answers to {camera.sent} frames "
                 f"({live.dropped} dropped while the model was busy)", time.monotonic() - started)
    live.done(0)

    window.tabs.setCurrentWidget(dataset)
    dataset.show_class("hotdog")
    added = []
    project.photos_added.connect(added.append)
    started = time.monotonic()
    meter.start()
    dataset.add_photos([str(photos)], "hotdog")
    wait_until(lambda: added)
    meter.report(f"3. adding {added[0]} photos to a class", time.monotonic() - started)
    project.undo_stack.setClean()  # the next folder opens without asking to save this edit

    from helpers import write_coloured_photos  # the scale tests' generator: the same 20,000 photos

    big = write_coloured_photos(scratch / "twenty thousand", 10_000)
    window.tabs.setCurrentWidget(dataset)
    loaded = []
    project.opened.connect(loaded.append)
    started = time.monotonic()
    meter.start()
    doing[0] = "opening"
    dataset.load_folder(str(big))
    wait_until(lambda: loaded)
    scanned = time.monotonic() - started
    for row in range(0, 10_000, 50):  # scrolling through a class of 10,000 at 20 screens a second
        doing[0] = f"scrolled to photo {row}"
        dataset.thumbnails.scrollTo(dataset.grid.index(row))
        pause = time.monotonic() + 0.05
        wait_until(lambda pause=pause: time.monotonic() > pause)
    meter.report(f"4. opening 20,000 photos (scan {scanned:.0f} s) and scrolling through 10,000 "
                 f"({dataset.grid.loaded_count()} thumbnails held)", time.monotonic() - started)
    train.stop_and_wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
