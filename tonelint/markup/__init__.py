"""Markup front ends: each turns one source format into prose segments with
offsets into the original text.  Parsers are imported on first use so that a
run over Markdown never pays for the HTML or email modules."""

from __future__ import annotations

from .document import Parsed
from .segment import SCOPES, Segment


_CHUNK_THRESHOLD = 512 * 1024  # characters; here, not in chunks.py, so small drafts never import it


def parse(text: str, fmt: str) -> Parsed:
    # Lazy imports: a run loads only the front end its drafts need (the email
    # one pulls in the stdlib email package), and a run served from the cache
    # loads none.
    if fmt == "markdown":
        if len(text) > _CHUNK_THRESHOLD:  # bounded memory on very large drafts (chunks.py)
            from .chunks import parse_markdown_chunked

            return parse_markdown_chunked(text)
        from .markdown import parse_markdown

        return parse_markdown(text)
    if fmt == "html":
        from .html import parse_html

        return parse_html(text)
    if fmt == "email":
        from .email import parse_email

        return parse_email(text)
    from .plain import parse_plain

    return parse_plain(text)


__all__ = ["Parsed", "SCOPES", "Segment", "parse"]
