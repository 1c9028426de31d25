"""Find the classes and images in a user's folder, and say in plain words what is wrong with it."""

import hashlib
import os
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DatasetError, ImageError
from ..i18n import QT_TR_NOOP, tr
from .images import is_image_name, is_junk_name, read_bytes, verify

TRAIN_NAMES = ("train", "training")
HOLDOUT_NAMES = {"test": "test", "testing": "test", "val": "validation", "valid": "validation",
                 "validation": "validation"}
TINY_CLASS = 10
IMBALANCE_RATIO = 3.0
UNKNOWN_CLASSES = {
    "test": QT_TR_NOOP("The test folder has classes that the training folder does not have ({names}); "
                       "their images were not used."),
    "validation": QT_TR_NOOP("The validation folder has classes that the training folder does not have ({names}); "
                             "their images were not used."),
}


@dataclass(frozen=True)
class ImageRecord:
    path: str
    label: str
    sha256: str


@dataclass(frozen=True)
class SkippedFile:
    path: str
    reason: str


@dataclass
class DatasetIndex:
    """What a folder holds. `validation` and `test` are empty unless the folder provides them."""

    root: str
    classes: list[str]
    train: list[ImageRecord]
    validation: list[ImageRecord] = field(default_factory=list)
    test: list[ImageRecord] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def counts(self, split: str = "train") -> dict[str, int]:
        c = Counter(r.label for r in getattr(self, split))
        return {name: c.get(name, 0) for name in self.classes}


def walk_files(folder: Path, skipped: list[SkippedFile]) -> list[Path]:
    """All files below `folder`, following links but never looping, skipping junk; a folder that cannot
    be opened is listed in `skipped` (os.walk would pass over it in silence)."""
    found: list[Path] = []
    seen: set[str] = set()

    def unreadable(exc: OSError) -> None:
        reason = (tr("no permission to open the folder") if isinstance(exc, PermissionError)
                  else tr("cannot open the folder ({problem})", problem=exc.strerror or exc))
        skipped.append(SkippedFile(str(exc.filename), reason))

    for dirpath, dirnames, filenames in os.walk(folder, onerror=unreadable, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in seen:
            dirnames[:] = []
            continue
        seen.add(real)
        dirnames[:] = sorted(d for d in dirnames if not is_junk_name(d))
        found.extend(Path(dirpath) / f for f in sorted(filenames) if not is_junk_name(f))
    return found


def _subdirs(folder: Path) -> list[Path]:
    try:
        return sorted((p for p in folder.iterdir() if p.is_dir() and not is_junk_name(p.name)),
                      key=lambda p: p.name.lower())
    except OSError as exc:
        raise DatasetError(tr("Cannot open the folder {folder}: {problem}", folder=folder,
                              problem=exc.strerror or exc)) from None


def check_file(path: Path) -> tuple[str | None, str | None]:
    """(sha256, None) for a usable image, (None, reason) otherwise."""
    if not is_image_name(path.name):
        if not path.suffix:
            return None, tr("not an image file (a name without a type such as .jpg)")
        return None, tr("not an image file (type '{suffix}' is not supported)", suffix=path.suffix)
    try:
        data = read_bytes(path)
        verify(data)
    except ImageError as exc:
        return None, str(exc)
    return hashlib.sha256(data).hexdigest(), None


def _scan_classes(folder: Path, class_dirs: list[Path], skipped: list[SkippedFile],
                  warnings: list[str]) -> list[ImageRecord]:
    jobs = [(d.name, f) for d in class_dirs for f in walk_files(d, skipped)]
    with ThreadPoolExecutor(max_workers=min(8, (os.cpu_count() or 2) * 2)) as pool:
        results = list(pool.map(lambda job: check_file(job[1]), jobs))
    records = []
    for (label, path), (sha, reason) in zip(jobs, results, strict=True):
        if sha is None:
            skipped.append(SkippedFile(str(path), reason or ""))
        else:
            records.append(ImageRecord(str(path), label, sha))
    for stray in sorted(p for p in folder.iterdir() if p.is_file() and not is_junk_name(p.name)):
        warnings.append(tr("'{name}' is not inside a class folder, so it was not used.", name=stray.name))
    return records


def scan_dataset(root: str | os.PathLike) -> DatasetIndex:
    """Scan a folder of class folders, or one with train/ and test/ (or val/) each holding class folders."""
    index = read_folder(root)
    check_trainable(index)
    return index


def check_trainable(index: DatasetIndex) -> None:
    """DatasetError in plain words unless at least two classes have images."""
    if len(index.classes) >= 2:
        return
    if index.classes:
        raise DatasetError(tr("Training needs at least two classes with images; {folder} has only '{name}'. "
                              "Put each kind of picture in its own sub-folder, e.g. hotdog/ and not-hotdog/.",
                              folder=index.root, name=index.classes[0]))
    raise DatasetError(tr("Training needs at least two classes with images; {folder} has none. "
                          "Put each kind of picture in its own sub-folder, e.g. hotdog/ and not-hotdog/.",
                          folder=index.root))


def read_folder(root: str | os.PathLike) -> DatasetIndex:
    """What a folder holds, also with fewer than two classes (a project may add the others)."""
    root = Path(root).expanduser().absolute()  # the model and its report record where the photos were
    if not root.is_dir():
        raise DatasetError(tr("The folder {folder} does not exist.", folder=root) if not root.exists()
                           else tr("{path} is a file; choose a folder that holds one folder per class.", path=root))
    subdirs = _subdirs(root)
    by_name = {d.name.lower(): d for d in subdirs}
    train_dir = next((by_name[n] for n in TRAIN_NAMES if n in by_name), None)
    skipped: list[SkippedFile] = []
    warnings: list[str] = []
    splits: dict[str, list[ImageRecord]] = {"validation": [], "test": []}
    if train_dir is not None:
        train = _scan_classes(train_dir, _subdirs(train_dir), skipped, warnings)
        for d in subdirs:
            split = HOLDOUT_NAMES.get(d.name.lower())
            if split and not splits[split]:
                splits[split] = _scan_classes(d, _subdirs(d), skipped, warnings)
    else:
        train = _scan_classes(root, subdirs, skipped, warnings)

    class_dirs = [d.name for d in (_subdirs(train_dir) if train_dir else subdirs)]
    counts = Counter(r.label for r in train)
    classes = [c for c in class_dirs if counts[c] > 0]
    for empty in (c for c in class_dirs if counts[c] == 0):
        warnings.append(tr("The class folder '{name}' has no usable image, so it was left out.", name=empty))
    for split, records in splits.items():
        unknown = sorted({r.label for r in records} - set(classes))
        if unknown:
            warnings.append(tr(UNKNOWN_CLASSES[split], names=", ".join(unknown)))
            skipped.extend(SkippedFile(r.path, tr("class '{name}' is not in the training folder", name=r.label))
                           for r in records if r.label in unknown)
            splits[split] = [r for r in records if r.label not in unknown]
    return DatasetIndex(str(root), classes, train, splits["validation"], splits["test"], skipped, warnings)


@dataclass(frozen=True)
class HealthReport:
    counts: dict[str, int]
    problems: list[str]
    duplicates: list[list[str]]
    overlap: list[tuple[str, str]]
    photos: list[list[str]] = field(default_factory=list)  # per problem, the photos it is about (or none)

    @property
    def ok(self) -> bool:
        return not self.problems


def health_report(index: DatasetIndex) -> HealthReport:
    """What a careful person would check before training, in plain words."""
    counts = index.counts("train")
    problems = list(index.warnings)
    if index.skipped:
        problems.append(tr("%n file(s) could not be used and were skipped (listed with reasons).", "",
                           len(index.skipped)))
    sizes = sorted(counts.values())
    if sizes[0] and sizes[-1] / sizes[0] >= IMBALANCE_RATIO:
        big = max(counts, key=counts.__getitem__)
        small = min(counts, key=counts.__getitem__)
        problems.append(tr("The classes are unbalanced: '{big}' has {big_n} images, '{small}' only {small_n}. "
                           "The model may favour '{big}'.", big=big, big_n=counts[big], small=small,
                           small_n=counts[small]))
    for name, n in counts.items():
        if n < TINY_CLASS:
            problems.append(tr("'{name}' has only %n image(s); {enough} or more per class work much better.", "", n,
                               name=name, enough=TINY_CLASS))
    by_hash: dict[str, list[ImageRecord]] = defaultdict(list)
    for r in index.train + index.validation + index.test:
        by_hash[r.sha256].append(r)
    photos: list[list[str]] = [[] for _ in problems]
    # Each set of identical files is reported once, under the most telling of its problems: in training
    # and held out too, else filed under different classes, else plainly there more than once.
    train_paths = {r.path for r in index.train}
    repeated = [g for g in by_hash.values() if len(g) > 1 and all(r.path in train_paths for r in g)
                or len(g) > 1 and not any(r.path in train_paths for r in g)]
    duplicates = [[r.path for r in group] for group in repeated if len({r.label for r in group}) == 1]
    if duplicates:
        problems.append(tr("%n image(s) appear more than once (identical files).", "", len(duplicates)))
        photos.append([p for group in duplicates for p in group])
    conflicting = [g for g in repeated if len({r.label for r in g}) > 1]
    if conflicting:
        problems.append(tr("%n identical image(s) are filed under different classes.", "", len(conflicting)))
        photos.append([r.path for group in conflicting for r in group])
    train_hashes = {r.sha256: r.path for r in index.train}
    overlap = [(train_hashes[r.sha256], r.path) for r in index.validation + index.test if r.sha256 in train_hashes]
    if overlap:
        problems.append(tr("%n image(s) are in both the training and the test or validation folders, "
                           "which makes the measured accuracy look better than it is.", "", len(overlap)))
        photos.append([p for pair in overlap for p in pair])
    return HealthReport(counts, problems, duplicates, overlap, photos)
