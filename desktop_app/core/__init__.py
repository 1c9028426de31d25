"""The Qt-free engine that the GUI and the CLI both drive.

Its rooms follow the user's journey: data/ (the photos and projects), networks/ (the pretrained networks
and their features), training/ (teaching a model the user's classes), models/ (using a trained model:
predicting, judging, exporting). Beside them, what every room shares: errors and their words (errors,
i18n), where files live (paths), progress and stopping (progress), atomic saves (atomic), TensorFlow's
loading (tf_runtime) and the Linux menu entry (launcher).

Importing this package is cheap: TensorFlow is loaded only by the functions that need it.
"""
