"""Markup front ends: each turns one source format into prose segments with
offsets into the original text.  FRONT_ENDS is the one list of them: the
`--markup` choices, the file suffixes discovery collects and the dispatch
below all read it, so a front end is added as one module here plus one line.
Parsers are imported on first use so that a run over Markdown never pays for
the HTML or email modules."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from .document import Parsed
from .segment import SCOPES, Segment


@dataclass(frozen=True)
class FrontEnd:
    name: str  # the format's name (--markup, SourceFile.format)
    module: str
    function: str  # module.function(text) -> Parsed
    suffixes: tuple[str, ...]  # files discovery collects and reads as this format


FRONT_ENDS: dict[str, FrontEnd] = {f.name: f for f in (
    FrontEnd("markdown", "tonelint.markup.markdown", "parse_markdown", (".md", ".markdown", ".mdown")),
    FrontEnd("text", "tonelint.markup.plain", "parse_plain", (".txt", ".text")),
    FrontEnd("html", "tonelint.markup.html", "parse_html", (".html", ".htm")),
    FrontEnd("email", "tonelint.markup.email", "parse_email", (".eml",)),
)}

_CHUNK_THRESHOLD = 512 * 1024  # characters; here, not in chunks.py, so small drafts never import it


def parse(text: str, fmt: str, memo: dict | None = None) -> Parsed:
    """`memo` (the language server keeps one per open document) lets a
    Markdown draft parsed again after an edit re-parse only the pieces
    around the edit (chunks.parse_markdown_memo)."""
    # Front ends are imported on first use (FRONT_ENDS names their modules): a
    # run loads only those its drafts need, and a run served from the cache none.
    if fmt == "markdown" and memo is not None:
        from .chunks import parse_markdown_memo

        return parse_markdown_memo(text, memo)
    if in_pieces(text, fmt):  # bounded memory on very large drafts (chunks.py)
        from .chunks import parse_markdown_chunked

        return parse_markdown_chunked(text)
    front = FRONT_ENDS.get(fmt, FRONT_ENDS["text"])  # an unknown name reads as plain text
    return getattr(import_module(front.module), front.function)(text)


def in_pieces(text: str, fmt: str) -> bool:
    """Whether parse() (without a memo) parses this draft in pieces."""
    return fmt == "markdown" and len(text) > _CHUNK_THRESHOLD


__all__ = ["FRONT_ENDS", "FrontEnd", "Parsed", "SCOPES", "Segment", "in_pieces", "parse"]
