"""What a markup front end hands to the engine."""

from __future__ import annotations

from dataclasses import dataclass, field

from .segment import Segment


@dataclass
class Parsed:
    segments: list[Segment] = field(default_factory=list)
    # HTML comments (offset, text) that may carry tonelint directives.
    directives: list[tuple[int, str]] = field(default_factory=list)
    # Front matter / headers the engine may use (title, subject, channel).
    meta: dict = field(default_factory=dict)
