"""Which drafts a run reads: files named on the command line as they are, and
folders walked for every suffix a format is known by."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .files import FORMATS_BY_SUFFIX
from .project import inside

# Folder discovery reads every suffix a format is known by.
DEFAULT_SUFFIXES = tuple(FORMATS_BY_SUFFIX)


def discover(paths, suffixes=DEFAULT_SUFFIXES):
    """Yield (path, error) for each draft under `paths`, depth first, sorted,
    never following a directory symlink into a loop, nor any symlink out of
    the folder being walked (ruff and ripgrep do not either): a repository's
    `drafts/notes.md -> ~/.bashrc` is not a draft of that repository, and
    --fix must never reach it (docs/security.md).  A path named on the
    command line is taken as given."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            seen: set = set()
            try:
                top = p.resolve()
            except OSError as exc:
                yield str(p), InputError(str(p), exc.strerror or str(exc))
                continue
            yield from _walk(p, suffixes, seen, top)
        elif p.exists():
            yield str(p), None
        else:
            yield str(raw), InputError(str(raw), "no such file or directory")


def _walk(folder: Path, suffixes, seen: set, top: Path):
    try:
        real = folder.resolve()
    except OSError as exc:
        yield str(folder), InputError(str(folder), exc.strerror or str(exc))
        return
    if real in seen:
        # A symlink back to a folder this walk has already entered (a loop, or
        # a second name for it): its files are checked under the first name,
        # so skipping loses nothing and must not fail the run.
        return
    seen.add(real)
    try:
        entries = sorted(folder.iterdir(), key=lambda e: e.name)
    except PermissionError:
        yield str(folder), InputError(str(folder), "permission denied")
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name in ("node_modules", "__pycache__"):
            continue
        if entry.is_symlink():
            try:
                target = entry.resolve()
            except (OSError, RuntimeError):  # a link loop
                continue
            if not inside(target, top):
                continue
        if entry.is_dir():
            yield from _walk(entry, suffixes, seen, top)
        elif entry.suffix.lower() in suffixes:
            yield str(entry), None
