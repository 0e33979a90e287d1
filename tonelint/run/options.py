"""Everything one run is asked to do, as one typed object.  The CLI builds it
from flags and the library (api.lint_paths, rules.docs) from arguments; the
run and the steps it hands it to read attributes, never defaults of their own,
so a setting means the same thing whoever started the run."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Level
from ..source.files import DEFAULT_MAX_FILE_SIZE


@dataclass
class OutputOptions:
    """How the run's findings are shown (report/: the format registry)."""

    format: str = "text"  # a name in report.FORMATS
    statistics: bool = False  # --statistics: the format's statistics view instead of the findings
    output_file: str | None = None  # the report goes to this file (written by the CLI), not a terminal
    quiet: bool = False
    color: bool | None = None  # --color/--no-color; None: on where `color_streams` says
    color_streams: frozenset[str] = frozenset()  # "stdout"/"stderr" that are terminals colour may go to
    score: bool | None = None  # --score/--no-score; None: on except for json
    title: str = "tonelint report"  # the HTML page's title (`tonelint report --title`)


@dataclass
class RunOptions:
    paths: list[str] = field(default_factory=list)
    # Which rules run and with what settings (config.Resolver merges these over the config files).
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    rule_paths: list[str] = field(default_factory=list)
    brand: list[str] = field(default_factory=list)
    channel: str | None = None
    config: str | None = None  # --config PATH: this file for every input, no discovery
    isolated: bool = False  # --isolated: no configuration files at all
    # How inputs are read.
    markup: str | None = None
    encoding: str | None = None
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE
    stdin_filename: str | None = None
    # Fixes.
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    # Which findings are reported.
    report_unused_suppressions: bool = False
    diff_from: str | None = None  # --diff-from REF: only findings on lines changed since REF (gitdiff.py)
    baseline: str | None = None  # --baseline FILE: drop the findings FILE records (baseline.py)
    write_baseline: str | None = None  # --write-baseline FILE: record every finding there instead of reporting
    # When the run fails (exit_code).
    fail_level: Level | None = None  # None: the config's fail-level, else warning
    exit_zero: bool = False
    min_score: int | None = None  # a draft scoring below this fails the run, even with exit_zero
    # Machinery: same findings either way.
    no_cache: bool = False  # --no-cache: neither read nor write .tonelint_cache (cache.py)
    jobs: int | None = None  # --jobs: worker processes; None = the number of cores (parallel.py)
    output: OutputOptions = field(default_factory=OutputOptions)
