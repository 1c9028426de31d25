"""A project: the dataset as the user builds and fixes it in the app, without touching their photo folders.

It references source folders (folders of class folders) and records the user's edits: classes made,
photos added (copied into the project's own folder, never moved), photos left out, photos given
another class, classes renamed or deleted. Training, evaluation and the health report work on its
resolved view, a DatasetIndex. Saved as NAME.ftsproject (JSON, atomically).
"""

import hashlib
import json
import os
import shutil
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .. import paths
from ..atomic import atomic_path
from .dataset import (DatasetIndex, ImageRecord, SkippedFile, check_file, check_trainable, read_folder,
                      walk_files)
from ..errors import DatasetError, UserError
from ..i18n import tr
from ..limits import is_whole_number
from .images import ImageError, is_image_name, read_bytes
from ..progress import CancelToken

PROJECT_SUFFIX = ".ftsproject"
CheckedPhotos = dict[str, tuple[str | None, str | None]]  # a photo -> (sha256, None) or (None, why unusable)
FORMAT, FORMAT_VERSION = "finetune-studio-project", 1


@dataclass
class Project:
    sources: list[str] = field(default_factory=list)  # folders of class folders, read only
    new_classes: list[str] = field(default_factory=list)  # made in the app, in the order made
    added: dict[str, str] = field(default_factory=dict)  # photo copied into photos_dir() -> its class
    excluded: list[str] = field(default_factory=list)  # photos left out
    relabelled: dict[str, str] = field(default_factory=dict)  # photo -> the class the user gave it
    renamed: dict[str, str] = field(default_factory=dict)  # class as the sources name it -> its name here
    deleted: list[str] = field(default_factory=list)  # classes taken out (their photos with them)
    path: Path | None = None  # where it is saved; None until it is
    # What was read from disk, so an edit shows at once (a project opened again reads afresh).
    _folders: dict = field(default_factory=dict, repr=False, compare=False)
    _checked: dict = field(default_factory=dict, repr=False, compare=False)
    # Files a user added that could not be read, so nothing was copied: listed while the app runs, not kept.
    _not_copied: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_folder(cls, folder: str | os.PathLike) -> "Project":
        """An unsaved project over one folder: what opening a plain folder gives."""
        return cls(sources=[str(Path(folder).expanduser().absolute())])

    @classmethod
    def load(cls, path: str | os.PathLike) -> "Project":
        path = Path(path).expanduser().absolute()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise UserError(tr("The project file {file} does not exist.", file=path)) from None
        except (OSError, ValueError):
            raise UserError(tr("{name} is not a FineTune Studio project, or the file is damaged.",
                               name=path.name)) from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise UserError(tr("{name} is not a FineTune Studio project, or the file is damaged.", name=path.name))
        version = data.get("format_version", 0)
        if not is_whole_number(version):
            raise UserError(tr("{name} is damaged: “{field}” should be a whole number.", name=path.name,
                               field="format_version"))
        if version > FORMAT_VERSION:
            raise UserError(tr("{name} was made by a newer FineTune Studio; please update the app.", name=path.name))
        project = cls(path=path)
        project.restore(_checked(data, path))
        # A hand-edited file must not pull in any picture but the app's own copies.
        outside = [p for p in project.added if not _is_copy(p)]
        if outside:
            raise UserError(tr("{name} is damaged: “added” names a photo outside the app's project photo folders "
                               "({photo}).", name=path.name, photo=outside[0]))
        return project

    def snapshot(self) -> dict:
        """The edits as plain data: what the file holds, and what the window's undo stack keeps per step."""
        return json.loads(json.dumps({"sources": self.sources, "new_classes": self.new_classes, "added": self.added,
                                      "excluded": self.excluded, "relabelled": self.relabelled,
                                      "renamed": self.renamed, "deleted": self.deleted}))

    def restore(self, state: dict) -> None:
        self.sources, self.new_classes = list(state.get("sources", [])), list(state.get("new_classes", []))
        self.added, self.excluded = dict(state.get("added", {})), list(state.get("excluded", []))
        self.relabelled, self.renamed = dict(state.get("relabelled", {})), dict(state.get("renamed", {}))
        self.deleted = list(state.get("deleted", []))

    def save(self, path: str | os.PathLike | None = None) -> Path:
        """Write the project (atomically) to `path`, or where it was last saved."""
        where = path or self.path
        if where is None:
            raise ValueError("a project saved for the first time needs a path")
        target = Path(where).expanduser().absolute()
        if target.suffix != PROJECT_SUFFIX:
            target = target.with_name(target.name + PROJECT_SUFFIX)
        data = {"format": FORMAT, "format_version": FORMAT_VERSION, **self.snapshot()}
        with atomic_path(target) as tmp:
            tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        self.path = target
        return target

    @property
    def name(self) -> str:
        if self.path is not None:
            return self.path.stem
        return Path(self.sources[0]).name if self.sources else tr("New project")

    def photos_dir(self) -> Path:
        """The project's own folder in the app's data folder, where added photos are copied."""
        key = str(self.path or self.sources)
        return paths.data_dir() / "projects" / hashlib.sha256(key.encode()).hexdigest()[:16] / "photos"

    def copies_folders(self) -> list[str]:
        """Where the copies of the added photos are: photos_dir(), or the folder it was before the project was
        first saved."""
        return sorted({str(Path(photo).parent) for photo in self.added})

    # --- the resolved view ---------------------------------------------------------------------------
    def resolve(self) -> DatasetIndex:
        """The dataset with every edit applied; DatasetError when fewer than two classes have photos."""
        index = self.read()
        check_trainable(index)
        return index

    def read(self) -> DatasetIndex:
        """The dataset with every edit applied, also while it has fewer than two classes; DatasetError when
        no source folder can be read and nothing was added."""
        train: list[ImageRecord] = []
        validation: list[ImageRecord] = []
        test: list[ImageRecord] = []
        skipped: list[SkippedFile] = []
        warnings: list[str] = []
        order: list[str] = []
        unreadable: list[DatasetError] = []
        for source in self.sources:
            try:
                found = self._folders.get(source) or self._folders.setdefault(source, read_folder(source))
            except DatasetError as exc:  # a source folder moved or deleted: say so, keep the rest
                unreadable.append(exc)
                warnings.append(str(exc))
                continue
            order += [self._class_of(c) for c in found.classes]
            train += found.train
            validation += found.validation
            test += found.test
            skipped += found.skipped
            warnings += found.warnings
        skipped += [SkippedFile(photo, reason) for photo, reason in self._not_copied.items()]
        for photo, label in self.added.items():
            if photo not in self._checked:
                self._checked[photo] = check_file(Path(photo))
            sha, reason = self._checked[photo]
            if sha is None:
                skipped.append(SkippedFile(photo, reason))
            else:
                train.append(ImageRecord(photo, label, sha))
        if unreadable and not train:  # nothing left to show: the reason is the answer
            raise unreadable[0]
        train, validation, test = (self._edited(records) for records in (train, validation, test))
        present = {r.label for r in train}
        classes = [c for c in dict.fromkeys(order + self.new_classes) if c in present]
        # Where the photos are (a model records it; its export checks and report look there).
        root = self.sources[0] if self.sources else str(self.photos_dir())
        return DatasetIndex(root, classes, train, validation, test, skipped, warnings)

    def class_names(self, index: DatasetIndex | None = None) -> list[str]:
        """Every class of the project, also the ones without photos yet; `index`: its read() if at hand."""
        index = index or self.read()
        names = [r.label for r in index.train]
        return list(dict.fromkeys([*index.classes, *self.new_classes, *names]))

    def _class_of(self, source_label: str) -> str:
        return self.renamed.get(source_label, source_label)

    def _edited(self, records: list[ImageRecord]) -> list[ImageRecord]:
        excluded, deleted = set(self.excluded), set(self.deleted)
        out = []
        for r in records:
            label = self.relabelled.get(r.path, r.label if r.path in self.added else self._class_of(r.label))
            if r.path not in excluded and label not in deleted:
                out.append(ImageRecord(r.path, label, r.sha256))
        return out

    # --- edits (undone by restoring a snapshot) ----------------------------------------------------------
    def add_class(self, name: str) -> None:
        name = name.strip()
        if not name or "/" in name or "\\" in name:
            raise UserError(tr("A class needs a name without slashes."))
        if name in self.class_names():
            raise UserError(tr("There is already a class called “{name}”.", name=name))
        self.deleted = [c for c in self.deleted if c != name]
        self.new_classes.append(name)

    def rename_class(self, old: str, new: str) -> None:
        new = new.strip()
        if not new or "/" in new or "\\" in new:
            raise UserError(tr("A class needs a name without slashes."))
        if new != old and new in self.class_names():
            raise UserError(tr("There is already a class called “{name}”.", name=new))
        self.renamed = {source: (new if shown == old else shown) for source, shown in self.renamed.items()}
        self.renamed.setdefault(old, new)  # a class as the sources name it (harmless for one made here)
        self.new_classes = [new if c == old else c for c in self.new_classes]
        self.relabelled = {p: (new if c == old else c) for p, c in self.relabelled.items()}
        self.added = {p: (new if c == old else c) for p, c in self.added.items()}

    def delete_class(self, name: str) -> None:
        self.new_classes = [c for c in self.new_classes if c != name]
        if name not in self.deleted:
            self.deleted.append(name)

    def import_photos(self, files: Sequence[str | os.PathLike],
                      cancel: CancelToken | None = None) -> Generator[tuple[int, int], None, CheckedPhotos]:
        """Copy image files (folders: the images inside) into the project's folder and check each copy,
        yielding (done, total); the copies and their checks are the return value. The project itself is
        not changed until they are adopted, so the slow part can run off the window's thread. The
        originals are only read."""
        unreadable: list[SkippedFile] = []
        sources = _image_files(files, unreadable)
        folder = self.photos_dir()
        folder.mkdir(parents=True, exist_ok=True)
        checked: CheckedPhotos = {s.path: (None, s.reason) for s in unreadable}
        for done, source in enumerate(sources, 1):
            if cancel is not None:
                cancel.raise_if_cancelled()
            try:
                data = read_bytes(source)
            except ImageError as exc:  # listed with the skipped photos, with the reason
                checked[str(source)] = (None, str(exc))
            else:
                copy = folder / (hashlib.sha256(data).hexdigest()[:20] + source.suffix.lower())
                if not copy.exists():
                    with atomic_path(copy) as tmp:
                        tmp.write_bytes(data)
                checked[str(copy)] = check_file(copy)
            yield done, len(sources)
        return checked

    def adopt(self, checked: CheckedPhotos, label: str) -> None:
        """Photos import_photos copied join `label`; those it could not read are listed with the skipped."""
        for photo, outcome in checked.items():
            if _is_copy(photo):
                self._checked[photo] = outcome
                self.added[photo] = label
            else:
                self._not_copied[photo] = outcome[1]

    def move(self, photos: list[str], label: str) -> None:
        for photo in photos:
            self.relabelled[photo] = label

    def exclude(self, photos: list[str]) -> None:
        self.excluded = list(dict.fromkeys([*self.excluded, *photos]))  # sets, not list scans: 20k photos

    def include(self, photos: list[str]) -> None:
        taken_back = set(photos)
        self.excluded = [p for p in self.excluded if p not in taken_back]


def _is_copy(photo: str) -> bool:
    """A copy the app made in one of its projects' photo folders (a project saved after adding keeps them in
    the folder it had unsaved)."""
    return Path(photo).is_relative_to(paths.data_dir() / "projects")


def _image_files(items: Sequence[str | os.PathLike], unreadable: list[SkippedFile]) -> list[Path]:
    """The photos named, and those in the folders named; folders that cannot be opened go to `unreadable`."""
    files = []
    for item in map(Path, items):
        if item.is_dir():
            files += [p for p in walk_files(item, unreadable) if is_image_name(p.name)]
        elif is_image_name(item.name):
            files.append(item)
    return files


def open_dataset(path: str | os.PathLike) -> DatasetIndex:
    """A folder of class folders, or a project file, as a trainable dataset."""
    path = Path(path)
    if path.suffix == PROJECT_SUFFIX:
        return Project.load(path).resolve()
    from .dataset import scan_dataset

    return scan_dataset(path)


def export_dataset(index: DatasetIndex, target: str | os.PathLike) -> Path:
    """Copy the dataset as folder-per-class (train/ and test/ or val/ when it has them) into `target`,
    which must not exist yet; the user's fixes can leave the app this way."""
    target = Path(target)
    if target.exists():
        raise UserError(tr("{folder} already exists; choose a new folder to export into.", folder=target))
    staging = target.with_name("." + target.name + ".part")  # renamed into place only when complete
    shutil.rmtree(staging, ignore_errors=True)
    splits = {"train": index.train, "val": index.validation, "test": index.test}
    used = {name: records for name, records in splits.items() if records}
    try:
        for split, records in used.items():
            base = staging / split if len(used) > 1 else staging
            names: set[tuple[str, str]] = set()
            for r in records:
                name = Path(r.path).name
                if (r.label, name) in names:  # two sources with the same file name
                    name = f"{Path(name).stem}-{r.sha256[:8]}{Path(name).suffix}"
                names.add((r.label, name))
                (base / r.label).mkdir(parents=True, exist_ok=True)
                shutil.copy2(r.path, base / r.label / name)
        os.replace(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise UserError(tr("Could not export into {folder}: {problem}", folder=target,
                           problem=exc.strerror or exc)) from None
    return target


# What each field of a project file holds: a list of texts, or a table from text to text.
_LISTS = ("sources", "new_classes", "excluded", "deleted")
_TABLES = ("added", "relabelled", "renamed")


def _checked(data: dict, path: Path) -> dict:
    """The file's fields, each of the type it must have (a clear message naming the first that is not, before
    any of it is used: a string for "sources" once made the app scan the whole disk from /), with relative
    folders taken from the project file's own folder, not from wherever the app was started."""
    for key in _LISTS:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise UserError(tr("{name} is damaged: “{field}” should be a list of texts.", name=path.name, field=key))
    for key in _TABLES:
        value = data.get(key, {})
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise UserError(tr("{name} is damaged: “{field}” should be a table of texts.", name=path.name, field=key))
    # normpath, not resolve: photo paths in the other fields start with the folder as it was written.
    return {**data, "sources": [os.path.normpath(path.parent / Path(s).expanduser()) for s in data.get("sources", [])]}
