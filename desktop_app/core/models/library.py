"""The user's models: those in the app's models folder and others they opened, listed, renamed and named."""

import contextlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .bundle import MODEL_SUFFIX
from ..atomic import free_path, is_claimed
from ..errors import ModelFileError, SaveError, UserError
from ..i18n import tr
from .info import ModelInfo
from .report import report_path

# Characters no file name may hold on one of the three systems.
_FORBIDDEN = set('/\\:*?"<>|')


@dataclass(frozen=True)
class LibraryEntry:
    path: Path
    info: ModelInfo | None  # None: the file is there but is not a model this app can open
    problem: str = ""


def list_models(folder: Path, others: Sequence[str | os.PathLike] = ()) -> list[LibraryEntry]:
    """Models in `folder`, newest first, then `others` (recently opened elsewhere) that still exist."""
    found = sorted(folder.glob(f"*{MODEL_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True) \
        if folder.is_dir() else []
    seen = {p.resolve() for p in found}
    for other in map(Path, others):
        if other.is_file() and other.resolve() not in seen:
            found.append(other)
            seen.add(other.resolve())
    entries = []
    for path in found:
        try:
            entries.append(LibraryEntry(path, ModelInfo.read(path)))
        except UserError as exc:
            entries.append(LibraryEntry(path, None, str(exc)))
    return entries


def clean_name(name: str) -> str:
    """A model name the user typed, as a file name: trimmed, without characters a file name cannot hold."""
    cleaned = "".join("_" if c in _FORBIDDEN or ord(c) < 32 else c for c in name).strip().strip(".")
    if cleaned.lower().endswith(MODEL_SUFFIX):
        cleaned = cleaned[: -len(MODEL_SUFFIX)].rstrip()
    return cleaned


def free_model_path(folder: Path, name: str) -> Path:
    """`folder/name.keras`, or `name (2).keras`, ... when a model of that name exists or another run (another
    window) is writing one: nothing is overwritten."""
    return free_path(folder, name, MODEL_SUFFIX, lambda candidate: candidate.exists() or is_claimed(candidate))


def rename_model(path: Path, new_name: str) -> Path:
    """Rename a model file and the training report beside it; an existing model of that name is refused."""
    name = clean_name(new_name)
    if not name:
        raise UserError(tr("A model needs a name."))
    target = path.with_name(name + MODEL_SUFFIX)
    if target == path:
        return path
    if target.exists():
        raise UserError(tr("There is already a model called “{name}” in {folder}.", name=name, folder=path.parent))
    if not path.is_file():
        raise ModelFileError(tr("The model file {file} does not exist.", file=path))
    try:
        os.rename(path, target)
    except OSError as exc:
        raise SaveError(tr("Could not rename {name}: {problem}.", name=path.name,
                           problem=exc.strerror or exc)) from None
    report = report_path(path)
    if report.is_file():
        with contextlib.suppress(OSError):  # the model is renamed; its report keeps the old name, nothing is lost
            os.rename(report, report_path(target))
    return target
