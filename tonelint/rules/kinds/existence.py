"""Existence: a phrase that should not be there.  With `whole: true` the phrase
must be the entire link text (bare "click here" links), not part of it; with
`whole: sentence` it must be the entire sentence (a line shouted in capitals,
not one capitalised name inside an ordinary sentence)."""

from __future__ import annotations

from dataclasses import dataclass

from ..spec import Block, block_with_tests
from .base import Context

NAME = "existence"
DOC = ("Flags every occurrence of what `match:` finds; `whole: true` only when it is the entire link or "
       "paragraph, `whole: sentence` only when it is the entire sentence.")
KEYS = {"match": dict, "unless": dict, "when": dict, "whole": (bool, str)}
REQUIRED = ("match",)
TWEAKS: dict = {}


@dataclass(frozen=True)
class Spec:
    match: Block
    whole: bool | str = False  # True: the whole link/paragraph; "sentence": the whole sentence

    def blocks(self) -> list[Block]:
        return [self.match]


def parse(ctx, data, rid: str) -> Spec:
    match = block_with_tests(ctx, data, "match", rid)
    whole = data.get("whole", False)
    if isinstance(whole, str) and whole != "sentence":
        ctx.fail(data, "whole", "must be true, false or sentence")
    return Spec(match=match, whole=whole)


def run(rule, ctx: Context):
    spec = rule.spec
    for hit in ctx.scoped(rule, ctx.facts.of(spec.match.key)):
        if spec.whole == "sentence":
            if not _whole_sentence(ctx.facts, hit):
                continue
        elif spec.whole:
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
