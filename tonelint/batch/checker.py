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
    """Checks messages as `tonelint check` checks files: the engine is chosen
    by the configuration that applies to `config_path` (the archive file, or
    the draft itself for a folder), so overrides and config discovery agree."""

    def __init__(self, settings: CheckSettings) -> None:
        self.settings = settings
        self.runner = Runner(settings.options())
        self._engines: set[int] = set()

    def check(self, text: str, fmt: str, path: str, config_path: str):
        """(FileResult, Scorecard or None) for one message."""
        engine = self.runner.engine_for(config_path)
        self._engines.add(id(engine))
        result = engine.check(SourceFile(path=path, text=text, format=fmt))
        return result, score_result(result)

    def families(self, config_path: str) -> set[str]:
        """Rule families the engine for this path can report (no spaCy needed)."""
        return {rule.family for rule in self.runner.engine_for(config_path).rules}

    def engines(self) -> int:
        """How many engines this checker has built: one per distinct settings."""
        return len(self._engines)


def finding_rows(result) -> list[dict]:
    """One dict per finding, the same keys and values as `check --format json`."""
    index = LineIndex(result.text)
    return [finding(d, index) for d in result.diagnostics]
