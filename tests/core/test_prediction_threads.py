"""The window decodes photos for a prediction on one thread (fewer turns for the GUI thread to wait for
Python's lock); the answers are the same as with the usual threads."""

from desktop_app.core.models.prediction import Prediction, Predictor
from helpers import copy_hotdog_photos


def test_one_decoding_thread_gives_the_same_answers(snack_model, tmp_path):
    photos = copy_hotdog_photos(tmp_path, 4)
    (photos / "hotdog" / "broken.jpg").write_bytes(b"not a photo")

    one = Predictor(snack_model, decode_threads=1).predict([photos])
    usual = Predictor(snack_model).predict([photos])

    assert sum(isinstance(a, Prediction) for a in one) == 8 and len(one) == 9
    assert [(a.path, type(a), getattr(a, "label", None)) for a in one] == \
           [(a.path, type(a), getattr(a, "label", None)) for a in usual]
