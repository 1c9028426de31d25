"""The model file's metadata: one typed record, read the same from new and older files, rewritten without loss."""

import json
import zipfile
from pathlib import Path

import pytest

from desktop_app.core.models.bundle import METADATA_MEMBER, read_metadata, set_threshold
from desktop_app.core.errors import ModelFileError
from desktop_app.core.models.metadata import DEFAULT_IMAGE_SIZE, ModelMetadata
from desktop_app.core.progress import Phase

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _with_metadata(tmp_path: Path, change) -> Path:
    """A copy of the 0.1 model file whose metadata went through `change(dict)`."""
    out = tmp_path / "changed.keras"
    with zipfile.ZipFile(FIXTURES / "model_v0.1.0.keras") as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == METADATA_MEMBER:
                meta = json.loads(data)
                change(meta)
                data = json.dumps(meta).encode()
            dst.writestr(item, data)
    return out


def test_a_file_from_version_0_1_reads_with_the_meaning_it_had():
    meta = read_metadata(FIXTURES / "model_v0.1.0.keras")
    assert meta.classes == ("hotdog", "not-hotdog") and meta.image_size == 96 and meta.app_version == "0.1.0"
    assert not meta.crops  # before 0.2 photos were squashed, not cropped
    assert meta.dataset.train_counts == {"hotdog": 10, "not-hotdog": 10} and meta.dataset.images_used == 20
    assert meta.val_accuracy == 0.75 and meta.threshold == meta.recommended_threshold == 0.91
    assert meta.history[0].phase is Phase.HEAD and meta.created.year == 2026
    assert len(meta.validation.paths) == len(meta.validation.probabilities) == len(meta.validation.labels) > 0
    assert meta.training_hashes and all(len(h) == 16 for h in meta.training_hashes)


def test_what_older_files_left_out_gets_the_defaults_of_their_time(tmp_path):
    def strip(meta):
        for key in ("image_size", "recommended_threshold", "validation", "training_hashes", "created"):
            meta.pop(key)
        meta["dataset"]["skipped"] = 3  # a count, before the list was kept

    meta = read_metadata(_with_metadata(tmp_path, strip))
    assert meta.image_size == DEFAULT_IMAGE_SIZE and meta.recommended_threshold == meta.threshold == 0.91
    assert meta.validation is None and meta.training_hashes is None and meta.created is None
    assert meta.dataset.skipped == ()


def test_a_rewrite_keeps_every_key_including_ones_this_version_does_not_know(tmp_path):
    path = _with_metadata(tmp_path, lambda meta: meta.update(future_key={"kept": True}))
    before = read_metadata(path)
    set_threshold(path, 0.5)
    after = read_metadata(path)
    assert after.threshold == 0.5 and after.unknown == {"future_key": {"kept": True}}
    assert after.validation == before.validation and after.history == before.history
    assert after.to_dict() == dict(before.to_dict(), threshold=0.5)
    assert ModelMetadata.from_dict(after.to_dict()) == after


@pytest.mark.parametrize("change", [lambda m: m.update(classes="hotdog"), lambda m: m.update(image_size="big"),
                                    lambda m: m.update(history=[{"phase": "nonsense"}])],
                         ids=["classes-not-a-list", "size-not-a-number", "history-damaged"])
def test_metadata_of_the_wrong_shape_is_a_clear_error(tmp_path, change):
    # The picture size is named (tests/core/test_bundle.py has every field it checks by name).
    with pytest.raises(ModelFileError, match="not a FineTune Studio model|is damaged: its “image_size”"):
        read_metadata(_with_metadata(tmp_path, change))
