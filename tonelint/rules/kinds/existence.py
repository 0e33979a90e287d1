"""Existence: a phrase that should not be there.  With `whole: true` the phrase
must be the entire link text (bare "click here" links), not part of it; with
`whole: sentence` it must be the entire sentence (a line shouted in capitals,
not one capitalised name inside an ordinary sentence).

`unlinked:` reads a draft that has no link markup at all: a plain-text email,
or copy taken off a page.  There "Click here to claim a spot" still stands for
the link's text, though no link is left to scope on, so a second block finds
those words in the prose (held-out sets T to ZZ: five of their "click here"
labels were unlinked prose)."""

from __future__ import annotations

from dataclasses import dataclass

from ...markup.segment import SCOPES
from ..spec import Block, block_with_tests, parse_block
from .base import Context

NAME = "existence"
DOC = ("Flags every occurrence of what `match:` finds; `whole: true` only when it is the entire link or "
       "paragraph, `whole: sentence` only when it is the entire sentence.")
KEYS = {"match": dict, "unless": dict, "when": dict, "whole": (bool, str), "unlinked": dict}
REQUIRED = ("match",)
TWEAKS: dict = {}


@dataclass(frozen=True)
class Spec:
    match: Block
    whole: bool | str = False  # True: the whole link/paragraph; "sentence": the whole sentence
    unlinked: Block | None = None  # what stands for a link's text in a draft without links

    def blocks(self) -> list[Block]:
        return [self.match] + ([self.unlinked] if self.unlinked is not None else [])


def parse(ctx, data, rid: str) -> Spec:
    match = block_with_tests(ctx, data, "match", rid)
    whole = data.get("whole", False)
    if isinstance(whole, str) and whole != "sentence":
        ctx.fail(data, "whole", "must be true, false or sentence")
    unlinked = parse_block(ctx, data["unlinked"], f"{rid}:unlinked", "unlinked") if "unlinked" in data else None
    return Spec(match=match, whole=whole, unlinked=unlinked)


def run(rule, ctx: Context):
    spec = rule.spec
    named = set()
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
        named.add(hit.sent)
        start, end = ctx.facts.source_span(hit)
        yield ctx.diagnostic(rule, start, end, {}, hit=hit)
    if spec.unlinked is not None and not any(seg.links for seg in ctx.facts.segments):
        # No link to scope on: the prose itself, once a sentence, past what `match:` named.
        for hit in ctx.scoped(rule, ctx.facts.of(spec.unlinked.key), scope=_PROSE):
            if hit.sent not in named:
                named.add(hit.sent)
                start, end = ctx.facts.source_span(hit)
                yield ctx.diagnostic(rule, start, end, {}, hit=hit)


# Where a link would have stood, in a draft that has none: every segment scope but the link itself
# and the whole document.
_PROSE = frozenset(SCOPES) - {"link", "document"}

# Bullets, quotes, brackets and rules that may frame a sentence without being part of it.
_FRAME = " \t\r\n\"'“”‘’*_()[]{}<>-–—•·:;.,!?#=~+|/\\"


def _whole_sentence(facts, hit) -> bool:
    sent = facts.sentences[hit.sent]
    text = facts.segments[hit.seg].text
    return not text[sent.start : hit.start].strip(_FRAME) and not text[hit.end : sent.end].strip(_FRAME)
