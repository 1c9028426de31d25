"""Errors whose message is meant for the user as it stands (the CLI exits 2 on them)."""

import traceback
from dataclasses import dataclass

from .i18n import tr


class UserError(Exception):
    """Bad input the user can fix; the message says what and how."""


class ImageError(UserError):
    """One file could not be used as an image."""


class DatasetError(UserError):
    """The folder cannot be trained on as it is."""


class BackboneUnavailable(UserError):
    """A backbone's weights are not on this machine."""


class ModelFileError(UserError):
    """A file is not a model this app can open."""


class SaveError(UserError):
    """A file could not be written (full disk, no permission); whatever was there before is unchanged."""


class Cancelled(Exception):
    """The user asked to stop; nothing was saved."""


@dataclass(frozen=True)
class Failure:
    """A failure as the user is told about it: plain words, plus details for a bug report."""

    message: str
    details: str  # the traceback; empty for bad input the user can fix


def describe(exc: BaseException) -> Failure:
    if isinstance(exc, UserError):
        return Failure(str(exc), "")
    return Failure(tr("Something went wrong: {problem}", problem=exc), "".join(traceback.format_exception(exc)))
