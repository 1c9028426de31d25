"""The Qt-free engine that the GUI and the CLI both drive.

Importing this package is cheap: TensorFlow is loaded only by the functions that need it.
"""
