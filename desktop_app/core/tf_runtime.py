"""The one place TensorFlow/Keras is imported, so start-up paths that do not need it stay fast.

TensorFlow's C++ start-up chatter (oneDNN notices, "Could not find cuda drivers", cuInit failures on a
machine without a GPU) is written straight to the stderr file, before any logging setting applies; it is
captured while TensorFlow loads and only what is not that chatter is passed on.
"""

import contextlib
import importlib
import logging
import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from .i18n import tr

# Keras builds, saves and loads models through process-wide state (layer-name counters, symbolic
# scopes). The app does that from several threads (training, opening a model for prediction), and a
# load that overlapped the end of a training run failed once with a spurious "Only input tensors may be
# passed as positional arguments". Holding this lock for those short steps serialises them; running
# models (fit, predict) does not need it.
model_lock = threading.RLock()

_import_lock = threading.Lock()
START_UP_CHATTER = ("All log messages before absl::InitializeLog()", "oneDNN custom operations are on",
                    "Could not find cuda drivers", "failed call to cuInit", "TF-TRT Warning",
                    "Unable to register cu", "computation placer already registered",
                    "This TensorFlow binary is optimized to use available CPU instructions",
                    "To enable the following instructions",
                    "Created TensorFlow Lite XNNPACK delegate")


def _not_retracing_advice(record: logging.LogRecord) -> bool:
    # Each network a run builds (three when "Best for my photos" compares them) has its own predict function,
    # and a last, smaller batch traces once more: expected, and TensorFlow's advice about it is for developers.
    return "triggered tf.function retracing" not in record.getMessage()


def nvidia_driver_present() -> bool:
    """Whether CUDA can possibly find a GPU: TensorFlow's GPU build runs on Linux with NVIDIA's driver only."""
    return sys.platform.startswith("linux") and Path("/proc/driver/nvidia/version").exists()


def _import(name: str):
    if name in sys.modules:
        return sys.modules[name]
    # Errors stay visible where a GPU could be used; without one, CUDA's are all about its absence.
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2" if nvidia_driver_present() else "3")
    with _import_lock, without_chatter():
        module = importlib.import_module(name)
        logging.getLogger("tensorflow").addFilter(_not_retracing_advice)
        return module


@contextlib.contextmanager
def without_chatter() -> Iterator[None]:
    """Capture what is written to the stderr file meanwhile (C++ code writes there directly) and pass on what
    is not START_UP_CHATTER."""
    with tempfile.TemporaryFile() as captured:
        sys.stderr.flush()
        saved = os.dup(2)
        os.dup2(captured.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            captured.seek(0)
            lines = captured.read().decode(errors="replace").splitlines(keepends=True)
            sys.stderr.write("".join(line for line in lines if not any(c in line for c in START_UP_CHATTER)))


def keras():
    return _import("keras")


def tensorflow():
    return _import("tensorflow")


def gpu_names() -> list[str]:
    """The GPUs TensorFlow will compute on (empty: the processor does all the work)."""
    tf = tensorflow()
    return [tf.config.experimental.get_device_details(gpu).get("device_name", gpu.name)
            for gpu in tf.config.list_physical_devices("GPU")]


def mirrored_strategy(devices: list[str] | None = None):
    """A tf.distribute.MirroredStrategy over `devices` (default: every GPU TensorFlow sees), or None when that
    is fewer than two: one device needs no splitting."""
    tf = tensorflow()
    devices = [d.name for d in tf.config.list_logical_devices("GPU")] if devices is None else devices
    return tf.distribute.MirroredStrategy(devices) if len(devices) >= 2 else None


def compute_words(gpus: list[str]) -> str:
    if gpus:
        return tr("Computing on the GPU: {names}.", names=", ".join(gpus))
    return tr("Computing on the processor (CPU): TensorFlow found no GPU.")
