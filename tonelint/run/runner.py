"""One lint run over many inputs, every step of it: discovery, per-file
engines, checking (cache and workers), fixes, the --write-baseline, --diff-from
and --baseline steps, the report and the exit-code policy.  The CLI parses
flags into RunOptions and prints what execute() returns; nothing here writes
to the terminal."""

from __future__ import annotations

import difflib
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import report
from ..diagnostics import Diagnostic, Level, LineIndex
from ..engine.core import Engine, FileResult
from ..engine.fixes import fix_text, fixable
from ..engine.suppress import report_unused
from ..errors import InputError, Skipped, TonelintError
from ..score.scorecard import failing, tally
from ..source.discover import DEFAULT_SUFFIXES, discover
from ..source.files import NotText, SourceFile, decode, format_for, read_source
from ..source.safewrite import write_fixed
from . import baseline, gitdiff
from .cache import Cache, RuleStore, cache_dir
from .config import Resolver
from .options import RunOptions
from .parallel import check_sources, checked


@dataclass
class FixPreview:
    """What --fix would do to one draft, computed and never written."""

    before: str
    after: str
    applied: list = field(default_factory=list)
    unsafe_left: int = 0  # findings only --unsafe-fixes would change


@dataclass
class RunResult:
    results: list[FileResult] = field(default_factory=list)
    errors: list[TonelintError] = field(default_factory=list)
    fixed: dict = field(default_factory=dict)  # path -> number of fixes applied
    diffs: list[str] = field(default_factory=list)
    stdout_text: str | None = None  # fixed text for `-` with --fix
    fail_levels: dict = field(default_factory=dict)  # path -> fail level from its config
    previews: dict = field(default_factory=dict)  # path -> FixPreview, for formats that show fixes
    notes: list[TonelintError] = field(default_factory=list)  # files skipped while walking folders (binary)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for r in self.results for d in r.diagnostics]


class Runner:
    """Builds engines once per distinct rule selection and reuses them.

    Everything a run keeps (parsed rule packs, the result cache, engines,
    settings per file) belongs to its Runner, so two Runners in one process
    never see each other's options."""

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self.started = time.perf_counter()  # the report's elapsed time counts from here
        # Parsed rule packs are kept beside the results unless --no-cache;
        # made first, so any step that loads rules (config checks, the
        # progress count) finds the on-disk packs whatever order it runs in.
        self.store = RuleStore(None if options.no_cache else Cache(cache_dir()))
        self._engines: dict = {}
        self._effective: dict = {}
        self._resolver = None
        self._inputs: list | None = None
        self._named: set = set()  # inputs as named on the command line

    @property
    def resolver(self):
        """Config discovery and CLI-over-config merging (config.py)."""
        if self._resolver is None:
            self._resolver = Resolver(self.options, self.store)
        return self._resolver

    def result_cache(self) -> Cache | None:
        """The run's result cache, or None with --no-cache, --fix or --diff
        (those must see the engine's fixes, and write new bytes that get new
        keys anyway)."""
        if self.options.fix or self.options.diff:
            return None
        return self.store.disk

    def cache_settings(self, path: str) -> tuple:
        """What besides the text decides a file's findings, for the cache key:
        its effective settings (config.py: CLI merged over the config that
        applies to it) and the run options that add findings.  Cheap: reads
        config files, never rules."""
        return (self.effective(path), bool(self.options.report_unused_suppressions))

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
            out: list[tuple[str, InputError | None]] = []
            for raw in self.options.paths:
                if raw == "-":
                    out.append(("-", None))
                    continue
                out.extend((path, error) for path, error in discover([raw], self.resolver.suffixes(raw, DEFAULT_SUFFIXES))
                           if error is not None or self.resolver.wanted(path, explicit=path == str(raw)))
                self._named.update((str(raw), str(Path(raw))))
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
            except NotText as exc:  # found by walking a folder: a note; named on the command line: an error
                yield exc if raw in self._named else Skipped(exc.where, exc.what)
            except InputError as exc:
                yield exc

    def check_source(self, source: SourceFile, analyse=None, prepare=None) -> FileResult:
        """One draft's findings, everything a cache entry or a worker returns.
        `analyse` and `prepare` are Engine.check's (parallel.py's split of one
        large draft over workers)."""
        engine = self.engine_for(source.path)
        if analyse is None and prepare is None:
            return self.finish(engine, engine.check(source))
        return self.finish(engine, engine.check(source, analyse, prepare=prepare))

    def finish(self, engine: Engine, result: FileResult) -> FileResult:
        """What the run adds to the engine's result: unused suppressions when
        asked for, and the scorecard's tally, counted once here and stored."""
        if self.options.report_unused_suppressions:
            report_unused(result, engine)
        if result.facts is not None:
            result.tally = tally(result.facts, result.measures)
        return result

    def run(self, previews: bool = False, progress=None) -> RunResult:
        """Check every input (and fix it, with --fix or --diff); with
        `previews`, also work out each draft's safe fixes without writing them.
        `progress(item)` is called after each input, in order (progress.py's bar)."""
        out = RunResult()
        if self.options.fix or self.options.diff:
            items = (item if isinstance(item, TonelintError)
                     else self._fix_checked(item, out)
                     for item in self.sources())
        else:
            # Checking only: cached results and worker processes (parallel.py).
            read: list = []
            items = check_sources(self, _kept(self.sources(), read) if previews else self.sources())
        for n, item in enumerate(items):
            if isinstance(item, Skipped):
                out.notes.append(item)
                continue
            if isinstance(item, TonelintError):
                out.errors.append(item)
                continue
            out.fail_levels[item.path] = self.effective(item.path).fail_level
            out.results.append(item)
            if previews:
                out.previews[item.path] = self._preview(read[n], item)
            if progress is not None:
                progress(item)
        return out

    def execute(self, progress=None) -> Outcome:
        """The whole run: check, then --write-baseline (which ends it), the
        --diff-from and --baseline filters, the report in the chosen format,
        and the exit code.  A step after the check that fails comes back as
        Outcome.fatal, so the CLI still prints the check's own errors first."""
        o = self.options
        fmt = report.pick(o.output.format, o.output.statistics)
        run = self.run(previews=fmt.previews_fixes, progress=progress)
        try:
            if o.write_baseline:
                return Outcome(run, 2 if run.errors else 0, baseline_written=baseline.write(o.write_baseline, run))
            if o.diff_from:
                gitdiff.keep_changed(run, o.diff_from, o.stdin_filename if "-" in o.paths else None)
            if o.baseline:
                baseline.drop_known(run, o.baseline)
        except TonelintError as exc:
            return Outcome(run, exc.exit_code, fatal=exc)
        if not fmt.input_order:
            run.results.sort(key=lambda r: r.path)  # by file, then position, whatever the argument order
        to_stderr = run.stdout_text is not None  # stdout carries the fixed text of `--fix -`
        color = o.output.color if o.output.color is not None else \
            (not o.output.output_file and ("stderr" if to_stderr else "stdout") in o.output.color_streams)
        options = report.ReportOptions(
            format=o.output.format, color=bool(color), quiet=o.output.quiet,
            score=o.output.score if o.output.score is not None else o.output.format != "json",
            min_score=o.min_score, elapsed=time.perf_counter() - self.started,
            rules=tuple(self.rules_for(run.results)) if "rules" in fmt.takes else (), title=o.output.title,
        )
        return Outcome(run, exit_code(run, o), report.render(fmt, run, options), to_stderr, bool(color))

    def rules_for(self, results) -> list:
        """The rules selected for these drafts, each once (SARIF's rule list,
        rule names for GitHub titles and --statistics)."""
        seen, out, ids = set(), [], set()
        for result in results:
            effective = self.effective(result.path)
            if effective in seen:
                continue
            seen.add(effective)
            for rule in effective.rules():
                if rule.id not in ids:
                    ids.add(rule.id)
                    out.append(rule)
        return out

    def _preview(self, source: SourceFile, result: FileResult) -> FixPreview:
        """The safe fixes --fix would apply to one draft, never written."""
        engine = self.engine_for(source.path)

        def lint(text: str):
            return engine.check(replace(source, text=text)).diagnostics

        fixed = fix_text(source.text, lint, initial=result.diagnostics)  # nothing fixable: no further check
        unsafe = len(fixable(result.diagnostics, unsafe=True)) - len(fixable(result.diagnostics))
        return FixPreview(source.text, fixed.text, list(fixed.applied), unsafe)

    def _fix_checked(self, source: SourceFile, out: RunResult):
        result = checked(self, source)
        if isinstance(result, TonelintError):
            return result
        return self._fix(self.engine_for(source.path), source, result, out)

    def _fix(self, engine: Engine, source: SourceFile, result: FileResult, out: RunResult) -> FileResult:
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
            try:
                write_fixed(source, fixed.text)
            except InputError as exc:  # this draft stays as it was; the run goes on
                out.errors.append(exc)
                return result
        out.fixed[source.path] = len(fixed.applied)
        lint(fixed.text)
        return self.finish(engine, checked[fixed.text])


def _kept(items, into: list):
    """Pass items through, keeping each in `into` (the run's previews need
    the source of every result, which the cache and workers do not return)."""
    for item in items:
        into.append(item)
        yield item


@dataclass
class Outcome:
    """What a run leaves for the CLI to print."""

    run: RunResult
    exit_code: int
    report: str = ""  # the rendered report ("" when there is nothing to show)
    report_to_stderr: bool = False  # stdout already carries the fixed text of `--fix -`
    color: bool = False  # the report carries ANSI colour codes
    baseline_written: int | None = None  # findings recorded by --write-baseline
    fatal: TonelintError | None = None  # a step after the check failed: report it after the check's errors


def unified_diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        LineIndex(before).lines(keepends=True), LineIndex(after).lines(keepends=True),
        fromfile=f"a/{path}", tofile=f"b/{path}"
    )
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


def exit_code(run: RunResult, options: RunOptions) -> int:
    if run.errors:
        return 2
    if options.min_score is not None:
        if failing(run.results, options.min_score):
            return 1
    if options.exit_zero:
        return 0
    # Each file's fail level is already CLI-over-config (config.Resolver).
    return int(any(d.level >= run.fail_levels.get(d.path, Level.WARNING) for d in run.diagnostics))


def effective_for(target: str | None, *, config=None, isolated=False, rule_paths=(), select=None, ignore=(),
                  store: RuleStore | None = None):
    """The settings `tonelint check TARGET` would use (TARGET: a file or
    folder; default: here), for `tonelint rules` and `tonelint explain`."""
    options = RunOptions(paths=[], config=config, isolated=isolated, rule_paths=list(rule_paths),
                         select=list(select) if select else None, ignore=list(ignore))
    return Resolver(options, store or RuleStore()).effective(str(Path(target) if target else Path.cwd()))
