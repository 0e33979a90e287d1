"""Writing a fixed draft back so that nothing can leave it half-written.

The bytes go to a temporary file in the same folder (same file system, so the
rename is atomic), are flushed to disk, get the original's mode, and replace
the original in one rename.  Ctrl-C or SIGTERM arriving meanwhile is held until
the rename is done, so an interrupted `--fix` leaves each file old or new and
no temporary files behind.  A symlink is written through, not replaced by a
regular file.
"""

from __future__ import annotations

import os
import signal
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

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


def write_atomic(path: str, data: bytes, *, durable: bool = True) -> None:
    """`durable=False` skips the fsync: for files that may be lost but must
    never be torn (cache entries), where the sync would dominate a warm run."""
    target = Path(os.path.realpath(path))
    try:
        mode = target.stat().st_mode & 0o7777
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
            os.chmod(tmp, mode)
            os.replace(tmp, target)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise


def write_fixed(source, text: str) -> None:
    """Write fixed text back in the draft's own encoding and BOM; a draft that
    cannot take the fix (read-only folder, a replacement its encoding cannot
    hold) becomes a one-line InputError and is left exactly as it was."""
    from ..errors import InputError

    try:
        if not os.stat(os.path.realpath(source.path)).st_mode & 0o222:
            # A rename would replace it anyway; a read-only draft is a "do not touch".
            raise InputError(source.path, "not fixed: the file is read-only")
    except FileNotFoundError:
        pass
    try:
        data = source.encode(text)
    except UnicodeEncodeError as exc:
        raise InputError(source.path, f"not fixed: the fix needs {exc.object[exc.start:exc.end]!r}, which "
                                      f"{source.encoding} cannot encode") from None
    try:
        write_atomic(source.path, data)
    except OSError as exc:
        raise InputError(source.path, f"not fixed: {exc.strerror or exc}") from None
