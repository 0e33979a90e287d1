"""Quoted-printable email bodies with an exact map back to the raw message.

Most newsletters and marketing mail leave their tools quoted-printable, so a
finding in one must point at the words in the .eml file, not at the start of
the part.  The decoder keeps, for every decoded character, the raw span it
came from ("=E2=80=94" is one character from nine raw ones; a soft line break
"=\\n" is none), and `remap` carries a parsed body's offsets through that map.

Positions become exact; fixes stay off: a replacement written into the raw
part would itself have to be encoded (non-ASCII, "=", line length).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from .document import Parsed
from .segment import Segment

_HEX = set("0123456789abcdefABCDEF")


@dataclass
class CharMap:
    """Decoded text and, per decoded character, its raw [start, end) and
    whether it is the very same single character in the raw text."""

    text: str = ""
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    literal: list[bool] = field(default_factory=list)
    raw_length: int = 0

    def raw_at(self, offset: int) -> int:
        return self.starts[offset] if offset < len(self.starts) else self.raw_length


def decode_quoted_printable(raw: str, charset: str | None) -> CharMap:
    try:
        factory = codecs.getincrementaldecoder(charset or "us-ascii")
    except LookupError:  # a charset name no codec has: read the bytes as UTF-8
        factory = codecs.getincrementaldecoder("utf-8")
    decoder = factory(errors="replace")
    out = CharMap(raw_length=len(raw))
    chars: list[str] = []
    pending = [-1, True]  # raw start of the bytes the decoder holds, all literal so far

    def emit(decoded: str, end: int) -> None:
        start, literal = pending
        for ch in decoded:
            chars.append(ch)
            out.starts.append(start)
            out.ends.append(end)
            out.literal.append(literal and len(decoded) == 1 and raw[start:end] == ch)
        if decoded:
            pending[0], pending[1] = -1, True

    def feed(data: bytes, start: int, end: int, literal: bool) -> None:
        if pending[0] < 0:
            pending[0] = start
        pending[1] = pending[1] and literal
        emit(decoder.decode(data), end)

    i, n = 0, len(raw)
    while i < n:
        c = raw[i]
        if c == "=":
            nxt = raw[i + 1 : i + 3]
            if nxt.startswith("\r\n"):
                i += 3  # soft line break: no character
                continue
            if nxt[:1] in ("\n", "\r"):
                i += 2
                continue
            if len(nxt) == 2 and nxt[0] in _HEX and nxt[1] in _HEX:
                feed(bytes([int(nxt, 16)]), i, i + 3, False)
                i += 3
                continue
            feed(b"=", i, i + 1, True)  # a stray "=": kept, as decoders do
        elif ord(c) < 128:
            feed(c.encode("ascii"), i, i + 1, True)
        else:
            # Already a character (8-bit text in a part that claims QP): the
            # decoder's pending bytes end here, and this one maps to itself.
            emit(decoder.decode(b"", final=True), i)
            decoder.reset()
            pending[0], pending[1] = i, True
            emit(c, i + 1)
        i += 1
    emit(decoder.decode(b"", final=True), n)
    out.text = "".join(chars)
    return out


def remap(parsed: Parsed, cmap: CharMap) -> Parsed:
    """Offsets into the decoded text become offsets into the raw part.  A
    verbatim piece is split where the raw text stops being a one-for-one copy
    (an escape, a soft line break), so every character maps exactly."""
    for i, seg in enumerate(parsed.segments):
        parsed.segments[i] = _remap_segment(seg, cmap)
    parsed.directives = [(cmap.raw_at(o), d) for o, d in parsed.directives]
    return parsed


def _remap_segment(seg: Segment, cmap: CharMap) -> Segment:
    new = Segment(seg.scope, links=list(seg.links), removed=list(seg.removed), writable=False)
    for text, src, length, verbatim in zip(seg.parts, seg.src_starts, seg.lengths, seg.verbatim):
        start = cmap.raw_at(src)
        if length == 0 or not verbatim:  # a gap, or an entity/escape of the body's own markup
            end = cmap.ends[src + length - 1] if length else start
            new.add(text, start, verbatim=False, src_length=end - start)
            continue
        run = 0  # where the current one-for-one run began, relative to the piece
        for k in range(length):
            c = src + k
            if not cmap.literal[c]:  # an escaped character on its own, exact at both ends
                if k > run:
                    new.add(text[run:k], cmap.starts[src + run])
                new.add(text[k], cmap.starts[c], verbatim=False, src_length=cmap.ends[c] - cmap.starts[c])
                run = k + 1
            elif k > run and cmap.starts[c] != cmap.ends[c - 1]:  # a soft line break in between
                new.add(text[run:k], cmap.starts[src + run])
                run = k
        if run < length:
            new.add(text[run:length], cmap.starts[src + run])
    return new
