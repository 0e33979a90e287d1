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
        cuts.append((base + m.start(), base + m.end()))
    pos = 0
    for m in _BLANK.finditer(text):
        _paragraph(parsed, text[pos : m.start()], base + pos, scope, cuts)
        pos = m.end()
    _paragraph(parsed, text[pos:], base + pos, scope, cuts)
    return parsed


# A short line with no closing comma, dash or hyphen, followed by a line
# that starts a new thought (a capital, a digit, a bullet, a symbol): text
# pasted from a web page or an HTML email ("Papermark" / "Custom domains are
# available:" / "Upgrade now"), where each line is a heading, a button or a
# list item, not one long run-on sentence.  Hard-wrapped prose (lines of 60+
# characters) is left as one paragraph.
_SHORT_LINE = 48
_LINE_BREAK = re.compile(r"(?:\r\n|\r(?!\n)|\n)")
_CONTINUES = tuple(",;-–—&/+(")


def _paragraph(parsed: Parsed, chunk: str, src: int, scope: str, cuts: list) -> None:
    if not chunk.strip():
        return
    pos = line_start = 0
    for m in _LINE_BREAK.finditer(chunk):
        line = chunk[line_start : m.start()].strip()
        line_start = m.end()
        rest = chunk[m.end() :].lstrip(" \t")
        if line and rest and len(line) <= _SHORT_LINE and not line.endswith(_CONTINUES) \
                and not rest[0].islower() and not line.lower().endswith((" and", " or", " the", " a", " to", " of")):
            _segment(parsed, chunk[pos : m.start()], src + pos, scope, cuts)
            pos = m.end()
    _segment(parsed, chunk[pos:], src + pos, scope, cuts)


def _segment(parsed: Parsed, text: str, src: int, scope: str, cuts: list) -> None:
    """`text` (at source offset `src`) as one segment.  A directive (`cuts`,
    source spans) is tonelint's, not the writer's: it is left out, so no rule
    reads it and no rewrite quotes it ("tonelint: ignore TL101" run into the
    next line's sentence)."""
    pieces = []
    pos, end = src, src + len(text)
    for a, b in cuts:
        if b <= pos or a >= end:
            continue
        pieces.append((pos, a))
        pos = min(b, end)
    pieces.append((pos, end))
    pieces = [(a, b) for a, b in pieces if a < b and text[a - src : b - src].strip()]
    if not pieces:
        return
    seg = Segment(scope)
    for n, (a, b) in enumerate(pieces):
        if n:
            seg.add_gap()
        seg.add(text[a - src : b - src], a)
    parsed.segments.append(seg)
