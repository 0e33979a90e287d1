"""Writing a fixed draft back so that nothing can leave it half-written.

The bytes go to a temporary file in the same folder (same file system, so the
rename is atomic), are flushed to disk, get the original's mode, and replace
the original in one rename.  Ctrl-C or SIGTERM arriving meanwhile is held until
the rename is done, so an interrupted `--fix` leaves each file old or new and
no temporary files behind.  A symlink is written through, not replaced by a
regular file, unless it leads out of the project (docs/security.md).  Just
before the rename the draft is checked to be the file that was read (Stamp),
the new file gets the old one's owner and group (never its setuid/setgid
bits), and a file with several hard links is refused rather than split.
"""

from __future__ import annotations

import hashlib
import os
import signal
import stat
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, TonelintError
from .project import escapes_project

TEMP_SUFFIX = ".tonelint-tmp"


@contextmanager
def _signals_held():
    """Hold SIGINT/SIGTERM for the duration; deliver them afterwards."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    previous = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            previous[sig] = signal.signal(sig, lambda signum, frame: pending.append(signum))
        except (ValueError, OSError):  # not allowed here (embedded interpreter)
            pass
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for sig in pending[:1]:
            signal.raise_signal(sig)


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: str, data: bytes, *, durable: bool = True, owner: tuple | None = None,
                 unchanged=None) -> None:
    """`durable=False` skips the fsync: for files that may be lost but must
    never be torn (cache entries), where the sync would dominate a warm run.
    `owner` (uid, gid) is given to the new file when it is not already ours
    (root fixing another user's draft); `unchanged()` is asked just before
    the rename and must say the target is still what the caller read.
    The new file never keeps setuid or setgid: a replaced file is new bytes."""
    target = Path(os.path.realpath(path))
    try:
        mode = target.stat().st_mode & 0o7777 & ~(stat.S_ISUID | stat.S_ISGID)
    except FileNotFoundError:
        mode = _new_file_mode()
    with _signals_held():
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                if durable:
                    fh.flush()
                    os.fsync(fh.fileno())
                if owner is not None and owner != (os.getuid(), os.getgid()):
                    try:
                        os.fchown(fh.fileno(), *owner)
                    except OSError:
                        raise _Owner() from None
            os.chmod(tmp, mode)
            if unchanged is not None and not unchanged():
                raise _Changed()
            os.replace(tmp, target)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise


@dataclass(frozen=True)
class Stamp:
    """A draft as it was read: which file (device, inode), its size, mtime and
    a digest of its bytes.  --fix replaces the file only if all of them still
    hold just before the rename, so an edit made meanwhile (an editor's save,
    a `git checkout`) is never overwritten and a draft deleted or moved
    meanwhile is never re-created."""

    dev: int
    ino: int
    size: int
    mtime_ns: int
    digest: bytes

    @classmethod
    def of(cls, info: os.stat_result, data: bytes) -> "Stamp":
        return cls(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, hashlib.sha256(data).digest())

    def still(self, path: str) -> bool:
        """Whether `path` is still this file with these bytes."""
        try:
            with open(path, "rb", opener=_no_block) as fh:
                info = os.fstat(fh.fileno())
                if (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns) != (
                        self.dev, self.ino, self.size, self.mtime_ns) or not stat.S_ISREG(info.st_mode):
                    return False
                return hashlib.sha256(fh.read(self.size + 1)).digest() == self.digest
        except OSError:
            return False


def _no_block(name, flags):
    return os.open(name, flags | getattr(os, "O_NONBLOCK", 0))


def write_fixed(source, text: str) -> None:
    """Write fixed text back in the draft's own encoding and BOM; a draft that
    cannot take the fix (read-only file or folder, a replacement its encoding
    cannot hold, a link out of the project, hard links, another user's file,
    a file that changed since it was read) becomes a one-line InputError and
    is left exactly as it was."""
    path = source.path
    outside = escapes_project(path)
    if outside is not None:
        raise InputError(path, "not fixed: a symbolic link to a file outside the project "
                               f"({outside}); tonelint never writes there")
    real = os.path.realpath(path)
    try:
        info = os.stat(real)
    except FileNotFoundError:
        raise InputError(path, "not fixed: the file changed (moved or deleted) while tonelint was fixing it") from None
    except OSError as exc:
        raise InputError(path, f"not fixed: {exc.strerror or exc}") from None
    if not info.st_mode & 0o222:
        # A rename would replace it anyway; a read-only draft is a "do not touch".
        raise InputError(path, "not fixed: the file is read-only")
    if info.st_nlink > 1:
        # Replacing one name would leave the other names with the old text.
        raise InputError(path, f"not fixed: the file has {info.st_nlink} hard links, which a fix would split; "
                               "fix it by hand or copy it first")
    try:
        data = source.encode(text)
    except UnicodeEncodeError as exc:
        raise InputError(path, f"not fixed: the fix needs {exc.object[exc.start:exc.end]!r}, which "
                               f"{source.encoding} cannot encode") from None
    stamp = getattr(source, "stamp", None)
    try:
        write_atomic(path, data, owner=(info.st_uid, info.st_gid),
                     unchanged=(lambda: stamp.still(real)) if stamp is not None else None)
    except _Changed:
        raise InputError(path, "not fixed: the file changed while tonelint was fixing it; run again") from None
    except _Owner:
        raise InputError(path, "not fixed: the file belongs to another user, and a fixed copy would not; "
                               "run tonelint as its owner") from None
    except OSError as exc:
        raise InputError(path, f"not fixed: {exc.strerror or exc}") from None


class _Changed(Exception):
    """The file is no longer what was read."""


class _Owner(Exception):
    """The replacement cannot be given the original's owner and group."""


def write_output(path: str, data: bytes, what: str = "the file") -> None:
    """A report or baseline file: written atomically, but an existing
    read-only file is left alone (a "do not touch", as for --fix) and a
    folder, FIFO or device is refused before anything is written."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise TonelintError(path, f"cannot write {what}: {exc.strerror or exc}") from None
    if info is not None:
        if not stat.S_ISREG(info.st_mode):
            raise TonelintError(path, f"cannot write {what}: not a regular file")
        if not info.st_mode & 0o222:
            raise TonelintError(path, f"{what} not written: the file is read-only")
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise TonelintError(path, f"cannot write {what}: {exc.strerror or exc}") from None


def refuse_input_as_output(output: str, inputs, flag: str) -> None:
    """An output file that is one of the run's inputs would replace a draft
    with a report (`-o b.md b.md`): refused before the run."""
    try:
        out = os.stat(output)
    except OSError:
        return
    for raw in inputs:
        if raw == "-":
            continue
        try:
            if os.path.samestat(out, os.stat(raw)):
                raise TonelintError(output, f"{flag} names one of the drafts being checked; "
                                            "choose another file for the output")
        except OSError:
            continue
