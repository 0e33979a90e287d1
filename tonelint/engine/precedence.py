"""One finding per span: when two rules flag exactly the same words, the
reader gets one message, not two ("eyeballs" flagged by TL105 and by a team
rule on the same word).  One rule wins, as in ruff's rule precedence, and the other's reason is folded into its message,
so nothing is lost.

The winner is the finding with the most to offer the writer: a higher
level first, then a substitution (it has the better word, often a safe fix)
before an existence rule.  Order findings (an ask before any value) are a
different concern from the words themselves and carry a rewrite of the
whole sentence, so they are never folded; nor are the counting kinds
(ratio, required), which judge the whole draft and only anchor their
finding on some words.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..diagnostics import Diagnostic

_SPECIFIC = {"substitution": 2, "existence": 1}
_QUOTED_MATCH = re.compile(r'^[“"][^”"]*[”"]\s+')


def one_per_span(diagnostics: list[Diagnostic], kinds: dict[str, str]) -> list[Diagnostic]:
    """`kinds` maps rule id to kind.  Order is kept for the winners."""
    groups: dict[tuple, list[int]] = {}
    for i, d in enumerate(diagnostics):
        word_level = kinds.get(d.rule) in _SPECIFIC
        groups.setdefault((d.start, d.end) if word_level else ("draft", i), []).append(i)
    if all(len(g) == 1 for g in groups.values()):
        return diagnostics
    keep: dict[int, Diagnostic] = {}
    for members in groups.values():
        if len(members) == 1:
            keep[members[0]] = diagnostics[members[0]]
            continue
        ranked = sorted(members, key=lambda i: (-int(diagnostics[i].level), -_SPECIFIC[kinds[diagnostics[i].rule]],
                                                diagnostics[i].rule))
        winner = diagnostics[ranked[0]]
        for i in ranked[1:]:
            winner = replace(winner, message=_fold(winner.message, diagnostics[i]))
        keep[min(members)] = winner
    return [keep[i] for i in sorted(keep)]


def _fold(message: str, other: Diagnostic) -> str:
    rest = _QUOTED_MATCH.sub("", other.message, count=1)
    if rest != other.message:
        return f"{message}; it also {rest} ({other.rule})"
    return f"{message}; also {other.rule}: {other.message}"
