"""Ratio: a document-level balance, e.g. sender words against reader words.
value = numerator / (denominator + smoothing); reported once, at the first
numerator hit, when value > threshold and the draft is long enough to judge
(and, with `only_if`, shows what makes the balance matter, such as an ask)."""

from __future__ import annotations

from .base import Context


def run(rule, ctx: Context):
    num = ctx.scoped(rule, ctx.facts.of(rule.numerator.key))
    den = ctx.scoped(rule, ctx.facts.of(rule.denominator.key))
    if ctx.facts.words < rule.min_words or len(num) < rule.min_count:
        return
    if rule.only_if is not None and not ctx.scoped(rule, ctx.facts.of(rule.only_if.key)):
        return
    value = len(num) / (len(den) + rule.smoothing)
    if value <= rule.threshold:
        return
    start, end = ctx.facts.source_span(num[0])
    fields = {"numerator": len(num), "denominator": len(den), "ratio": round(value, 1), "threshold": rule.threshold,
              "words": ctx.facts.words}
    yield ctx.diagnostic(rule, start, end, fields)
