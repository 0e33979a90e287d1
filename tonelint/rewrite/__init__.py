"""Rewrites about this draft's sentence.

A finding's rewrite is one of three things (`Rewrite.kind`):

- ``fix``: the flagged sentence as the finding's fix leaves it (the fix is a
  grammar-checked substitution or a structural move of an ask);
- ``sentence``: the flagged sentence rewritten from its own words, with the
  source span it replaces, to apply by hand;
- ``instruction``: what to do, quoting this draft's words (the value sentence
  an ask should follow, the product the subject names, a question to add
  built from what the draft is about).

The interface is narrow on purpose: `rewrite(finding, draft)` with the draft's
context in a `Draft`; rules without a rewriter of their own (a team's pack)
keep the rewrite their YAML renders."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from ..diagnostics import Diagnostic, Fix
from . import grammar
from .draft import Draft, Sentence

KINDS = ("sentence", "instruction", "fix")
# Findings about the whole draft: their rewrite reads the draft, not the
# sentence the finding points at.
_DOCUMENT_RULES = frozenset({"TL201", "TL301"})


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


KEEP = _Keep()  # Rewrite.fix: leave the finding's own fix as the rule made it


@dataclass(frozen=True)
class Rewrite:
    text: str
    kind: str  # one of KINDS
    start: int | None = None  # the source span a sentence (or fix) rewrite replaces
    end: int | None = None
    fix: object = KEEP  # a Fix to offer instead of the rule's, None for no fix, KEEP

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"rewrite kind {self.kind!r}")


@lru_cache(maxsize=1)
def rewriters() -> dict:
    """Rule id -> rewriter; the rule modules import this package's helpers."""
    from . import ask, audience, listening, oneway

    table: dict = {}
    for module in (audience, oneway, listening, ask):
        table.update(module.REWRITERS)
    return table


@lru_cache(maxsize=1)
def _guarded() -> frozenset:
    from .audience import GUARDED

    return GUARDED


def rewrite(finding: Diagnostic, draft: Draft) -> Rewrite:
    """The rewrite for one finding; falls back to the rule's own text."""
    fn = rewriters().get(finding.rule)
    sentence = flagged(finding, draft)
    if finding.rule in _DOCUMENT_RULES and draft.body:
        sentence = sentence or draft.body[-1]
    out = None
    if fn is not None and sentence is not None:
        out = fn(finding, sentence, draft)
    if out is None:
        # A built-in swap nobody could check in its sentence is no fix.
        keep = KEEP if fn is None or finding.rule not in _guarded() else None
        return Rewrite(finding.rewrite, "instruction", fix=keep)
    if out.kind == "sentence" and sentence is not None and not grammar.reads(sentence.text, out.text):
        return Rewrite(finding.rewrite, "instruction", fix=out.fix)
    return out


def flagged(finding: Diagnostic, draft: Draft) -> Sentence | None:
    """The sentence (or, in a list run together, the clause) a finding flags."""
    from .draft import local_span

    sentence = draft.sentence_of(finding)
    if sentence is not None:
        span = local_span(finding, sentence, draft)
        if span is not None:
            sentence = draft.clause(sentence, *span)
    return sentence


def sentence_rewrite(sentence: Sentence, text: str, fix=KEEP) -> Rewrite | None:
    """A rewrite of the whole sentence, or None when it changes nothing."""
    text = " ".join(text.split())
    if not text or text == " ".join(sentence.text.split()):
        return None
    return Rewrite(text, "sentence", sentence.start, sentence.end, fix)


def fix_rewrite(finding: Diagnostic, sentence: Sentence, draft: Draft) -> Rewrite | None:
    """The sentence as the finding's one-edit fix leaves it (kind "fix")."""
    from .draft import local_span

    fix = finding.fix
    span = local_span(finding, sentence, draft)
    if fix is None or len(fix.edits) != 1 or span is None:
        return None
    text = sentence.text[: span[0]] + fix.edits[0].text + sentence.text[span[1]:]
    return Rewrite(text.strip(), "fix", sentence.start, sentence.end, fix)


def attach(diagnostics: list[Diagnostic], draft: Draft) -> list[Diagnostic]:
    """The findings with their rewrites (and fixes) filled in."""
    out = []
    for d in diagnostics:
        rw = rewrite(d, draft)
        span = (rw.start, rw.end) if rw.start is not None and rw.end > rw.start else None
        changes = {"rewrite": rw.text, "rewrite_kind": rw.kind, "rewrite_span": span}
        if rw.fix is not KEEP:
            changes["fix"] = rw.fix
        out.append(replace(d, **changes))
    return out
