"""YAML front matter: its `title:`/`subject:` value is the opening of the
message (a subject line is where premature asks hurt most); its other keys are
metadata, never prose."""

from __future__ import annotations

import re

from .segment import Segment

_OPENING_KEY = re.compile(r"^(subject|title)[ \t]*:[ \t]*(.*?)[ \t]*\r?$", re.MULTILINE | re.IGNORECASE)


def front_matter_segment(text: str, start: int, end: int) -> tuple[Segment | None, dict]:
    block = text[start:end]
    meta: dict = {}
    try:
        import yaml

        body = block.strip().strip("-").strip()
        loaded = yaml.safe_load(body) if body else None
        if isinstance(loaded, dict):
            meta = {str(k).lower(): v for k, v in loaded.items()}
    except Exception:  # malformed front matter is metadata we cannot use, not an error in the draft
        meta = {}
    m = _OPENING_KEY.search(block)
    if not m:
        return None, meta
    value, vstart = m.group(2), start + m.start(2)
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value, vstart = value[1:-1], vstart + 1
    if not value.strip():
        return None, meta
    seg = Segment("title")
    seg.add(value, vstart)
    return seg, meta
