"""Write files so that a crash, a cancel or a full disk never leaves a half-written one behind."""

import contextlib
import errno
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import SaveError
from .i18n import tr

# mkstemp makes files only their owner can read; a saved model should get the permissions any new file
# gets. os.umask can only be read by setting it, so that is done once, at import, before any thread runs.
_UMASK = os.umask(0o022)
os.umask(_UMASK)


def _why(exc: OSError, folder: Path) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return tr("the disk is full")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return tr("there is no permission to write in {folder}", folder=folder)
    if exc.errno in (errno.EEXIST, errno.ENOTDIR):
        return tr("{folder} is a file, not a folder", folder=folder)
    if exc.errno == errno.EISDIR:
        return tr("there is a folder of that name")
    if exc.errno == errno.EROFS:
        return tr("{folder} is on a read-only disk", folder=folder)
    return exc.strerror or str(exc)


@contextlib.contextmanager
def claimed(target: str | os.PathLike) -> Iterator[None]:
    """Hold `target` for this process while the block runs: an hour of training must not be saved over by
    a second run writing the same model (both ended well and the last save won, silently). SaveError at
    once, in the words a save would use, when `target` could not be written or another process holds it.

    The claim is an operating-system lock on a hidden file beside `target`, so it ends with the process
    that holds it, also when that process is killed; the file goes when the block ends."""
    target = Path(target)
    if target.is_dir():
        raise SaveError(tr("Could not save {name}: {reason}.", name=target.name,
                           reason=tr("there is a folder of that name")))
    _temporary_beside(target).unlink()  # the file a save writes first can be made there
    fd = _locked(target)
    if fd is None:
        raise SaveError(tr("Could not save {name}: another training is writing this model. Wait for it to "
                           "finish, or choose another name.", name=target.name))
    try:
        yield
    finally:
        with contextlib.suppress(OSError):  # Windows keeps an open file: the next claim reuses it
            _lock_path(target).unlink()
        os.close(fd)


def is_claimed(target: str | os.PathLike) -> bool:
    """Whether a process holds `target` (claimed) now."""
    target = Path(target)
    if not _lock_path(target).exists():
        return False
    try:
        fd = _locked(target)
    except SaveError:
        return False
    if fd is None:
        return True
    os.close(fd)
    return False


def _lock_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.lock")


def _locked(target: Path) -> int | None:
    """An open descriptor of `target`'s lock file, holding the lock, or None when another process holds it."""
    lock = _lock_path(target)
    while True:
        try:
            lock.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise SaveError(tr("Could not save {name}: {reason}.", name=target.name,
                               reason=_why(exc, lock.parent))) from None
        try:
            _try_lock(fd)
        except OSError:
            os.close(fd)
            return None
        # The holder before us may have removed the file between our open and our lock: then we hold a
        # file no one else will find, and must lock the one that is there now.
        try:
            if os.stat(lock).st_ino == os.fstat(fd).st_ino:
                return fd
        except FileNotFoundError:
            pass
        os.close(fd)


def _try_lock(fd: int) -> None:
    """Lock `fd` without waiting; OSError when another process holds it."""
    if sys.platform == "win32":
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _temporary_beside(target: Path) -> Path:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Same folder as the target, so the final rename stays on one filesystem and is atomic.
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part" + target.suffix, dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise SaveError(tr("Could not save {name}: {reason}.", name=target.name,
                           reason=_why(exc, target.parent))) from None
    return Path(tmp)


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside `target`; move it over `target` only if the block succeeds.

    Any failure to write raises SaveError in plain words; an earlier file at `target` is left as it was.
    """
    target = Path(target)
    tmp_path = _temporary_beside(target)
    try:
        yield tmp_path
        with open(tmp_path, "rb+") as f:
            os.fsync(f.fileno())
        os.chmod(tmp_path, 0o666 & ~_UMASK)
        os.replace(tmp_path, target)
    except OSError as exc:
        raise save_failed(exc, target) from None
    finally:
        tmp_path.unlink(missing_ok=True)


def save_failed(exc: OSError, target: Path) -> SaveError:
    """What a user is told when writing `target` failed and an earlier file there was kept."""
    return SaveError(tr("Could not save {name}: {reason}. Nothing was overwritten.", name=target.name,
                        reason=_why(exc, target.parent)))


def free_path(folder: Path, stem: str, suffix: str, taken: Callable[[Path], bool] = Path.exists) -> Path:
    """`folder/stem+suffix`, or "stem (2)suffix", "stem (3)suffix"… while `taken`: a new file never lands on
    one that is there (a model, a sorted photo, a snapshot)."""
    candidate, n = folder / f"{stem}{suffix}", 2
    while taken(candidate):
        candidate, n = folder / f"{stem} ({n}){suffix}", n + 1
    return candidate
