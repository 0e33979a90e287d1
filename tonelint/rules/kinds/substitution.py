"""Substitution: a phrase with a better word for it.  The fix keeps the
matched text's capitalisation and is written back only over a verbatim span."""

from __future__ import annotations

from ...diagnostics import Edit, Fix
from .base import Context


def match_case(replacement: str, matched: str) -> str:
    if matched.isupper() and len(matched) > 1:
        return replacement.upper()
    if matched[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def run(rule, ctx: Context):
    swap = dict(rule.swap)
    for hit in ctx.scoped(rule, ctx.facts.of(rule.match.key)):
        start, end = ctx.facts.source_span(hit)
        key = " ".join(hit.text.lower().split())
        replacement = swap.get(key)
        if replacement is None:
            replacement = swap.get(key.replace("-", " ")) or next(iter(swap.values()))
        replacement = match_case(replacement, hit.text)
        fix = None
        seg = ctx.facts.segments[hit.seg]
        if rule.fix is not None and seg.is_verbatim(hit.start, hit.end) and ctx.text[start:end] == hit.text:
            fix = Fix((Edit(start, end, replacement),), rule.fix)
        yield ctx.diagnostic(rule, start, end, {"replacement": replacement}, fix, hit=hit)
