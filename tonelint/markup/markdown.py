"""Markdown to prose segments, with markdown-it-py doing the parsing.

markdown-it gives block line ranges but no character offsets for inline text,
so each inline text token is located in the source with a cursor that only
moves forward inside its block: the rendered text is a verbatim slice of the
source except around escapes and entities, which get an aligned fallback.
Code, inline code, autolinks, bare URLs, inline HTML tags and front matter
never become prose; the text of a raw HTML block does, read by the HTML front
end.
"""

from __future__ import annotations

import re

from ..diagnostics import LineIndex
from .document import Parsed, Unreadable, lf_only
from .front_matter import front_matter_segment
from .html import parse_html
from .segment import Segment

_URL = re.compile(r"(?:https?://|www\.|mailto:)[^\s<>()\[\]]+", re.IGNORECASE)

_parser = None


def _markdown_it():
    global _parser
    if _parser is None:
        from markdown_it import MarkdownIt
        from mdit_py_plugins.front_matter import front_matter_plugin

        _parser = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable(
            ["table", "strikethrough"]).use(front_matter_plugin)
    return _parser


# markdown-it drops whatever lies deeper than maxNesting (20 by default), so
# text quoted 25 levels deep was never checked.  Containers this deep are
# parsed in full; a line nested deeper still is refused by name.
MAX_NESTING = 120
MAX_CONTAINERS = 40
_CONTAINER = re.compile(r"[ \t]{0,3}(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]*")


def _check_depth(text: str) -> None:
    """Refuse a line opened by more block containers than MAX_CONTAINERS."""
    pos = 0
    for line in text.split("\n"):
        depth, i = 0, 0
        while depth <= MAX_CONTAINERS and (m := _CONTAINER.match(line, i)) is not None and m.end() > i:
            depth, i = depth + 1, m.end()
        if depth > MAX_CONTAINERS:
            raise Unreadable(pos, f"Markdown nested more than {MAX_CONTAINERS} levels deep (quotes or lists); "
                                  "not checked")
        pos += len(line) + 1


def _normalise(text: str) -> str:
    """Same-length text that markdown-it will not rewrite: it turns CRLF and CR
    into LF itself, which would shift every later offset; it also turns NUL into
    U+FFFD, which then would not be found in the source."""
    return lf_only(text).replace("\x00", "\ufffd")


def _add_prose(seg: Segment, piece: str, src: int) -> None:
    """Add a verbatim slice of source, leaving bare URLs out as gaps."""
    if ":" not in piece and ("." not in piece or "www." not in piece.lower()):
        # No scheme and no "www.": no URL (the case-blind regex costs ~10x this test).
        seg.add(piece, src)
        return
    last = 0
    for m in _URL.finditer(piece):
        seg.add(piece[last : m.start()], src + last)
        seg.add_gap()
        last = m.end()
    seg.add(piece[last:], src + last)


def _align(seg: Segment, piece: str, text: str, cursor: int, limit: int) -> int:
    """Place a rendered piece that is not a verbatim slice (escapes, entities):
    characters found in order map exactly, the rest map to where they stood."""
    run_src = -1
    buf: list[str] = []

    def flush() -> None:
        if buf:
            _add_prose(seg, "".join(buf), run_src)
            buf.clear()

    for ch in piece:
        j = text.find(ch, cursor, min(limit, cursor + 16))
        if j >= 0:
            if buf and j != run_src + len(buf):
                flush()
            if not buf:
                run_src = j
            buf.append(ch)
            cursor = j + 1
        else:
            flush()
            # An entity such as &copy;: consume it so later text still aligns.
            end = text.find(";", cursor, min(limit, cursor + 12))
            length = (end + 1 - cursor) if text.startswith("&", cursor) and end >= 0 else 0
            seg.add(ch, cursor, verbatim=False, src_length=length)
            cursor += length
    flush()
    return cursor


_ALERT = re.compile(r"\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]", re.I)


def _inline(seg: Segment, children, text: str, cursor: int, limit: int, directives: list) -> None:
    link_starts: list[int | None] = []
    skip_depth = 0  # inside an autolink: its text is a URL, not prose
    for tok in children:
        t = tok.type
        if t == "text":
            content = tok.content
            if not content:
                continue
            pos = text.find(content, cursor, limit)
            if _ALERT.fullmatch(content.strip()) and pos >= 0:
                # GitHub's alert marker ("> [!NOTE]") is markup, not prose: read as
                # words its "[!" made a sentence that shouted.
                cursor = pos + len(content)
                seg.add_gap()
                continue
            if skip_depth:
                if pos >= 0:
                    cursor = pos + len(content)
                continue
            if pos >= 0:
                _add_prose(seg, content, pos)
                cursor = pos + len(content)
            else:
                cursor = _align(seg, content, text, cursor, limit)
        elif t in ("softbreak", "hardbreak"):
            seg.add_gap(removed=False)
            nl = text.find("\n", cursor, limit)
            if nl >= 0:
                cursor = nl + 1
        elif t == "code_inline":
            pos = text.find(tok.content, cursor, limit)
            if pos >= 0:
                cursor = min(pos + len(tok.content) + len(tok.markup), limit)
            seg.add_gap()
        elif t == "html_inline":
            pos = text.find(tok.content, cursor, limit)
            if pos >= 0:
                if tok.content.startswith("<!--"):
                    directives.append((pos, tok.content))
                cursor = pos + len(tok.content)
        elif t == "link_open":
            if tok.markup in ("autolink", "linkify"):
                skip_depth += 1
                link_starts.append(None)
                seg.add_gap()
            else:
                link_starts.append(seg.start_link())
        elif t == "link_close":
            start = link_starts.pop() if link_starts else None
            if start is None:
                skip_depth = max(skip_depth - 1, 0)
            else:
                seg.end_link(start)
        elif t == "image":
            seg.add_gap()


def parse_markdown(source_text: str, env: dict | None = None) -> Parsed:
    """`env` is markdown-it's: chunks.py shares one between the chunks of a
    large document so link references resolve across them."""
    text = _normalise(source_text)
    _check_depth(text)
    try:
        tokens = _markdown_it().parse(text, env)
    except RecursionError:
        raise Unreadable(0, "Markdown nested too deeply to read; not checked") from None
    starts = LineIndex(text).starts
    n = len(text)

    def offset(line: int) -> int:
        return starts[line] if line < len(starts) else n

    parsed = Parsed()
    containers: list[str] = []
    heading = False
    for tok in tokens:
        t = tok.type
        if t == "front_matter":
            seg, meta = front_matter_segment(source_text, 0, offset(tok.map[1]) if tok.map else n)
            parsed.meta.update(meta)
            if seg is not None:
                parsed.segments.append(seg)
        elif t in ("bullet_list_open", "ordered_list_open"):
            containers.append("list")
        elif t in ("blockquote_open",):
            containers.append("blockquote")
        elif t == "table_open":
            containers.append("table")
        elif t in ("bullet_list_close", "ordered_list_close", "blockquote_close", "table_close"):
            if containers:
                containers.pop()
        elif t == "heading_open":
            heading = True
        elif t == "heading_close":
            heading = False
        elif t == "html_block":
            # Landing pages and newsletters written in Markdown put their
            # buttons and banners in raw HTML ("<a class=button>Sign up
            # now</a>"); the reader sees that text, so the HTML front end
            # reads it, and its comments can carry directives as elsewhere.
            if tok.map:
                start = offset(tok.map[0])
                block = parse_html(source_text[start : offset(tok.map[1])]).shift(start)
                parsed.segments.extend(seg for seg in block.segments if seg.text.strip())
                parsed.directives.extend(block.directives)
        elif t == "inline" and tok.map is not None:
            if heading:
                scope = "heading"
            elif containers:
                scope = containers[-1]
            else:
                scope = "paragraph"
            seg = Segment(scope)
            start, limit = offset(tok.map[0]), offset(tok.map[1])
            _inline(seg, tok.children or [], text, start, limit, parsed.directives)
            if seg.text.strip():
                parsed.segments.append(seg)
    return parsed
