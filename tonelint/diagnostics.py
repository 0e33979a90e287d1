"""The findings tonelint hands to reporters and to other programs.

Everything here is plain, frozen data with no dependency on the rest of the
package, so reporters, the cache and third-party callers can use it without
loading spaCy.  Spans are character offsets into the decoded source text; line
and column are derived only when a finding is rendered.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class Level(enum.IntEnum):
    """Ordered so that `level >= fail_level` decides the exit code."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Level":
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown level {name!r} (expected error, warning or suggestion)") from None

    def __str__(self) -> str:  # "warning", as users write it in config
        return self.name.lower()


class Applicability(str, enum.Enum):
    """How far a fix can be trusted, after ruff: only SAFE fixes run under --fix."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY = "display"


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Fix:
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE


@dataclass(frozen=True)
class Diagnostic:
    rule: str
    family: str
    level: Level
    start: int
    end: int
    matched: str
    message: str
    rationale: str
    rewrite: str
    fix: Fix | None = None
    path: str = "-"
    # What `rewrite` is (tonelint/rewrite): "sentence" — the flagged sentence
    # rewritten, replacing rewrite_span; "fix" — the sentence as the fix leaves
    # it; "instruction" — what to do, quoting the draft.
    rewrite_kind: str = "instruction"
    rewrite_span: tuple[int, int] | None = None
    sentence: int | None = None  # index of the flagged sentence in the draft's Facts, when a hit made it
    # Rules whose finding on exactly these words was folded into this one
    # (engine/precedence.py); --fix counts them as still present.
    folded: tuple[str, ...] = ()

    def sort_key(self) -> tuple:
        return (self.path, self.start, self.end, self.rule)

    @property
    def rules(self) -> tuple[str, ...]:
        """Every rule this finding stands for: its own and those folded into it."""
        return (self.rule, *self.folded)

    @property
    def replacement(self) -> str | None:
        """The text --fix would write over the flagged words, for a fix that is
        one edit of exactly those words (other fixes: `fix.edits`)."""
        if self.fix is None or len(self.fix.edits) != 1:
            return None
        edit = self.fix.edits[0]
        if (edit.start, edit.end) != (self.start, self.end):
            return None
        return edit.text


@dataclass
class LineIndex:
    """Maps character offsets to 1-based (line, column), counting CR, LF and CRLF
    as one line break each, the way editors do."""

    text: str
    starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        # One linear scan: searching for "\r" and "\n" separately rescans the
        # rest of a CR-free file for every line, quadratic on a 5 MB draft.
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(self.text)]

    def lines(self, *, keepends: bool = False) -> list[str]:
        """The text's lines as this index counts them (str.splitlines would
        also break at form feeds and U+2028, disagreeing with every position)."""
        text, starts = self.text, self.starts
        ends = starts[1:] + [len(text)]
        out = [text[a:b] for a, b in zip(starts, ends)]
        if not keepends:
            out = [ln.rstrip("\r\n") for ln in out]
        if out and out[-1] == "":
            out.pop()
        return out

    def position(self, offset: int) -> tuple[int, int]:
        from bisect import bisect_right

        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1
