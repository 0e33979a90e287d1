"""Ratio: a document-level balance, e.g. sender words against reader words.
value = numerator / (denominator + smoothing); reported once, at the first
numerator hit, when value > threshold and the draft is long enough to judge
(and, with `only_if`, shows what makes the balance matter, such as an ask)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..spec import Block, parse_block
from .base import Context

NAME = "ratio"
DOC = ("Compares two counts over the whole draft: numerator / (denominator + smoothing) above `threshold` "
       "is one finding, once the draft has `min_words` and `min_count` numerator hits (and, with `only_if`, "
       "what makes the balance matter).")
KEYS = {"numerator": dict, "denominator": dict, "smoothing": (int, float), "threshold": (int, float),
        "min_count": int, "min_words": int, "only_if": dict}
REQUIRED = ("numerator", "denominator", "threshold")
TWEAKS = {"threshold": (int, float), "min_words": int, "min_count": int}


@dataclass(frozen=True)
class Spec:
    numerator: Block
    denominator: Block
    threshold: float
    smoothing: float = 1.0
    min_count: int = 1
    min_words: int = 0
    only_if: Block | None = None

    def blocks(self) -> list[Block]:
        return [b for b in (self.numerator, self.denominator, self.only_if) if b]


def parse(ctx, data, rid: str) -> Spec:
    for key, low in (("smoothing", "above 0"), ("threshold", "0 or more")):
        value = data.get(key, 1)
        # NaN compares false with everything: `threshold: .nan` would never fire,
        # and smoothing 0 or below divides by zero on a draft without the denominator.
        if not math.isfinite(value) or (value <= 0 if key == "smoothing" else value < 0):
            ctx.fail(data, key, f"must be a finite number {low}, not {value!r}")
    return Spec(
        numerator=parse_block(ctx, data["numerator"], f"{rid}:numerator", "numerator"),
        denominator=parse_block(ctx, data["denominator"], f"{rid}:denominator", "denominator"),
        smoothing=float(data.get("smoothing", 1)),
        threshold=float(data["threshold"]),
        min_count=int(data.get("min_count", 1)),
        min_words=int(data.get("min_words", 0)),
        only_if=parse_block(ctx, data["only_if"], f"{rid}:only_if", "only_if") if "only_if" in data else None,
    )


def run(rule, ctx: Context):
    spec = rule.spec
    num = ctx.scoped(rule, ctx.facts.of(spec.numerator.key))
    den = ctx.scoped(rule, ctx.facts.of(spec.denominator.key))
    if ctx.facts.words < spec.min_words or len(num) < spec.min_count:
        return
    if spec.only_if is not None and not ctx.scoped(rule, ctx.facts.of(spec.only_if.key)):
        return
    value = len(num) / (len(den) + spec.smoothing)
    if value <= spec.threshold:
        return
    start, end = ctx.facts.source_span(num[0])
    fields = {"numerator": len(num), "denominator": len(den), "ratio": round(value, 1), "threshold": spec.threshold,
              "words": ctx.facts.words}
    yield ctx.diagnostic(rule, start, end, fields)
