"""RFC 822 messages (.eml): the Subject header is the opening of the message,
and the first text/plain part (else text/html) is the body.

A "plain" part that is in fact an HTML document (bulk-mail tools often send
one with no Content-Type, or a wrong one) is read as HTML: mail clients render
it, so the reader sees the words and never the tags, and tags read as words
would hide every phrase inside a link.

Offsets must point into the raw file.  A 7bit/8bit body is a verbatim slice
of it; a quoted-printable or base64 body is decoded with a map back to the raw
text (transfer.py): exact for quoted-printable, to the group of four for
base64, and with no fix in either (a replacement would need encoding).
"""

from __future__ import annotations

import codecs
import email
import email.policy
import re

from .document import Parsed, Unreadable
from .html import parse_html
from .plain import parse_plain
from .segment import Segment
from .transfer import decode_base64, decode_quoted_printable, remap

_SUBJECT = re.compile(r"^subject:[ \t]*(.*?)[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
# Continuation lines right after the Subject line: one match each, in a row.
_FOLDED = re.compile(r"\r?\n[ \t]+([^\r\n]*?)[ \t]*(?=\r?\n|$)")
_HEADER_END = re.compile(r"\r?\n\r?\n|\r\r")


# The start of an HTML document, after any comments: a doctype, <html> (or
# Eudora's <x-html>), <head>, <body>, or a layout element.  Only the start is
# tested, so a plain-text message that mentions a tag stays plain text.
_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*+<(?:!doctype\s+html|x-html|html|head|body|table|div|center|font)\b",
    re.IGNORECASE | re.DOTALL,
)


def _body_parser(content_type: str, body: str):
    if content_type == "text/html" or (content_type == "text/plain" and _HTML_START.match(body[:4096])):
        return parse_html
    return parse_plain


def _pinned(parsed: Parsed, base: int) -> Parsed:
    """A decoded part: nothing in it maps back exactly, so every offset points
    at the part's start and no fix is written."""
    for seg in parsed.segments:
        seg.src_starts = [base] * len(seg.src_starts)
        seg.verbatim = [False] * len(seg.verbatim)
        seg.lengths = [0] * len(seg.lengths)
    parsed.directives = [(base, d) for _, d in parsed.directives]
    return parsed


def _undeclared_charset(part, raw_payload, cte: str) -> str:
    """Bulk-mail tools write charset names no codec has; dropping the body
    would hide every word from the check.  A 7bit/8bit body is already text
    in the file; an encoded one is decoded as UTF-8, damaged bytes replaced."""
    if cte in ("7bit", "8bit", "binary") and isinstance(raw_payload, str):
        return raw_payload
    return (part.get_payload(decode=True) or b"").decode("utf-8", errors="replace")


MAX_MIME_DEPTH = 50


def _depth(msg) -> int:
    """How deep the MIME parts nest, iteratively (the email package walks
    them recursively, so 2000 nested parts overflowed the stack)."""
    deepest, stack = 0, [(msg, 1)]
    while stack:
        part, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > MAX_MIME_DEPTH:
            break
        payload = part.get_payload() if part.is_multipart() else None
        stack.extend((p, depth + 1) for p in payload or () if hasattr(p, "is_multipart"))
    return deepest


def _text_charset(part) -> None:
    """A charset that names a codec which is not a text encoding (hex, zlib,
    base64, rot13...) turns bytes into bytes, never text: read as UTF-8,
    like a charset no codec knows."""
    name = part.get_content_charset()
    if not name:
        return
    try:
        info = codecs.lookup(name)
    except LookupError:
        return
    if not getattr(info, "_is_text_encoding", True):
        part.set_param("charset", "utf-8")


def parse_email(source_text: str) -> Parsed:
    try:
        msg = email.message_from_string(source_text, policy=email.policy.default)
        too_deep = _depth(msg) > MAX_MIME_DEPTH
    except RecursionError:
        too_deep = True
    if too_deep:
        raise Unreadable(0, f"MIME parts nested more than {MAX_MIME_DEPTH} deep; not checked")
    parsed = Parsed()
    header_end = _HEADER_END.search(source_text)
    headers = source_text[: header_end.start()] if header_end else source_text
    m = _SUBJECT.search(headers)
    if m and m.group(1):
        seg = Segment("title")
        raw = m.group(1)
        if "=?" in raw:  # RFC 2047 encoded words: decoded text, pointed at the header
            seg.add(str(msg.get("subject", "")), m.start(1), verbatim=False, src_length=len(raw))
        else:
            seg.add(raw, m.start(1))
            # A long subject folds onto indented continuation lines (RFC 5322);
            # each joins the title as a wrapped line does, with exact offsets.
            pos = m.end()
            while (cont := _FOLDED.match(headers, pos)) is not None:
                seg.add_gap(removed=False)
                seg.add(cont.group(1), cont.start(1))
                pos = cont.end()
        parsed.segments.append(seg)
        parsed.meta["subject"] = seg.text
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return parsed
    _text_charset(part)
    ctype = part.get_content_type()
    cte = str(part.get("content-transfer-encoding", "7bit")).lower()
    raw_payload = part.get_payload(decode=False)
    try:
        body = part.get_content()
    except LookupError:  # a charset name Python does not know ("DEFAULT_CHARSET"): the words are still there
        body = _undeclared_charset(part, raw_payload, cte)
    except Exception:  # undecodable part: nothing to lint, not a crash
        return parsed
    base = source_text.find(raw_payload, header_end.end() if header_end else 0) if isinstance(raw_payload, str) else -1
    if base >= 0 and cte in ("7bit", "8bit", "binary") and raw_payload == body:
        sub = _body_parser(ctype, body)(raw_payload).shift(base)
    elif base >= 0 and cte in ("quoted-printable", "base64"):
        decode = decode_quoted_printable if cte == "quoted-printable" else decode_base64
        decoded = decode(raw_payload, part.get_content_charset())
        sub = remap(_body_parser(ctype, decoded.text)(decoded.text), decoded).shift(base)
    else:
        anchor = base if base >= 0 else (header_end.end() if header_end else 0)
        sub = _pinned(_body_parser(ctype, body)(body), anchor)
    parsed.segments.extend(sub.segments)
    parsed.directives.extend(sub.directives)
    return parsed
