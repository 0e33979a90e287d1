"""Plain text: every character is prose; blank lines separate paragraphs."""

from __future__ import annotations

import re

from .document import Parsed
from .segment import Segment

_BLANK = re.compile(r"(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)\s*")
# A directive line, or one trailing other text, after a # or // comment marker
# or straight after the prose ("Our prices. tonelint: ignore TL203", as
# docs/rules.md says), which suppress.py applies to its own line.
_DIRECTIVE = re.compile(r"^[ \t]*(?:#|//)?[ \t]*tonelint[:-].*$|(?:#|//)[ \t]*tonelint:.*$"
                        r"|(?<=[ \t])tonelint:[ \t]*(?:ignore|disable|enable)\b.*$", re.MULTILINE)


def parse_plain(text: str, *, scope: str = "paragraph", base: int = 0) -> Parsed:
    parsed = Parsed()
    cuts = []
    for m in _DIRECTIVE.finditer(text):
        parsed.directives.append((base + m.start(), m.group(0)))
        cuts.append((m.start(), m.end()))
    pos = 0
    for m in _BLANK.finditer(text):
        _paragraph(parsed, text, pos, m.start(), base, scope, cuts)
        pos = m.end()
    _paragraph(parsed, text, pos, len(text), base, scope, cuts)
    return parsed


def _paragraph(parsed: Parsed, text: str, start: int, end: int, base: int, scope: str, cuts: list) -> None:
    """The prose of text[start:end].  A directive is tonelint's, not the
    writer's: it is left out, so no rule reads it and no rewrite quotes it
    ("tonelint: ignore TL101" joined to the next line's sentence)."""
    pieces = []
    pos = start
    for a, b in cuts:
        if b <= pos or a >= end:
            continue
        pieces.append((pos, a))
        pos = min(b, end)
    pieces.append((pos, end))
    pieces = [(a, b) for a, b in pieces if a < b]
    if not any(text[a:b].strip() for a, b in pieces):
        return
    seg = Segment(scope)
    for n, (a, b) in enumerate(pieces):
        if n:
            seg.add_gap()
        seg.add(text[a:b], base + a)
    parsed.segments.append(seg)
