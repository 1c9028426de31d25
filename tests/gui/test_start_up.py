"""What the window costs to start: nothing heavy before it is on screen, and no TensorFlow chatter."""

import subprocess
import sys

from helpers import REPO

# Shows the window the way `python -m desktop_app` does, without the background load of TensorFlow it starts
# (that runs on its own thread, after; here it only takes its time, so what follows it, such as starting the
# engines, does not happen yet), then lists what the start-up path loaded.
SHOW_WINDOW = """
import sys
import time
from desktop_app.gui.settings import Settings
import desktop_app.gui.main_window as main_window
from desktop_app.gui.app import chosen_language, create_application, install_translations
main_window._load_tensorflow = lambda: time.sleep(1)
app = create_application(sys.argv)
install_translations(chosen_language(Settings()))
window = main_window.MainWindow()
window.show()
app.processEvents()
print(sorted(name for name in ("matplotlib", "tensorflow", "keras", "scipy", "pandas") if name in sys.modules))
"""


def test_nothing_heavy_is_imported_before_the_window_shows(tmp_path):
    env = {"HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen", "FINETUNE_STUDIO_LANGUAGE": "en",
           "FINETUNE_STUDIO_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", SHOW_WINDOW], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_loading_tensorflow_prints_none_of_its_start_up_chatter(tmp_path):
    script = "from desktop_app.core.tf_runtime import keras, gpu_names; keras(); gpu_names(); print('loaded')"
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120,
                          env={"HOME": str(tmp_path)})
    assert done.returncode == 0 and done.stdout.strip() == "loaded", done.stderr
    assert done.stderr == ""
