"""Bytes in and out: decoding for display, and the atomic write.

The codemod works on bytes (LibCST keeps each file's encoding, BOM and newlines), so
this module only has to show text to people and to put new bytes on disk safely.
"""

from __future__ import annotations

import os
import stat
import tempfile


class ChangedOnDisk(Exception):
    """The file is no longer what was read: someone else changed it."""


def display_text(data: bytes, encoding: str) -> str:
    """The file's text for a diff; undecodable bytes are shown escaped."""
    text = data.decode(encoding, errors="backslashreplace")
    return text[1:] if text.startswith("\ufeff") else text


def write_atomic(path: str, new: bytes, expected: bytes) -> None:
    """Replace ``path`` with ``new`` if it still holds ``expected``.

    The bytes go to a temporary file in the same directory, are flushed to disk and
    renamed over the original, keeping its permission bits: a reader (or a crash)
    sees either the old file or the new one, never a torn one.
    """
    with open(path, "rb") as current:
        if current.read() != expected:
            raise ChangedOnDisk(f"{path} changed on disk since it was read")
    mode = stat.S_IMODE(os.stat(path).st_mode)
    directory, name = os.path.split(os.path.abspath(path))
    fd, temp = tempfile.mkstemp(
        prefix=f".{name}.", suffix=".hapimigrate", dir=directory
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(new)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise
