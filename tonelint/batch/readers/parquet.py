"""Parquet: partitions are slices of row groups, so a worker reads one row
group's mapped columns at most (the writer's row-group size bounds memory)."""

from __future__ import annotations

from pathlib import Path

from ...errors import TonelintError
from . import Partition, ReadOptions, row_message


def _open(path: str):
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path)
    except Exception as exc:  # noqa: BLE001 - pyarrow raises several types for a file that is not Parquet
        raise TonelintError(path, f"not a readable Parquet file: {str(exc).splitlines()[0]}") from None


def plan(path: str, size: int, options: ReadOptions) -> list[Partition]:
    pf = _open(path)
    names = set(pf.schema_arrow.names)
    if options.columns["text"] not in names:
        raise TonelintError(path, f"no column {options.columns['text']!r}; map it with --column text=NAME")
    out, row = [], 0
    for group in range(pf.metadata.num_row_groups):
        rows = pf.metadata.row_group(group).num_rows
        for offset in range(0, rows, size):
            count = min(size, rows - offset)
            out.append(Partition(index=0, kind="parquet", source=path, start=group, stop=offset, first=row + offset,
                                 count=count))
        row += rows
    return out


def read(part: Partition, options: ReadOptions):
    pf = _open(part.source)
    present = set(pf.schema_arrow.names)
    wanted = [c for c in dict.fromkeys(options.columns.as_dict().values()) if c in present]
    table = pf.read_row_group(part.start, columns=wanted).slice(part.stop, part.count)
    name = Path(part.source).name
    for i, row in enumerate(table.to_pylist()):
        number = part.first + i + 1
        yield row_message(row, options, part.source, f"row {number}", f"{name}:{number}")
