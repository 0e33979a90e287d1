"""Existence: a phrase that should not be there.  With `whole: true` the phrase
must be the entire link text (bare "click here" links), not part of it; with
`whole: sentence` it must be the entire sentence (a line shouted in capitals,
not one capitalised name inside an ordinary sentence)."""

from __future__ import annotations

from .base import Context


def run(rule, ctx: Context):
    for hit in ctx.scoped(rule, ctx.facts.of(rule.match.key)):
        if rule.whole == "sentence":
            if not _whole_sentence(ctx.facts, hit):
                continue
        elif rule.whole:
            seg = ctx.facts.segments[hit.seg]
            link = seg.in_link(hit.start, hit.end)
            unit = link if link else (0, seg.length)
            if seg.text[unit[0] : hit.start].strip(" \t\n\"'“‘*_") or seg.text[hit.end : unit[1]].strip(" \t\n\"'”’.!*_:→»>"):
                continue
        start, end = ctx.facts.source_span(hit)
        yield ctx.diagnostic(rule, start, end, {}, hit=hit)


# Bullets, quotes, brackets and rules that may frame a sentence without being part of it.
_FRAME = " \t\r\n\"'“”‘’*_()[]{}<>-–—•·:;.,!?#=~+|/\\"


def _whole_sentence(facts, hit) -> bool:
    sent = facts.sentences[hit.sent]
    text = facts.segments[hit.seg].text
    return not text[sent.start : hit.start].strip(_FRAME) and not text[hit.end : sent.end].strip(_FRAME)
