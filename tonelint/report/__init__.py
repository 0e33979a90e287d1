"""Output formats: one registry that the CLI's `--format` choices, the run's
dispatch and docs/output.md's list all read, so a format is added in one
place (its module here in report/ plus one line in FORMATS).  Each reporter
module is imported only when its format is asked for, keeping start-up light;
it exposes render(run, options: ReportOptions) -> str."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True)
class ReportOptions:
    """What a reporter may read besides the run.  The run fills every field;
    `rules` only for formats that take it, so a run answered from the cache
    does not load a rule pack just to print findings."""

    format: str = "text"  # the --format asked for (a statistics view answers in JSON under json)
    color: bool = False
    quiet: bool = False
    score: bool = True
    min_score: int | None = None
    elapsed: float | None = None  # seconds since the run started
    rules: tuple = ()  # the rules selected for the run's drafts (records.run_rules)
    title: str = "tonelint report"


@dataclass(frozen=True)
class Format:
    name: str
    module: str
    doc: str  # one line; docs/output.md lists it (a test keeps the two equal)
    hint: str = ""  # a few words in `--format`'s help: "github (Actions annotations)"
    takes: frozenset[str] = frozenset()  # the ReportOptions fields it reads
    statistics: bool = False  # a statistics view: shown by --statistics, not a --format choice
    command: str = "check"  # `check --format NAME`, or `report` (the HTML page)
    previews_fixes: bool = False  # shows what --fix would change, so the run previews it
    input_order: bool = False  # drafts in the order given, not sorted by path


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("text", "tonelint.report.text", "one finding a line, rewrite hints, scorecards and a summary", "",
           frozenset({"color", "quiet", "score", "min_score", "elapsed"})),
    Format("json", "tonelint.report.json", "a list of finding objects (with --score, scorecards too)", "",
           frozenset({"score"})),
    Format("github", "tonelint.report.github", "GitHub Actions annotations, one workflow command per finding",
           "Actions annotations", frozenset({"rules"})),
    Format("sarif", "tonelint.report.sarif", "a SARIF 2.1.0 log for code scanning",
           "code scanning", frozenset({"rules", "score"})),
    Format("junit", "tonelint.report.junit", "JUnit XML for CI test reports", "CI test reports",
           frozenset({"elapsed"})),
    Format("statistics", "tonelint.report.statistics", "how many findings each rule has (--statistics)", "",
           frozenset({"rules", "quiet", "format"}), statistics=True),
    Format("html", "tonelint.report.html", "one self-contained HTML page (tonelint report)", "",
           frozenset({"title"}), command="report", previews_fixes=True, input_order=True),
)}


def choices(command: str = "check") -> list[str]:
    """The names a command's --format offers, in registry order."""
    return [f.name for f in FORMATS.values() if f.command == command and not f.statistics]


def choices_help(command: str = "check") -> str:
    """`--format`'s help: every choice, with its hint."""
    names = [f"{f.name} ({f.hint})" if f.hint else f.name for f in FORMATS.values() if f.name in choices(command)]
    return "Output format: " + ", ".join(names) + "."


def pick(name: str, statistics: bool = False) -> Format:
    """The format a run renders: `name`, or with --statistics the statistics view."""
    if statistics:
        return next(f for f in FORMATS.values() if f.statistics)
    return FORMATS[name]


def render(fmt: Format, run, options: ReportOptions) -> str:
    return import_module(fmt.module).render(run, options)
