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


# A `when.sentence` block with `brand: true` knows only the configured brand
# while the bank scans; the name a draft calls itself (genre.detect_brand) is
# found after.  The hits such a test dropped wait under this suffix of their
# block's key (so a join of scanned parts carries them like any hit) until the
# engine knows the draft's brand (acts.admit_brand).
BRAND_WAIT = "?brand"


def longest(hits) -> list[Hit]:
    """The hits in text order with overlaps collapsed to the earliest-longest:
    one finding per stretch of text, whether the hits came from one matcher
    block (matching.py) or from the blocks of one act (acts.py)."""
    out: list[Hit] = []
    for h in sorted(hits, key=lambda h: (h.seg, h.start, -h.end)):
        if out and out[-1].seg == h.seg and h.start < out[-1].end:
            continue
        out.append(h)
    return out


def join(segments, parts, places: list[dict] | None = None) -> Facts:
    """One draft's Facts from the Facts of runs of its segments, in order:
    [(index of the run's first segment, its Facts)].  Every fact is local to
    a paragraph or a sentence (hits never cross a segment; overlap and
    sentence vetoes are decided per segment and per sentence), so the join is
    the whole draft's Facts, renumbered.  Worker processes scan runs of a
    large draft; the language server keeps each paragraph's scan.

    `places`, one dict per part that the caller keeps, remembers each part's
    renumbered facts, so a part that sits where it sat last time (the
    paragraphs around an edit, joined again after every keystroke in the
    editor) is not renumbered again."""
    out = Facts(segments=list(segments))
    for i, (seg_base, part) in enumerate(parts):
        sent_base = len(out.sentences)
        place = places[i] if places is not None else {}
        if place.get("at") == (seg_base, sent_base):
            sentences, hits = place["sentences"], place["hits"]
        else:
            # The constructors, not dataclasses.replace: it is several times slower.
            sentences = [Sentence(s.seg + seg_base, s.start, s.end, s.question) for s in part.sentences]
            hits = {key: [Hit(h.key, h.seg + seg_base, h.start, h.end, h.sent + sent_base, h.text) for h in found]
                    for key, found in part.hits.items()}
            place.update(at=(seg_base, sent_base), sentences=sentences, hits=hits)
        out.sentences.extend(sentences)
        for key, found in hits.items():
            out.hits.setdefault(key, []).extend(found)
        out.words += part.words
    return out
