"""Substitution: a phrase with a better word for it.  The fix keeps the
matched text's capitalisation and is written back only over a verbatim span."""

from __future__ import annotations

from dataclasses import dataclass

from ...diagnostics import Applicability, Edit, Fix
from ..spec import Block, block_with_tests
from .base import Context

NAME = "substitution"
DOC = ("Flags a phrase that has a better word and offers the replacement from `swap:`; `fix:` says whether "
       "--fix may apply it (safe), only --fix --unsafe-fixes (unsafe), or never (none).")
KEYS = {"match": dict, "swap": dict, "fix": str, "unless": dict, "when": dict}
REQUIRED = ("match", "swap")
TWEAKS: dict = {}


@dataclass(frozen=True)
class Spec:
    match: Block
    swap: tuple = ()  # ((lower phrase, replacement), ...)
    fix: Applicability | None = None

    def blocks(self) -> list[Block]:
        return [self.match]


def parse(ctx, data, rid: str) -> Spec:
    match = block_with_tests(ctx, data, "match", rid)
    swap = data["swap"]
    if not swap:
        ctx.fail(data, "swap", "must map at least one phrase to its replacement")
    for phrase, replacement in swap.items():
        if len(f"{replacement}.".splitlines()) > 1:
            # A fix changes words within a line; a line break in a team pack's
            # replacement could add a line (`curl … | sh`) to any file --fix writes.
            ctx.fail(swap, phrase, "the replacement contains a line break; a replacement changes words, never lines")
    fix = None
    try:
        fix = Applicability(data.get("fix", "unsafe"))
    except ValueError:
        if data.get("fix") != "none":
            ctx.fail(data, "fix", "must be safe, unsafe or none")
    return Spec(match=match, swap=tuple((" ".join(str(k).lower().split()), str(v)) for k, v in swap.items()),
                fix=fix)


def explain(spec: Spec) -> list[tuple[str, str]]:
    if not spec.swap:
        return []
    shown = [f"{a} → {b}" for a, b in spec.swap[:8]]
    more = f" (and {len(spec.swap) - 8} more)" if len(spec.swap) > 8 else ""
    return [("Replacements", "; ".join(shown) + more)]


def match_case(replacement: str, matched: str) -> str:
    if matched.isupper() and len(matched) > 1:
        return replacement.upper()
    if matched[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def run(rule, ctx: Context):
    spec = rule.spec
    swap = dict(spec.swap)
    for hit in ctx.scoped(rule, ctx.facts.of(spec.match.key)):
        start, end = ctx.facts.source_span(hit)
        key = " ".join(hit.text.lower().split())
        replacement = swap.get(key)
        if replacement is None:
            replacement = swap.get(key.replace("-", " ")) or next(iter(swap.values()))
        replacement = match_case(replacement, hit.text)
        fix = None
        seg = ctx.facts.segments[hit.seg]
        if spec.fix is not None and seg.is_verbatim(hit.start, hit.end) and ctx.text[start:end] == hit.text:
            fix = Fix((Edit(start, end, replacement),), spec.fix)
        yield ctx.diagnostic(rule, start, end, {"replacement": replacement}, fix, hit=hit)
