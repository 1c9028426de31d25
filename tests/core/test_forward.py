"""A model's answers and heatmaps share one prepared computation, traced once for every batch size (each
trace freezes the window ~50 ms), with Keras' own answers."""

import numpy as np

from desktop_app.core.models.bundle import load_bundle
from desktop_app.core.models.heatmap import heatmap_maker
from desktop_app.core.models.prediction import Predictor
from helpers import copy_hotdog_photos


def test_one_trace_serves_answers_of_any_batch_size_and_heatmaps(snack_model, tmp_path):
    bundle = load_bundle(snack_model)
    predictor = Predictor(bundle)
    forward = predictor.forward
    assert forward is not None and forward.has_feature_map
    size = bundle.image_size
    pictures = np.random.default_rng(0).integers(0, 256, (33, size, size, 3)).astype(np.uint8)
    forward.warm_up()

    for n in (1, 5, 32, 33):
        np.testing.assert_allclose(predictor.probabilities(pictures[:n]),
                                   np.asarray(bundle.model.predict_on_batch(pictures[:n].astype(np.float32))),
                                   atol=1e-5)
    maker = heatmap_maker(forward)
    assert maker is not None
    photo = next((copy_hotdog_photos(tmp_path, 1) / "hotdog").iterdir())
    heat = maker.explain(photo)
    assert heat.label == predictor.predict([photo])[0].label
    assert forward._function.experimental_get_tracing_count() == 1
