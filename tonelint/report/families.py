"""The built-in pack's four families in one table: the block of rule ids each
owns (TL1xx audience, …), what it means in a few words, and its highlight
colour.  The HTML report and the catalogue tests read it; a team pack's own
families get a spare colour (colour_of)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    name: str
    block: str  # built-in ids are TL + block + two digits
    title: str
    colour: str


FAMILIES: dict[str, Family] = {f.name: f for f in (
    Family("audience", "1", "people as a mass", "#7c3aed"),
    Family("one-way", "2", "about the sender", "#ea580c"),
    Family("listening", "3", "no room to answer", "#0891b2"),
    Family("ask", "4", "asks before giving", "#db2777"),
)}
_SPARE_COLOURS = ("#65a30d", "#ca8a04", "#4f46e5", "#0d9488", "#9333ea")


def colour_of(family: str) -> str:
    if family in FAMILIES:
        return FAMILIES[family].colour
    return _SPARE_COLOURS[sum(map(ord, family)) % len(_SPARE_COLOURS)]
