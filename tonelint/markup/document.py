"""What a markup front end hands to the engine."""

from __future__ import annotations

from dataclasses import dataclass, field

from .segment import Segment


def lf_only(text: str) -> str:
    """Same-length text with LF line ends only, for parsers that would turn
    CRLF or CR into LF themselves (and so shift every later offset): CRLF
    becomes " \n", a lone CR "\n"."""
    return text.replace("\r\n", " \n").replace("\r", "\n")


class Unreadable(ValueError):
    """Markup a front end cannot read within bounded work (MIME parts nested
    thousands deep, Markdown nested past the parser's limit).  The engine
    reports it as `file:line: what`, exit 2, and the run goes on: text that
    is silently not checked would let anything through."""

    def __init__(self, offset: int, what: str) -> None:
        super().__init__(what)
        self.offset = offset
        self.what = what


@dataclass
class Parsed:
    segments: list[Segment] = field(default_factory=list)
    # HTML comments (offset, text) that may carry tonelint directives.
    directives: list[tuple[int, str]] = field(default_factory=list)
    # Front matter / headers the engine may use (title, subject, channel).
    meta: dict = field(default_factory=dict)

    def shift(self, base: int) -> "Parsed":
        """Move every source offset by `base`: the text was parsed from a
        slice of the file that starts there (an email part, a Markdown piece)."""
        if base:
            for seg in self.segments:
                seg.src_starts = [s + base for s in seg.src_starts]
            self.directives = [(o + base, d) for o, d in self.directives]
        return self
