"""What the window remembers between starts: every key once, every value stored by what it means.

QSettings returns what it stored in other shapes depending on the backend (an INI file gives "33" for 33
and "true" for True; a one-item list comes back as a string, an empty one as None); this class reads each
value back as its type, once, here. Choices are stored by value, never by a widget's position, so
reordering a combo box cannot change what a user gets.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT_DATASETS = 8
MAX_RECENT_MODELS = 12
_UNSET = "unset"  # how None is stored: QSettings' INI files cannot tell None from "never stored"


@dataclass(frozen=True)
class TrainingChoices:
    """The Train tab's settings, as the user left them; None where nothing was stored."""

    network: str | None = None
    epochs: int | None = None
    learning_rate: float | None = None
    picture_size: int | None = None  # None: each network's own (Best for my photos) or not stored
    fine_tune_layers: int | None = None  # None: Automatic (training.AUTO), also when nothing was stored
    augment: bool = True


class Settings:
    def __init__(self, store: QSettings | None = None):
        self.store = store if store is not None else QSettings()

    # --- the window -------------------------------------------------------------------------------
    @property
    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.store.setValue("window/geometry", value)

    @property
    def language(self) -> str:
        """The language chosen in the app's menu; "" follows the system."""
        return str(self.store.value("language", "") or "")

    @language.setter
    def language(self, value: str) -> None:
        self.store.setValue("language", value)

    # --- datasets and models ----------------------------------------------------------------------
    @property
    def last_dataset(self) -> str:
        """The folder or project file open when the app last closed ("" for none)."""
        return str(self.store.value("dataset/last_folder", "") or "")

    @property
    def recent_datasets(self) -> list[str]:
        return self._list("dataset/recent")

    def remember_dataset(self, path: str) -> None:
        self.store.setValue("dataset/recent", _first(path, self.recent_datasets, MAX_RECENT_DATASETS))
        self.store.setValue("dataset/last_folder", path)

    @property
    def last_model(self) -> str:
        return str(self.store.value("models/last", "") or "")

    @last_model.setter
    def last_model(self, path: str) -> None:
        self.store.setValue("models/last", path)

    @property
    def recent_models(self) -> list[str]:
        return self._list("models/recent")

    def remember_model(self, path: Path) -> None:
        self.store.setValue("models/recent", _first(str(path), self.recent_models, MAX_RECENT_MODELS))

    def forget_model(self, path: Path) -> None:
        self.store.setValue("models/recent", [p for p in self.recent_models if Path(p) != path])

    def model_renamed(self, old: Path, new: Path) -> None:
        self.store.setValue("models/recent", [str(new) if Path(p) == old else p for p in self.recent_models])
        if self.last_model and Path(self.last_model) == old:
            self.last_model = str(new)

    # --- folders the file dialogs start in --------------------------------------------------------
    @property
    def photo_folder(self) -> str:
        """Where the Predict tab's Add Photos dialog was last used."""
        return str(self.store.value("predict/photo_folder", "") or "")

    @photo_folder.setter
    def photo_folder(self, folder: str) -> None:
        self.store.setValue("predict/photo_folder", folder)

    @property
    def save_folder(self) -> str:
        """Where a trained model was last saved with Save As."""
        return str(self.store.value("train/save_folder", str(Path.home())) or str(Path.home()))

    @save_folder.setter
    def save_folder(self, folder: str) -> None:
        self.store.setValue("train/save_folder", folder)

    # --- training ---------------------------------------------------------------------------------
    @property
    def training(self) -> TrainingChoices:
        s = self.store
        return TrainingChoices(
            # "train/network", not the "train/backbone" of versions whose default was MobileNetV2: a user who
            # never chose a network gets today's default.
            network=_str_or_none(s.value("train/network")),
            epochs=_int_or_none(s.value("train/epochs")),
            learning_rate=_float_or_none(s.value("train/learning_rate")),
            picture_size=_int_or_none(s.value("train/picture_size")),
            fine_tune_layers=self._fine_tune_layers(),
            augment=s.value("train/augment", True) in (True, "true"))

    @training.setter
    def training(self, choices: TrainingChoices) -> None:
        s = self.store
        s.setValue("train/network", choices.network)
        s.setValue("train/epochs", choices.epochs)
        s.setValue("train/learning_rate", choices.learning_rate)
        s.setValue("train/picture_size", choices.picture_size if choices.picture_size is not None else _UNSET)
        s.setValue("train/fine_tune_layers",
                   choices.fine_tune_layers if choices.fine_tune_layers is not None else _UNSET)
        s.remove("train/fine_tune")
        s.setValue("train/augment", choices.augment)

    def _fine_tune_layers(self) -> int | None:
        if self.store.contains("train/fine_tune_layers"):
            return _int_or_none(self.store.value("train/fine_tune_layers"))
        # Versions up to 0.2 stored the position in the list: Automatic, Off, Top 20, Top 40.
        old = _int_or_none(self.store.value("train/fine_tune"))
        return (None, 0, 20, 40)[old] if old is not None and 0 <= old < 4 else None

    def _list(self, key: str) -> list[str]:
        value = self.store.value(key, [])
        if isinstance(value, str):  # QSettings' INI format gives back a one-item list as its item
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []


def _first(item: str, items: list[str], most: int) -> list[str]:
    return [item] + [i for i in items if i != item][: most - 1]


def _str_or_none(value: Any) -> str | None:
    return None if value in (None, "", _UNSET) else str(value)


def _int_or_none(value: Any) -> int | None:
    try:
        return None if value in (None, "", _UNSET) else int(value)
    except (TypeError, ValueError):  # hand-edited or from another version: as if never stored
        return None


def _float_or_none(value: Any) -> float | None:
    try:
        return None if value in (None, "", _UNSET) else float(value)
    except (TypeError, ValueError):
        return None
