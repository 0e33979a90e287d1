"""Human output: one finding a line, `path:line:col: RULE level  message`, an
indented rewrite hint, and a one-line summary, like ruff and Vale."""

from __future__ import annotations

from collections import Counter

from ..diagnostics import Level, LineIndex
from ..plural import counted
from ..score.scorecard import failing, score_result, text_lines
from .printable import printable

_COLOURS = {Level.ERROR: "31", Level.WARNING: "33", Level.SUGGESTION: "36"}


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def render(run, options) -> str:
    colour = options.color
    lines: list[str] = []
    for result in run.results:
        index = LineIndex(result.text)
        for d in result.diagnostics:
            line, col = index.position(d.start)
            level = _paint(str(d.level), _COLOURS[d.level], colour)
            where = _paint(printable(f"{d.path}:{line}:{col}:"), "1", colour)
            lines.append(f"{where} {_paint(d.rule, '1', colour)} {level}  {printable(d.message)}")
            if d.rewrite:
                lines.append(f"    rewrite: {d.rewrite}")
        if options.score and not options.quiet:
            lines.extend(_scorecard(result, options, colour))
    if options.quiet:
        return "\n".join(lines) + ("\n" if lines else "")
    lines.append(summary(run, options))
    return "\n".join(lines) + "\n"


def summary(run, options) -> str:
    counts = Counter(str(d.level) for d in run.diagnostics)
    files = len(run.results)
    parts = [counted(counts[name], name) for name in ("error", "warning", "suggestion")
             if counts[name]]
    found = ", ".join(parts) if parts else "no findings"
    text = f"Checked {counted(files, 'file')}: {found}."
    if run.fixed:
        n = sum(run.fixed.values())
        text += f" Fixed {counted(n, 'finding')} in {counted(len(run.fixed), 'file')}."
    fixable = sum(1 for d in run.diagnostics if d.fix is not None and d.fix.applicability.value == "safe")
    if fixable and not run.fixed:
        text += f" {fixable} fixable with --fix."
    below = failing(run.results, options.min_score)
    if below:
        text += f" {counted(len(below), 'draft')} scored below --min-score {options.min_score}."
    if run.errors:
        text += f" {counted(len(run.errors), 'file')} could not be checked."
    if options.elapsed is not None:
        text += f" ({options.elapsed:.2f}s)"
    return text


def _scorecard(result, options, colour: bool) -> list[str]:
    card = score_result(result)
    if card is None:
        return []
    lines = [printable(line) for line in text_lines(card, options.min_score)]
    tone = "32" if card.score >= 80 else "33" if card.score >= 40 else "31"
    lines[0] = _paint(lines[0], tone, colour)
    return lines
