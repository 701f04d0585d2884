"""Bytes in and out: decoding for display, and the atomic write.

The codemod works on bytes (LibCST keeps each file's encoding, BOM and newlines), so
this module only has to show text to people and to put new bytes on disk safely.
"""

from __future__ import annotations

import ctypes
import os
import stat


class ChangedOnDisk(Exception):
    """The file is no longer what was read: someone else changed it."""


def display_text(data: bytes, encoding: str) -> str:
    """The file's text for a diff; undecodable bytes are shown escaped."""
    text = data.decode(encoding, errors="backslashreplace")
    return text[1:] if text.startswith("\ufeff") else text


def write_atomic(path: str, new: bytes, expected: bytes) -> None:
    """Replace ``path`` with ``new`` if it still holds ``expected``.

    The bytes go to an anonymous file in the same directory (``O_TMPFILE``, where the
    system has it), are flushed to disk, get the original's permission bits, are
    linked under a temporary name and renamed over the original: a reader, or a
    crash, sees either the old file or the new one, never a torn one, and a kill
    leaves no half-written file behind.
    """
    with open(path, "rb") as current:
        if current.read() != expected:
            raise ChangedOnDisk(f"{path} changed on disk since it was read")
    mode = stat.S_IMODE(os.stat(path).st_mode)
    directory, name = os.path.split(os.path.abspath(path))
    temp = os.path.join(directory, f".{name}.{os.getpid()}.hapimigrate")
    try:
        if not _write_anonymous(directory, temp, new, mode):
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
            try:
                _write_all(fd, new, mode)
            finally:
                os.close(fd)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise
    _sync_directory(directory)


def _write_anonymous(directory: str, temp: str, data: bytes, mode: int) -> bool:
    """Write ``data`` to a nameless file, then name it ``temp``; False where the
    system cannot (no O_TMPFILE, no /proc), for a plain temporary file instead."""
    try:
        fd = os.open(directory, os.O_TMPFILE | os.O_WRONLY, mode)
    except (AttributeError, OSError):
        return False
    try:
        _write_all(fd, data, mode)
        _link_anonymous(fd, temp)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def _link_anonymous(fd: int, target: str) -> None:
    """Give an ``O_TMPFILE`` file a name: linkat(2) with AT_SYMLINK_FOLLOW on its
    /proc/self/fd link, as open(2) documents (os.link cannot pass that flag)."""
    libc = ctypes.CDLL(None, use_errno=True)
    at_fdcwd, at_symlink_follow = -100, 0x400
    source = f"/proc/self/fd/{fd}".encode()
    if (
        libc.linkat(at_fdcwd, source, at_fdcwd, os.fsencode(target), at_symlink_follow)
        != 0
    ):
        number = ctypes.get_errno()
        raise OSError(number, os.strerror(number), target)


def _write_all(fd: int, data: bytes, mode: int) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.fchmod(fd, mode)
    os.fsync(fd)


def _sync_directory(directory: str) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
