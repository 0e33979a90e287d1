"""Applying fixes: edits sorted by position, overlaps resolved in favour of the
earlier (then longer, then lower rule id) edit, everything else left byte for
byte as it was.  `fix_text` re-lints after each pass and refuses any fix whose
replacement would itself be flagged by the same rule, then repeats until
nothing changes, so a second --fix is a no-op."""

from __future__ import annotations

from bisect import bisect_left

from dataclasses import dataclass, field

from ..diagnostics import Applicability, Diagnostic, Edit

MAX_PASSES = 10


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
    it already.  Each pass lints the attempted text once and that result is
    the next pass's input, so n passes cost n + 1 lints at most."""
    total = FixResult(text)
    refused: set[tuple[str, str, str]] = set()
    current = lint(text) if initial is None else initial
    for _ in range(MAX_PASSES):
        candidates = [
            d for d in fixable(current, unsafe)
            if (d.rule, d.matched.lower(), d.fix.edits[0].text) not in refused
        ]
        if not candidates:
            break
        attempt = apply_edits(text, candidates)
        after = lint(attempt.text)
        bad = _self_triggering(attempt, after)
        if bad:
            refused |= {(d.rule, d.matched.lower(), d.fix.edits[0].text) for d in bad}
            total.skipped.extend(bad)
            continue
        text, current = attempt.text, after
        total.applied.extend(attempt.applied)
        total.skipped.extend(attempt.skipped)
    total.text = text
    return total


def _self_triggering(attempt: FixResult, after: list[Diagnostic]) -> list[Diagnostic]:
    """Fixes whose written replacement is flagged again by the same rule."""
    # Where each applied replacement now stands in the new text.
    shift = 0
    placed = []
    for d in sorted(attempt.applied, key=lambda d: d.fix.edits[0].start):
        e = d.fix.edits[0]
        start = e.start + shift
        placed.append((d, start, start + len(e.text)))
        shift += len(e.text) - (e.end - e.start)
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
        if not found:
            continue
        k = bisect_left(starts[d.rule], e) - 1  # the last finding that starts before the replacement ends
        while k >= 0 and found[k].start >= s - longest[d.rule]:
            if s < found[k].end:
                bad.append(d)
                break
            k -= 1
    return bad
