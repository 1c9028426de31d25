"""Model files: one standalone .keras file, written atomically, opened safely."""

import errno
import zipfile

import numpy as np
import pytest

from desktop_app.core.models.bundle import ModelBundle, load_bundle, read_metadata, save_bundle
from desktop_app.core.models.metadata import ModelMetadata
from helpers import deny_write
from desktop_app.core.errors import ModelFileError, SaveError
from desktop_app.core.tf_runtime import keras


def _tiny_model():
    k = keras()
    inputs = k.Input((8, 8, 3))
    x = k.layers.Flatten()(k.layers.Rescaling(1 / 255)(inputs))
    return k.Model(inputs, k.layers.Dense(2, activation="softmax")(x))


def _bundle():
    return ModelBundle(_tiny_model(), ModelMetadata(("cat", "dog"), image_size=8, backbone="test"))


def test_round_trip_and_plain_keras_loads_it(tmp_path):
    bundle = _bundle()
    path = save_bundle(bundle, tmp_path / "pets")
    assert path.name == "pets.keras"
    images = np.random.default_rng(0).uniform(0, 255, (3, 8, 8, 3)).astype(np.float32)
    expected = bundle.model.predict_on_batch(images)
    loaded = load_bundle(path)
    assert loaded.classes == ["cat", "dog"] and loaded.image_size == 8
    assert np.allclose(loaded.model.predict_on_batch(images), expected, atol=1e-6)
    plain = keras().models.load_model(path)  # what a user's own script would do
    assert np.allclose(plain.predict_on_batch(images), expected, atol=1e-6)
    assert read_metadata(path).backbone == "test"


def test_full_disk_leaves_previous_model_intact_and_says_so(tmp_path, monkeypatch):
    path = save_bundle(_bundle(), tmp_path / "m.keras")
    before = path.read_bytes()
    bundle = _bundle()

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(bundle.model, "save", disk_full)
    with pytest.raises(SaveError, match="Could not save m.keras: the disk is full. Nothing was overwritten."):
        save_bundle(bundle, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["m.keras"]  # no temporary file left behind


def test_folder_that_is_not_writable_leaves_previous_model_intact_and_says_so(tmp_path, monkeypatch):
    folder = tmp_path / "models"
    path = save_bundle(_bundle(), folder / "m.keras")
    before = path.read_bytes()
    deny_write(folder, monkeypatch)
    try:
        with pytest.raises(SaveError, match=f"Could not save m.keras: there is no permission to write in {folder}"):
            save_bundle(_bundle(), path)
    finally:
        folder.chmod(0o755)
    assert path.read_bytes() == before and [p.name for p in folder.iterdir()] == ["m.keras"]


@pytest.mark.parametrize("content, message", [
    (b"", "damaged"),
    (b"hello, I am a text file", "damaged"),
    (None, "not made by FineTune Studio"),
    ("truncated", "damaged"),
])
def test_bad_model_files_give_clear_errors(tmp_path, content, message):
    path = tmp_path / "bad.keras"
    if content is None:  # a genuine Keras model from elsewhere, without our metadata
        _tiny_model().save(path)
    elif content == "truncated":
        good = save_bundle(_bundle(), tmp_path / "good.keras").read_bytes()
        path.write_bytes(good[: len(good) // 2])
    else:
        path.write_bytes(content)
    with pytest.raises(ModelFileError, match=message):
        load_bundle(path)


def test_missing_file(tmp_path):
    with pytest.raises(ModelFileError, match="does not exist"):
        load_bundle(tmp_path / "nope.keras")


def test_code_in_a_model_file_is_refused_not_run(tmp_path):
    marker = tmp_path / "code-ran"
    k = keras()

    def side_effect(t):
        marker.touch()
        return t

    inputs = k.Input((8, 8, 3))
    x = k.layers.Flatten()(k.layers.Lambda(side_effect)(inputs))
    model = k.Model(inputs, k.layers.Dense(2, activation="softmax")(x))
    path = save_bundle(ModelBundle(model, ModelMetadata(("cat", "dog"), image_size=8)), tmp_path / "lambda.keras")
    marker.unlink()  # building the model ran it; loading must not
    with pytest.raises(ModelFileError, match="could not be opened"):
        load_bundle(path)
    assert not marker.exists()


def test_custom_objects_are_refused(tmp_path):
    k = keras()

    @k.saving.register_keras_serializable(package="elsewhere")
    class Doubler(k.layers.Layer):
        def call(self, x):
            return x * 2

    inputs = k.Input((8, 8, 3))
    x = k.layers.Flatten()(Doubler()(inputs))
    model = k.Model(inputs, k.layers.Dense(2, activation="softmax")(x))
    path = save_bundle(ModelBundle(model, ModelMetadata(("cat", "dog"), image_size=8)), tmp_path / "custom.keras")
    k.saving.get_custom_objects().pop("elsewhere>Doubler")  # as on a machine that never had that code
    with pytest.raises(ModelFileError, match="could not be opened"):
        load_bundle(path)


def test_metadata_from_a_newer_app_is_refused(tmp_path):
    path = save_bundle(_bundle(), tmp_path / "m.keras")
    meta = read_metadata(path)
    rewritten = tmp_path / "future.keras"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(rewritten, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "finetune_studio.json":
                import json
                data = json.dumps(dict(meta.to_dict(), format_version=99)).encode()
            dst.writestr(item, data)
    with pytest.raises(ModelFileError, match="newer"):
        read_metadata(rewritten)


def test_saved_files_get_ordinary_permissions(tmp_path):
    import os
    import stat

    umask = os.umask(0o022)
    os.umask(umask)
    path = save_bundle(_bundle(), tmp_path / "m.keras")
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask  # not mkstemp's owner-only 0600


def test_a_new_threshold_is_saved_into_the_model_file(tmp_path):
    from desktop_app.core.models.bundle import set_threshold

    path = save_bundle(_bundle(), tmp_path / "m.keras")
    set_threshold(path, 0.8)
    loaded = load_bundle(path)
    assert loaded.metadata.threshold == 0.8 and loaded.classes == ["cat", "dog"]
    assert [p.name for p in tmp_path.iterdir()] == ["m.keras"]


def test_a_model_saved_by_version_0_1_opens_and_answers_as_it_did():
    """Version 0.1 squashed photos to a square and had no crop inside the model: it is fed as it was."""
    import json

    from helpers import HOTDOG, REPO
    from desktop_app.core.models.prediction import Predictor

    fixtures = REPO / "tests" / "fixtures"
    then = json.loads((fixtures / "model_v0.1.0_answers.json").read_text())
    predictor = Predictor(fixtures / "model_v0.1.0.keras")
    assert not predictor.metadata.crops and predictor.classes == ["hotdog", "not-hotdog"]
    now = predictor.predict([HOTDOG / p for p in then["photos"]])
    assert np.abs(np.array([list(p.probabilities.values()) for p in now]) - then["probabilities"]).max() < 1e-5


def test_a_model_asked_for_at_a_folder_goes_inside_it_and_an_unwritable_place_is_found_before_work(tmp_path):
    from desktop_app.core.atomic import claimed
    from desktop_app.core.errors import SaveError
    from desktop_app.core.models.bundle import model_path_for

    assert model_path_for(tmp_path, "hotdog") == tmp_path / "hotdog.keras"
    assert model_path_for(tmp_path / "m", "hotdog") == tmp_path / "m.keras"
    assert model_path_for(tmp_path / "m.keras", "hotdog") == tmp_path / "m.keras"
    with claimed(tmp_path / "new folder" / "m.keras"):
        pass
    assert list((tmp_path / "new folder").iterdir()) == []  # the claim leaves nothing behind
    (tmp_path / "x.keras").mkdir()
    with pytest.raises(SaveError, match="there is a folder of that name"), claimed(tmp_path / "x.keras"):
        pass


def _with_metadata(path, tmp_path, **changes):
    import json

    edited = tmp_path / "edited.keras"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(edited, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "finetune_studio.json":
                data = json.dumps(dict(json.loads(data), **changes)).encode()
            dst.writestr(item, data)
    return edited


@pytest.mark.parametrize("changes, field", [
    ({"classes": ["cat"]}, "classes"), ({"classes": ["cat", 3]}, "classes"), ({"classes": ["a", "a"]}, "classes"),
    ({"threshold": 7}, "threshold"), ({"threshold": "high"}, "threshold"),
    ({"recommended_threshold": -1}, "recommended_threshold"),
    ({"image_size": "big"}, "image_size"), ({"image_size": 100000}, "image_size"),
])
def test_a_hand_edited_model_file_says_which_field_is_wrong(tmp_path, changes, field):
    edited = _with_metadata(save_bundle(_bundle(), tmp_path / "m.keras"), tmp_path, **changes)
    with pytest.raises(ModelFileError, match=f"is damaged: its “{field}” is not valid"):
        read_metadata(edited)


def test_a_folder_or_a_renamed_model_file_is_named_for_what_it_is(tmp_path):
    (tmp_path / "x.keras").mkdir()
    with pytest.raises(ModelFileError, match="x.keras is a folder, not a model file"):
        read_metadata(tmp_path / "x.keras")
    renamed = tmp_path / "model.txt"
    save_bundle(_bundle(), tmp_path / "m.keras").rename(renamed)
    with pytest.raises(ModelFileError) as refused:
        load_bundle(renamed)
    assert str(refused.value) == "model.txt is a model file under another name: rename it to end in .keras."
