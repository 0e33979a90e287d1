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
    for m in _DIRECTIVE.finditer(text):
        parsed.directives.append((base + m.start(), m.group(0)))
    pos = 0
    for m in _BLANK.finditer(text):
        _paragraph(parsed, text[pos : m.start()], base + pos, scope)
        pos = m.end()
    _paragraph(parsed, text[pos:], base + pos, scope)
    return parsed


def _paragraph(parsed: Parsed, chunk: str, src: int, scope: str) -> None:
    if chunk.strip():
        seg = Segment(scope)
        seg.add(chunk, src)
        parsed.segments.append(seg)
