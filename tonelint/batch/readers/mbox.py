"""An mbox mail archive.  Messages start at lines beginning "From ", the rule
Python's `mailbox.mbox` uses; the plan pass records where every partition's
first message starts, and a worker parses its messages with
`mailbox.mboxMessage`.  Each message is checked as an email (the .eml front
end: headers, MIME parts, quoted-printable and base64), exactly as `check`
checks a saved .eml."""

from __future__ import annotations

import mailbox
from email.header import decode_header, make_header
from pathlib import Path

from ..message import BadRow, Message, clean_meta, iso_date, text_problem
from . import Partition, ReadOptions


def _starts(f):
    pos = 0
    for line in f:
        if line.startswith(b"From "):
            yield pos
        pos += len(line)


def plan(path: str, size: int, options: ReadOptions) -> list[Partition]:
    starts, n = [], 0
    with open(path, "rb") as f:
        for n, pos in enumerate(_starts(f), 1):
            if (n - 1) % size == 0:
                starts.append((pos, n - 1))
        end = f.seek(0, 2)
    out = []
    for i, (pos, first) in enumerate(starts):
        stop, next_first = starts[i + 1] if i + 1 < len(starts) else (end, n)
        out.append(Partition(index=0, kind="mbox", source=path, start=pos, stop=stop, first=first,
                             count=next_first - first))
    return out


def _messages(f, start: int, stop: int):
    f.seek(start)
    pos, current = start, []
    while pos < stop:
        line = f.readline()
        if not line:
            break
        pos += len(line)
        if line.startswith(b"From ") and current:
            yield b"".join(current)
            current = []
        current.append(line)
    if current:
        yield b"".join(current)


def _header(msg, name: str) -> str | None:
    value = msg.get(name)
    if value is None:
        return None
    try:
        return clean_meta(str(make_header(decode_header(str(value)))).strip())
    except (UnicodeError, LookupError, ValueError):
        return clean_meta(str(value).strip())


def read(part: Partition, options: ReadOptions):
    name = Path(part.source).name
    with open(part.source, "rb") as f:
        for i, raw in enumerate(_messages(f, part.start, part.stop)):
            number = part.first + i + 1
            where = f"message {number}"
            msg = mailbox.mboxMessage(raw)
            mid = _header(msg, "Message-ID") or f"{name}:{number}"
            body = raw.split(b"\n", 1)[1] if b"\n" in raw else b""  # the From_ line is the mbox's, not the mail's
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield BadRow(mid, part.source, where, f"invalid utf-8 at byte {exc.start} of the message")
                continue
            problem = text_problem(text)
            if problem:
                yield BadRow(mid, part.source, where, problem)
                continue
            yield Message(id=mid, text=text, format=options.markup or "email", source=part.source, where=where,
                          path=part.source, date=iso_date(_header(msg, "Date")), channel="email",
                          sender=_header(msg, "From"), subject=_header(msg, "Subject"),
                          campaign=_header(msg, "X-Campaign"))
