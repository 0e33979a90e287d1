"""Applying fixes: edits sorted by position, overlaps resolved in favour of the
earlier (then longer, then lower rule id) edit, everything else left byte for
byte as it was.  `fix_text` re-lints after each pass and refuses any fix whose
replacement would itself be flagged by the same rule, that leaves its own
finding in place, or that brings a finding the draft did not have; it repeats
until nothing changes, so a second --fix is a no-op."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from ..diagnostics import Applicability, Diagnostic, Edit

MAX_PASSES = 20


@dataclass
class FixResult:
    text: str
    applied: list[Diagnostic] = field(default_factory=list)
    skipped: list[Diagnostic] = field(default_factory=list)


def fixable(diagnostics, unsafe: bool = False) -> list[Diagnostic]:
    allowed = {Applicability.SAFE} | ({Applicability.UNSAFE} if unsafe else set())
    return [d for d in diagnostics if d.fix is not None and d.fix.applicability in allowed]


def apply_edits(text: str, diagnostics: list[Diagnostic]) -> FixResult:
    """One pass: non-overlapping edits, applied from a single left-to-right scan."""
    ordered = sorted(diagnostics, key=lambda d: (d.fix.edits[0].start, -(d.fix.edits[-1].end), d.rule))
    out: list[str] = []
    pos = 0
    result = FixResult(text)
    for d in ordered:
        edits: tuple[Edit, ...] = d.fix.edits
        if edits[0].start < pos or any(e.start < 0 or e.end > len(text) for e in edits):
            result.skipped.append(d)
            continue
        for e in edits:
            out.append(text[pos : e.start])
            out.append(e.text)
            pos = e.end
        result.applied.append(d)
    out.append(text[pos:])
    result.text = "".join(out)
    return result


def fix_text(text: str, lint, *, unsafe: bool = False, initial: list[Diagnostic] | None = None) -> FixResult:
    """`lint(text) -> diagnostics`; `initial` is lint(text) when the caller has
    it already.  Each pass applies the candidate fixes together and lints the
    result once; a fix is kept only when the re-lint shows its own finding gone
    and no finding of any rule that was not there before.  A pass whose new
    findings cannot be pinned on one fix by position is retried with the
    first half of its fixes, so one bad fix costs a few lints, not a refusal
    of every fix in the draft."""
    total = FixResult(text)
    refused: set[tuple[str, str, str]] = set()
    current = lint(text) if initial is None else initial
    for _ in range(MAX_PASSES):
        candidates = [d for d in fixable(current, unsafe) if _key(d) not in refused]
        if not candidates:
            break
        while candidates:
            attempt = apply_edits(text, candidates)
            after = lint(attempt.text)
            bad = _self_triggering(attempt, after) or _introducing(current, attempt, after)
            if bad is None:  # something new appeared and no single fix is to blame: try half
                if len(attempt.applied) == 1:
                    bad = list(attempt.applied)
                else:
                    candidates = sorted(attempt.applied, key=_position)[: len(attempt.applied) // 2]
                    continue
            if bad:
                refused |= {_key(d) for d in bad}
                total.skipped.extend(bad)
                break
            text, current = attempt.text, after
            total.applied.extend(attempt.applied)
            total.skipped.extend(attempt.skipped)
            break
    total.text = text
    return total


def _key(d: Diagnostic) -> tuple[str, str, str]:
    return d.rule, d.matched.lower(), "\x00".join(e.text for e in d.fix.edits)


def _position(d: Diagnostic) -> int:
    return d.fix.edits[0].start


def _placed(attempt: FixResult) -> list[tuple[Diagnostic, int, int]]:
    """Where each applied edit now stands in the new text, per fix."""
    pairs = sorted(((e, d) for d in attempt.applied for e in d.fix.edits), key=lambda p: (p[0].start, p[0].end))
    shift = 0
    placed = []
    for e, d in pairs:
        start = e.start + shift
        placed.append((d, start, start + len(e.text)))
        shift += len(e.text) - (e.end - e.start)
    return placed


def _introducing(before: list[Diagnostic], attempt: FixResult, after: list[Diagnostic]):
    """[] when every applied fix cleared its finding and nothing new appeared;
    the fixes to blame when new findings sit on their edits; None when there
    are new findings that no edit touches (the caller bisects)."""
    # A finding folded into another on the same words (engine/precedence.py)
    # is still there: when a fix moves the words and it shows on its own, it is not new.
    count_before = Counter(rule for d in before for rule in d.rules)
    count_after = Counter(rule for d in after for rule in d.rules)
    cleared = Counter(d.rule for d in attempt.applied)
    grown = {rule for rule, n in count_after.items() if n > count_before[rule] - cleared[rule]}
    if not grown:
        return []
    blamed = []
    suspects = [a for a in after if a.rule in grown]
    for d, s, e in _placed(attempt):
        if d not in blamed and any(a.start <= e and s <= a.end for a in suspects):
            blamed.append(d)
    return blamed or None


def _self_triggering(attempt: FixResult, after: list[Diagnostic]) -> list[Diagnostic]:
    """Fixes whose written replacement is flagged again by the same rule."""
    placed = _placed(attempt)
    # The new findings per rule, by start: a draft with thousands of fixes
    # must not test each against every finding.
    by_rule: dict[str, list[Diagnostic]] = {}
    for a in after:
        by_rule.setdefault(a.rule, []).append(a)
    starts = {}
    longest = {}
    for rule, found in by_rule.items():
        found.sort(key=lambda a: a.start)
        starts[rule] = [a.start for a in found]
        longest[rule] = max(a.end - a.start for a in found)
    bad = []
    for d, s, e in placed:
        found = by_rule.get(d.rule)
        if not found or d in bad:
            continue
        k = bisect_left(starts[d.rule], e) - 1  # the last finding that starts before the replacement ends
        while k >= 0 and found[k].start >= s - longest[d.rule]:
            if s < found[k].end or (s == e and found[k].start <= s <= found[k].end and found[k].end > found[k].start):
                bad.append(d)
                break
            k -= 1
    return bad
