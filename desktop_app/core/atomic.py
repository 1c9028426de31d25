"""Write files so that a crash, a cancel or a full disk never leaves a half-written one behind."""

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
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
    if exc.errno == errno.EROFS:
        return tr("{folder} is on a read-only disk", folder=folder)
    return exc.strerror or str(exc)


def check_writable(target: str | os.PathLike) -> None:
    """SaveError now, in the words a save would use, when `target` could not be written: found before an hour
    of work, not after it."""
    target = Path(target)
    if target.is_dir():
        raise SaveError(tr("Could not save {name}: {reason}.", name=target.name,
                           reason=tr("there is a folder of that name")))
    _temporary_beside(target).unlink()


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
        raise SaveError(tr("Could not save {name}: {reason}. Nothing was overwritten.", name=target.name,
                           reason=_why(exc, target.parent))) from None
    finally:
        tmp_path.unlink(missing_ok=True)
