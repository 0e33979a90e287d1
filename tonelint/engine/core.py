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
from ..rules.rule import Rule
from ..source.files import SourceFile


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


class Engine:
    def __init__(self, rules: list[Rule], settings: Settings | None = None) -> None:
        self.rules = list(rules)
        self.settings = settings or Settings()
        self._bank = None
        self.measures: dict = {}
        # parallel.py sets this for one large draft with --jobs >= 2: it scans
        # the segments in worker processes and returns the merged Facts.
        self.analyser = None

    @property
    def nlp(self):
        from .nlp import load_pipeline

        return load_pipeline(self.settings.model)

    @property
    def bank(self):
        if self._bank is None:
            from .matching import MatcherBank
            from .nlp import require_annotations
            from ..score.scorecard import measures_of, yardstick_blocks

            require_annotations(self.nlp, self.rules)
            blocks = [b for r in self.rules for b in r.blocks()]
            # The scorecard measures with the built-in measure blocks whatever
            # the selection: compiled here, matched, but never reported.
            blocks += yardstick_blocks(exclude={b.key for b in blocks})
            self._bank = MatcherBank(self.nlp, blocks, brand=self.settings.brand, accept=self.settings.accept)
            self.measures = measures_of(self._bank.blocks.values())
        return self._bank

    def analyse(self, parsed: Parsed) -> Facts:
        """Scan segments paragraph by paragraph: Docs are dropped as soon as
        they are scanned, so memory follows the findings, not the file."""
        if self.analyser is not None:
            facts = self.analyser(self, parsed)
            if facts is not None:
                return facts
        texts = [break_long_runs(s.text) for s in parsed.segments]  # same offsets, linear tokenizing
        docs = self.nlp.pipe(texts, batch_size=256)
        return self.bank.scan(parsed.segments, docs)

    def check(self, source: SourceFile) -> FileResult:
        try:
            parsed = parse(source.text, source.format)
        except Unreadable as exc:  # one line naming the place; the run's other drafts go on
            line = LineIndex(source.text).position(exc.offset)[0]
            raise InputError(f"{source.path}:{line}", exc.what) from None
        facts = self.analyse(parsed)
        from ..rules.kinds import KINDS, Context

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
            from .suppress import apply_suppressions

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

