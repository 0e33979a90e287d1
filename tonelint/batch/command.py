"""The two batch commands behind cli.py's flags: build the options, run,
print a summary, return the exit code.  Imports nothing heavy at module
level: cli.py imports this only when `batch` or `batch-report` runs, and the
Dask and pyarrow imports below wait until the extra is known to be present."""

from __future__ import annotations

import re
import sys
from importlib.util import find_spec

import click

from ..errors import TonelintError
from ..source.safewrite import write_atomic

HINT = "needs Dask and pyarrow: pip install 'tonelint[batch]'"
_ADDRESS = re.compile(r"^(tcp|tls|ucx|inproc|ws|wss)://\S+$")


def require_extra(command: str) -> None:
    """A one-line hint and exit 2 when the batch extra is not installed."""
    missing = [m for m in ("dask", "distributed", "pyarrow") if find_spec(m) is None]
    if missing:
        click.echo(f"tonelint {command}: {HINT} (missing: {', '.join(missing)})", err=True)
        sys.exit(2)


def check_scheduler(value: str | None) -> str | None:
    if value is None or value == "synchronous" or _ADDRESS.match(value):
        return value
    raise TonelintError("--scheduler", f"expected an address like tcp://host:8786, or synchronous; got {value!r}")


def output_format(out: str, given: str | None) -> str:
    return given or ("jsonl" if out.lower().rstrip("/").endswith(".jsonl") else "parquet")


def run_batch(*, inputs, out, fmt, settings, columns, column_map_file, markup, input_format, partition_size,
              scheduler, workers, resume, quiet) -> int:
    require_extra("batch")
    from .columns import column_map
    from .readers import ReadOptions
    from .runner import BatchOptions, run

    scheduler = check_scheduler(scheduler)
    options = BatchOptions(
        inputs=list(inputs), out=out, fmt=output_format(out, fmt), settings=settings,
        read=ReadOptions(columns=column_map(columns, column_map_file), markup=markup, check=settings),
        input_format=input_format, partition_size=partition_size, scheduler=scheduler, workers=workers,
        resume=resume,
    )
    bar = _Bar(quiet)
    try:
        result = run(options, progress=bar, announce=lambda line: click.echo(line, err=True))
    finally:
        bar.close()
    done = f" ({result.skipped} of {result.partitions} partitions were already done)" if result.skipped else ""
    processes = len({w.split(":")[0] for w in result.workers})
    loaded = (f" ({len(result.workers)} checker{'s' if len(result.workers) != 1 else ''} in {processes} "
              f"process{'es' if processes != 1 else ''})") if result.workers else ""
    click.echo(f"Checked {result.messages:,} message{'s' if result.messages != 1 else ''} in {result.where}{loaded}: "
               f"{result.findings:,} finding{'s' if result.findings != 1 else ''}{done}. Results in {out}", err=True)
    for index, reason in result.failed:
        click.echo(f"{out}: partition {index} failed: {reason}; rerun with --resume to redo it", err=True)
    if result.errors:
        click.echo(f"{out}/errors.jsonl: {result.errors:,} row{'s' if result.errors != 1 else ''} could not be checked",
                   err=True)
    return 2 if result.errors or result.failed else 0


class _Bar:
    """Messages done, on stderr when it is a terminal (the total is known
    once the inputs are planned)."""

    def __init__(self, quiet: bool) -> None:
        self.show = not quiet and sys.stderr.isatty()
        self.bar = None

    def start(self, total: int) -> None:
        if self.show and total:
            self.bar = click.progressbar(length=total, label="Checking", file=sys.stderr, show_pos=True, width=24)
            self.bar.__enter__()

    def step(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.finished = True
            sys.stderr.write("\r\x1b[2K\x1b[?25h")
            sys.stderr.flush()


def run_report(*, results, out, title) -> int:
    require_extra("batch-report")
    from .page import render
    from .trends import gather

    trends = gather(results)
    page = render(trends, title=title)
    if out == "-":
        click.echo(page, nl=False)
        return 0
    try:
        write_atomic(out, page.encode("utf-8"))
    except OSError as exc:
        raise TonelintError(out, f"cannot write the report: {exc.strerror or exc}") from None
    click.echo(f"Wrote {out}: {trends.total.n:,} message{'s' if trends.total.n != 1 else ''}.", err=True)
    return 0
