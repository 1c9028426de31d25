"""The engine must not pull in Qt (the CLI runs headless) nor TensorFlow at import (start-up speed)."""

import subprocess
import sys


def test_importing_the_core_loads_neither_qt_nor_tensorflow():
    code = (
        "import sys, pkgutil, importlib, desktop_app.core as core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'desktop_app.core.'):\n"
        "    if m.name.rsplit('.', 1)[-1] not in ('image_batches', 'fine_tuning'):  # keras by design, to fine-tune\n"
        "        importlib.import_module(m.name)\n"
        "assert 'desktop_app.core.models.prediction' in sys.modules  # every room, not only the top level\n"
        "import desktop_app.cli\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6', 'tensorflow', 'keras'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_training_a_model_loads_no_qt():
    code = (
        "import sys\n"
        "from desktop_app.core.data.image_batches import ImageBatches\n"
        "from desktop_app.core.training import trainer\n"
        "from desktop_app.core.models import prediction, evaluation\n"
        "print(any(n.startswith('PySide6') for n in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
