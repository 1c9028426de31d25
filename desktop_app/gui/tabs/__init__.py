"""The tabs of the main window, one per step of the journey: the photos, training, predicting, evaluating."""
