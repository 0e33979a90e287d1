"""Reading drafts: bytes in, decoded text plus what is needed to write it back
byte for byte (encoding, BOM).  Line endings are never normalised here; every
offset the linter reports is into exactly this text."""

from __future__ import annotations

import codecs
import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..markup import FRONT_ENDS
from .safewrite import Stamp

# From the markup front ends' registry (markup/__init__.py), in its order.
FORMATS_BY_SUFFIX = {suffix: f.name for f in FRONT_ENDS.values() for suffix in f.suffixes}
FORMATS = tuple(FRONT_ENDS)
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024


@dataclass(frozen=True)
class SourceFile:
    path: str
    text: str
    format: str
    encoding: str = "utf-8"
    bom: bool = False
    stdin: bool = False  # read from `-`: --fix prints the text instead of writing a file
    # What the file was when read (safewrite.Stamp): --fix writes only if it
    # still is.  Not part of equality: two reads of the same text are the same draft.
    stamp: object = field(default=None, compare=False, repr=False)

    def encode(self, text: str) -> bytes:
        """Bytes for writing `text` back with this file's encoding and BOM."""
        data = text.encode(self.encoding)
        return (codecs.BOM_UTF8 + data) if self.bom else data


class NotText(InputError):
    """Binary data where a draft was expected."""


def format_for(path: str, default: str = "text") -> str:
    return FORMATS_BY_SUFFIX.get(Path(path).suffix.lower(), default)


def _canonical(encoding: str | None, path: str) -> str:
    """Python's name for the encoding, so that "UTF-8", "utf8" and "utf-8-sig"
    all take the BOM-aware path (utf-8-sig would drop the BOM on --fix)."""
    try:
        info = codecs.lookup(encoding or "utf-8")
    except LookupError:
        raise InputError(path, f"unknown encoding {encoding!r}") from None
    if not getattr(info, "_is_text_encoding", True):  # rot13, hex, base64: codecs, not encodings
        raise InputError(path, f"{encoding!r} is not a text encoding")
    name = info.name
    return "utf-8" if name in ("utf-8", "utf-8-sig") else name


def decode(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str, bool]:
    """Decode strictly: a wrong byte is reported with its offset rather than
    silently replaced, because --fix would otherwise write the replacement back."""
    enc = _canonical(encoding, path)
    # NUL bytes mean binary, except in encodings that use them for text (UTF-16/32).
    if b"\x00" in data[:8192] and b"\x00" not in "a".encode(enc):
        raise NotText(path, "looks like a binary file (contains NUL bytes); skipped")
    bom = enc == "utf-8" and data.startswith(codecs.BOM_UTF8)
    if bom:
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode(enc), enc, bom
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if bom else 0)
        raise InputError(
            path, f"invalid {enc} at byte {offset}; pass --encoding (e.g. latin-1) if the file uses another one"
        ) from None


def read_regular(path: str, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, for the files a
    run reads besides drafts (baselines, rule files, cache entries).  A FIFO,
    device or folder is an OSError before anything blocks; so is a file
    above the limit."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", path)
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than {limit} bytes", path)
    return data


def read_source(
    path: str,
    *,
    fmt: str | None = None,
    encoding: str | None = None,
    max_size: int | None = DEFAULT_MAX_FILE_SIZE,
) -> SourceFile:
    p = Path(path)
    try:
        info = p.stat()
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or device would block or never end: refuse before opening.
            kind = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise InputError(path, f"is {kind}; skipped")
        if max_size is not None:
            size = info.st_size
            if size > max_size:
                raise InputError(
                    path, f"file is {size} bytes, above the {max_size}-byte limit; skipped (see --max-file-size)"
                )
        data = p.read_bytes()
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except FileNotFoundError:
        raise InputError(path, "broken symbolic link" if p.is_symlink() else "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None
    text, enc, bom = decode(data, path, encoding)
    return SourceFile(path=path, text=text, format=fmt or format_for(path), encoding=enc, bom=bom,
                      stamp=Stamp.of(info, data))
