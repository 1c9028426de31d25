"""What the window remembers: read back as the types it was stored as, choices by value, older files migrated."""

from PySide6.QtCore import QSettings

from desktop_app.gui.settings import MAX_RECENT_DATASETS, Settings, TrainingChoices


def _ini(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_training_choices_come_back_as_stored_from_an_ini_file(tmp_path):
    for choices in (TrainingChoices("efficientnet_lite2", 33, 0.002, 288, 20, False),
                    TrainingChoices("best", 50, 0.001, None, None, True)):  # Automatic, each network's own size
        Settings(_ini(tmp_path)).training = choices
        assert Settings(_ini(tmp_path)).training == choices  # a fresh QSettings reads the file as written


def test_the_fine_tune_choice_is_stored_by_value_and_older_positions_are_migrated(tmp_path):
    store = _ini(tmp_path)
    store.setValue("train/fine_tune", 2)  # 0.2 stored the combo box position: Top 20 layers
    store.sync()
    assert Settings(_ini(tmp_path)).training.fine_tune_layers == 20
    settings = Settings(_ini(tmp_path))
    settings.training = TrainingChoices(fine_tune_layers=40)
    assert not settings.store.contains("train/fine_tune") and settings.training.fine_tune_layers == 40
    assert Settings(_ini(tmp_path)).training == TrainingChoices(fine_tune_layers=40)


def test_nothing_stored_or_nonsense_reads_as_the_defaults(tmp_path):
    store = _ini(tmp_path)
    store.setValue("train/epochs", "many")
    settings = Settings(store)
    assert settings.training == TrainingChoices()
    assert settings.recent_datasets == [] and settings.last_model == "" and settings.geometry is None


def test_recent_lists_survive_one_item_and_keep_the_newest_first(tmp_path):
    settings = Settings(_ini(tmp_path))
    settings.remember_dataset("/photos/a")
    assert Settings(_ini(tmp_path)).recent_datasets == ["/photos/a"]  # QSettings gives a one-item list as a str
    for i in range(MAX_RECENT_DATASETS + 2):
        settings.remember_dataset(f"/photos/{i}")
    settings.remember_dataset("/photos/3")
    recent = Settings(_ini(tmp_path)).recent_datasets
    assert recent[0] == "/photos/3" and len(recent) == MAX_RECENT_DATASETS and len(set(recent)) == len(recent)
    assert settings.last_dataset == "/photos/3"
