"""The results folder: one file per partition for messages, findings and
errors, plus a manifest.  Each partition's files are written whole to a
temporary name and renamed into place (safewrite.write_atomic), messages
last, so a partition counts as done exactly when its messages file exists:
`--resume` skips those, and a reader never sees half a file.

    OUT/_batch.json            what was run (inputs, settings, partitions)
    OUT/messages/part-00000.parquet   one row per message
    OUT/findings/part-00000.parquet   one row per finding
    OUT/errors/part-00000.jsonl       rows that could not be checked
    OUT/errors.jsonl                  all of them, written when the run ends
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

from ..errors import TonelintError
from ..rules.spec import MEASURES
from ..source.safewrite import TEMP_SUFFIX, write_atomic
from ..score.scorecard import WEIGHTS

MANIFEST = "_batch.json"
FORMATS = ("parquet", "jsonl")
MESSAGE_FIELDS = ("id", "input", "where", "date", "month", "channel", "sender", "subject", "campaign", "format")
FINDING_FIELDS = ("message_id", "rule", "family", "level", "line", "column", "end_line", "end_column", "offset",
                  "end_offset", "matched", "message", "rewrite", "fix")
_INT_FINDING = {"line", "column", "end_line", "end_column", "offset", "end_offset"}


def message_columns(families) -> list[tuple[str, str]]:
    """(column, type) of a messages row, fixed per run so that every
    partition has the same schema (families are the run's rule families)."""
    cols = [(f, "string") for f in MESSAGE_FIELDS]
    cols += [("score", "int"), ("verdict", "string"), ("asks_first", "bool"), ("words", "int"),
             ("sentences", "int"), ("findings", "int")]
    cols += [(f"n_{f}", "int") for f in families] + [("n_other", "int")]
    cols += [(f"m_{m}", "int") for m in MEASURES]
    cols += [(f"part_{p}", "float") for p in WEIGHTS]
    return cols


def finding_columns() -> list[tuple[str, str]]:
    return [(f, "int" if f in _INT_FINDING else "string") for f in FINDING_FIELDS]


def _arrow_schema(columns):
    import pyarrow as pa  # only Parquet output needs it; a JSONL run and the schema helpers do not

    types = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(name, types[kind]) for name, kind in columns])


def part_name(index: int, fmt: str) -> str:
    return f"part-{index:05d}.{fmt}"


def _encode(rows: list[dict], columns, fmt: str) -> bytes:
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows, schema=_arrow_schema(columns))
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd")
    return buf.getvalue()


def write_partition(out: str, fmt: str, index: int, families, messages, findings, errors) -> None:
    """Errors and findings first, the messages file last: its presence marks
    the partition complete."""
    root = Path(out)
    for sub in ("messages", "findings", "errors"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    write_atomic(str(root / "errors" / part_name(index, "jsonl")), _encode(errors, None, "jsonl"), durable=False)
    write_atomic(str(root / "findings" / part_name(index, fmt)), _encode(findings, finding_columns(), fmt))
    write_atomic(str(root / "messages" / part_name(index, fmt)), _encode(messages, message_columns(families), fmt))


def done(out: str, fmt: str) -> set[int]:
    folder = Path(out) / "messages"
    if not folder.is_dir():
        return set()
    suffix = "." + fmt
    return {int(p.name[5:-len(suffix)]) for p in folder.iterdir()
            if p.name.startswith("part-") and p.name.endswith(suffix) and p.name[5:-len(suffix)].isdigit()}


def fingerprint(inputs: list[str]) -> list[dict]:
    """Each input's size and modification time: a changed archive must not be
    resumed against partitions planned from the old one."""
    out = []
    for path in inputs:
        st = os.stat(path)
        out.append({"path": os.path.abspath(path), "size": st.st_size if not Path(path).is_dir() else None,
                    "mtime_ns": st.st_mtime_ns})
    return out


def prepare(out: str, manifest: dict, resume: bool) -> dict | None:
    """Check OUT against this run and return the manifest to resume from
    (None for a fresh start).  A run is resumed only with --resume and only
    when inputs and settings are what the first run had."""
    root = Path(out)
    path = root / MANIFEST
    if root.exists() and not root.is_dir():
        raise TonelintError(out, "-o: exists and is not a folder")
    if path.exists():
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise TonelintError(str(path), f"cannot read the batch manifest: {exc}") from None
        if not resume:
            raise TonelintError(out, "-o: results of an earlier batch are here; pass --resume to finish that run, "
                                     "or choose another folder")
        if {k: v for k, v in old.items() if k not in ("partitions", "families")} != manifest:
            raise TonelintError(out, "--resume: the inputs or settings differ from the run that wrote this folder")
        _drop_leftovers(root)
        return old
    if root.is_dir() and any(root.iterdir()):
        raise TonelintError(out, "-o: folder exists and is not empty (and holds no batch results)")
    return None


def _drop_leftovers(root: Path) -> None:
    """Temporary files a killed run left (never renamed, so never read)."""
    for sub in ("messages", "findings", "errors"):
        folder = root / sub
        if folder.is_dir():
            for p in folder.iterdir():
                if p.name.startswith(".") and p.name.endswith(TEMP_SUFFIX):
                    p.unlink(missing_ok=True)


def write_manifest(out: str, manifest: dict) -> None:
    Path(out).mkdir(parents=True, exist_ok=True)
    write_atomic(str(Path(out) / MANIFEST), json.dumps(manifest, indent=1).encode("utf-8"))


def read_manifest(out: str) -> dict:
    path = Path(out) / MANIFEST
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TonelintError(out, "not a tonelint batch results folder (no _batch.json)") from None
    except (OSError, ValueError) as exc:
        raise TonelintError(str(path), f"cannot read the batch manifest: {exc}") from None


def collect_errors(out: str, indices) -> int:
    """errors.jsonl: every partition's bad rows in partition order."""
    root = Path(out)
    chunks = []
    for index in sorted(indices):
        path = root / "errors" / part_name(index, "jsonl")
        if path.exists():
            chunks.append(path.read_bytes())
    data = b"".join(chunks)
    write_atomic(str(root / "errors.jsonl"), data)
    return data.count(b"\n")


def partitions(out: str, table: str, fmt: str):
    """(index, path) of every complete partition's file for `table`."""
    folder = Path(out) / table
    for index in sorted(done(out, fmt)):
        path = folder / part_name(index, fmt)
        if path.exists():
            yield index, path


def read_rows(path: Path, fmt: str, columns=None) -> list[dict]:
    if fmt == "jsonl":
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
        return rows if columns is None else [{k: r.get(k) for k in columns} for r in rows]
    import pyarrow.parquet as pq

    return pq.read_table(path, columns=columns).to_pylist()
