"""The one module that knows the order of the steps:
source text -> markup segments -> spaCy Docs -> matcher facts -> checks ->
suppressions -> sorted diagnostics.  Pure: no printing, no exit codes.

An Engine compiles its rules once (one PhraseMatcher/Matcher bank for all of
them) and is reused for every file of a run.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, LineIndex
from ..errors import InputError
from .facts import Facts
from .precedence import one_per_span
from ..markup import Parsed, parse
from ..markup.document import Unreadable
from ..markup.guards import break_long_runs
from .matching import MatcherBank
from .nlp import load_pipeline, require_annotations
from ..rules.kinds import KINDS, Context
from ..rules.rule import Rule
from ..rules.spec import MEASURES
from ..source.files import SourceFile
from .suppress import apply_suppressions


@dataclass(frozen=True)
class Settings:
    """What a run may change about how rules apply (filled from config/CLI)."""

    brand: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    model: str | None = None
    channel: str | None = None  # --channel: beats a draft's front matter
    default_channel: str | None = None  # from config: a draft's front matter beats it


@dataclass
class FileResult:
    path: str
    text: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    facts: Facts | None = None
    meta: dict = field(default_factory=dict)
    suppressed: int = 0
    unused_suppressions: list = field(default_factory=list)
    measures: dict = field(default_factory=dict)  # block key -> measure tag, for the scorecard
    tally: dict | None = None  # the scorecard's counts, stored by the run (score.scorecard.tally)


class Engine:
    """`measure_blocks` are matcher blocks compiled beside the rules' own,
    matched but never reported: whoever builds the engine hands in the
    scorecard's (score.scorecard.measure_blocks), so the scorecard measures
    whatever the selection.  A block whose key a rule already has is not
    added twice."""

    def __init__(self, rules: list[Rule], settings: Settings | None = None, measure_blocks=()) -> None:
        self.rules = list(rules)
        self.settings = settings or Settings()
        self.measure_blocks = tuple(measure_blocks)
        self._bank = None
        self.measures: dict = {}

    @property
    def nlp(self):
        return load_pipeline(self.settings.model)

    @property
    def bank(self):
        if self._bank is None:
            require_annotations(self.nlp, self.rules)
            blocks = [b for r in self.rules for b in r.blocks()]
            own = {b.key for b in blocks}
            blocks += [b for b in self.measure_blocks if b.key not in own]
            self._bank = MatcherBank(self.nlp, blocks, brand=self.settings.brand, accept=self.settings.accept)
            self.measures = {b.key: b.measure for b in self._bank.blocks.values() if b.measure in MEASURES}
        return self._bank

    def analyse(self, parsed: Parsed) -> Facts:
        """Scan segments paragraph by paragraph: Docs are dropped as soon as
        they are scanned, so memory follows the findings, not the file."""
        texts = [break_long_runs(s.text) for s in parsed.segments]  # same offsets, linear tokenizing
        docs = self.nlp.pipe(texts, batch_size=256)
        return self.bank.scan(parsed.segments, docs)

    def check(self, source: SourceFile, analyse=None) -> FileResult:
        """`analyse(engine, parsed)` may scan the segments instead of
        self.analyse (run/parallel.py spreads one large draft over worker
        processes); when it returns None they are scanned here."""
        try:
            parsed = parse(source.text, source.format)
        except Unreadable as exc:  # one line naming the place; the run's other drafts go on
            line = LineIndex(source.text).position(exc.offset)[0]
            raise InputError(f"{source.path}:{line}", exc.what) from None
        facts = analyse(self, parsed) if analyse is not None else None
        if facts is None:
            facts = self.analyse(parsed)
        channel = self.settings.channel or _channel_from(parsed.meta) or self.settings.default_channel
        ctx = Context(text=source.text, path=source.path, facts=facts)
        diagnostics: list[Diagnostic] = []
        for rule in self.rules:
            active = rule.for_channel(channel)
            if active is None:
                continue
            diagnostics.extend(KINDS[rule.kind].run(active, ctx))
        result = FileResult(path=source.path, text=source.text, facts=facts, meta=parsed.meta, measures=self.measures)
        if parsed.directives:
            diagnostics, result.suppressed, result.unused_suppressions = apply_suppressions(
                source.text, parsed.directives, diagnostics
            )
        diagnostics = one_per_span(diagnostics, {r.id: r.kind for r in self.rules})
        diagnostics.sort(key=Diagnostic.sort_key)
        result.diagnostics = diagnostics
        return result


def _channel_from(meta: dict) -> str | None:
    value = meta.get("channel")
    return str(value).lower() if value else None

