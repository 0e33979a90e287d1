"""Required: signals a draft must contain at least `min` times (e.g. a question
to the reader or an invitation to reply).  `only_if` limits the rule to drafts
that show what makes it matter (a message that asks for something), so that
documentation and personal notes are not told to invite replies.  The finding
points at the last sentence, where such a line usually belongs."""

from __future__ import annotations

from .base import Context


def run(rule, ctx: Context):
    facts = ctx.facts
    if facts.words < rule.min_words or not facts.sentences:
        return
    if rule.only_if is not None and not ctx.scoped(rule, facts.of(rule.only_if.key)):
        return
    count = sum(len(ctx.scoped(rule, facts.of(b.key))) for b in rule.signals)
    if count >= rule.min:
        return
    body = [s for s in facts.sentences if facts.segments[s.seg].scope != "title" and facts.segments[s.seg].text[s.start:s.end].strip()]
    last = (body or facts.sentences)[-1]
    seg = facts.segments[last.seg]
    text = seg.text[last.start : last.end]
    trimmed_end = last.start + len(text.rstrip())
    trimmed_start = last.start + (len(text) - len(text.lstrip()))
    start, end = seg.to_source(trimmed_start), seg.to_source(trimmed_end, end=True)
    yield ctx.diagnostic(rule, start, end, {"count": count, "min": rule.min, "words": facts.words})
