"""Photos put into one folder per class by a model's answers, with a record that undoes it.

Each photo goes to DEST/<class>/, or DEST/<not sure>/ when the model was not sure enough. Copying is the
default; moving only when asked. Nothing is ever overwritten (a clash gets " (2)", " (3)"…), and a file that
cannot be read stays where it is, listed with the reason. Every photo's row is written to DEST/sorted.csv as
soon as it has been placed, so a run stopped or broken half-way leaves a record of exactly what it did, and
undo_sort() puts moved photos back and takes copies away from that record alone.
"""

import csv
import os
import shutil
from collections import Counter
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import free_path
from ..errors import UserError
from ..i18n import tr
from ..progress import CancelToken
from .library import clean_name
from .prediction import Prediction, PredictionError

RECORD = "sorted.csv"
COLUMNS = ["source", "destination", "class", "confidence", "action", "error"]
COPIED, MOVED, LEFT = "copied", "moved", "left"


def not_sure_folder() -> str:
    return tr("not sure")


@dataclass
class SortResult:
    dest: Path
    record: Path
    per_folder: Counter = field(default_factory=Counter)  # folder name -> photos placed there
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (photo, why), left where they were
    moved: bool = False
    stopped: bool = False

    @property
    def placed(self) -> int:
        return sum(self.per_folder.values())

    def words(self) -> str:
        """What was done, in one sentence: "Copied 12 photos into DEST (hotdog 7, not sure 1, not-hotdog 4)."."""
        counts = ", ".join(f"{folder} {n}" for folder, n in sorted(self.per_folder.items()))
        done = (tr("Moved %n photo(s) into {folder} ({counts}).", "", self.placed, folder=self.dest, counts=counts)
                if self.moved else
                tr("Copied %n photo(s) into {folder} ({counts}).", "", self.placed, folder=self.dest, counts=counts))
        return tr("Stopped. {done}", done=done) if self.stopped else done


def sort_photos(answers: Sequence[Prediction | PredictionError], dest: str | os.PathLike, move: bool = False,
                cancel: CancelToken | None = None) -> Generator[tuple[int, int], None, SortResult]:
    """Place each answered photo in DEST/<class>/ (or the not-sure folder), yielding (done, total).

    Stopping (`cancel`) ends it between photos: the record then lists exactly the photos placed so far."""
    dest = Path(dest).expanduser().absolute()
    record = dest / RECORD
    if record.exists():
        raise UserError(tr("{folder} already holds photos sorted before ({record}). Undo that sort, or choose "
                           "another folder.", folder=dest, record=RECORD))
    dest.mkdir(parents=True, exist_ok=True)
    result = SortResult(dest, record, moved=move)
    with open(record, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        for done, answer in enumerate(answers, 1):
            if cancel is not None and cancel.cancelled:
                result.stopped = True
                break
            writer.writerow(_place(answer, dest, move, result))
            f.flush()  # the row is on disk before the next photo is touched
            yield done, len(answers)
    return result


def _place(answer: Prediction | PredictionError, dest: Path, move: bool, result: SortResult) -> list[str]:
    if isinstance(answer, PredictionError):
        result.unreadable.append((answer.path, answer.error))
        return [answer.path, "", "", "", LEFT, answer.error]
    folder = answer.label if answer.sure else not_sure_folder()
    source = Path(answer.path)
    target = free_path(dest / (clean_name(folder) or "_"), source.stem, source.suffix)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        if move:
            shutil.move(answer.path, target)  # a rename on the same disk; copy and delete across disks
        else:
            shutil.copy2(answer.path, target)
    except OSError as exc:
        why = exc.strerror or str(exc)
        result.unreadable.append((answer.path, why))
        return [answer.path, "", folder, f"{answer.confidence:.4f}", LEFT, why]
    result.per_folder[folder] += 1
    return [answer.path, str(target), folder, f"{answer.confidence:.4f}", MOVED if move else COPIED, ""]


@dataclass
class UndoResult:
    restored: int = 0  # moved photos put back, copies taken away
    kept: list[tuple[str, str]] = field(default_factory=list)  # (file, why it was left as it is)

    def words(self) -> str:
        return tr("Sort undone: %n photo(s) back as they were.", "", self.restored)


def undo_sort(dest: str | os.PathLike) -> UndoResult:
    """Undo the sort recorded in DEST/sorted.csv: moved photos go back where they were, copies are deleted,
    class folders left empty are removed, and the record is renamed so it is not undone twice."""
    record = Path(dest).expanduser().absolute() / RECORD
    try:
        with open(record, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
    except FileNotFoundError:
        raise UserError(tr("There is no sort to undo in {folder} ({record} is not there).", folder=record.parent,
                           record=RECORD)) from None
    result = UndoResult()
    for row in reversed(rows):
        source, placed, action = row.get("source", ""), row.get("destination", ""), row.get("action", "")
        if action not in (COPIED, MOVED) or not placed:
            continue
        if not Path(placed).is_file():
            result.kept.append((placed, tr("it is no longer there")))
        elif action == MOVED and Path(source).exists():
            result.kept.append((placed, tr("another file is now at {path}", path=source)))
        elif action == MOVED:
            Path(source).parent.mkdir(parents=True, exist_ok=True)
            shutil.move(placed, source)
            result.restored += 1
        else:
            Path(placed).unlink()
            result.restored += 1
    for folder in {Path(row["destination"]).parent for row in rows if row.get("destination")}:
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    record.replace(record.with_name("sorted (undone).csv"))
    return result
