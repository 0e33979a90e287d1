"""One lint run over many inputs: discovery, per-file engines, fixes, and the
exit-code policy.  The CLI parses flags into RunOptions and prints what this
returns; nothing here writes to the terminal."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace

from ..diagnostics import Diagnostic, Level, LineIndex
from ..engine.core import Engine, FileResult
from ..errors import InputError, TonelintError
from ..source.files import DEFAULT_MAX_FILE_SIZE, SourceFile, decode, format_for, read_source


@dataclass
class RunOptions:
    paths: list[str] = field(default_factory=list)
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    fail_level: Level | None = None  # None: the config's fail-level, else warning
    exit_zero: bool = False
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    markup: str | None = None
    encoding: str | None = None
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE
    stdin_filename: str | None = None
    rule_paths: list[str] = field(default_factory=list)
    brand: list[str] = field(default_factory=list)
    channel: str | None = None
    config: str | None = None  # --config PATH: this file for every input, no discovery
    isolated: bool = False  # --isolated: no configuration files at all
    report_unused_suppressions: bool = False
    min_score: int | None = None  # a draft scoring below this fails the run, even with exit_zero
    no_cache: bool = False  # --no-cache: neither read nor write .tonelint_cache (cache.py)
    jobs: int | None = None  # --jobs: worker processes; None = the number of cores (parallel.py)


@dataclass
class RunResult:
    results: list[FileResult] = field(default_factory=list)
    errors: list[TonelintError] = field(default_factory=list)
    fixed: dict = field(default_factory=dict)  # path -> number of fixes applied
    diffs: list[str] = field(default_factory=list)
    stdout_text: str | None = None  # fixed text for `-` with --fix
    fail_levels: dict = field(default_factory=dict)  # path -> fail level from its config

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for r in self.results for d in r.diagnostics]


class Runner:
    """Builds engines once per distinct rule selection and reuses them."""

    progress = None  # callable(item) after each input (progress.py sets it for a terminal bar)

    def __init__(self, options: RunOptions) -> None:
        from .cache import use_rule_store

        self.options = options
        use_rule_store(options)
        self._engines: dict = {}
        self._effective: dict = {}
        self._resolver = None
        self._inputs: list | None = None

    @property
    def resolver(self):
        """Config discovery and CLI-over-config merging (config.py)."""
        if self._resolver is None:
            from .config import Resolver

            self._resolver = Resolver(self.options)
        return self._resolver

    def effective(self, path: str):
        """The file's settings, memoised: the cache key, the engine and the
        exit code all ask for them."""
        if path not in self._effective:
            self._effective[path] = self.resolver.effective(path)
        return self._effective[path]

    def engine_for(self, path: str) -> Engine:
        effective = self.effective(path)
        engine = self._engines.get(effective)
        if engine is None:
            engine = self._engines[effective] = effective.engine()
        return engine

    def inputs(self) -> list[tuple[str, InputError | None]]:
        """(path, error) for every input the run checks, in order: "-" for
        stdin, discovered files the config wants, and what could not be read.
        Listed once per run; the progress bar counts the same list."""
        if self._inputs is None:
            from ..source.discover import DEFAULT_SUFFIXES, discover

            out: list[tuple[str, InputError | None]] = []
            for raw in self.options.paths:
                if raw == "-":
                    out.append(("-", None))
                    continue
                out.extend((path, error) for path, error in discover([raw], self.resolver.suffixes(raw, DEFAULT_SUFFIXES))
                           if error is not None or self.resolver.wanted(path, explicit=path == str(raw)))
            self._inputs = out
        return self._inputs

    def sources(self):
        """Yield SourceFile or InputError for every input, in order."""
        o = self.options
        if o.paths.count("-") > 1:
            raise TonelintError("-", "stdin can be read only once; give - once")
        for raw, error in self.inputs():
            if raw == "-":
                try:
                    data = sys.stdin.buffer.read()
                except (AttributeError, OSError, ValueError):  # stdin closed, or never opened
                    yield InputError("-", "cannot read stdin: it is closed")
                    continue
                name = o.stdin_filename or "-"
                try:
                    text, enc, bom = decode(data, name, o.encoding)
                except InputError as exc:
                    yield exc
                    continue
                fmt = o.markup or (format_for(name, "markdown") if o.stdin_filename else "markdown")
                yield SourceFile(path=name, text=text, format=fmt, encoding=enc, bom=bom, stdin=True)
                continue
            if error is not None:
                yield error
                continue
            try:
                yield read_source(raw, fmt=o.markup or format_for(raw), encoding=o.encoding, max_size=o.max_file_size)
            except InputError as exc:
                yield exc

    def check_source(self, source: SourceFile) -> FileResult:
        """One draft's findings, everything a cache entry or a worker returns."""
        engine = self.engine_for(source.path)
        return self._finish(engine, engine.check(source))

    def _finish(self, engine: Engine, result: FileResult) -> FileResult:
        if self.options.report_unused_suppressions:
            from ..engine.suppress import report_unused

            report_unused(result, engine)
        return result

    def run(self) -> RunResult:
        out = RunResult()
        if self.options.fix or self.options.diff:
            items = (item if isinstance(item, TonelintError)
                     else self._fix_checked(item, out)
                     for item in self.sources())
        else:
            # Checking only: cached results and worker processes (parallel.py).
            from .parallel import check_sources

            items = check_sources(self, self.sources())
        for item in items:
            if isinstance(item, TonelintError):
                out.errors.append(item)
                continue
            out.fail_levels[item.path] = self.effective(item.path).fail_level
            out.results.append(item)
            if self.progress is not None:
                self.progress(item)
        return out

    def _fix_checked(self, source: SourceFile, out: RunResult):
        from .parallel import checked

        result = checked(self, source)
        if isinstance(result, TonelintError):
            return result
        return self._fix(self.engine_for(source.path), source, result, out)

    def _fix(self, engine: Engine, source: SourceFile, result: FileResult, out: RunResult) -> FileResult:
        from ..engine.fixes import fix_text

        checked: dict[str, FileResult] = {source.text: result}

        def lint(text: str):
            if text not in checked:
                checked[text] = engine.check(replace(source, text=text))
            return checked[text].diagnostics

        fixed = fix_text(source.text, lint, unsafe=self.options.unsafe_fixes, initial=result.diagnostics)
        if source.stdin and not self.options.diff:
            out.stdout_text = fixed.text  # `--fix -` is a filter: the text goes out, changed or not
        if fixed.text == source.text:
            return result
        if self.options.diff:
            out.diffs.append(unified_diff(source.path, source.text, fixed.text))
            return result
        if not source.stdin:
            from ..source.safewrite import write_fixed

            try:
                write_fixed(source, fixed.text)
            except InputError as exc:  # this draft stays as it was; the run goes on
                out.errors.append(exc)
                return result
        out.fixed[source.path] = len(fixed.applied)
        lint(fixed.text)
        return self._finish(engine, checked[fixed.text])


def unified_diff(path: str, before: str, after: str) -> str:
    import difflib

    lines = difflib.unified_diff(
        LineIndex(before).lines(keepends=True), LineIndex(after).lines(keepends=True),
        fromfile=f"a/{path}", tofile=f"b/{path}"
    )
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


def exit_code(run: RunResult, options: RunOptions) -> int:
    if run.errors:
        return 2
    if options.min_score is not None:
        from ..score.scorecard import failing

        if failing(run.results, options.min_score):
            return 1
    if options.exit_zero:
        return 0
    # Each file's fail level is already CLI-over-config (config.Resolver).
    return int(any(d.level >= run.fail_levels.get(d.path, Level.WARNING) for d in run.diagnostics))
