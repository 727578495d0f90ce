"""Writing one document file: a regular file is replaced atomically, a device is written directly.

An invoice or a workbook cut off by a full disk, a file-size limit or an interrupted run must not
take the place of the good one. So the bytes go to a temporary file ``.NAME.tariff-XXXXXXXX`` in
the target's directory, are synced to disk and renamed over the target (os.replace); then the
directory is synced, so that the rename survives a crash. The tariff command-line tool writes its
files the same way (src/cli/output_file.cpp).
"""

from __future__ import annotations

import errno
import os
import pathlib
import secrets
import stat
from typing import Optional, Union

__all__ = ["WriteError", "write_file"]

_MAX_LINKS = 40  # as Linux's own limit, after which it gives ELOOP
_NAME_MAX = 255


class WriteError(OSError):
    """A file could not be written. ``filename`` is the path as given; the file that was there is
    as it was, and no temporary file is left."""


def write_file(path: Union[str, "os.PathLike[str]"], data: bytes) -> pathlib.Path:
    """Makes ``data`` the whole content of the file ``path`` names; returns ``path``.

    - A regular file, or a path that does not exist yet, is replaced atomically (above). It keeps
      the existing file's permission bits; a new file gets 0666 less the umask, as any new file.
    - A symbolic link is followed: its target is replaced and the link stays a link.
    - A device or a FIFO (/dev/null), and a path that leads into /proc (/dev/stdout), is written
      directly, opened for appending.
    - A file the caller may not write is not replaced, though the directory would allow it.

    Raises WriteError naming ``path`` when any step fails.
    """
    given = pathlib.Path(path)
    try:
        destination = _destination(os.fspath(given))
        if destination is None:
            _write_directly(os.fspath(given), data)
        else:
            _replace(*destination, data)
    except OSError as e:
        raise WriteError(e.errno or errno.EIO, e.strerror or os.strerror(errno.EIO),
                         os.fspath(given)) from e
    return given


def _destination(path: str) -> Optional[tuple[str, str, Optional[int]]]:
    """(canonical directory, file to replace, its permission bits or None for a new file); None
    when the path is written directly."""
    at = path
    for links in range(_MAX_LINKS + 1):
        directory, name = os.path.split(at)
        # A missing directory fails here, as the write would.
        if not stat.S_ISDIR(os.stat(directory or ".").st_mode):
            raise OSError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))
        canonical = os.path.realpath(directory or ".")
        # /dev/stdout and /dev/fd/N lead to /proc/self/fd: an open descriptor of this process,
        # not a place where a file can be renamed.
        if canonical == "/proc" or canonical.startswith("/proc/"):
            return None
        file = os.path.join(canonical, name)
        try:
            status = os.lstat(file)
        except FileNotFoundError:
            return canonical, file, None
        if stat.S_ISLNK(status.st_mode):
            if links == _MAX_LINKS:
                raise OSError(errno.ELOOP, os.strerror(errno.ELOOP))
            at = os.path.join(canonical, os.readlink(file))  # an absolute target replaces it
            continue
        if not stat.S_ISREG(status.st_mode):
            return None  # a device, a FIFO; a directory fails to open, as it should
        # Renaming over a file needs only the directory's permission; a read-only file stays so.
        if not os.access(file, os.W_OK, effective_ids=os.access in os.supports_effective_ids):
            raise OSError(errno.EACCES, os.strerror(errno.EACCES))
        return canonical, file, stat.S_IMODE(status.st_mode)
    raise AssertionError("unreachable")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        # os.write retries an interrupted call itself (PEP 475); a short write is not an error
        # yet: the next call, for the rest, says why it stopped.
        view = view[os.write(fd, view):]


def _write_directly(path: str, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CLOEXEC | os.O_NOCTTY)
    try:
        _write_all(fd, data)
    finally:
        os.close(fd)


def _create_temporary(directory: str, file: str) -> tuple[str, int]:
    # As mkstemp does (O_CREAT | O_EXCL on a random name), but with mode 0666, so that the umask
    # gives a new file the permissions any new file gets; mkstemp's 0600 could only be widened by
    # reading the umask, which means changing it, for every thread at once.
    prefix = "." + os.path.basename(file)[:_NAME_MAX - 32] + ".tariff-"
    for _ in range(100):
        temporary = os.path.join(directory, prefix + secrets.token_hex(4))
        try:
            return temporary, os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                                      | os.O_CLOEXEC, 0o666)
        except FileExistsError:
            continue
    raise OSError(errno.EEXIST, os.strerror(errno.EEXIST))


def _replace(directory: str, file: str, mode: Optional[int], data: bytes) -> None:
    temporary, fd = _create_temporary(directory, file)
    try:
        try:
            if mode is not None:
                os.fchmod(fd, mode)
            _write_all(fd, data)
            # On disk before the rename makes it the file, or a crash could leave it empty.
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, file)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    _sync_directory(directory)


def _sync_directory(directory: str) -> None:
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    except OSError as e:
        if e.errno != errno.EINVAL:  # a file system that cannot sync a directory
            raise
    finally:
        os.close(fd)
