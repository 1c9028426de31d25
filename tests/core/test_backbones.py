"""Backbones: bundled weights work offline, others are found or explained, preprocessing is each one's own."""

import dataclasses
import hashlib

import numpy as np
import pytest

from desktop_app.core.networks import backbones
from desktop_app.core.networks.backbones import (BACKBONES, DEFAULT_BACKBONE, availability, build_network, get_backbone,
                                        import_weights, locate_weights)
from desktop_app.core.errors import BackboneUnavailable, UserError
from desktop_app.core.tf_runtime import keras


@pytest.fixture(autouse=True)
def no_downloads(monkeypatch):
    """Any attempt to fetch weights from the internet fails the test."""
    from keras.src.utils import file_utils

    def refuse(*args, **kwargs):
        raise AssertionError("tried to download at run time")

    monkeypatch.setattr(file_utils, "get_file", refuse)


def test_bundled_backbones_are_available_offline():
    status = dict((b.id, reason) for b, reason in availability())
    bundled = [b.id for b in BACKBONES if b.bundled]
    assert DEFAULT_BACKBONE in bundled
    assert all(status[b] is None for b in bundled)
    assert locate_weights(get_backbone(DEFAULT_BACKBONE)).parent.name == "models"


def test_missing_backbone_says_how_to_add_it():
    resnet = get_backbone("resnet50")
    with pytest.raises(BackboneUnavailable) as err:
        locate_weights(resnet)
    message = str(err.value)
    assert resnet.weights_file in message and "python -m desktop_app.cli import-weights resnet50" in message


def test_in_the_standalone_app_the_hint_names_its_own_command_line(monkeypatch):
    import sys

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/FineTune Studio/FineTune Studio")
    assert "or import it with: '/opt/FineTune Studio/finetune-studio' import-weights resnet50 FILE" in \
        get_backbone("resnet50").add_hint


def test_wrong_file_in_keras_cache_is_not_used(isolated_app_dirs):
    cached = isolated_app_dirs / "keras" / "models" / get_backbone("efficientnet_b0").weights_file
    cached.parent.mkdir(parents=True)
    cached.write_bytes(b"not the real weights")
    with pytest.raises(BackboneUnavailable, match="checksum does not match"):
        locate_weights(get_backbone("efficientnet_b0"))


def test_unknown_backbone():
    with pytest.raises(UserError, match="Unknown network"):
        get_backbone("alexnet")


def _pooled(feature_map):
    fm = np.asarray(feature_map)
    return np.concatenate([fm.mean(axis=(1, 2)), fm.max(axis=(1, 2))], axis=1)


@pytest.mark.parametrize("backbone_id, preprocess", [
    ("mobilenet_v2_0.35", "mobilenet_v2"),
    ("resnet50", "resnet50"),
])
def test_model_applies_the_backbones_own_preprocessing(backbone_id, preprocess):
    k = keras()
    backbone = get_backbone(backbone_id)
    weights = locate_weights(backbone) if backbone.bundled else None
    model, base = build_network(backbone, 64, weights)
    rgb = np.random.default_rng(0).uniform(0, 255, (2, 64, 64, 3)).astype(np.float32)
    reference = getattr(k.applications, preprocess).preprocess_input(rgb.copy())
    assert np.allclose(model.predict_on_batch(rgb), _pooled(base.predict_on_batch(reference)), atol=1e-3)


def test_real_weights_give_informative_features():
    backbone = get_backbone("mobilenet_v2_0.35")
    real, _ = build_network(backbone, 64, locate_weights(backbone))
    rgb = np.random.default_rng(1).uniform(0, 255, (2, 64, 64, 3)).astype(np.float32)
    out = real.predict_on_batch(rgb)
    assert out.shape == (2, 2 * 1280) and np.all(np.isfinite(out)) and out.std() > 0.05


def test_import_checks_and_installs_a_weight_file(tmp_path, monkeypatch):
    k = keras()
    weights = tmp_path / "mine.weights.h5"
    k.applications.MobileNetV3Small(input_shape=(224, 224, 3), include_top=False, weights=None,
                                    include_preprocessing=True).save_weights(weights)
    md5 = hashlib.md5(weights.read_bytes()).hexdigest()
    patched = tuple(dataclasses.replace(b, keras_md5=md5) if b.id == "mobilenet_v3_small" else b for b in BACKBONES)
    monkeypatch.setattr(backbones, "BACKBONES", patched)
    other = tmp_path / "other.h5"
    other.write_bytes(b"some other file")
    with pytest.raises(UserError, match="checksum mismatch"):
        import_weights("mobilenet_v3_small", other)
    installed = import_weights("mobilenet_v3_small", weights)
    assert installed.read_bytes() == weights.read_bytes()
    assert locate_weights(get_backbone("mobilenet_v3_small")) == installed
