"""What the matchers found in one draft, kept small so that a large file never
needs its spaCy Docs after scanning: rules and the scorecard work from these."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..markup.segment import Segment


@dataclass(frozen=True)
class Sentence:
    seg: int
    start: int  # segment offsets
    end: int
    question: bool


@dataclass(frozen=True)
class Hit:
    key: str
    seg: int
    start: int  # segment offsets
    end: int
    sent: int  # index into Facts.sentences
    text: str


@dataclass
class Facts:
    segments: list[Segment] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    hits: dict[str, list[Hit]] = field(default_factory=dict)
    words: int = 0
    message: object = None  # the model of the message (acts.py), set by the engine after scanning

    def of(self, key: str) -> list[Hit]:
        return self.hits.get(key, [])

    def source_span(self, hit: Hit | Sentence) -> tuple[int, int]:
        seg = self.segments[hit.seg]
        return seg.to_source(hit.start), seg.to_source(hit.end, end=True)
