"""One finding per span and concern: when two rules of one family flag
exactly the same words, the reader gets one message, not two ("eyeballs" is
TL105 and TL107's; "Don't miss out" both an ask too early, TL401, and fake
urgency, TL404).  One rule wins, as in ruff's rule precedence, and the
other's reason is folded into its message, so nothing is lost.  Rules of
different families on the same words are different concerns ("NOW!" shouts,
TL207, and is fake urgency, TL404) and stay two findings: each family's
figures and --select of a family keep counting what they did.

The fold runs on finished findings (rewrites and fixes attached), so the
winner can be the finding with the most to offer the writer:

1. one that carries a fix (safe before unsafe) — a premature ask's fix moves
   the whole sentence after the draft's first value, which a fake-urgency
   finding on the same words cannot offer;
2. then one whose rewrite is the sentence itself, ready to paste ("Don't
   miss out on the spring sale." -> "The spring sale.") over one that only
   says what to do;
3. then the more specific kind: a substitution (it has the better word), an
   existence rule (it names what is wrong with these very words: fake
   urgency, link text that says nothing), then an order rule (it is about
   where the sentence stands, whatever its words);
4. then the lower rule id.

The winner shows the highest level in its group, so folding never lowers the
exit code, and lists the folded rules in `folded`: --fix counts them as still
there, so the moved ask that keeps its urgent words is not taken for a new
finding.  The counting kinds (ratio, required) judge the whole draft and only
anchor their finding on some words: a different concern, never folded.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..diagnostics import Applicability, Diagnostic

_SPECIFIC = {"substitution": 3, "existence": 2, "order": 1}
_WRITTEN = ("fix", "sentence")
_FIX_RANK = {Applicability.SAFE: 2, Applicability.UNSAFE: 1}
_QUOTED_MATCH = re.compile(r'^[“"][^”"]*[”"]\s+')


def one_per_span(diagnostics: list[Diagnostic], kinds: dict[str, str]) -> list[Diagnostic]:
    """`kinds` maps rule id to kind.  Order is kept for the winners."""
    groups: dict[tuple, list[int]] = {}
    for i, d in enumerate(diagnostics):
        word_level = kinds.get(d.rule) in _SPECIFIC
        groups.setdefault((d.start, d.end, d.family, d.sentence, _words(d)) if word_level else ("draft", i),
                          []).append(i)
    if all(len(g) == 1 for g in groups.values()):
        return diagnostics
    keep: dict[int, Diagnostic] = {}
    for members in groups.values():
        if len(members) == 1:
            keep[members[0]] = diagnostics[members[0]]
            continue
        ranked = sorted(members, key=lambda i: _rank(diagnostics[i], kinds))
        winner = diagnostics[ranked[0]]
        folded = list(winner.folded)
        for i in ranked[1:]:
            other = diagnostics[i]
            winner = replace(winner, message=_fold(winner.message, other), level=max(winner.level, other.level))
            folded += [r for r in (other.rule, *other.folded) if r not in folded]
        keep[min(members)] = replace(winner, folded=tuple(folded))
    return [keep[i] for i in sorted(keep)]


def _words(d: Diagnostic) -> str:
    """The flagged words as the message quotes them (decoded text), so that
    two findings on one encoded span fold only when they flag the same words."""
    m = re.search(r'"([^"]+)"', d.message)
    return " ".join((m.group(1) if m else d.matched).lower().split()).strip(" !.")


def _rank(d: Diagnostic, kinds: dict[str, str]) -> tuple:
    fix = _FIX_RANK.get(d.fix.applicability, 0) if d.fix is not None else 0
    return -fix, -(d.rewrite_kind in _WRITTEN), -_SPECIFIC[kinds[d.rule]], d.rule


def _fold(message: str, other: Diagnostic) -> str:
    rest = _QUOTED_MATCH.sub("", other.message, count=1)
    if rest != other.message or rest[:1].islower():  # '"x" pressures the reader', 'asks "x" before ...'
        return f"{message}; it also {rest} ({other.rule})"
    return f"{message}; also {other.rule}: {other.message}"
