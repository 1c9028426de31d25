"""A model opened in the window is prepared once for every batch size, and one decoding thread gives the
same answers: what keeps a prediction from holding Python's lock in the window's face."""

from desktop_app.core.models.prediction import Prediction, Predictor
from helpers import copy_hotdog_photos


def test_after_warming_up_no_batch_size_makes_tensorflow_prepare_again(snack_model, tmp_path):
    photos = copy_hotdog_photos(tmp_path, 4)
    predictor = Predictor(snack_model, decode_threads=1)
    predictor.warm_up()
    assert predictor.bundle is not None
    prepared = predictor.bundle.model.predict_function.experimental_get_tracing_count()

    answers = predictor.predict([photos])  # one batch of 8
    some = predictor.predict([str(a.path) for a in answers[:3]])  # and one of 3

    assert predictor.bundle.model.predict_function.experimental_get_tracing_count() == prepared
    assert len(answers) == 8 and all(isinstance(a, Prediction) for a in answers)
    usual = Predictor(snack_model).predict([photos])
    assert [(a.path, a.label) for a in answers] == [(a.path, a.label) for a in usual]
    assert [a.label for a in some] == [a.label for a in answers[:3]]
