"""The token ids of rule phrases, kept between runs in the user's cache folder.

Keying ~700 phrases for the PhraseMatcher means tokenising them, and the
tokenizer creates a vocabulary entry for every new word with Python
attribute functions: ~20-30 ms of every cold run, twice what checking a short
draft takes.  The ids are string hashes, the same in every process, so they are
computed once per set of phrases and tokenizer and read back after that.

The file lives in the user's own cache folder ($XDG_CACHE_HOME/tonelint or
~/.cache/tonelint), never in the project: a repository's contents are not
trusted, the user's home is.  It holds plain JSON numbers, is read only when
it is a regular file of bounded size, and anything unexpected in it is
ignored (the phrases are tokenised again).  TONELINT_NO_USER_CACHE=1 turns
it off.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path

MAX_BYTES = 16 << 20
_ID_MAX = 2**64


def folder() -> Path | None:
    if os.environ.get("TONELINT_NO_USER_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None
    return Path(base) / "tonelint"


def key(nlp, phrases: list[str]) -> str:
    """Changes with the phrases, spaCy's version and the pipeline (its
    tokenizer decides how a phrase splits)."""
    import spacy

    meta = nlp.meta or {}
    h = hashlib.sha256(json.dumps([spacy.__version__, nlp.lang, meta.get("name"), meta.get("version"),
                                   sorted(set(phrases))], ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


def load(name: str) -> dict[str, tuple[list[int], list[int]]] | None:
    root = folder()
    if root is None:
        return None
    try:
        fd = os.open(root / f"phrases-{name}.json", os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES or info.st_uid != os.getuid():
            return None
        with os.fdopen(fd, "rb") as fh:
            fd = -1
            data = json.loads(fh.read(MAX_BYTES + 1))
    except (OSError, ValueError):
        return None
    finally:
        if fd >= 0:
            os.close(fd)
    return _valid(data)


def _valid(data) -> dict | None:
    if not isinstance(data, dict):
        return None
    out = {}
    for phrase, ids in data.items():
        if not (isinstance(ids, list) and len(ids) == 2 and all(isinstance(x, list) for x in ids)
                and len(ids[0]) == len(ids[1])):
            return None
        for seq in ids:
            if not all(type(v) is int and 0 <= v < _ID_MAX for v in seq):
                return None
        out[phrase] = (ids[0], ids[1])
    return out


def store(name: str, table: dict[str, tuple[list[int], list[int]]]) -> None:
    """Write atomically; a folder that cannot be written just means the
    next run tokenises again."""
    root = folder()
    if root is None:
        return
    try:
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        if root.is_symlink() or not root.is_dir():
            return
        fd, tmp = tempfile.mkstemp(prefix=".phrases-", dir=root)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({p: [list(a), list(b)] for p, (a, b) in table.items()}, fh, ensure_ascii=False)
            os.replace(tmp, root / f"phrases-{name}.json")
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return
