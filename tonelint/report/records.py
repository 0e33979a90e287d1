"""The stable, documented shape of one finding as data (JSON and the
machine-readable formats build on it).  Lines and columns are 1-based and
count characters; end_column is exclusive, like ruff and LSP."""

from __future__ import annotations

from ..diagnostics import Diagnostic, LineIndex


def finding(d: Diagnostic, index: LineIndex) -> dict:
    line, column = index.position(d.start)
    end_line, end_column = index.position(d.end)
    return {
        "path": d.path,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "rule": d.rule,
        "family": d.family,
        "level": str(d.level),
        "message": d.message,
        "rationale": d.rationale,
        "rewrite": d.rewrite,
        "matched": d.matched,
        "fix": d.replacement if d.fix is not None else None,
        "fix_applicability": d.fix.applicability.value if d.fix is not None else None,
        "offset": d.start,
        "end_offset": d.end,
    }


def findings(result) -> list[dict]:
    index = LineIndex(result.text)
    return [finding(d, index) for d in result.diagnostics]
