"""JSON Lines: one object per line.  Partitions are byte ranges that start on
a line boundary; a worker seeks there and reads only its lines."""

from __future__ import annotations

import json
from pathlib import Path

from ..message import BadRow
from . import Partition, ReadOptions, byte_ranges, line_starts, row_message


def plan(path: str, size: int, options: ReadOptions) -> list[Partition]:
    with open(path, "rb") as f:
        starts, end, total = line_starts(f, size)
    return byte_ranges("jsonl", path, starts, end, total)


def read(part: Partition, options: ReadOptions):
    name = Path(part.source).name
    with open(part.source, "rb") as f:
        f.seek(part.start)
        pos, number = part.start, part.first
        while pos < part.stop:
            raw = f.readline()
            if not raw:
                break
            pos += len(raw)
            number += 1
            where = f"line {number}"
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield BadRow(None, part.source, where, f"invalid utf-8 at byte {exc.start} of the line")
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield BadRow(None, part.source, where, f"invalid JSON: {exc.msg} at column {exc.colno}")
                continue
            if not isinstance(row, dict):
                yield BadRow(None, part.source, where, f"expected a JSON object, got {type(row).__name__}")
                continue
            yield row_message(row, options, part.source, where, f"{name}:{number}")
