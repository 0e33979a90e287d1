"""Required: signals a draft must contain at least `min` times (e.g. a question
to the reader or an invitation to reply).  `only_if` limits the rule to drafts
that show what makes it matter (a message that asks for something), so that
documentation and personal notes are not told to invite replies; `not_if`
leaves out drafts where the signal has no place (an in-product prompt, whose
buttons are the reader's answer).  The finding
points at the last sentence, where such a line usually belongs."""

from __future__ import annotations

from dataclasses import dataclass

from ..spec import Block, parse_block
from .base import Context

NAME = "required"
DOC = ("Flags a draft of at least `min_words` words that has fewer than `min` hits of its `signals:` blocks "
       "(with `only_if`, only drafts that show what makes them matter; with `not_if`, none where this block "
       "matches); the finding points at the last sentence.")
KEYS = {"signals": list, "min": int, "min_words": int, "only_if": dict, "not_if": dict}
REQUIRED = ("signals",)
TWEAKS = {"min": int, "min_words": int}


@dataclass(frozen=True)
class Spec:
    signals: tuple = ()
    min: int = 1
    min_words: int = 0
    only_if: Block | None = None
    not_if: Block | None = None

    def blocks(self) -> list[Block]:
        return [b for b in (self.only_if, self.not_if) if b] + list(self.signals)


def parse(ctx, data, rid: str) -> Spec:
    signals = data["signals"]
    if not signals:
        ctx.fail(data, "signals", "must list at least one matcher block")
    return Spec(
        signals=tuple(parse_block(ctx, b, f"{rid}:signals:{i}", "signals") for i, b in enumerate(signals)),
        min=int(data.get("min", 1)),
        min_words=int(data.get("min_words", 0)),
        only_if=parse_block(ctx, data["only_if"], f"{rid}:only_if", "only_if") if "only_if" in data else None,
        not_if=parse_block(ctx, data["not_if"], f"{rid}:not_if", "not_if") if "not_if" in data else None,
    )


def run(rule, ctx: Context):
    spec = rule.spec
    facts = ctx.facts
    if facts.words < spec.min_words or not facts.sentences:
        return
    if spec.only_if is not None and not ctx.scoped(rule, facts.of(spec.only_if.key)):
        return
    if spec.not_if is not None and ctx.scoped(rule, facts.of(spec.not_if.key)):
        return
    count = sum(len(ctx.scoped(rule, facts.of(b.key))) for b in spec.signals)
    if count >= spec.min:
        return
    body = [s for s in facts.sentences if facts.segments[s.seg].scope != "title" and facts.segments[s.seg].text[s.start:s.end].strip()]
    last = (body or facts.sentences)[-1]
    seg = facts.segments[last.seg]
    text = seg.text[last.start : last.end]
    trimmed_end = last.start + len(text.rstrip())
    trimmed_start = last.start + (len(text) - len(text.lstrip()))
    start, end = seg.to_source(trimmed_start), seg.to_source(trimmed_end, end=True)
    yield ctx.diagnostic(rule, start, end, {"count": count, "min": spec.min, "words": facts.words})
