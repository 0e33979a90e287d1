"""The library API the CLI is built on; other programs call these directly.

Engines are cached per rule selection and settings, so repeated calls pay for
spaCy and rule compilation once per process.
"""

from __future__ import annotations

from functools import lru_cache

from .diagnostics import Diagnostic
from .engine.core import Engine, FileResult, Settings
from .errors import InputError
from .rules.loader import load_rules, select as choose
from .run.cache import RuleStore
from .run.options import RunOptions
from .run.runner import Runner
from .score.scorecard import measure_blocks
from .source.files import FORMATS, SourceFile


@lru_cache(maxsize=8)
def default_engine(settings: Settings = Settings(), select: tuple | None = None, ignore: tuple = ()) -> Engine:
    store = RuleStore()  # the built-in pack is read twice here (rules, scorecard) and parsed once
    return Engine(choose(load_rules(store=store), select=select, ignore=ignore), settings, measure_blocks(store))


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


def lint_paths(paths, *, engine: Engine | None = None, encoding: str | None = None,
               fmt: str | None = None, config: bool = True) -> list[FileResult | InputError]:
    """Lint files and folders as the CLI would (configuration discovered
    upward from each file unless config=False or an engine is given); a file
    that cannot be read becomes an InputError in the list, in input order, and
    the others are still checked."""
    runner = Runner(RunOptions(paths=[str(p) for p in paths], encoding=encoding, markup=fmt,
                               isolated=not config, no_cache=True, jobs=1))
    out: list[FileResult | InputError] = []
    for item in runner.sources():
        if isinstance(item, SourceFile):
            item = engine.check(item) if engine is not None else runner.check_source(item)
        out.append(item)
    return out
