"""SARIF 2.1.0, the log format GitHub code scanning and many editors import.

One run; tool.driver.rules describes every rule the run used (help text
carries the rationale and how to rewrite), results point at their rule by id
and index.  Columns count Unicode code points, like every tonelint format, and
say so (run.columnKind); endColumn is exclusive, as SARIF defines it.  URIs
are relative to the working directory under %SRCROOT%, which is what code
scanning expects when tonelint runs from the repository root.
"""

from __future__ import annotations

import json
from html import escape
import os
import re
from pathlib import Path
from urllib.parse import quote

from ..diagnostics import LineIndex
from ..rules.docs import summary
from ..version import __version__
from .records import findings, relative_uri, scorecard

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "suggestion": "note"}
# GitHub's own severity vocabulary for non-security alerts.
SEVERITIES = {"error": "error", "warning": "warning", "suggestion": "recommendation"}
_PLACEHOLDER = re.compile(r"[\"“]?\{(\w+)\}[\"”]?")
_GENERIC = {"match": "the flagged words", "replacement": "the suggested wording"}


def _generic(template: str) -> str:
    """A rule's per-finding template ("Replace "{match}" with …") read as general advice."""
    return _PLACEHOLDER.sub(lambda m: _GENERIC.get(m.group(1), "…"), template or "").strip()


def _artifact(path: str) -> dict:
    """Relative to %SRCROOT% (the working directory) when the draft is inside
    it; otherwise an absolute file: URI."""
    rel = relative_uri(path)
    if os.path.isabs(rel):
        return {"uri": Path(rel).as_uri()}
    return {"uri": quote(rel, safe="/-_.~"), "uriBaseId": "%SRCROOT%"}


def _descriptor(rule_id: str, meta, example: dict | None) -> dict:
    """A reportingDescriptor from the rule's YAML, or, for findings no loaded
    rule describes (TL001, TL901 come from the run itself), from a finding."""
    if meta is not None:
        level = str(meta.level)
        name, short, full = meta.name, summary(meta), " ".join((meta.description or meta.message).split())
        rationale, rewrite, family = " ".join(meta.rationale.split()), _generic(meta.rewrite), meta.family
    else:
        level = example["level"] if example else "warning"
        name = rule_id
        short = full = example["message"] if example else rule_id
        rationale, rewrite, family = (example or {}).get("rationale") or "", (example or {}).get("rewrite") or "", \
            (example or {}).get("family") or "tonelint"
    help_parts = [p for p in (full, f"Why: {rationale}" if rationale else "", f"How to rewrite: {rewrite}" if rewrite else "")
                  if p]
    # Markdown renderers pass HTML through: rule text from a team pack is
    # untrusted (docs/security.md), so it goes in as text, never as markup.
    md_parts = [escape(p, quote=False) for p in (full, f"**Why:** {rationale}" if rationale else "",
                                                f"**How to rewrite:** {rewrite}" if rewrite else "") if p]
    return {
        "id": rule_id,
        "name": name,
        "shortDescription": {"text": short or rule_id},
        "fullDescription": {"text": full or short or rule_id},
        "help": {"text": "\n\n".join(help_parts), "markdown": "\n\n".join(md_parts)},
        "defaultConfiguration": {"level": LEVELS.get(level, "warning")},
        "properties": {"tags": ["tonelint", family], "precision": "high",
                       "problem.severity": SEVERITIES.get(level, "warning")},
    }


def _region(index: LineIndex, start: int, end: int, text: str | None = None) -> dict:
    line, col = index.position(start)
    end_line, end_col = index.position(end)
    region = {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}
    if text is not None:
        region["snippet"] = {"text": text}
    return region


def _fixes(d, index: LineIndex, artifact: dict) -> list[dict]:
    if d.fix is None or not d.fix.edits:
        return []
    replacements = [{"deletedRegion": _region(index, e.start, e.end), "insertedContent": {"text": e.text}}
                    for e in d.fix.edits]
    kind = "safe: applied by --fix" if d.fix.applicability.value == "safe" else \
        f"{d.fix.applicability.value}: review before applying"
    return [{"description": {"text": f"Replace \"{d.matched}\" ({kind})"},
             "artifactChanges": [{"artifactLocation": artifact,
                                  "replacements": replacements}]}]


def build(run, options) -> dict:
    """The SARIF log as a dict (render() serialises it)."""
    catalogue = {}
    for rule in options.rules:
        catalogue.setdefault(rule.id, rule)
    # One LineIndex and one artifact location per draft, shared by its findings.
    items = []
    for result in run.results:
        index = LineIndex(result.text)
        artifact = _artifact(result.path)
        items.extend((index, artifact, d, f) for d, f in zip(result.diagnostics, findings(result, index)))
    examples: dict = {}
    for *_, f in items:
        examples.setdefault(f["rule"], f)
    ids = sorted(set(catalogue) | set(examples))
    rules = [_descriptor(i, catalogue.get(i), examples.get(i)) for i in ids]
    position = {i: n for n, i in enumerate(ids)}

    results = []
    for index, artifact, d, f in items:
        text = f["message"] + (f"\nRewrite: {f['rewrite']}" if f["rewrite"] else "")
        entry = {
            "ruleId": f["rule"],
            "ruleIndex": position[f["rule"]],
            "level": LEVELS[f["level"]],
            "message": {"text": text},
            "locations": [{"physicalLocation": {
                "artifactLocation": artifact,
                "region": _region(index, d.start, d.end, d.matched),
            }}],
            "partialFingerprints": {"tonelint/v1": f["fingerprint"]},
        }
        fixes = _fixes(d, index, artifact)
        if fixes:
            entry["fixes"] = fixes
        results.append(entry)

    # A draft that could not be read is an error of the run; a file skipped
    # while walking a folder (binary data) only a note, like on stderr.
    notifications = [{"level": "error", "message": {"text": f"{e.where}: {e.what}"}} for e in run.errors]
    notifications += [{"level": "note", "message": {"text": f"{e.where}: {e.what}"},
                       "locations": [{"physicalLocation": {"artifactLocation": _artifact(e.where)}}]}
                      for e in run.notes]
    invocation = {"executionSuccessful": not run.errors}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    root = Path(os.getcwd()).as_uri().rstrip("/") + "/"
    run_entry = {
        "tool": {"driver": {"name": "tonelint", "version": __version__, "semanticVersion": __version__,
                            "rules": rules}},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": root}},
        "columnKind": "unicodeCodePoints",
        "invocations": [invocation],
        "results": results,
    }
    if options.score:
        # Each draft's scorecard rides on its artifact as a property bag, so
        # code-scanning consumers that ignore it lose nothing.
        artifacts = []
        for result in run.results:
            card = scorecard(result)
            if card is not None:
                artifacts.append({"location": _artifact(result.path), "properties": {"tonelint/scorecard": card}})
        if artifacts:
            run_entry["artifacts"] = artifacts
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [run_entry],
    }


def render(run, options) -> str:
    return json.dumps(build(run, options), indent=2, ensure_ascii=False) + "\n"
