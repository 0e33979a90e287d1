"""Large Markdown documents parsed in pieces, with exactly the segments a
parse of the whole document gives.

markdown-it builds a token object for every block and inline element of the
whole document before the first one is read: about 20 MB per MB of Markdown,
which put a 50 MB draft near 2 GB.  Parsed a piece at a time, only one piece's
tokens exist at once; the segments are what is kept.

A piece may only end where CommonMark's block structure restarts from
nothing: before a line that starts with a letter in column 0 and follows a
blank line.  Such a line cannot continue a list, quote, table, paragraph or
indented code; the only blocks that survive a blank line are fenced code and
HTML blocks of kinds 1-5 (<script>, <pre>, <style>, <textarea>, comments,
processing instructions, declarations, CDATA), and no cut is made inside
those.  The tracker errs only towards fewer cuts.

Link reference definitions apply to the whole document, also above them.  The
pieces share markdown-it's `env` (references found so far), and a piece that
mentions a label defined only further down is parsed again once all are known.
"""

from __future__ import annotations

import re
from copy import copy

from . import markdown
from .document import Parsed

CHUNK_SIZE = 256 * 1024

_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_HTML_OPEN = (
    (re.compile(r"^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)", re.I),
     re.compile(r"</(?:script|pre|style|textarea)>", re.I)),
    (re.compile(r"^ {0,3}<!--"), re.compile(r"-->")),
    (re.compile(r"^ {0,3}<\?"), re.compile(r"\?>")),
    (re.compile(r"^ {0,3}<![A-Za-z]"), re.compile(r">")),
    (re.compile(r"^ {0,3}<!\[CDATA\["), re.compile(r"\]\]>")),
)
_FENCE_CLOSE = re.compile(r"^ {0,3}(`{3,}|~{3,})[ \t]*$")
# What every fence and HTML-block opener above starts with: most lines do
# not, and one test spares them six (cut_points ran on a 5 MB draft in the
# parent, ~0.25 s, before any worker could start).
_OPENER = re.compile(r" {0,3}[`~<]")
_WS = re.compile(r"\s+")


def cut_points(text: str, size: int | None = None) -> list[int]:
    """Offsets (line starts) where `text` may be cut, about `size` apart."""
    size = CHUNK_SIZE if size is None else size
    cuts: list[int] = []
    fence: tuple[str, int] | None = None
    html_end = None
    prev_blank = False
    last = 0
    pos = 0
    n = len(text)
    if re.match(r"-{3,}[ \t]*\r?$", text[: text.find("\n") if "\n" in text else n]):
        # Front matter: no cut before its closing line (none at all if it never closes).
        close = re.compile(r"^(?:-{3,}|\.{3,})[ \t]*\r?$", re.M).search(text, text.find("\n") + 1 if "\n" in text else n)
        if close is None:
            return []
        pos = last = text.find("\n", close.start()) + 1 if "\n" in text[close.start():] else n
    awkward = _awkward_regions(text, size)
    for raw in text[pos:].split("\n"):
        if pos >= n:
            break  # the empty string after a final line break
        end = min(pos + len(raw) + 1, n)
        line = raw.rstrip("\r")
        if fence is not None:
            m = _FENCE_CLOSE.match(line)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= fence[1]:
                fence = None
            prev_blank = False
        elif html_end is not None:
            if html_end.search(line):
                html_end = None
            prev_blank = False
        else:
            if (prev_blank and pos - last >= size and line[:1].isascii() and line[:1].isalpha()
                    and (pos - last >= 2 * size or not _inside(awkward, pos))):
                cuts.append(pos)
                last = pos
            opener = _OPENER.match(line) is not None
            m = _FENCE_OPEN.match(line) if opener else None
            if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
                fence = (m.group(1)[0], len(m.group(1)))
            elif opener:
                for start, stop in _HTML_OPEN:
                    if start.match(line):
                        # The end condition may be met on the opening line itself.
                        if not stop.search(line, start.match(line).end()):
                            html_end = stop
                        break
            prev_blank = not line.strip(" \t")  # only spaces and tabs
        pos = end
    return cuts


_DEFINITION = re.compile(r"^ {0,3}\[([^\[\]\n]+)\]:", re.M)


def _awkward_regions(text: str, longest: int = CHUNK_SIZE) -> list[tuple[int, int]]:
    """Spans from the first `[label]` to that label's definition further down,
    found by a quick look at the raw text: a cut inside one would leave the
    piece before it needing a second parse (e.g. a README with its links at
    the bottom), so cut_points prefers a line outside them, up to twice the
    piece size.  Only a preference: parse_markdown_chunked still checks every
    piece against the labels actually defined."""
    defined: dict[str, int] = {}
    for m in _DEFINITION.finditer(text):
        defined.setdefault(_normal(m.group(1)), m.start())
    if not defined:
        return []
    spans = []
    seen: set = set()
    for m in _BRACKETED.finditer(text):
        label = _normal(m.group(1))
        at = defined.get(label)
        if at is not None and label not in seen and m.start() < at:
            seen.add(label)
            if at - m.start() <= longest:  # a longer one no cut can avoid
                spans.append((m.start(), at))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _inside(regions: list[tuple[int, int]], pos: int) -> bool:
    from bisect import bisect_right

    i = bisect_right(regions, (pos, float("inf"))) - 1
    return i >= 0 and regions[i][0] < pos <= regions[i][1]


def _normal(label: str) -> str:
    """markdown-it's normalizeReference, applied to any text."""
    return _WS.sub(" ", label.strip()).lower().upper()


# Characters that markup or the bare-URL filter may drop from prose: a label
# holding one is looked for in the raw text instead.
_MARKUP = re.compile(r"[*_`\\<>&!\[\]()~|#.:/@]")


_BRACKETED = re.compile(r"\[([^\[\]]*)\]")


def _mentions(body: str | None, labels, inner: frozenset | None = None) -> bool:
    """Whether normalised text holds `[label]` for any label (every form of
    reference link, [text][label], [label][] and [label], has it).  `inner`:
    the text's bracketed() when known already; `body` may then be None
    unless a label has brackets or backslashes in it."""
    if not labels:
        return False
    # A label without brackets or backslashes in it is found as an innermost
    # bracket pair: one pass over those and a set look-up (an alternation of
    # thousands of labels costs a second to compile, for every piece).
    nested = {x for x in labels if "[" in x or "]" in x or "\\" in x}
    simple = labels - nested if nested else labels
    if simple:
        if inner is not None:
            if not simple.isdisjoint(inner):
                return True
        elif any(m.group(1).strip(" ") in simple for m in _BRACKETED.finditer(body)):
            return True
    if not nested:
        return False
    rx = re.compile("|".join(r"\[ ?" + re.escape(label) + r" ?\]" for label in sorted(nested, key=len, reverse=True)))
    return rx.search(body) is not None


def bracketed(body: str) -> frozenset:
    """Every innermost bracket pair's content in normalised text, as
    _mentions compares it with a label."""
    return frozenset(m.group(1).strip(" ") for m in _BRACKETED.finditer(body))


def _prose(parsed: Parsed) -> str:
    return " ".join(seg.text for seg in parsed.segments)


def inner_brackets(parsed: Parsed, raw: str) -> tuple[frozenset, frozenset]:
    """What _unresolved reads of a piece, found where the piece was parsed:
    bracketed() of its normalised prose and of its normalised raw text.
    Normalising a 256 KB piece twice took the parent of a 5 MB draft ~0.5 s,
    one piece after another, while a worker that has just parsed the piece
    can do it beside the others (run/parallel.py)."""
    return bracketed(_normal(_prose(parsed))), bracketed(_normal(raw))


def _unresolved(parsed: Parsed, raw: str, labels, inner: tuple[frozenset, frozenset] | None = None) -> bool:
    """Whether a piece may use a label defined only further down.  Such a use
    was left as literal "[label]" prose, so the piece's segment texts show it
    (code, URLs and markup are not prose: fewer false alarms than the raw
    text).  A label with markup characters in it may render differently from
    how it is written, so those are looked for in the raw text.  `inner`:
    the piece's inner_brackets(), when known."""
    plain = {x for x in labels if not _MARKUP.search(x)}
    marked = labels - plain
    if marked:
        # A label with brackets or a backslash is looked for in the text itself.
        body = _normal(raw) if inner is None or any("[" in x or "]" in x or "\\" in x for x in marked) else None
        if _mentions(body, marked, None if inner is None else inner[1]):
            return True
    if inner is not None:
        return _mentions(None, plain, inner[0])  # plain labels hold no brackets or backslashes
    return _mentions(_normal(_prose(parsed)), plain)


def parse_markdown_chunked(text: str, size: int | None = None) -> Parsed:
    bounds = [0, *cut_points(text, size), len(text)]
    env: dict = {}
    pieces: list[tuple[int, int, Parsed, set]] = []
    for a, b in zip(bounds, bounds[1:]):
        parsed = markdown.parse_markdown(text[a:b], env)
        pieces.append((a, b, parsed, set(env.get("references", {}))))  # labels known up to this piece's end
    labels = set(env.get("references", {}))
    out = Parsed()
    for i, (a, b, parsed, known) in enumerate(pieces):
        later = labels - known
        if later and _unresolved(parsed, text[a:b], later):
            parsed = markdown.parse_markdown(text[a:b], env)
        parsed.shift(a)
        out.segments.extend(parsed.segments)
        out.directives.extend(parsed.directives)
        if i == 0:
            out.meta.update(parsed.meta)
        pieces[i] = (a, b, None, known)  # the piece's segments now live in `out` only
    return out


def piece_bounds(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each piece parse_markdown_chunked parses."""
    bounds = [0, *cut_points(text, size), len(text)]
    return list(zip(bounds, bounds[1:]))


def parse_alone(piece: str) -> tuple[Parsed, dict]:
    """A piece parsed knowing only the link references it defines, and those
    (markdown-it's `env["references"]`): what a worker process can do without
    the pieces before it (run/parallel.py)."""
    env: dict = {}
    parsed = markdown.parse_markdown(piece, env)
    return parsed, dict(env.get("references", {}))


def settle(text: str, alone: list[tuple[int, int, Parsed, dict]], inner: list | None = None) -> list[tuple | None]:
    """For every piece parsed alone (parse_alone: start, end, its Parsed, its
    references), in order: None where that parse is the one
    parse_markdown_chunked gives the piece, else how to parse it again to get
    that (parse_settled).  A piece parsed alone differs only where it uses a
    label defined in an earlier piece, which it then shows as literal
    "[label]" (the same test parse_markdown_chunked makes for labels defined
    further down); such a piece is parsed again with the references known
    before it, and then, as parse_markdown_chunked does, with all of them if
    it uses one defined further down.  `inner`: each piece's
    inner_brackets(), when the workers found them."""
    env: dict = {}  # as parse_markdown_chunked's grows: the first definition of a label wins
    before: list[dict] = []
    for _, _, _, refs in alone:
        before.append(dict(env))
        for label, ref in refs.items():
            env.setdefault(label, ref)
    labels = set(env)
    out: list[tuple | None] = []
    for k, ((a, b, parsed, refs), prior) in enumerate(zip(alone, before)):
        raw = text[a:b]
        found = inner[k] if inner is not None else None
        earlier = set(prior) - set(refs)
        later = frozenset(labels - set(prior) - set(refs))
        if earlier and _unresolved(parsed, raw, earlier, found):
            out.append((prior, later, env))
        elif later and _unresolved(parsed, raw, later, found):
            out.append((None, later, env))
        else:
            out.append(None)
    return out


def parse_settled(piece: str, how: tuple) -> Parsed:
    """The piece as parse_markdown_chunked parses it, `how` from settle()."""
    prior, later, env = how
    if prior is not None:
        parsed = markdown.parse_markdown(piece, {"references": dict(prior)})
        if not (later and _unresolved(parsed, piece, later)):
            return parsed
    return markdown.parse_markdown(piece, {"references": dict(env)})


# Pieces for an editor's re-check: small, so one keystroke re-parses ~1 KB.
EDIT_PIECE = 1024


def parse_markdown_memo(text: str, memo: dict, size: int = EDIT_PIECE) -> Parsed:
    """parse_markdown_chunked for a draft that is parsed again after every
    edit (the language server): each piece's parse is kept in `memo`, keyed by
    its text and the link references known before it, so unchanged pieces
    are not parsed again, and a piece that did not move keeps its segments.
    `memo` is left holding this draft's pieces only."""
    bounds = [0, *cut_points(text, size), len(text)]
    env: dict = {}
    kept: dict = {}
    pieces = []
    for a, b in zip(bounds, bounds[1:]):
        refs = env.get("references", {})
        key = (text[a:b], _refs_key(refs))
        entry = memo.get(key)
        if entry is None:
            parsed = markdown.parse_markdown(text[a:b], env)
            entry = {"parsed": parsed, "refs": dict(env.get("references", {}))}
        elif entry["refs"]:
            env["references"] = dict(entry["refs"])
        kept[key] = entry
        pieces.append((a, b, entry))
    memo.clear()
    memo.update(kept)
    labels = set(env.get("references", {}))
    final = _refs_key(env.get("references", {}))
    out = Parsed()
    for i, (a, b, entry) in enumerate(pieces):
        later = frozenset(labels - set(entry["refs"]))
        if later and entry.get("later", (None,))[0] != later:
            entry["later"] = (later, _unresolved(entry["parsed"], text[a:b], later))
        if later and entry["later"][1]:
            # Uses a label defined further down: parsed again knowing them all.
            if entry.get("final") != final:
                entry["final"], entry["again"] = final, markdown.parse_markdown(text[a:b], dict(env))
                entry.pop("placed", None)
            parsed = entry["again"]
        else:
            parsed = entry["parsed"]
        placed = entry.get("placed")
        if placed is None or placed[0] != a or placed[1] is not parsed:
            # The kept parse stays at offset 0; the draft gets a shifted copy.
            shifted = Parsed([copy(s) for s in parsed.segments], list(parsed.directives), dict(parsed.meta)).shift(a)
            placed = entry["placed"] = (a, parsed, shifted)
        shifted = placed[2]
        out.segments.extend(shifted.segments)
        out.directives.extend(shifted.directives)
        if i == 0:
            out.meta.update(shifted.meta)
    return out


def _refs_key(refs: dict) -> tuple:
    return tuple(sorted((k, repr(v)) for k, v in refs.items())) if refs else ()
