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


def test_a_model_without_a_feature_map_answers_every_picture_of_a_batch(tmp_path):
    from desktop_app.core.models.bundle import ModelBundle, save_bundle
    from desktop_app.core.models.metadata import ModelMetadata
    from desktop_app.core.tf_runtime import keras, model_lock

    k = keras()
    with model_lock:
        inputs = k.Input((8, 8, 3))
        model = k.Model(inputs, k.layers.Dense(2, activation="softmax")(k.layers.Flatten()(inputs)))
    path = save_bundle(ModelBundle(model, ModelMetadata(("a", "b"), image_size=8)), tmp_path / "flat.keras")
    predictor = Predictor(load_bundle(path))
    assert predictor.forward is not None and not predictor.forward.has_feature_map
    pictures = np.random.default_rng(1).integers(0, 256, (3, 8, 8, 3)).astype(np.uint8)
    answers = predictor.probabilities(pictures)
    assert answers.shape == (3, 2)
    np.testing.assert_allclose(answers, np.asarray(model.predict_on_batch(pictures.astype(np.float32))), atol=1e-6)
    assert predictor.forward(pictures)[0] is None
