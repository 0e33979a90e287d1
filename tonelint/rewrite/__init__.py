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

from dataclasses import replace

from ..diagnostics import Diagnostic
from .ask import REWRITERS as ASK
from .audience import GUARDED
from .audience import REWRITERS as AUDIENCE
from .draft import Draft, Sentence, local_span
from .grammar import reads
from .listening import REWRITERS as LISTENING
from .oneway import REWRITERS as ONE_WAY
from .result import KEEP, KINDS, Rewrite, fix_rewrite, sentence_rewrite

__all__ = ["KEEP", "KINDS", "Draft", "Rewrite", "attach", "fix_rewrite", "flagged", "rewrite", "sentence_rewrite"]

# Findings about the whole draft: their rewrite reads the draft, not the
# sentence the finding points at.
_DOCUMENT_RULES = frozenset({"TL201", "TL301"})
# Rule id -> rewriter, one family module each.
REWRITERS = {**AUDIENCE, **ONE_WAY, **LISTENING, **ASK}


def rewrite(finding: Diagnostic, draft: Draft) -> Rewrite:
    """The rewrite for one finding; falls back to the rule's own text."""
    fn = REWRITERS.get(finding.rule)
    sentence = flagged(finding, draft)
    if finding.rule in _DOCUMENT_RULES and draft.body:
        sentence = sentence or draft.body[-1]
    out = None
    if fn is not None and sentence is not None:
        out = fn(finding, sentence, draft)
    if out is None:
        # A built-in swap nobody could check in its sentence is no fix.
        keep = KEEP if fn is None or finding.rule not in GUARDED else None
        return Rewrite(finding.rewrite, "instruction", fix=keep)
    if out.kind == "sentence" and sentence is not None and not reads(sentence.text, out.text):
        return Rewrite(finding.rewrite, "instruction", fix=out.fix)
    return out


def flagged(finding: Diagnostic, draft: Draft) -> Sentence | None:
    """The sentence (or, in a list run together, the clause) a finding flags."""
    sentence = draft.sentence_of(finding)
    if sentence is not None:
        span = local_span(finding, sentence, draft)
        if span is not None:
            sentence = draft.clause(sentence, *span)
    return sentence


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
