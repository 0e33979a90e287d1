"""One reader per kind of message store.  Each plans an input into partitions
(small, picklable descriptions: a byte range, a row range, a list of drafts)
without holding the messages, and reads one partition back into Messages and
BadRows on a worker.  So the driver never loads an archive and a worker holds
one partition at a time.

Every reader module has `plan(path, size, options) -> list[Partition]` and
`read(partition, options) -> iterator of Message | BadRow`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from importlib import import_module
from pathlib import Path

from ...errors import TonelintError
from ...source.files import FORMATS
from ..columns import ColumnMap
from ..message import BadRow, Message, clean_meta, iso_date, text_problem

KINDS = ("jsonl", "csv", "parquet", "mbox", "folder")
SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv", ".parquet": "parquet",
            ".pq": "parquet", ".mbox": "mbox", ".mbx": "mbox"}


@dataclass(frozen=True)
class ReadOptions:
    columns: ColumnMap = field(default_factory=ColumnMap)
    markup: str | None = None  # None: a row's format column, else markdown (as stdin); drafts by suffix
    check: object = None  # checker.CheckSettings: folders list their drafts as `check` would


@dataclass(frozen=True)
class Partition:
    index: int  # position in the whole run (the output file's number)
    kind: str
    source: str
    start: int = 0  # byte offset (jsonl, csv, mbox) or row group (parquet)
    stop: int = 0  # byte offset where the next partition starts; parquet: first row of this slice in its group
    first: int = 0  # number of the first line/row/message in the input, 0-based
    count: int = 0
    paths: tuple = ()  # folder: the drafts; csv: the header
    note: tuple = ()  # folder: (path, error) found while listing


def kind_for(path: str, given: str | None = None) -> str:
    if given:
        return given
    if Path(path).is_dir():
        return "folder"
    kind = SUFFIXES.get(Path(path).suffix.lower())
    if kind is None:
        raise TonelintError(path, "cannot tell the kind of input from its name; pass --input-format "
                                  f"({', '.join(KINDS)})")
    return kind


def _module(kind: str):
    return import_module(f".{kind}", __name__)


def check_inputs(inputs: list[str], input_format: str | None = None) -> None:
    """Every input exists and is of a kind we read, before anything is written."""
    for path in inputs:
        p = Path(path)
        if not p.exists():
            raise TonelintError(path, "no such file or directory")
        kind = kind_for(path, input_format)
        if kind == "folder" and not p.is_dir():
            raise TonelintError(path, "--input-format folder: not a folder")
        if kind != "folder" and not p.is_file():
            raise TonelintError(path, "not a regular file")


def plan(inputs: list[str], size: int, options: ReadOptions, input_format: str | None = None) -> list[Partition]:
    """Every input cut into partitions of at most `size` messages, numbered
    across the whole run in input order."""
    check_inputs(inputs, input_format)
    out: list[Partition] = []
    for path in inputs:
        kind = kind_for(path, input_format)
        for part in _module(kind).plan(path, size, options):
            out.append(replace(part, index=len(out)))
    return out


def read(partition: Partition, options: ReadOptions):
    return _module(partition.kind).read(partition, options)


def fmt_of(value, options: ReadOptions) -> str:
    """The markup a row is checked as: --markup, else its format column, else
    Markdown (what `check` assumes for text without a file name)."""
    if options.markup:
        return options.markup
    if isinstance(value, str) and value.strip().lower() in FORMATS:
        return value.strip().lower()
    return "markdown"


def row_message(row: dict, options: ReadOptions, source: str, where: str, fallback_id: str):
    """A Message from one table row (JSONL object, CSV record, Parquet row),
    or a BadRow saying which column is missing or why the text is unusable."""
    cols = options.columns
    raw_id = row.get(cols["id"])
    mid = clean_meta(raw_id) or fallback_id
    if cols["text"] not in row:
        return BadRow(mid, source, where, f"missing column {cols['text']!r}")
    if row[cols["text"]] is None:
        return BadRow(mid, source, where, f"no text: column {cols['text']!r} is null")
    text = row[cols["text"]]
    problem = text_problem(text)
    if problem:
        return BadRow(mid, source, where, problem)
    return Message(
        id=mid, text=text, format=fmt_of(row.get(cols["format"]), options), source=source, where=where,
        path=source, date=iso_date(row.get(cols["date"])), channel=clean_meta(row.get(cols["channel"])),
        sender=clean_meta(row.get(cols["sender"])), subject=clean_meta(row.get(cols["subject"])),
        campaign=clean_meta(row.get(cols["campaign"])),
    )


def line_starts(f, size: int):
    """(byte offset, line number) of every `size`-th line of a binary file,
    the file's length and its number of lines: one streaming pass, memory
    independent of the file."""
    starts, pos, n = [], 0, 0
    for n, line in enumerate(f, 1):
        if (n - 1) % size == 0:
            starts.append((pos, n - 1))
        pos += len(line)
    return starts, pos, n


def byte_ranges(kind: str, path: str, starts: list, end: int, total: int, **extra) -> list[Partition]:
    out = []
    for i, (pos, first) in enumerate(starts):
        stop, next_first = (starts[i + 1] if i + 1 < len(starts) else (end, total))
        out.append(Partition(index=0, kind=kind, source=path, start=pos, stop=stop, first=first,
                             count=next_first - first, **extra))
    return out
