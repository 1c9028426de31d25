"""The first things a user does in a freshly started app, in a fresh process (no test has warmed up
TensorFlow in it): wait for the window to be ready, open a saved model, predict a photo."""

import subprocess
import sys

from helpers import HOTDOG, REPO, copy_hotdog_photos

SCRIPT = """
import sys, time
from PySide6.QtCore import QSettings
from desktop_app.gui.app import create_application
from desktop_app.gui.main_window import MainWindow

app = create_application([])
window = MainWindow(QSettings(sys.argv[3], QSettings.Format.IniFormat))
window.show()

def wait_until(condition, timeout=120):
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        app.processEvents()
        time.sleep(0.01)

wait_until(lambda: window.statusBar().currentMessage() == "Ready.")
predict = window.predict_tab
window.open_model(sys.argv[1])
wait_until(lambda: window.session.ready)
predict.add_paths([sys.argv[2]])
wait_until(lambda: predict.results.rowCount() == 1 and not predict.busy)
print("answer", predict.results.results[0].label)
window.close()
"""


def test_open_a_saved_model_right_after_start_up(tmp_path):
    from desktop_app.core.data.dataset import scan_dataset
    from desktop_app.core.training.trainer import TrainingConfig, train

    photos = copy_hotdog_photos(tmp_path / "photos", 6)
    model = train(scan_dataset(photos), tmp_path / "m.keras",
                  TrainingConfig(backbone="mobilenet_v2_0.35", image_size=96, epochs=5, fine_tune_layers=0)).model_path
    photo = sorted((HOTDOG / "test" / "hotdog").glob("*.jpg"))[0]
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(model), str(photo), str(tmp_path / "settings.ini")],
                         cwd=REPO, capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.split()[-1] in ("hotdog", "not-hotdog")
