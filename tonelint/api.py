"""The library API the CLI is built on; other programs call these directly.

Engines are cached per rule selection and settings, so repeated calls pay for
spaCy and rule compilation once per process.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .diagnostics import Diagnostic
from .engine import Engine, FileResult, Settings
from .errors import InputError
from .source import FORMATS, FORMATS_BY_SUFFIX, SourceFile

# Folder discovery reads every suffix a format is known by.
DEFAULT_SUFFIXES = tuple(FORMATS_BY_SUFFIX)


@lru_cache(maxsize=8)
def default_engine(settings: Settings = Settings(), select: tuple | None = None, ignore: tuple = ()) -> Engine:
    from .ruleset import load_rules, select as choose

    return Engine(choose(load_rules(), select=select, ignore=ignore), settings)


def lint_text(
    text: str, *, fmt: str = "markdown", path: str = "-", engine: Engine | None = None,
    select: list[str] | None = None, ignore: list[str] | None = None,
) -> list[Diagnostic]:
    """Lint one draft given as a string; offsets are into `text`."""
    return check_text(text, fmt=fmt, path=path, engine=engine, select=select, ignore=ignore).diagnostics


def check_text(text: str, *, fmt: str = "markdown", path: str = "-", engine: Engine | None = None,
               select=None, ignore=None) -> FileResult:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    engine = engine or default_engine(select=tuple(select) if select else None, ignore=tuple(ignore or ()))
    return engine.check(SourceFile(path=path, text=text, format=fmt))


def discover(paths, suffixes=DEFAULT_SUFFIXES):
    """Yield (path, error) for each draft under `paths`, depth first, sorted,
    never following a directory symlink into a loop."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            seen: set = set()
            yield from _walk(p, suffixes, seen)
        elif p.exists():
            yield str(p), None
        else:
            yield str(raw), InputError(str(raw), "no such file or directory")


def _walk(folder: Path, suffixes, seen: set):
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
        if entry.is_dir():
            yield from _walk(entry, suffixes, seen)
        elif entry.suffix.lower() in suffixes:
            yield str(entry), None


def lint_paths(paths, *, engine: Engine | None = None, encoding: str | None = None,
               fmt: str | None = None, config: bool = True) -> list[FileResult | InputError]:
    """Lint files and folders as the CLI would (configuration discovered
    upward from each file unless config=False or an engine is given); a file
    that cannot be read becomes an InputError in the list, in input order, and
    the others are still checked."""
    from .run import RunOptions, Runner

    runner = Runner(RunOptions(paths=[str(p) for p in paths], encoding=encoding, markup=fmt,
                               isolated=not config, no_cache=True, jobs=1))
    out: list[FileResult | InputError] = []
    for item in runner.sources():
        if isinstance(item, SourceFile):
            item = engine.check(item) if engine is not None else runner.check_source(item)
        out.append(item)
    return out
