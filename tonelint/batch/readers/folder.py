"""A folder of drafts: the same files `tonelint check FOLDER` would check
(the same discovery, config include/exclude), read the same way, each its own
message with its path as id."""

from __future__ import annotations

from ...errors import InputError
from ...run.runner import Runner
from ...source.files import format_for, read_source
from ..checker import CheckSettings
from ..message import BadRow, Message
from . import Partition, ReadOptions


def plan(path: str, size: int, options: ReadOptions) -> list[Partition]:
    settings = options.check or CheckSettings()
    runner = Runner(settings.options())
    runner.options.paths = [path]
    found = runner.inputs()
    out = []
    for i in range(0, len(found), size):
        chunk = found[i:i + size]
        out.append(Partition(index=0, kind="folder", source=path, first=i, count=len(chunk),
                             paths=tuple(p for p, _ in chunk),
                             note=tuple((p, e.what) for p, e in chunk if e is not None)))
    return out


def read(part: Partition, options: ReadOptions):
    errors = dict(part.note)
    for path in part.paths:
        if path in errors:
            yield BadRow(path, part.source, path, errors[path])
            continue
        try:
            source = read_source(path, fmt=options.markup or format_for(path))
        except InputError as exc:
            yield BadRow(path, part.source, path, exc.what)
            continue
        yield Message(id=path, text=source.text, format=source.format, source=part.source, where=path,
                      path=path)
