"""Which column of a table holds which part of a message.

Defaults are the field names themselves (a `text` column, an optional `id`,
`date`, ...).  `--column text=body` renames one field; `--columns map.yaml`
gives several at once (a mapping `field: column`, or `columns:` holding one);
flags win over the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import TonelintError
from ..rules.yamlfile import load_yaml
from .message import FIELDS


@dataclass(frozen=True)
class ColumnMap:
    names: tuple = field(default_factory=lambda: tuple((f, f) for f in FIELDS))

    def __getitem__(self, name: str) -> str:
        return dict(self.names)[name]

    def as_dict(self) -> dict:
        return dict(self.names)


def _pair(field_name: str, column, where: str) -> tuple[str, str]:
    if field_name not in FIELDS:
        raise TonelintError(where, f"unknown message field {field_name!r}; expected one of {', '.join(FIELDS)}")
    if not isinstance(column, str) or not column.strip():
        raise TonelintError(where, f"column for {field_name!r} must be a non-empty name")
    return field_name, column.strip()


def load_map(path: str) -> dict:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TonelintError(path, "--columns: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TonelintError(path, f"--columns: cannot read the mapping: {exc}") from None
    data = load_yaml(text, path, TonelintError)
    if isinstance(data, dict) and isinstance(data.get("columns"), dict):
        data = data["columns"]
    if not isinstance(data, dict):
        raise TonelintError(path, "--columns: expected a mapping of message field to column name")
    return dict(_pair(str(k), v, path) for k, v in data.items())


def column_map(flags=(), map_file: str | None = None) -> ColumnMap:
    chosen = {f: f for f in FIELDS}
    if map_file:
        chosen.update(load_map(map_file))
    for flag in flags:
        name, sep, column = flag.partition("=")
        if not sep:
            raise TonelintError("--column", f"expected FIELD=COLUMN, got {flag!r}")
        chosen.update([_pair(name.strip(), column, "--column")])
    return ColumnMap(tuple(chosen.items()))
