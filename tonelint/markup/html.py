"""HTML to prose segments with the standard library's HTML parser.

Only visible text counts: scripts, styles, code and the document head (other
than <title>) are skipped.  Character references are decoded but marked as
non-verbatim, so positions stay exact and no fix is written across them.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from ..diagnostics import LineIndex
from .document import Parsed, lf_only
from .segment import Segment

_SKIP = {"script", "style", "noscript", "template", "code", "pre", "svg", "math", "head", "textarea", "select"}
_BLOCK_SCOPE = {
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
    "li": "list", "dt": "list", "dd": "list", "blockquote": "blockquote", "td": "table", "th": "table",
    "title": "title", "p": "paragraph", "div": "paragraph", "section": "paragraph", "article": "paragraph",
    "header": "paragraph", "footer": "paragraph", "main": "paragraph", "aside": "paragraph", "nav": "paragraph",
    "tr": "table", "table": "paragraph", "ul": "paragraph", "ol": "paragraph", "dl": "paragraph",
    "figcaption": "paragraph", "caption": "table", "br": None, "hr": None, "body": "paragraph", "form": "paragraph",
    "button": "paragraph", "label": "paragraph", "summary": "paragraph", "details": "paragraph",
}
# Tags that may stand in <head>; any other start tag means the body began.
_HEAD_ONLY = {"meta", "link", "style", "script", "base", "noscript", "template", "title", "head", "html"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}


class _Collector(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = LineIndex(text).starts
        self.parsed = Parsed()
        self.skip: list[str] = []
        self.scopes: list[str] = []
        self.seg: Segment | None = None
        self.links: list[int] = []  # open <a> starts, as offsets in the current segment
        self._title_in_head = False

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _flush(self) -> None:
        seg = self.seg
        if seg is not None:
            # A link still open goes on in the next block (<a><div>…</div></a>,
            # the usual button markup in HTML mail): close it here, restart it there.
            for start in self.links:
                seg.end_link(start)
            if seg.text.strip():
                self.parsed.segments.append(seg)
        self.seg = None
        self.links = [0] * len(self.links)

    def _segment(self) -> Segment:
        if self.seg is None:
            scope = next((s for s in reversed(self.scopes) if s), "paragraph")
            self.seg = Segment(scope)
        return self.seg

    def handle_starttag(self, tag, attrs):
        if tag == "title" and "head" in self.skip:
            self.skip.remove("head")
            self._flush()
            self.scopes.append("title")
            self._title_in_head = True
            return
        if "head" in self.skip and tag not in _HEAD_ONLY:
            # </head> may be left out (HTML5): the first body tag ends the head.
            self.skip.remove("head")
        if tag == "br":
            # A line break inside a block, as in Markdown: one paragraph goes on.
            if self.seg is not None and not self.skip:
                self.seg.add_gap(removed=False)
            return
        if tag in _SKIP:
            self.skip.append(tag)
            return
        if tag in _BLOCK_SCOPE:
            self._flush()
            if tag not in _VOID and _BLOCK_SCOPE[tag]:
                self.scopes.append(_BLOCK_SCOPE[tag])
        elif tag == "a" and not self.skip:
            self.links.append(self.seg.start_link() if self.seg is not None else 0)
        elif tag == "img":
            if self.seg is not None:
                self.seg.add_gap()

    def handle_endtag(self, tag):
        if tag == "title" and self._title_in_head:
            self._title_in_head = False
            self._flush()
            if self.scopes:
                self.scopes.pop()
            self.skip.append("head")
            return
        if self.skip and tag == self.skip[-1]:
            self.skip.pop()
            return
        if self.skip:
            return
        if tag in _BLOCK_SCOPE:
            self._flush()
            if tag not in _VOID and _BLOCK_SCOPE[tag] and self.scopes:
                self.scopes.pop()
        elif tag == "a" and self.links:
            start = self.links.pop()
            if self.seg is not None:
                self.seg.end_link(start)

    def handle_data(self, data):
        if self.skip or not data:
            return
        self._segment().add(data, self._offset())

    def _ref(self, lead: str, name: str):
        """A character reference, read from the source as written: the closing
        `;` is optional in HTML ("AT&T", "&amp more")."""
        if self.skip:
            return
        off = self._offset()
        end = off + len(lead) + len(name)
        if self.text.startswith(";", end):
            end += 1
        raw = self.text[off:end]
        self._segment().add(unescape(raw), off, verbatim=False, src_length=len(raw))

    def handle_entityref(self, name):
        self._ref("&", name)

    def handle_charref(self, name):
        self._ref("&#", name)

    def handle_comment(self, data):
        self.parsed.directives.append((self._offset(), f"<!--{data}-->"))


# The stdlib parser raises AssertionError on a marked section it does not
# know ("<![" then junk); such text is shown as text by browsers, so it is made
# text here, keeping the length so offsets do not move.
_BAD_MARKED_SECTION = re.compile(r"<(?=!\[(?!(?:cdata|temp|ignore|include|rcdata|if|else|endif)\b))", re.I)


def parse_html(source_text: str) -> Parsed:
    text = lf_only(source_text)
    text = _BAD_MARKED_SECTION.sub(" ", text)
    collector = _Collector(text)
    try:
        collector.feed(text)
        collector.close()
    except AssertionError:  # any other stdlib parser dead end: keep what was read
        pass
    collector._flush()
    return collector.parsed
