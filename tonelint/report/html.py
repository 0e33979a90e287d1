"""`tonelint report`: one self-contained HTML file a writer can open or attach
to a review.  Per draft: the prose as tonelint read it with every finding
highlighted (hover or focus shows message and rewrite, CSS only), the
scorecard as bars and a gauge, a sentence timeline of gives, asks and reader
address, each flagged sentence beside its rewrite, and a before/after of the
safe fixes.

Everything from a draft is escaped, and the page's Content-Security-Policy
forbids scripts and network loads, so a draft containing markup can neither
run nor fetch anything.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_left
from dataclasses import dataclass
from html import escape

from ..diagnostics import Applicability, Diagnostic, LineIndex
from ..plural import agree, counted
from ..score.scorecard import WEIGHTS, counted_noun, order_text, score_result
from ..version import __version__
from .families import FAMILIES, colour_of
from .printable import printable

LANES = (("value", "gives", "#16a34a"), ("ask", "asks", "#db2777"), ("reader", "addresses you", "#2563eb"),
         ("listening", "listens", "#0891b2"))
PART_TITLES = {"reader_focus": "Reader focus", "give_first": "Gives before asking", "give_vs_ask": "Give vs ask",
               "listening": "Listening", "clean_language": "Clean language"}


@dataclass
class Draft:
    result: object  # engine.FileResult
    card: object | None  # scorecard.Scorecard
    fixes: object | None = None  # runner.FixPreview: the safe fixes, previewed, never written


def render(run, options) -> str:
    """The page for a run whose safe fixes were previewed (the registry's
    previews_fixes), drafts in the order they were given."""
    drafts = [Draft(result, score_result(result), run.previews.get(result.path)) for result in run.results]
    return page(drafts, title=options.title)


def page(drafts: list[Draft], *, title: str = "tonelint report") -> str:
    families = sorted({d.family for dr in drafts for d in dr.result.diagnostics} | set(FAMILIES),
                      key=lambda f: (f not in FAMILIES, list(FAMILIES).index(f) if f in FAMILIES else 0, f))
    body = [
        "<header class='top'>",
        f"<h1>{escape(title)}</h1>",
        f"<p class='sub'>{counted(len(drafts), 'draft')} · tonelint {escape(__version__)}"
        " · hover or tab to a highlight to see why it was flagged and how to rewrite it</p>",
        _overview(drafts),
        _legend(families),
        "</header><main>",
    ]
    for n, draft in enumerate(drafts, 1):
        body.append(_draft(n, draft))
    body.append("</main><footer>Made by tonelint. This page loads nothing from the network and runs no scripts."
                "</footer>")
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src data:; script-src 'none'\">"
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


# Overview and legend ------------------------------------------------------------

def _tone(score: int) -> str:
    return "#16a34a" if score >= 80 else "#65a30d" if score >= 60 else "#d97706" if score >= 40 else "#dc2626"


def _overview(drafts: list[Draft]) -> str:
    rows = []
    for n, dr in enumerate(drafts, 1):
        card = dr.card
        score = card.score if card else 0
        rows.append(
            f"<tr><td><a href='#draft-{n}'>{escape(printable(dr.result.path))}</a></td>"
            f"<td class='num'><span class='mini' style='--p:{score};--c:{_tone(score)}'><i></i></span> {score}</td>"
            f"<td>{escape(card.verdict) if card else ''}</td><td class='num'>{len(dr.result.diagnostics)}</td></tr>"
        )
    return ("<table class='overview'><thead><tr><th>Draft</th><th>Score</th><th>Verdict</th><th>Findings</th></tr>"
            "</thead><tbody>" + "".join(rows) + "</tbody></table>")


def _legend(families) -> str:
    items = "".join(
        f"<li><span class='sw' style='--c:{colour_of(f)}'></span><b>{escape(f)}</b>"
        f"{(' — ' + escape(FAMILIES[f].title)) if f in FAMILIES else ''}</li>"
        for f in families
    )
    return f"<ul class='legend' aria-label='Highlight colours'>{items}</ul>"


# One draft ---------------------------------------------------------------------

def _draft(n: int, draft: Draft) -> str:
    result, card = draft.result, draft.card
    count = len(result.diagnostics)
    head = (f"<section class='draft' id='draft-{n}'><h2><span class='path'>{escape(printable(result.path))}</span>"
            f"<span class='count'>{counted(count, 'finding')}</span></h2>")
    parts = [head, "<div class='cols'>", f"<article class='prose' aria-label='Draft text'>{_prose(n, result)}</article>"]
    parts.append(f"<aside class='card'>{_card(card)}</aside>" if card else "<aside class='card'></aside>")
    parts.append("</div>")
    if card is not None:
        parts.append(_timeline(n, card))
    parts.append(_rewrites(n, result))
    parts.append(_fixes(draft.fixes))
    parts.append(_finding_list(n, result))
    parts.append("</section>")
    return "\n".join(parts)


def _prose(n: int, result) -> str:
    facts = result.facts
    if facts is None or not facts.segments:
        return "<p class='empty'>No prose found in this draft.</p>"
    nearby = _by_segment(facts.segments, result.diagnostics)
    out: list[str] = []
    in_list = False
    for k, seg in enumerate(facts.segments):
        body = _segment(n, seg, nearby[k], result.text)
        if seg.scope == "list":
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{body}</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        if seg.scope == "title":
            out.append(f"<p class='subject'><span class='label'>Subject</span>{body}</p>")
        elif seg.scope == "heading":
            out.append(f"<h3>{body}</h3>")
        elif seg.scope == "blockquote":
            out.append(f"<blockquote>{body}</blockquote>")
        else:
            out.append(f"<p>{body}</p>")
    if in_list:
        out.append("</ul>")
    return "".join(out)


def _by_segment(segments, diagnostics) -> list[list[tuple[int, Diagnostic]]]:
    """For each segment, the findings whose source span overlaps it, found in
    one sweep over both in source order: testing every finding against every
    segment made a large draft's report take minutes."""
    order = sorted(range(len(diagnostics)), key=lambda i: diagnostics[i].start)
    bounds = []
    for k, seg in enumerate(segments):
        size = len(seg.text)
        lo = seg.to_source(0)
        hi = max(seg.to_source(size, end=True), lo) if size else lo
        bounds.append((lo, hi, k))
    out: list[list[tuple[int, Diagnostic]]] = [[] for _ in segments]
    active: list[int] = []
    j = 0
    for lo, hi, k in sorted(bounds):
        while j < len(order) and diagnostics[order[j]].start <= hi:
            active.append(order[j])
            j += 1
        active = [i for i in active if diagnostics[i].end >= lo]
        out[k] = [(i, diagnostics[i]) for i in sorted(active)]
    return out


def _inline_code(seg, source: str) -> dict[int, str]:
    """Inline code the Markdown front end took out of the prose (the rules
    never read it), by the segment offset of the gap it left: the report
    shows it where it stood, unhighlighted, so the sentence reads as written."""
    out = {}
    for i, g in enumerate(seg.seg_starts):
        if g not in seg.removed or seg.verbatim[i] or seg.lengths[i]:
            continue
        lo = seg.src_starts[i]
        hi = seg.src_starts[i + 1] if i + 1 < len(seg.src_starts) else lo
        code = source[lo:hi].strip()
        if len(code) > 1 and code.startswith("`") and code.endswith("`"):
            out[g] = code.strip("`").strip()
    return out


def _segment(n: int, seg, diags, source: str = "") -> str:
    """The segment's text cut into runs at every finding and link boundary;
    each run is escaped, and runs inside findings become focusable marks."""
    text = seg.text
    size = len(text)
    code = _inline_code(seg, source) if source else {}
    src = [seg.to_source(i) for i in range(size)]
    spans = []
    for i, d in diags:
        lo, hi = bisect_left(src, d.start), bisect_left(src, d.end)
        if lo < hi:
            spans.append((lo, hi, i, d))
    cuts = {0, size}
    for lo, hi, _, _ in spans:
        cuts.update((lo, hi))
    for lo, hi in seg.links:
        cuts.update((lo, hi))
    for g in code:
        cuts.update((g, g + 1))
    cuts = sorted(c for c in cuts if 0 <= c <= size)
    anchored: set[int] = set()
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if a in code and b == a + 1:
            out.append(f"<code>{escape(code[a])}</code>")
            continue
        piece = escape(text[a:b])
        if any(lo <= a and b <= hi for lo, hi in seg.links):
            piece = f"<span class='lnk'>{piece}</span>"
        active = sorted((s for s in spans if s[0] <= a and b <= s[1]), key=lambda s: (s[1] - s[0], s[2]))
        if not active:
            out.append(piece)
            continue
        anchors = "".join(f"<span class='anchor' id='f{n}-{s[2]}'></span>" for s in active if s[2] not in anchored)
        anchored.update(s[2] for s in active)
        inner = active[0][3]
        tip_id = f"t{n}-{a}-{active[0][2]}"
        extra = f" multi' style='--c:{colour_of(inner.family)};--c2:{colour_of(active[1][3].family)}" if len(active) > 1 \
            else f"' style='--c:{colour_of(inner.family)}"
        tips = "".join(_tip(d) for _, _, _, d in active)
        out.append(f"{anchors}<mark class='hl fam-{escape(inner.family)}{extra}' tabindex='0' "
                   f"aria-describedby='{tip_id}' data-rule='{escape(inner.rule)}'>{piece}"
                   f"<span class='tip' role='tooltip' id='{tip_id}'>{tips}</span></mark>")
    return "".join(out)


def _tip(d: Diagnostic) -> str:
    fix = ""
    if d.replacement is not None:
        kind = "safe fix" if d.fix.applicability == Applicability.SAFE else "suggested fix"
        fix = f"<span class='tfix'>{kind}: “{escape(d.matched)}” → “{escape(d.replacement)}”</span>"
    rewrite = f"<span class='trw'><b>Rewrite:</b> {escape(d.rewrite)}</span>" if d.rewrite else ""
    return (f"<span class='tone' style='--c:{colour_of(d.family)}'><span class='tid'>{escape(d.rule)} · "
            f"{escape(d.family)}</span><span class='tmsg'>{escape(d.message)}</span>{rewrite}{fix}</span>")


def _card(card) -> str:
    tone = _tone(card.score)
    out = [
        f"<div class='gauge' style='--p:{card.score};--c:{tone}' role='img' "
        f"aria-label='Conversation score {card.score} of 100'><span>{card.score}</span></div>",
        f"<p class='verdict' style='color:{tone}'>{escape(card.verdict)}</p>",
        "<ul class='bars'>",
    ]
    for key, weight in WEIGHTS.items():
        pts = card.parts.get(key, 0)
        frac = pts / weight
        c = "#16a34a" if frac >= 0.999 else "#d97706" if frac >= 0.5 else "#dc2626"
        out.append(f"<li><span class='bl'>{PART_TITLES[key]}</span><span class='bar'><i style='--c:{c};width:"
                   f"{100 * frac:.0f}%'></i></span><span class='bv'>{pts:g}/{weight}</span></li>")
    out.append("</ul>")
    reader, sender = card.counts.get("reader", 0), card.counts.get("sender", 0)
    total = reader + sender
    share = f"{card.reader_share:.0%}" if card.reader_share is not None else "n/a"
    split = (f"<span class='split'><i class='you' style='width:{100 * reader / total:.1f}%'></i>"
             f"<i class='we' style='width:{100 * sender / total:.1f}%'></i></span>") if total else ""
    out.append("<dl class='facts'>")
    out.append(f"<dt>Reader focus</dt><dd>{reader} reader words (you, your) · {sender} sender words (we, our, us)"
               f" · reader share {share}{split}</dd>")
    out.append(f"<dt>Give vs ask</dt><dd>{counted_noun(card.value_sentences, 'value sentence')} · "
               f"{counted_noun(card.ask_sentences, 'ask sentence')}<br>{escape(order_text(card))}</dd>")
    out.append(f"<dt>Listening</dt><dd>{counted_noun(card.questions, 'question')} to the reader · "
               f"{counted_noun(card.invitations, 'invitation')} to reply · "
               f"{counted_noun(card.acknowledgements, 'acknowledgement')}</dd>")
    out.append(f"<dt>Language</dt><dd>{counted_noun(card.audience, 'audience phrase')} · "
               f"{counted_noun(card.hype, 'hype word')}</dd>")
    out.append("</dl>")
    return "".join(out)


def _timeline(n: int, card) -> str:
    if not card.timeline:
        return ""
    cols = []
    for s in card.timeline:
        cells = "".join(f"<i class='cell{' on' if getattr(s, key) else ''}' style='--c:{c}'></i>" for key, _, c in LANES)
        what = ", ".join(label for key, label, _ in LANES if getattr(s, key)) or "nothing marked"
        snippet = s.text if len(s.text) <= 140 else s.text[:137] + "…"
        cols.append(f"<span class='col' tabindex='0'>{cells}<span class='ttip'><b>Sentence {s.index + 1}</b> — "
                    f"{escape(what)}<br>{escape(snippet)}</span></span>")
    labels = "".join(f"<span style='--c:{c}'>{label}</span>" for _, label, c in LANES)
    marks = []
    size = len(card.timeline)
    for idx, label, cls in ((card.first_value, "first value", "mv"), (card.first_ask, "first ask", "ma")):
        if idx is not None:
            marks.append(f"<span class='mk {cls}' style='left:{100 * (idx + 0.5) / size:.2f}%'>▲ {label}</span>")
    return (f"<figure class='timeline' aria-label='Sentence timeline'><figcaption>From first to last sentence "
            f"({size}): where the draft gives, asks, addresses the reader and listens</figcaption>"
            f"<div class='tlwrap'><div class='lanes'>{labels}</div><div class='tlbody'><div class='strip'>{''.join(cols)}"
            f"</div><div class='marks'>{''.join(marks)}</div></div></div></figure>")


def _fixes(preview) -> str:
    if preview is None or not preview.applied:
        note = " Unsafe suggestions are in the findings below." if preview and preview.unsafe_left else ""
        return f"<div class='fixes'><h3>Safe fixes</h3><p class='none'>No safe fixes for this draft.{note}</p></div>"
    changes = "".join(
        f"<li><code>{escape(d.rule)}</code> “{escape(d.matched)}” → “{escape(d.replacement or '')}”</li>"
        for d in preview.applied
    )
    rows = []
    before, after = LineIndex(preview.before).lines(), LineIndex(preview.after).lines()
    for i1, i2, j1, j2 in _changed_lines(before, after):
        old, new = "\n".join(before[i1:i2]), "\n".join(after[j1:j2])
        left, right = _word_diff(old, new)
        rows.append(f"<tr><td class='ln'>{i1 + 1}</td><td class='before'>{left}</td><td class='after'>{right}</td></tr>")
    more = (f"<p class='none'>{counted(preview.unsafe_left, 'more suggestion')} {agree(preview.unsafe_left, 'needs')} "
            "a human (tonelint --fix --unsafe-fixes).</p>") if preview.unsafe_left else ""
    return (f"<div class='fixes'><h3>Safe fixes: before and after <small>(tonelint --fix)</small></h3>"
            f"<ul class='changes'>{changes}</ul><table class='diff'><thead><tr><th>line</th><th>Before</th>"
            f"<th>After</th></tr></thead><tbody>{''.join(rows)}</tbody></table>{more}</div>")


def _changed_lines(before: list[str], after: list[str]):
    """Runs of changed lines as (i1, i2, j1, j2).  Fixes replace words inside
    lines, so the line count rarely changes and lines pair up one for one; a
    line diff of a large draft with many alike lines takes minutes."""
    if len(before) != len(after):
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
            if tag != "equal":
                yield i1, i2, j1, j2
        return
    start = None
    for i, (old, new) in enumerate(zip(before, after)):
        if old != new and start is None:
            start = i
        elif old == new and start is not None:
            yield start, i, start, i
            start = None
    if start is not None:
        yield start, len(before), start, len(before)


_TOKENS = re.compile(r"\s+|\w+|([^\w\s])\1*")  # a run of one punctuation mark is one token


def _word_diff(old: str, new: str) -> tuple[str, str]:
    a = [m.group(0) for m in _TOKENS.finditer(old)]
    b = [m.group(0) for m in _TOKENS.finditer(new)]
    left, right = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        x, y = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if tag == "equal":
            left.append(x)
            right.append(y)
        else:
            if x:
                left.append(f"<del>{x}</del>")
            if y:
                right.append(f"<ins>{y}</ins>")
    return "".join(left), "".join(right)


def _flagged_text(result, d: Diagnostic) -> str:
    """The sentence a finding flags, as the reader sees it."""
    facts = result.facts
    if facts is not None and facts.sentences:
        index = d.sentence
        if index is None and d.rewrite_span is not None:
            index = next((i for i, s in enumerate(facts.sentences) if facts.source_span(s) == d.rewrite_span), None)
        if index is None:
            index = next((i for i, s in enumerate(facts.sentences)
                          if facts.source_span(s)[0] <= d.start < facts.source_span(s)[1]), None)
        if index is not None and 0 <= index < len(facts.sentences):
            s = facts.sentences[index]
            return " ".join(facts.segments[s.seg].text[s.start:s.end].split())
    a, b = d.rewrite_span or (d.start, d.end)
    return " ".join(result.text[a:b].split())


_KIND_LABELS = {"sentence": "rewritten sentence", "fix": "as the fix leaves it", "instruction": "what to do"}


def _rewrites(n: int, result) -> str:
    """Each flagged sentence beside its rewrite; findings that share both are
    one row."""
    if not result.diagnostics:
        return ""
    rows: dict = {}
    for i, d in enumerate(result.diagnostics):
        key = (_flagged_text(result, d), d.rewrite, d.rewrite_kind)
        rows.setdefault(key, []).append((i, d))
    out = []
    for (sentence, rewrite, kind), found in rows.items():
        ids = " ".join(f"<a href='#f{n}-{i}' style='--c:{colour_of(d.family)}'><code>{escape(d.rule)}</code></a>"
                       for i, d in found)
        if kind == "instruction":
            right = f"<span class='rwk'>{_KIND_LABELS[kind]}</span><span class='rwi'>{escape(rewrite)}</span>"
        else:
            left_html, right_html = _word_diff(sentence, rewrite)
            sentence_html = left_html
            right = f"<span class='rwk'>{_KIND_LABELS.get(kind, kind)}</span>{right_html}"
            out.append(f"<tr><td class='rid'>{ids}</td><td class='before'>{sentence_html}</td>"
                       f"<td class='after'>{right}</td></tr>")
            continue
        out.append(f"<tr><td class='rid'>{ids}</td><td class='before'>{escape(sentence)}</td>"
                   f"<td class='after'>{right}</td></tr>")
    return ("<div class='rewrites'><h3>Rewrites <small>(each flagged sentence beside its rewrite)</small></h3>"
            "<table class='diff rwtab'><thead><tr><th>rule</th><th>Flagged sentence</th><th>Rewrite</th></tr></thead>"
            f"<tbody>{''.join(out)}</tbody></table></div>")


def _finding_list(n: int, result) -> str:
    if not result.diagnostics:
        return "<p class='clean'>No findings.</p>"
    index = LineIndex(result.text)
    items = []
    for i, d in enumerate(result.diagnostics):
        line, col = index.position(d.start)
        items.append(
            f"<li style='--c:{colour_of(d.family)}'><a href='#f{n}-{i}' class='pos'>{line}:{col}</a> "
            f"<code>{escape(d.rule)}</code> <span class='lvl'>{escape(str(d.level))}</span> {escape(d.message)}"
            f"<div class='rw'>{escape(d.rewrite)}</div></li>"
        )
    return f"<details class='list'><summary>All findings ({len(items)})</summary><ol>{''.join(items)}</ol></details>"


CSS = """
:root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--paper:#fff;--bg:#f6f7f9}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,
"Helvetica Neue",Arial,sans-serif}
header.top,main,footer{max-width:1180px;margin:0 auto;padding:0 24px}
header.top{padding-top:28px}
h1{font-size:26px;margin:0 0 2px}
.sub{color:var(--muted);margin:0 0 16px}
table.overview{border-collapse:collapse;background:var(--paper);border:1px solid var(--line);border-radius:8px;
overflow:hidden;min-width:60%}
.overview th,.overview td{padding:6px 14px;text-align:left;border-bottom:1px solid var(--line)}
.overview th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);background:#fafafa}
.overview a{color:var(--ink)}
.num{white-space:nowrap}
.mini{display:inline-block;width:70px;height:8px;border-radius:4px;background:var(--line);vertical-align:middle;
overflow:hidden}
.mini i{display:block;height:100%;width:calc(var(--p)*1%);background:var(--c)}
.legend{list-style:none;padding:0;margin:14px 0 0;display:flex;flex-wrap:wrap;gap:6px 18px;font-size:13px;
color:var(--muted)}
.legend b{color:var(--ink);font-weight:600;margin-right:2px}
.sw{display:inline-block;width:14px;height:14px;border-radius:3px;vertical-align:-2px;margin-right:6px;
background:color-mix(in srgb,var(--c) 22%,#fff);border-bottom:3px solid var(--c)}
section.draft{background:var(--paper);border:1px solid var(--line);border-radius:12px;margin:26px 0;
padding:20px 26px 22px;box-shadow:0 1px 2px rgba(0,0,0,.04)}
section.draft>h2{display:flex;justify-content:space-between;align-items:baseline;gap:12px;margin:0 0 14px;
font-size:18px;border-bottom:1px solid var(--line);padding-bottom:10px}
.path{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:16px;word-break:break-all}
.count{font-size:13px;color:var(--muted);font-weight:500;white-space:nowrap}
.cols{display:grid;grid-template-columns:minmax(0,1fr) 330px;gap:28px}
@media (max-width:860px){.cols{grid-template-columns:1fr}}
.prose{font-family:Georgia,"Iowan Old Style","Times New Roman",serif;font-size:17px;line-height:1.75;max-width:68ch}
.prose p,.prose ul,.prose blockquote{margin:0 0 14px}
.prose h3{font-family:system-ui,sans-serif;font-size:20px;margin:8px 0 10px}
.prose blockquote{border-left:3px solid var(--line);padding-left:14px;color:#374151}
.subject{font-family:system-ui,sans-serif;font-weight:600;font-size:16px;background:#f3f4f6;border-radius:6px;
padding:6px 10px}
.subject .label{font-size:11px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin-right:10px}
.lnk{color:#1d4ed8;text-decoration:underline;text-underline-offset:3px}
mark.hl{position:relative;color:inherit;background:color-mix(in srgb,var(--c) 16%,transparent);
border-bottom:2px solid var(--c);border-radius:2px;padding:0 1px;cursor:help;outline:none}
mark.hl.multi{box-shadow:inset 0 -5px 0 -3px var(--c2)}
mark.hl:hover,mark.hl:focus{background:color-mix(in srgb,var(--c) 30%,transparent)}
mark.hl:focus-visible{outline:2px solid var(--c);outline-offset:1px}
.tip{display:none;position:absolute;left:0;top:calc(100% + 6px);z-index:20;width:min(380px,80vw);background:#111827;
color:#f9fafb;font:13px/1.45 system-ui,sans-serif;border-radius:8px;padding:8px 10px;box-shadow:0 8px 24px
rgba(0,0,0,.25);text-align:left;white-space:normal}
mark.hl:hover>.tip,mark.hl:focus>.tip,mark.hl:focus-within>.tip,.anchor:target+mark.hl>.tip,
.anchor:target+.anchor+mark.hl>.tip,.anchor:target+.anchor+.anchor+mark.hl>.tip{display:block}
.tone{display:block;border-left:3px solid var(--c);padding-left:8px}
.tone+.tone{margin-top:8px}
.tid{display:block;font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:#9ca3af}
.tmsg{display:block;font-weight:600}
.trw,.tfix{display:block;color:#d1d5db;margin-top:2px}
.tfix{color:#86efac}
.anchor{scroll-margin-top:80px}
.card{border-left:1px solid var(--line);padding-left:24px}
@media (max-width:860px){.card{border-left:0;padding-left:0}}
.gauge{--size:124px;width:var(--size);height:var(--size);border-radius:50%;margin:4px auto 6px;display:grid;
place-items:center;background:conic-gradient(var(--c) calc(var(--p)*1%),var(--line) 0)}
.gauge span{width:calc(var(--size) - 24px);height:calc(var(--size) - 24px);border-radius:50%;background:var(--paper);
display:grid;place-items:center;font-size:36px;font-weight:700}
.verdict{text-align:center;font-weight:700;margin:0 0 14px}
.bars{list-style:none;margin:0 0 14px;padding:0}
.bars li{display:grid;grid-template-columns:130px 1fr 46px;align-items:center;gap:8px;font-size:13px;margin:5px 0}
.bar{height:9px;background:var(--line);border-radius:5px;overflow:hidden}
.bar i{display:block;height:100%;background:var(--c);border-radius:5px}
.bv{text-align:right;color:var(--muted);font-variant-numeric:tabular-nums}
.facts{font-size:13px;margin:0}
.facts dt{font-weight:700;margin-top:8px}
.facts dd{margin:0;color:#374151}
.split{display:flex;height:8px;border-radius:4px;overflow:hidden;margin-top:4px;background:var(--line)}
.split .you{background:#2563eb}.split .we{background:#9ca3af}
.timeline{margin:18px 0 0;padding:12px 0 0;border-top:1px solid var(--line)}
.timeline figcaption{font-size:13px;color:var(--muted);margin-bottom:6px}
.tlwrap{display:flex;gap:10px}
.lanes{display:flex;flex-direction:column;gap:3px;font-size:12px;width:104px;flex:none}
.lanes span{height:16px;line-height:16px;color:var(--c);font-weight:600;text-align:right;white-space:nowrap}
.tlbody{flex:1;min-width:0}
.strip{display:flex;gap:2px}
.col{flex:1;min-width:3px;display:flex;flex-direction:column;gap:3px;position:relative;outline:none;border-radius:3px}
.col:hover,.col:focus{background:#eef2ff}
.cell{height:16px;border-radius:3px;background:#f1f2f4}
.cell.on{background:var(--c)}
.ttip{display:none;position:absolute;bottom:calc(100% + 6px);left:50%;transform:translateX(-50%);width:260px;z-index:20;
background:#111827;color:#f9fafb;font-size:12px;line-height:1.4;border-radius:6px;padding:6px 8px}
.col:hover>.ttip,.col:focus>.ttip{display:block}
.marks{position:relative;height:20px;font-size:11px;font-weight:600}
.mk{position:absolute;top:2px;transform:translateX(-6px);white-space:nowrap}
.mv{color:#16a34a}.ma{color:#db2777;top:2px}
.fixes,.rewrites{margin-top:16px;padding-top:12px;border-top:1px solid var(--line)}
.fixes h3,.rewrites h3,.list summary{font-size:15px;margin:0 0 8px}
.fixes small,.rewrites small{font-weight:400;color:var(--muted)}
.rwtab td{font-family:Georgia,"Iowan Old Style","Times New Roman",serif;font-size:14px;white-space:normal}
.rwtab td.rid{width:70px;font:12px system-ui,sans-serif}
.rwtab td.rid a{display:block;border-left:3px solid var(--c);padding-left:4px;color:var(--ink);text-decoration:none}
.rwtab th:first-child{width:70px}
.rwk{display:block;font:600 11px system-ui,sans-serif;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
.rwi{font-style:italic}
.none,.clean{color:var(--muted);font-size:14px;margin:4px 0}
.changes{margin:0 0 8px;padding-left:18px;font-size:13px}
table.diff{width:100%;border-collapse:collapse;font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;
table-layout:fixed}
.diff th{text-align:left;font:600 12px system-ui,sans-serif;color:var(--muted);padding:4px 8px}
.diff th:first-child,.diff td.ln{width:52px}
.diff td{vertical-align:top;padding:6px 8px;white-space:pre-wrap;word-break:break-word;border-top:1px solid var(--line)}
.diff td.ln{color:var(--muted);text-align:right}
.diff .before{background:#fef2f2}.diff .after{background:#f0fdf4}
del{background:#fecaca;text-decoration:line-through;text-decoration-color:#b91c1c}
ins{background:#bbf7d0;text-decoration:none}
.list{margin-top:14px;font-size:14px}
.list summary{cursor:pointer;font-weight:700}
.list ol{padding-left:22px}
.list li{margin:6px 0;padding-left:8px;border-left:3px solid var(--c)}
.list .pos{font-family:ui-monospace,monospace;color:var(--muted)}
.list .lvl{font-size:12px;color:#b45309}
.list .rw{color:var(--muted);font-size:13px}
footer{color:var(--muted);font-size:12px;padding-bottom:30px}
@media print{.tip,.ttip{display:none!important}section.draft{break-inside:avoid-page}}
"""
