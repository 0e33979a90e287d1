"""The batch's one door into the linter: a message's text, format and path in,
the same FileResult and scorecard `tonelint check` would give out.

A MessageChecker lives once per worker process (plugin.py holds it), so the
Runner's engines, spaCy pipeline and rule packs are built once per worker and
reused for every message of every partition it is given.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ..diagnostics import LineIndex
from ..report.records import finding
from ..run.options import RunOptions
from ..run.runner import Runner
from ..score.scorecard import score_result
from ..source.files import SourceFile


@dataclass(frozen=True)
class CheckSettings:
    """The `check` flags a batch takes, plain and picklable (sent to workers)."""

    select: tuple | None = None
    ignore: tuple = ()
    brand: tuple = ()
    channel: str | None = None
    config: str | None = None
    isolated: bool = False
    rule_paths: tuple = ()

    def options(self) -> RunOptions:
        return RunOptions(select=list(self.select) if self.select else None, ignore=list(self.ignore),
                          brand=list(self.brand), channel=self.channel, config=self.config, isolated=self.isolated,
                          rule_paths=list(self.rule_paths), no_cache=True, jobs=1)

    def as_dict(self) -> dict:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}


class MessageChecker:
    """Checks messages with `Runner.check_source`, the call `tonelint check`
    makes for each file.  A message's path is its archive's (or, for a
    folder, the draft's own), so the configuration found for it, its
    overrides and the Runner's memo are per archive, not per message."""

    def __init__(self, settings: CheckSettings) -> None:
        self.settings = settings
        self.runner = Runner(settings.options())
        self._paths: set[str] = set()

    def check(self, text: str, fmt: str, path: str):
        """(FileResult, Scorecard or None) for one message."""
        self._paths.add(path)
        result = self.runner.check_source(SourceFile(path=path, text=text, format=fmt))
        return result, score_result(result)

    def families(self, path: str) -> set[str]:
        """Rule families the engine for this path can report (no spaCy needed)."""
        return {rule.family for rule in self.runner.engine_for(path).rules}

    def engines(self) -> int:
        """How many engines this checker has used: one per distinct settings."""
        return len({id(self.runner.engine_for(p)) for p in self._paths})


def finding_rows(result) -> list[dict]:
    """One dict per finding, the same keys and values as `check --format json`."""
    index = LineIndex(result.text)
    return [finding(d, index) for d in result.diagnostics]
