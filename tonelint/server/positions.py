"""Character offsets into a draft <-> LSP positions.

tonelint reports offsets in Python characters (code points); LSP counts a
line's columns in the code units of the negotiated position encoding, UTF-16
unless the client offers another.  Lines break at CR, LF and CRLF for both,
so the line number is LineIndex's and only the column needs converting.
"""

from __future__ import annotations

from bisect import bisect_right

from ..diagnostics import LineIndex


def _units(text: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    if encoding == "utf-32":
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class PositionMap:
    """One document's offset <-> (line, column) map in one encoding."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = str(encoding).lower().replace("_", "-")
        self.starts = LineIndex(text).starts

    def position(self, offset: int) -> tuple[int, int]:
        """0-based (line, column in code units) of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        if self.encoding == "utf-32" or self.text[start:offset].isascii():
            return line, offset - start
        return line, _units(self.text[start:offset], self.encoding)

    def offset(self, line: int, column: int) -> int:
        """Character offset of a 0-based LSP position; a column past the end
        of its line clamps to the line end, as the protocol asks."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        body = self.text[start:end].rstrip("\r\n")
        if self.encoding == "utf-32" or body.isascii():
            return start + min(column, len(body))
        used = 0
        for i, ch in enumerate(body):
            if used >= column:
                return start + i
            used += _units(ch, self.encoding)
        return start + len(body)
