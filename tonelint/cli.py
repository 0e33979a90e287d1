"""The `tonelint` command: flags in, exit code out.  All linting happens in
run/runner.py and the library; this module owns argv, the terminal and exit codes
(0 clean, 1 findings, 2 usage/input/config error, 3 internal error)."""

from __future__ import annotations

import errno
import os
import sys
import traceback

import click

from .batch.checker import CheckSettings
from .batch.command import run_batch, run_report
from .batch.message import FIELDS as MESSAGE_FIELDS
from .batch.output import FORMATS as RESULT_FORMATS
from .batch.readers import KINDS as ARCHIVE_KINDS
from .diagnostics import Level
from .errors import TonelintError
from .plural import counted
from .report import choices, choices_help
from .report.printable import error_line, printable
from .rules import selftest
from .rules.docs import TOPICS, all_rules, explain, explain_topic, find_rule, render_list
from .run.cache import cache_dir, clean
from .run.config import check_channel, known_channels
from .run.options import OutputOptions, RunOptions
from .run.progress import bar_for
from .run.runner import Runner, effective_for
from .score.scorecard import failing
from .source.files import DEFAULT_MAX_FILE_SIZE, FORMATS
from .source.safewrite import refuse_input_as_output, write_output
from .version import __version__

EXIT_INTERNAL = 3


class DefaultGroup(click.Group):
    """`tonelint draft.md` means `tonelint check draft.md`; sub-commands are
    still reachable by name (`tonelint rules`, `tonelint explain TL101`).
    A first argument that names a sub-command is that sub-command, as in
    ruff: a draft literally named `clean` or `rules` is checked with
    `tonelint check clean` or `tonelint ./clean`.  Guessing from the file
    system instead would make `tonelint clean` mean two things."""

    def parse_args(self, ctx, args):
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = ["check", *args]
        return super().parse_args(ctx, args)


def _split(values) -> list[str]:
    out: list[str] = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def _colour_streams() -> frozenset[str]:
    """The standard streams colour goes to unless --color/--no-color says:
    terminals, unless NO_COLOR is set."""
    if os.environ.get("NO_COLOR"):
        return frozenset()
    streams = {"stdout": sys.stdout, "stderr": sys.stderr}
    return frozenset(name for name, stream in streams.items() if hasattr(stream, "isatty") and stream.isatty())


def _debug(flag: bool = False) -> bool:
    return flag or os.environ.get("TONELINT_DEBUG", "") not in ("", "0")


def _internal_error(exc: BaseException, debug: bool = False) -> None:
    if _debug(debug):
        traceback.print_exception(exc)
    click.echo(
        f"tonelint: internal error: {type(exc).__name__}: {exc}. This is a bug in tonelint; please report it "
        "(run with --debug or TONELINT_DEBUG=1 for the traceback).",
        err=True,
    )


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tonelint")
@click.option("--debug", is_flag=True, help="Show tracebacks for internal errors.")
def cli(debug: bool) -> None:
    """Lint outbound messages for copy that talks at people instead of with them.

    Run `tonelint PATH...` (same as `tonelint check PATH...`); `-` reads stdin.
    """
    # --debug is taken out of argv by main() (_take_debug) before click sees
    # it; the option is declared so that --help lists it.


def _with(*decorators):
    """One decorator from several click options, so that every command that
    takes a flag takes it with the same name, type and help."""

    def apply(command):
        for deco in reversed(decorators):
            command = deco(command)
        return command

    return apply


# --config / --isolated / --rule-path: which rules and settings apply.
_config_flags = _with(
    click.option("--config", "config_path", default=None, type=click.Path(), help="Use this config file; no discovery."),
    click.option("--isolated", is_flag=True, help="Ignore all configuration files."),
    click.option("--rule-path", "rule_paths", multiple=True, type=click.Path(), help="Extra rule pack folder or file."),
)
# Which rules run and how drafts are read, shared by check and report.
_selection_flags = _with(
    click.option("--select", multiple=True, help="Only these rules (ids or prefixes, comma-separated)."),
    click.option("--ignore", multiple=True, help="Skip these rules (ids or prefixes)."),
    click.option("--brand", multiple=True, help="Brand name counted as a sender word."),
    click.option("--channel", default=None, help="Channel profile: email, social, landing-page, press-release, sms."),
)


@cli.command("check")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(choices()), default="text", show_default=True,
              help=choices_help())
@click.option("--extend-select", multiple=True, help="Add rules to the selection.")
@click.option("--fail-level", type=click.Choice(["error", "warning", "suggestion"]), default=None,
              help="Lowest level that makes the run fail (exit 1) [default: config's fail-level, else warning].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported.")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply unsafe fixes.")
@click.option("--diff", is_flag=True, help="Print the diff --fix would apply, change nothing.")
@click.option("--markup", type=click.Choice(FORMATS), default=None,
              help="Treat inputs as this markup (default: by file suffix; stdin is Markdown).")
@click.option("--stdin-filename", default=None, help="Name to report for stdin (its suffix picks the markup).")
@click.option("--encoding", default=None, help="Decode inputs with this encoding (default UTF-8).")
@click.option("--max-file-size", type=click.IntRange(min=0), default=None, help="Skip files larger than this many bytes (default 10 MB; 0 = no limit).")
@click.option("--report-unused-suppressions", is_flag=True, help="Report inline suppressions that silence nothing.")
@click.option("--no-cache", is_flag=True,
              help="Neither read nor write the result cache (.tonelint_cache/ in the project root, or $TONELINT_CACHE_DIR).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for large runs [default: the number of cores].")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary.")
@click.option("--color/--no-color", default=None, help="Force colour on or off (default: on a terminal, unless NO_COLOR).")
@click.option("--score/--no-score", default=None,
              help="Show each draft's conversation scorecard (default: on for text, off for json).")
@click.option("--min-score", type=click.IntRange(0, 100), default=None,
              help="Fail (exit 1) when a draft's conversation score is below this, even with --exit-zero.")
@click.option("--statistics", is_flag=True, help="Print how many findings each rule has instead of the findings.")
@click.option("--output-file", "-o", default=None, type=click.Path(dir_okay=False),
              help="Write the report to this file instead of stdout.")
@click.option("--diff-from", default=None, metavar="REF",
              help="Report only findings on lines changed since this git ref (new files count in full).")
@click.option("--baseline", default=None, type=click.Path(dir_okay=False),
              help="Report only findings the baseline file does not record.")
@click.option("--write-baseline", default=None, type=click.Path(dir_okay=False),
              help="Record every current finding in this baseline file and exit 0.")
@_selection_flags
@_config_flags
def check(paths, output_format, select, ignore, extend_select, fail_level, exit_zero, fix, unsafe_fixes, diff,
          markup, stdin_filename, encoding, max_file_size, rule_paths, brand, channel, quiet, color, score, min_score,
          config_path=None, isolated=False, report_unused_suppressions=False, statistics=False, output_file=None,
          diff_from=None, baseline=None, write_baseline=None, no_cache=False, jobs=None):
    """Lint drafts: files, folders (recursively) or - for stdin."""
    if not paths:
        raise click.UsageError("give at least one file or folder to check, or - for stdin")
    jobs = _capped_jobs(jobs)
    options = RunOptions(
        paths=list(paths), select=_split(select) or None, ignore=_split(ignore), extend_select=_split(extend_select),
        fail_level=Level.parse(fail_level) if fail_level else None, exit_zero=exit_zero, fix=fix, unsafe_fixes=unsafe_fixes, diff=diff,
        markup=markup, stdin_filename=stdin_filename, encoding=encoding,
        max_file_size=DEFAULT_MAX_FILE_SIZE if max_file_size is None else (max_file_size or None),
        rule_paths=list(rule_paths), brand=_split(brand), channel=channel, min_score=min_score,
        config=config_path, isolated=isolated, report_unused_suppressions=report_unused_suppressions,
        diff_from=diff_from, baseline=baseline, write_baseline=write_baseline, no_cache=no_cache, jobs=jobs,
        output=OutputOptions(format=output_format, statistics=statistics, output_file=output_file, quiet=quiet,
                             color=color, color_streams=_colour_streams(), score=score),
    )
    runner = Runner(options)
    for flag, target in (("--output-file", output_file), ("--write-baseline", write_baseline)):
        if target:  # before the run: a report must never replace a draft
            refuse_input_as_output(target, [p for p, _ in runner.inputs()], flag)
    bar = bar_for(runner, quiet)
    try:
        outcome = runner.execute(progress=bar)
    finally:
        if bar is not None:
            bar.close()
    run = outcome.run
    for err in [*run.notes, *run.errors]:
        click.echo(error_line(err.where, err.what), err=True)
    if outcome.fatal is not None:
        raise outcome.fatal
    if outcome.baseline_written is not None:
        n = outcome.baseline_written
        click.echo(f"Wrote {printable(write_baseline)}: {counted(n, 'finding')} recorded.", err=True)
        sys.exit(outcome.exit_code)
    if run.stdout_text is not None:
        click.echo(run.stdout_text, nl=False)
    for d in run.diffs:
        click.echo(d, nl=False)
    if min_score is not None:  # whatever the format, and with -q: which drafts failed the bar
        for card in failing(run.results, min_score):
            click.echo(error_line(card.path, f"conversation score {card.score} is below --min-score {min_score}"),
                       err=True)
    if output_file:  # a report CI uploads is never half-written, nor a read-only one replaced
        write_output(output_file, outcome.report.encode("utf-8"), "the report")
    elif outcome.report:
        # color= because click strips ANSI codes from a non-terminal stream,
        # which silently turned `--color | less -R` back to plain text.
        click.echo(outcome.report, nl=False, file=sys.stderr if outcome.report_to_stderr else sys.stdout,
                   color=outcome.color)
    sys.exit(outcome.exit_code)


def _capped_jobs(jobs: int | None) -> int | None:
    """More workers than cores only compete for them (and `-j 200` forked
    200 processes, each holding spaCy): capped, with a note."""
    from .run.parallel import default_jobs

    cores = default_jobs()
    if jobs is not None and jobs > cores:
        click.echo(f"tonelint: --jobs {jobs} is more than the {counted(cores, 'core')} "
                   f"available; using {cores}", err=True)
        return cores
    return jobs


@cli.command("rules")
@click.argument("target", required=False, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--all", "show_all", is_flag=True, help="Also list rules the configuration does not select.")
@_config_flags
def rules_command(target, output_format, show_all, config_path, isolated, rule_paths):
    """List the rules active for TARGET (a file or folder; default: here)."""
    effective = effective_for(target, config=config_path, isolated=isolated, rule_paths=rule_paths)
    active = effective.rules()
    shown = all_rules(effective) if show_all else active
    click.echo(render_list(shown, {r.id for r in active}, output_format), nl=False)


@cli.command("explain")
@click.argument("rule_id")
@_config_flags
def explain_command(rule_id, config_path, isolated, rule_paths):
    """What a rule flags, why, examples, and how safe its fix is; `explain acts` and
    `explain genres` describe the model of the message the rules read."""
    if rule_id.strip().lower() in TOPICS:
        click.echo(explain_topic(rule_id.strip().lower()), nl=False)
        return

    effective = effective_for(None, config=config_path, isolated=isolated, rule_paths=rule_paths)
    rule = find_rule(all_rules(effective), rule_id)
    click.echo(explain(rule, active=rule.id in {r.id for r in effective.rules()}))


@cli.command("test-rules")
@click.argument("pack", required=False, type=click.Path())
@click.option("--channel", default=None, help="Test the examples under this channel profile.")
def test_rules_command(pack, channel):
    """Check every rule's examples: bad ones must be flagged, good ones not (exit 1 on failure)."""
    rules = selftest.load(pack)
    check_channel(channel, "--channel", known_channels(rules))
    outcome = selftest.run(rules, channel=channel)
    click.echo(selftest.report(outcome), nl=False)
    sys.exit(1 if outcome.failures else 0)


@cli.command("report")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-o", "--output", default="tonelint-report.html", show_default=True, type=click.Path(),
              help="HTML file to write; - writes to stdout.")
@click.option("--title", default="tonelint report", show_default=True, help="Page title.")
@click.option("--markup", type=click.Choice(FORMATS), default=None,
              help="Treat inputs as this markup (default: by file suffix).")
@_selection_flags
@_config_flags
def report(paths, output, title, markup, select, ignore, brand, channel, config_path, isolated, rule_paths):
    """Write one self-contained HTML report: highlighted drafts, scorecards, timelines, safe fixes."""
    if not paths:
        raise click.UsageError("give at least one file or folder to report on")
    options = RunOptions(paths=list(paths), select=_split(select) or None, ignore=_split(ignore), markup=markup,
                         rule_paths=list(rule_paths), brand=_split(brand), channel=channel, config=config_path,
                         isolated=isolated, exit_zero=True, output=OutputOptions(format="html", title=title))
    runner = Runner(options)
    if output != "-":
        refuse_input_as_output(output, [p for p, _ in runner.inputs()], "-o")
    outcome = runner.execute()
    for err in [*outcome.run.notes, *outcome.run.errors]:
        click.echo(error_line(err.where, err.what), err=True)
    if output == "-":
        click.echo(outcome.report, nl=False)
    else:
        write_output(output, outcome.report.encode("utf-8"), "the report")  # new or existing, never half-written
        n = len(outcome.run.results)
        click.echo(f"Wrote {printable(output)}: {counted(n, 'draft')}.", err=True)
    sys.exit(outcome.exit_code)


@cli.command("server")
def server_command():
    """Run the language server for editors on stdin/stdout (needs the `server` extra)."""
    from .server import main as serve  # pygls stays off every other command's path

    sys.exit(serve())


@cli.command("clean")
def clean_command():
    """Remove the result cache a run from here would use (.tonelint_cache/ or $TONELINT_CACHE_DIR)."""
    root = cache_dir()
    click.echo(printable(f"Removed the tonelint cache: {root}" if clean(root) else f"No tonelint cache to remove at {root}"),
               err=True)


# Archives (issue 16): the batch extra's commands.  batch/command.py imports
# Dask and pyarrow only when a batch runs, so `tonelint check` never loads them.
@cli.command("batch")
@click.argument("inputs", nargs=-1, type=click.Path())
@click.option("-o", "--output", "out", required=True, type=click.Path(file_okay=False),
              help="Results folder (messages, findings, errors, one file per partition).")
@click.option("--output-format", type=click.Choice(RESULT_FORMATS), default=None,
              help="File format of the results [default: jsonl if -o ends in .jsonl, else parquet].")
@click.option("--input-format", type=click.Choice(ARCHIVE_KINDS), default=None,
              help="Kind of every input [default: by suffix; a folder is a folder of drafts].")
@click.option("--column", "columns", multiple=True, metavar="FIELD=COLUMN",
              help=f"Read a message field ({', '.join(MESSAGE_FIELDS)}) from this column.")
@click.option("--columns", "columns_file", default=None, type=click.Path(dir_okay=False),
              help="YAML file mapping message fields to columns (flags win).")
@click.option("--markup", type=click.Choice(FORMATS), default=None,
              help="Check every message as this markup [default: a row's format column, else markdown; "
                   "mbox: email; drafts: by suffix].")
@click.option("--partition-size", type=click.IntRange(1, 1_000_000), default=1000, show_default=True,
              help="Messages per partition: the unit of work, of resuming, and of a worker's memory.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler (tcp://host:8786), or synchronous [default: $DASK_SCHEDULER_ADDRESS, else a "
                   "local cluster, or this process for small inputs].")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Workers of the local cluster [default: the number of cores].")
@click.option("--resume", is_flag=True, help="Finish an interrupted run: skip the partitions already written.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@_selection_flags
@_config_flags
def batch_command(inputs, out, output_format, input_format, columns, columns_file, markup, partition_size, scheduler,
                  workers, resume, quiet, select, ignore, brand, channel, config_path, isolated, rule_paths):
    """Score a message archive (JSONL, CSV, Parquet, mbox, folders of drafts) on Dask."""
    if not inputs:
        raise click.UsageError("give at least one archive or folder of drafts")
    settings = CheckSettings(select=tuple(_split(select)) or None, ignore=tuple(_split(ignore)),
                             brand=tuple(_split(brand)), channel=channel, config=config_path, isolated=isolated,
                             rule_paths=tuple(rule_paths))
    sys.exit(run_batch(inputs=inputs, out=out, fmt=output_format, settings=settings, columns=columns,
                       column_map_file=columns_file, markup=markup, input_format=input_format,
                       partition_size=partition_size, scheduler=scheduler, workers=workers, resume=resume,
                       quiet=quiet))


@cli.command("batch-report")
@click.argument("results", type=click.Path(file_okay=False))
@click.option("-o", "--output", "out", default="tonelint-trends.html", show_default=True, type=click.Path(),
              help="HTML file to write; - writes to stdout.")
@click.option("--title", default="tonelint trends", show_default=True, help="Page title.")
def batch_report_command(results, out, title):
    """Write a self-contained trend page (score over time, by channel and sender, top rules) from batch results."""
    sys.exit(run_report(results=results, out=out, title=title))


def _take_debug(argv) -> tuple[list[str], bool]:
    """--debug may stand anywhere before `--` (`tonelint draft.md --debug`), as
    users add it when something already went wrong; it is read here, once:
    the arguments without it, and whether it was given."""
    args = list(sys.argv[1:] if argv is None else argv)
    end = args.index("--") if "--" in args else len(args)
    if "--debug" not in args[:end]:
        return args, False
    return [a for i, a in enumerate(args) if not (i < end and a == "--debug")], True


# Errors writing the report to stdout (a full disk, /dev/full, a closed pipe).
_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EPIPE, errno.EBADF}


def _output_failed(exc: OSError) -> None:
    """One line and exit 2; stdout is pointed at /dev/null so that the
    interpreter's own final flush of the unwritten report fails silently."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    click.echo(f"tonelint: cannot write the output: {exc.strerror or exc}", err=True)
    sys.exit(2)


def _flush_stdout() -> None:
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except OSError as exc:
        _output_failed(exc)


def main(argv=None) -> None:
    args, debug = _take_debug(argv)
    try:
        cli.main(args=args, prog_name="tonelint", standalone_mode=False)
        _flush_stdout()
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("tonelint: interrupted", err=True)
        sys.exit(130)
    except TonelintError as exc:
        click.echo(error_line(exc.where, exc.what), err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("tonelint: interrupted", err=True)
        sys.exit(130)
    except SystemExit:
        _flush_stdout()
        raise
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRNOS:
            _internal_error(exc, debug)
            sys.exit(EXIT_INTERNAL)
        _output_failed(exc)
    except BaseException as exc:  # noqa: BLE001 - the one place internal errors become exit 3
        _internal_error(exc, debug)
        sys.exit(EXIT_INTERNAL)
