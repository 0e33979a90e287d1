"""Inline suppressions written in the draft itself.

Markdown/HTML:  <!-- tonelint-disable [TL101 ...] --> ... <!-- tonelint-enable [TL101 ...] -->
                <!-- tonelint-disable-next-line [TL101 ...] -->
Plain text:     a line `tonelint: ignore [TL101 ...]` silences the next line, or
                its own line when it trails other text; `tonelint: disable` /
                `tonelint: enable` bracket a region.
No ids means every rule.  Each directive records whether it silenced anything,
for --report-unused-suppressions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..diagnostics import Diagnostic, Level, LineIndex

_HTML = re.compile(r"<!--\s*tonelint-(disable-next-line|disable|enable)\b([^>]*?)-->", re.I)
_PLAIN = re.compile(r"tonelint:\s*(ignore|disable|enable)\b([^\r\n]*)", re.I)
_ID = re.compile(r"[A-Za-z][A-Za-z0-9]*\d+")


@dataclass
class Directive:
    offset: int
    line: int
    action: str  # disable | enable | next-line | same-line
    ids: frozenset  # empty: all rules
    text: str
    used: bool = False

    def covers(self, rule: str) -> bool:
        return not self.ids or any(rule.upper().startswith(i) for i in self.ids)


def parse_directives(text: str, raw: list[tuple[int, str]], index: LineIndex) -> list[Directive]:
    out = []
    for offset, comment in raw:
        for rx in (_HTML, _PLAIN):
            m = rx.search(comment)
            if not m:
                continue
            verb = m.group(1).lower()
            ids = frozenset(i.upper() for i in _ID.findall(m.group(2)))
            line = index.position(offset)[0]
            if verb == "ignore":
                line_start = index.starts[line - 1]
                before = text[line_start:offset].strip()
                action = "same-line" if before else "next-line"
            else:
                action = {"disable-next-line": "next-line"}.get(verb, verb)
            out.append(Directive(offset, line, action, ids, comment.strip()))
            break
    return sorted(out, key=lambda d: d.offset)


def apply_suppressions(text: str, raw, diagnostics):
    """Returns (kept diagnostics, number suppressed, unused directives)."""
    index = LineIndex(text)
    directives = parse_directives(text, raw, index)
    if not directives:
        return diagnostics, 0, []
    kept, dropped = [], 0
    for d in diagnostics:
        line = index.position(d.start)[0]
        hit = _silencer(directives, d.rule, d.start, line)
        if hit is None:
            kept.append(d)
        else:
            hit.used = True
            dropped += 1
    unused = [d for d in directives if d.action != "enable" and not d.used]
    return kept, dropped, unused


def _silencer(directives: list[Directive], rule: str, offset: int, line: int) -> Directive | None:
    region = None
    for d in directives:
        if d.offset > offset and d.action in ("disable", "enable"):
            break
        if d.action == "disable" and d.covers(rule):
            region = d
        elif d.action == "enable" and region is not None and d.covers(rule):
            region = None
    if region is not None:
        return region
    for d in directives:
        if d.action == "next-line" and d.line + 1 == line and d.covers(rule):
            return d
        if d.action == "same-line" and d.line == line and d.covers(rule):
            return d
    return None


UNUSED_ID = "TL001"


def report_unused(result, engine) -> None:
    """--report-unused-suppressions: each directive that silenced nothing becomes
    a finding (ruff's RUF100), so stale comments do not pile up in drafts."""
    if not result.unused_suppressions:
        return
    active = {r.id for r in engine.rules}
    extra = []
    for d in result.unused_suppressions:
        start = result.text.find(d.text, d.offset)
        start = d.offset if start < 0 else start
        end = start + len(d.text)
        named = ", ".join(sorted(d.ids)) or "all rules"
        inactive = sorted(i for i in d.ids if not any(r.startswith(i) for r in active))
        why = f" ({', '.join(inactive)} {'is' if len(inactive) == 1 else 'are'} not active here)" if inactive else ""
        extra.append(Diagnostic(
            rule=UNUSED_ID, family="suppression", level=Level.WARNING, start=start, end=end,
            matched=result.text[start:end], message=f"unused suppression for {named}{why}",
            rationale="The comment silences findings that are no longer there; stale suppressions hide future ones.",
            rewrite="Remove the comment.", path=result.path,
        ))
    result.diagnostics = sorted(result.diagnostics + extra, key=Diagnostic.sort_key)
