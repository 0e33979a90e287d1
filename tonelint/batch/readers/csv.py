"""CSV (or TSV by suffix) with a header row.  A quoted field may hold line
breaks, so partitions are cut at record boundaries found by the csv module
itself while the plan pass counts bytes line by line."""

from __future__ import annotations

import csv
from pathlib import Path

from ...errors import TonelintError
from ..message import BadRow
from . import Partition, ReadOptions, row_message

# A message may be long; csv's default field limit (128 KB) would split it.
# The same limit as check's --max-file-size default.
FIELD_LIMIT = 10 * 1024 * 1024


def _dialect(path: str) -> dict:
    return {"delimiter": "\t" if path.lower().endswith(".tsv") else ","}


class _Lines:
    """Decoded lines of a binary file with the byte offset where the next one
    starts, so a record boundary is known as the csv reader reaches it.  Bytes
    that are not UTF-8 are carried through (surrogateescape) and the record
    holding them is reported, not the whole file."""

    def __init__(self, f, pos: int) -> None:
        self.f, self.pos = f, pos

    def __iter__(self):
        return self

    def __next__(self) -> str:
        raw = self.f.readline()
        if not raw:
            raise StopIteration
        self.pos += len(raw)
        return raw.decode("utf-8", "surrogateescape")


def _records(f, pos: int, path: str):
    """Yield (byte offset of the record, record or csv.Error)."""
    csv.field_size_limit(FIELD_LIMIT)
    lines = _Lines(f, pos)
    reader = csv.reader(lines, **_dialect(path))
    while True:
        at = lines.pos
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield at, exc
            continue
        yield at, record


def plan(path: str, size: int, options: ReadOptions) -> list[Partition]:
    with open(path, "rb") as f:
        if f.read(3) != b"\xef\xbb\xbf":
            f.seek(0)
        records = _records(f, f.tell(), path)
        first = next(records, None)
        if first is None or isinstance(first[1], csv.Error):
            raise TonelintError(path, "no header row")
        header = tuple(first[1])
        text_column = options.columns["text"]
        if text_column not in header:
            raise TonelintError(path, f"no column {text_column!r} in the header; map it with --column text=NAME")
        starts, n = [], 0
        for n, (at, _) in enumerate(records, 1):
            if (n - 1) % size == 0:
                starts.append((at, n - 1))
        end = f.tell()
    out = []
    for i, (pos, row) in enumerate(starts):
        stop, next_row = starts[i + 1] if i + 1 < len(starts) else (end, n)
        out.append(Partition(index=0, kind="csv", source=path, start=pos, stop=stop, first=row, count=next_row - row,
                             paths=header))
    return out


def read(part: Partition, options: ReadOptions):
    name = Path(part.source).name
    header = part.paths
    with open(part.source, "rb") as f:
        f.seek(part.start)
        number = part.first
        for at, record in _records(f, part.start, part.source):
            if at >= part.stop:
                break
            number += 1
            where = f"row {number}"
            if isinstance(record, csv.Error):
                yield BadRow(None, part.source, where, f"invalid CSV: {record}")
                continue
            if not record:
                continue
            row = dict(zip(header, record))
            bad = next((k for k, v in row.items() if _undecodable(v)), None)
            if bad is not None:
                mid = row.get(options.columns["id"]) if bad != options.columns["id"] else None
                yield BadRow(mid, part.source, where, f"invalid utf-8 in column {bad!r}")
                continue
            yield row_message(row, options, part.source, where, f"{name}:{number}")


def _undecodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
