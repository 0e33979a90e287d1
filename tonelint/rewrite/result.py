"""The value a rewriter returns (kind, text, the span it replaces, the fix
to offer) and the two ways of building one from a sentence."""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Diagnostic, Fix
from .draft import Draft, Sentence, local_span

KINDS = ("sentence", "instruction", "fix")


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


def sentence_rewrite(sentence: Sentence, text: str, fix=KEEP) -> Rewrite | None:
    """A rewrite of the whole sentence, or None when it changes nothing."""
    text = " ".join(text.split())
    if not text or text == " ".join(sentence.text.split()):
        return None
    return Rewrite(text, "sentence", sentence.start, sentence.end, fix)


def fix_rewrite(finding: Diagnostic, sentence: Sentence, draft: Draft) -> Rewrite | None:
    """The sentence as the finding's one-edit fix leaves it (kind "fix")."""
    fix = finding.fix
    span = local_span(finding, sentence, draft)
    if fix is None or len(fix.edits) != 1 or span is None:
        return None
    text = sentence.text[: span[0]] + fix.edits[0].text + sentence.text[span[1]:]
    return Rewrite(text.strip(), "fix", sentence.start, sentence.end, fix)
