"""A Segment is one block of prose (a paragraph, a heading, a list item, a
subject line) as the rules see it, with an explicit map back to the source.

Markup front ends build segments piece by piece: each piece of prose text is
appended with the source offset it came from, so a match found in the segment
text maps back without ever searching the source again.  A piece whose text is
not a verbatim copy of the source (an HTML entity, a Markdown escape) is
recorded as such, and fixes that would touch it are refused.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

_NO_BREAK_SPACES = {0x00A0: " ", 0x202F: " ", 0x2007: " "}

# Scope names a rule can select.  "title" is the subject line / front-matter
# title / <title>, i.e. the opening of the message.
SCOPES = ("title", "heading", "paragraph", "list", "blockquote", "table", "link", "document")


@dataclass
class Segment:
    scope: str
    parts: list[str] = field(default_factory=list)
    # Parallel lists: segment offset where a run starts, source offset it maps
    # to, and whether the run is a verbatim copy of the source.
    seg_starts: list[int] = field(default_factory=list)
    src_starts: list[int] = field(default_factory=list)
    verbatim: list[bool] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)
    links: list[tuple[int, int]] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)  # offsets of gaps for removed content
    # False for text decoded from a transfer encoding (quoted-printable):
    # positions are exact, but a fix would have to be encoded to be written.
    writable: bool = True
    length: int = 0
    _text: str | None = None

    def add(self, text: str, src_start: int, *, verbatim: bool = True, src_length: int | None = None) -> None:
        """Append prose; `src_length` differs from len(text) for non-verbatim pieces."""
        if not text:
            return
        # No-break spaces (&nbsp; in HTML mail, pasted from word processors) would
        # glue words into one token and hide "target&nbsp;audience" from every
        # rule; they become plain spaces, one character for one, so offsets hold.
        # (Rare: the three tests cost a tenth of translate() on a piece without any.)
        if "\xa0" in text or "\u202f" in text or "\u2007" in text:
            self.parts.append(text.translate(_NO_BREAK_SPACES))
        else:
            self.parts.append(text)
        self.seg_starts.append(self.length)
        self.src_starts.append(src_start)
        self.verbatim.append(verbatim)
        self.lengths.append(len(text) if src_length is None else src_length)
        self.length += len(text)
        self._text = None

    def add_gap(self, text: str = " ", *, removed: bool = True) -> None:
        """Separator so that words on both sides do not run together; maps to
        the previous piece's end.  `removed` marks a gap that stands for
        content taken out of the prose (inline code, a URL, an image): no match
        may run across it.  A soft line break is a gap that is not removed."""
        if not self.parts:
            return
        src = self.src_starts[-1] + self.lengths[-1]
        if removed:
            self.removed.append(self.length)
        self.add(text, src, verbatim=False, src_length=0)

    def crosses_removed(self, start: int, end: int) -> bool:
        """True when [start, end) spans a gap left by removed content."""
        return any(start < g < end for g in self.removed)

    def start_link(self) -> int:
        return self.length

    def end_link(self, start: int) -> None:
        if self.length > start:
            self.links.append((start, self.length))

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "".join(self.parts)
        return self._text

    def _run(self, offset: int) -> int:
        return max(bisect_right(self.seg_starts, offset) - 1, 0)

    def to_source(self, offset: int, *, end: bool = False) -> int:
        """Source offset of a segment offset; with end=True, of an exclusive end."""
        if not self.seg_starts:
            return 0
        probe = offset - 1 if end and offset > 0 else offset
        i = self._run(probe)
        delta = offset - self.seg_starts[i]
        if self.verbatim[i]:
            return self.src_starts[i] + delta
        # Inside a transformed piece: clamp to the piece's source range.
        return self.src_starts[i] + (self.lengths[i] if end and delta > 0 else 0)

    def is_verbatim(self, start: int, end: int) -> bool:
        """True when [start, end) is one contiguous verbatim run in the source,
        the only case where a fix may be written back."""
        if end <= start or not self.seg_starts or not self.writable:
            return False
        i = self._run(start)
        j = self._run(end - 1)
        if i != j:
            # Adjacent verbatim runs that are contiguous in the source are fine.
            for k in range(i, j + 1):
                if not self.verbatim[k]:
                    return False
                if k > i and self.src_starts[k] != self.src_starts[k - 1] + self.lengths[k - 1]:
                    return False
            return True
        return self.verbatim[i]

    def in_link(self, start: int, end: int) -> tuple[int, int] | None:
        for ls, le in self.links:
            if ls <= start and end <= le:
                return ls, le
        return None
