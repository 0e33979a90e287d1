"""Quoted-printable and base64 email bodies with a map back to the raw message.

Most newsletters and marketing mail leave their tools quoted-printable, so a
finding in one must point at the words in the .eml file, not at the start of
the part.  The decoder keeps, for every decoded character, the raw span it
came from ("=E2=80=94" is one character from nine raw ones; a soft line break
"=\\n" is none; a base64 character comes from its group of four), and
`remap` carries a parsed body's offsets through that map.

Positions become exact; fixes stay off: a replacement written into the raw
part would itself have to be encoded (non-ASCII, "=", line length).
"""

from __future__ import annotations

import base64
import binascii
import codecs
import string
from dataclasses import dataclass, field

from .document import Parsed
from .segment import Segment

_HEX = set("0123456789abcdefABCDEF")
_B64 = set(string.ascii_letters + string.digits + "+/=")


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


class _Builder:
    """Bytes in, characters out, each character remembering the raw span of
    the bytes it was decoded from (several for UTF-8, one group of four for
    base64)."""

    def __init__(self, raw: str, charset: str | None) -> None:
        try:
            factory = codecs.getincrementaldecoder(charset or "us-ascii")
        except LookupError:  # a charset name no codec has: read the bytes as UTF-8
            factory = codecs.getincrementaldecoder("utf-8")
        self.decoder = factory(errors="replace")
        self.raw = raw
        self.out = CharMap(raw_length=len(raw))
        self.chars: list[str] = []
        self.start, self.literal = -1, True  # raw start of the bytes the decoder holds, all literal so far

    def _emit(self, decoded: str, end: int) -> None:
        for ch in decoded:
            self.chars.append(ch)
            self.out.starts.append(self.start)
            self.out.ends.append(end)
            self.out.literal.append(self.literal and len(decoded) == 1 and self.raw[self.start : end] == ch)
        if decoded:
            self.start, self.literal = -1, True

    def feed(self, byte: int, start: int, end: int, literal: bool) -> None:
        """One byte at a time, so a character's span starts where its first
        byte stands, even when it straddles two base64 groups."""
        if self.start < 0:
            self.start = start
        self.literal = self.literal and literal
        self._emit(self.decoder.decode(bytes((byte,))), end)
        if self.start < 0 and self.decoder.getstate()[0]:  # a damaged sequence left this byte pending
            self.start, self.literal = start, literal

    def text(self, ch: str, start: int) -> None:
        """A raw character that is already text (8-bit text in a part that
        claims an encoding): the decoder's pending bytes end here."""
        self._emit(self.decoder.decode(b"", final=True), start)
        self.decoder.reset()
        self.start, self.literal = start, True
        self._emit(ch, start + 1)

    def finish(self) -> CharMap:
        self._emit(self.decoder.decode(b"", final=True), len(self.raw))
        self.out.text = "".join(self.chars)
        return self.out


def decode_quoted_printable(raw: str, charset: str | None) -> CharMap:
    build = _Builder(raw, charset)
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
                build.feed(int(nxt, 16), i, i + 3, False)
                i += 3
                continue
            build.feed(ord("="), i, i + 1, True)  # a stray "=": kept, as decoders do
        elif ord(c) < 128:
            build.feed(ord(c), i, i + 1, True)
        else:
            build.text(c, i)
        i += 1
    return build.finish()


def decode_base64(raw: str, charset: str | None) -> CharMap:
    """Each group of four base64 characters holds three bytes, so a decoded
    character maps to the group (or groups) its bytes came from: the right
    line in the .eml, never a byte-exact span."""
    build = _Builder(raw, charset)
    group: list[int] = []
    for i, c in enumerate(raw):
        if c in _B64:
            group.append(i)
        if len(group) == 4:
            try:
                data = base64.b64decode("".join(raw[j] for j in group), validate=True)
            except (binascii.Error, ValueError):  # damaged from here on: the rest is not text
                break
            for byte in data:
                build.feed(byte, group[0], group[-1] + 1, False)
            group = []
    return build.finish()


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
