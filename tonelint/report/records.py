"""The stable, documented shape of one finding as data (JSON and the
machine-readable formats build on it).  Lines and columns are 1-based and
count characters; end_column is exclusive, like ruff and LSP."""

from __future__ import annotations

import os
from pathlib import Path

from ..diagnostics import Diagnostic, LineIndex
from ..run.baseline import fingerprints
from ..score.scorecard import score_result
from .printable import printable


def finding(d: Diagnostic, index: LineIndex) -> dict:
    line, column = index.position(d.start)
    end_line, end_column = index.position(d.end)
    return {
        "path": printable(d.path),
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
        "rewrite_kind": d.rewrite_kind,
        "rewrite_span": _span(d.rewrite_span, index),
        "matched": d.matched,
        "fix": d.replacement if d.fix is not None else None,
        "fix_applicability": d.fix.applicability.value if d.fix is not None else None,
        "fix_edits": [{"offset": e.start, "end_offset": e.end, "text": e.text} for e in d.fix.edits]
        if d.fix is not None else None,
        "offset": d.start,
        "end_offset": d.end,
    }


def _span(span, index: LineIndex) -> dict | None:
    """The source span a sentence (or fix) rewrite replaces."""
    if span is None:
        return None
    start, end = span
    line, column = index.position(start)
    end_line, end_column = index.position(end)
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column,
            "offset": start, "end_offset": end}


def findings(result, index: LineIndex | None = None) -> list[dict]:
    """The file's findings, each with the line-independent `fingerprint` that
    baselines and SARIF's partialFingerprints use (baseline.py)."""
    index = index or LineIndex(result.text)
    out = []
    genre = (getattr(result, "meta", None) or {}).get("genre")
    for d, fp in zip(result.diagnostics, fingerprints(result.text, result.diagnostics)):
        item = finding(d, index)
        item["fingerprint"] = fp
        if genre:
            item["genre"] = genre  # the draft's genre (engine/genre.py), which decided the rules that ran
        out.append(item)
    return out


def scorecard(result) -> dict | None:
    """A draft's scorecard as data (JSON, SARIF), its path escaped like every
    path a report prints: a name that is not valid UTF-8 cannot be written."""
    card = score_result(result)
    if card is None:
        return None
    data = card.as_dict()
    data["path"] = printable(data["path"])
    return data


def relative_uri(path: str) -> str:
    """`path` as CI tools want it: relative to the working directory when it is
    inside it, forward slashes, no leading "./"; control characters and
    undecodable bytes escaped (printable.py)."""
    if path == "-":
        return path
    return printable(_relative(path))


def _relative(path: str) -> str:
    p = os.path.abspath(path)
    try:
        rel = os.path.relpath(p)
    except ValueError:
        return Path(p).as_posix()
    if rel == ".." or rel.startswith(".." + os.sep):
        return Path(p).as_posix()
    return Path(rel).as_posix()
