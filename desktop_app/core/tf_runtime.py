"""The one place TensorFlow/Keras is imported, so start-up paths that do not need it stay fast."""

import os
import threading

# Keras builds, saves and loads models through process-wide state (layer-name counters, symbolic
# scopes). The app does that from several threads (training, opening a model for prediction), and a
# load that overlapped the end of a training run failed once with a spurious "Only input tensors may be
# passed as positional arguments". Holding this lock for those short steps serialises them; running
# models (fit, predict) does not need it.
model_lock = threading.RLock()


def keras():
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import keras as _keras

    return _keras


def tensorflow():
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import tensorflow as _tf

    return _tf
