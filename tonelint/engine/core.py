"""The one module that knows the order of the steps:
source text -> markup segments -> spaCy Docs -> matcher facts -> checks ->
suppressions -> sorted diagnostics.  Pure: no printing, no exit codes.

An Engine compiles its rules once (one PhraseMatcher/Matcher bank for all of
them) and is reused for every file of a run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, LineIndex
from ..errors import InputError
from .acts import act_hits, admit_brand, load_model, opens_as_letter, read_message, shared_links
from .collector import collector_paused
from .facts import Facts, join
from .genre import about_page, channel_of_path, customer_story, decide, detect_brand, email_headers
from .precedence import one_per_span
from ..markup import Parsed, parse
from ..markup.document import Unreadable
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
    genre: str | None = None  # from config (`genre:`, per-path overrides): beats the draft's own


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
        self._act_blocks = None  # the rules' blocks that read sentence acts (`act: ask`)
        self.measures: dict = {}

    @property
    def nlp(self):
        return load_pipeline(self.settings.model)

    @property
    def model(self):
        return load_model()

    @property
    def bank(self):
        if self._bank is None:
            require_annotations(self.nlp, self.rules)
            blocks = [b for r in self.rules for b in r.blocks()]
            own = {b.key for b in blocks}
            blocks += [b for b in self.measure_blocks if b.key not in own]
            # The message model's act and genre blocks (rules/lists/acts.yaml), always.
            blocks += [b for b in self.model.blocks() if b.key not in own]
            self._bank = MatcherBank(self.nlp, blocks, brand=self.settings.brand, accept=self.settings.accept)
            self.measures = {b.key: b.measure for b in self._bank.blocks.values() if b.measure in MEASURES}
        return self._bank

    def analyse(self, parsed: Parsed, memo: dict | None = None) -> Facts:
        """Scan segments paragraph by paragraph: Docs are dropped as soon as
        they are scanned, so memory follows the findings, not the file.

        `memo` (the language server passes one per open document) keeps each
        paragraph's scan between calls, keyed by its text: after a keystroke
        only the paragraph that changed is tokenised and matched again.  It
        is left holding this draft's paragraphs only, so it never grows."""
        if memo is not None:
            return self._analyse_memo(parsed, memo)
        return self.bank.scan_segments(parsed.segments)

    def _analyse_memo(self, parsed: Parsed, memo: dict) -> Facts:
        segments = parsed.segments
        # A scan depends on the text and on where removed content (code, a
        # URL) sat in it: no hit may cross such a gap.
        keys = [(s.text, tuple(s.removed)) for s in segments]
        todo = {k: s for k, s in zip(keys, segments) if k not in memo}
        for key, seg in todo.items():
            part = self.bank.scan_segments([seg])
            part.segments = []
            memo[key] = (part, {})
        kept = {k: memo[k] for k in keys}
        memo.clear()
        memo.update(kept)
        return join(segments, [(i, kept[k][0]) for i, k in enumerate(keys)], [kept[k][1] for k in keys])

    def _parse_and_analyse(self, source: SourceFile, analyse, memo: dict | None) -> tuple[Parsed, Facts]:
        try:
            parsed = parse(source.text, source.format, memo.setdefault("pieces", {})) if memo is not None \
                else parse(source.text, source.format)
        except Unreadable as exc:  # one line naming the place; the run's other drafts go on
            line = LineIndex(source.text).position(exc.offset)[0]
            raise InputError(f"{source.path}:{line}", exc.what) from None
        if memo is not None:
            return parsed, self.analyse(parsed, memo.setdefault("scans", {}))
        facts = analyse(self, parsed) if analyse is not None else None
        return parsed, facts if facts is not None else self.analyse(parsed)

    def read_message(self, facts: Facts, meta: dict, source: SourceFile, channel: str | None):
        """The model of the message (acts.py, genre.py), kept on the Facts;
        blocks that read acts (`act: ask`) get its hits."""
        model = self.model
        headers = email_headers(source.text, source.format)
        prose = "\n\n".join(seg.text for seg in facts.segments)
        # (a customer story's most used subject is the customer, not the sender: no guess there)
        brand = detect_brand(prose, meta=meta, headers=headers, guess=not customer_story(source.path))
        found = {name: [h for b in blocks for h in facts.of(b.key)] for name, blocks in model.acts.items()}
        shared = shared_links(facts, source.text, source.format)
        found["promotion"] = found.get("promotion", []) + shared
        genre, genre_from = decide(facts, model, acts_found=found, meta=meta, headers=headers, fmt=source.format,
                                   configured=self.settings.genre, channel=channel, text=source.text,
                                   path=source.path)
        # Configured names are already in the bank's sender block; found ones are counted here.
        message = read_message(facts, model, genre=genre, genre_from=genre_from, brand=brand,
                               source_text=source.text, shared=shared, mail=source.format == "email",
                               page=_page(source.format, channel, prose), path=source.path,
                               social=channel == "social")
        message.brand = tuple(dict.fromkeys(tuple(self.settings.brand) + brand))
        # Sense tests (`when: {sentence: {brand: true}}`) take the found brand too; in mail only a
        # sure one (From header, title), not a newsletter's most used subject.
        sure = brand if source.format != "email" else detect_brand(prose, meta=meta, headers=headers, guess=False)
        admit_brand(facts, tuple(b for b in sure if b not in self.settings.brand))
        facts.message = message
        if self._act_blocks is None:
            self._act_blocks = [b for rule in self.rules for b in rule.blocks() if b.acts]
        for block in self._act_blocks:
            facts.hits[block.key] = act_hits(message, block.acts)
        return message

    def check(self, source: SourceFile, analyse=None, memo: dict | None = None, prepare=None) -> FileResult:
        """`analyse(engine, parsed)` may scan the segments instead of
        self.analyse (run/parallel.py spreads one large draft over worker
        processes); when it returns None they are scanned here.
        `prepare(engine, source)` may parse and scan the whole draft instead
        (parallel.py again, for a large Markdown draft parsed in pieces):
        (Parsed, Facts), or None to do both here.  `memo`: see analyse(); a
        dict the caller keeps per document, empty at first."""
        with collector_paused():  # collector.py: ~15% of a large draft's time, for no garbage
            return self._check(source, analyse, memo, prepare)

    def _check(self, source: SourceFile, analyse, memo: dict | None, prepare) -> FileResult:
        prepared = prepare(self, source) if prepare is not None and memo is None else None
        if prepared is not None:
            parsed, facts = prepared
        else:
            parsed, facts = self._parse_and_analyse(source, analyse, memo)
        channel = self.settings.channel or _channel_from(parsed.meta) or channel_of_path(source.path) \
            or self.settings.default_channel
        message = self.read_message(facts, parsed.meta, source, channel)
        ctx = Context(text=source.text, path=source.path, facts=facts)
        diagnostics: list[Diagnostic] = []
        for rule in self.rules:
            if rule.genres is not None and message.genre not in rule.genres:
                continue  # `genres:` in the rule: e.g. no ask findings on a login email
            active = rule.for_channel(channel)
            if active is None:
                continue
            active = active.for_genre(message.genre)  # `genres: {level: ...}`: quieter on a changelog
            diagnostics.extend(KINDS[rule.kind].run(active, ctx))
        # The decided genre rides in meta, which the result cache keeps without unpickling the Facts.
        meta = dict(parsed.meta, genre=message.genre)
        result = FileResult(path=source.path, text=source.text, facts=facts, meta=meta, measures=self.measures)
        if parsed.directives:
            diagnostics, result.suppressed, result.unused_suppressions = apply_suppressions(
                source.text, parsed.directives, diagnostics
            )
        diagnostics = [d for d in diagnostics if readable(source.text, d)]
        diagnostics.sort(key=Diagnostic.sort_key)
        if diagnostics:
            # Lazy: the rewriters compile a few hundred regexes (0.1-0.2 s); a
            # clean draft, or a run answered from the cache, never needs them.
            from ..rewrite import Draft, attach

            draft = Draft(source.text, facts, meta=parsed.meta, fmt=source.format, channel=channel,
                          measures=self.measures, brand=self.settings.brand, about=about_page(source.path))
            diagnostics = attach(diagnostics, draft)
            # After the rewrites: the winner on shared words is the one with a fix to offer.
            diagnostics = one_per_span(diagnostics, {r.id: r.kind for r in self.rules})
        result.diagnostics = diagnostics
        return result


def readable(text: str, d: Diagnostic) -> bool:
    """False for a finding on a line whose characters mostly failed to
    decode (U+FFFD): "!!!" after a run of replacement characters is broken
    encoding, and an editor fixes that before any punctuation."""
    if "\ufffd" not in text:
        return True
    start = text.rfind("\n", 0, d.start) + 1
    end = text.find("\n", d.end)
    line = text[start: end if end >= 0 else len(text)]
    shown = sum(1 for c in line if not c.isspace())
    return not shown or line.count("\ufffd") * 3 < shown


# at least this many short unpunctuated lines, and half of all, make a page
PAGE_LABELS = 6


def _page(fmt: str, channel: str | None, prose: str) -> bool:
    """A web page or a README, not written to one reader: the channel says so, or a file with no
    channel that does not open like a letter ("Hi Omar, …") is HTML or laid out as a page."""
    if channel in ("landing-page", "readme"):
        return True
    if channel is not None or fmt == "email" or opens_as_letter(prose):
        return False
    if fmt == "html":
        return True
    # Text laid out as a page: most of its lines are headings and buttons ("Now available", "Get
    # started", "$19/mo"), not sentences: a landing or About page's copy however it is stored.
    lines = [ln.strip() for ln in prose.splitlines() if ln.strip()]
    labels = [ln for ln in lines if len(ln.split()) <= 5 and not re.search(r"[.!?:;,]$", ln)]
    return len(labels) >= PAGE_LABELS and 2 * len(labels) >= len(lines)


def _channel_from(meta: dict) -> str | None:
    value = meta.get("channel")
    return str(value).lower() if value else None

