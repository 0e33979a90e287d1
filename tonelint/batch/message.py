"""What a reader hands the checker: one message with its metadata, or a row
that could not be read (it goes to the errors file, the run goes on)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

FIELDS = ("id", "text", "date", "channel", "sender", "subject", "campaign", "format")
META = ("date", "channel", "sender", "subject", "campaign")


@dataclass(frozen=True)
class Message:
    id: str
    text: str
    format: str
    source: str  # the input it came from
    where: str  # "line 12", "row 40", "message 3", or the draft's path
    path: str  # checked under this path: the archive's (its configuration applies), or the draft's own
    date: str | None = None  # ISO 8601 when it could be read, else as given
    channel: str | None = None
    sender: str | None = None
    subject: str | None = None
    campaign: str | None = None


@dataclass(frozen=True)
class BadRow:
    id: str | None
    source: str
    where: str
    error: str

    def as_dict(self) -> dict:
        return {"id": self.id, "input": self.source, "where": self.where, "error": self.error}


def text_problem(text) -> str | None:
    """Why a value cannot be checked as message text, or None."""
    if not isinstance(text, str):
        return f"text is {type(text).__name__}, not a string"
    if "\x00" in text:
        return "text contains NUL characters (binary data?)"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"invalid text: {exc.reason} at character {exc.start}"
    return None


def clean_meta(value) -> str | None:
    """Metadata as a plain string (numbers and booleans in JSON are fine); a
    value that would not survive UTF-8 is dropped rather than failing the row."""
    if value is None or value == "":
        return None
    text = value if isinstance(value, str) else str(value)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return text


def iso_date(value) -> str | None:
    """Dates as ISO 8601 (UTC when a zone is given) so months sort and group;
    anything unreadable is kept as written and simply has no month."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        parsed = value
    else:
        raw = str(value).strip()
        parsed = None
        try:
            parsed = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError:
            try:
                parsed = parsedate_to_datetime(raw)  # RFC 2822, as in mail headers
            except (TypeError, ValueError, IndexError):
                return clean_meta(raw)
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
    return parsed.isoformat()


def month_of(date: str | None) -> str | None:
    if date and len(date) >= 7 and date[4] == "-" and date[:4].isdigit() and date[5:7].isdigit():
        return date[:7]
    return None
