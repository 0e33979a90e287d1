"""Property-based tests: whatever text arrives, linting never raises, every
finding points at exactly the text it quotes, and --fix converges.

Drafts are built from pieces that carry a known role (prose with trigger
phrases, code, URLs, front matter, HTML tags), so the tests can also check that
no finding and no fix ever lands inside a region that is not prose.
"""

from __future__ import annotations

import os
import re

import pytest
from conftest import check_spans
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tonelint.api import check_text, default_engine
from tonelint.engine.fixes import fix_text, fixable

FORMATS = ("markdown", "text", "html", "email")
# Modest by default so the suite stays fast; TONELINT_EXAMPLES=2000 for a hunt.
SETTINGS = dict(max_examples=int(os.environ.get("TONELINT_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words that fire the built-in rules, including the ones with safe fixes
# (TL105 eyeballs, TL205 "!!!"), so that fixes are actually exercised.
TRIGGERS = [
    "target audience", "eyeballs", "more eyeballs", "Eyeball", "EYEBALLS", "!!!", "!!", "our users",
    "click here", "Buy now", "ACT NOW!", "the masses", "leads", "we are thrilled to announce",
    "world-class", "limited time", "hurry", "convert", "you", "your", "?", "Reply and tell us",
]
WORDS = ["the", "a", "team", "spring", "sale", "we", "our", "product", "café", "naïve", "שלום", "日本語",
         "e\u0301", "👩‍👩‍👧", "🎉", "x", "1,000", "it's", "“quoted”"]


def engine():
    return default_engine()


def lint(text: str, fmt: str):
    return check_text(text, fmt=fmt, engine=engine()).diagnostics


def phrase_findings(diagnostics):
    """Findings that point at matched words (not at a whole sentence or draft)."""
    kinds = {r.id: r.kind for r in engine().rules}
    return [d for d in diagnostics if kinds.get(d.rule) in ("substitution", "existence")]


def spans_exact_and_fix_converges(text: str, fmt: str) -> str:
    """The two invariants every format keeps; returns the fixed text."""
    check_spans(text, lint(text, fmt))
    return fix_converges(text, fmt)


def fix_converges(text: str, fmt: str) -> str:
    first = fix_text(text, lambda t: lint(t, fmt))
    applied = {d.rule for d in first.applied}
    refused = {(d.rule, d.matched.lower()) for d in first.skipped}
    left = [d for d in fixable(lint(first.text, fmt)) if d.rule in applied]
    assert all((d.rule, d.matched.lower()) in refused for d in left), left
    second = fix_text(first.text, lambda t: lint(t, fmt))
    assert second.text == first.text, "a second --fix changed the text"
    return first.text


# -- arbitrary text -------------------------------------------------------------------------------------------

unicode_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300
) | st.lists(st.sampled_from(TRIGGERS + WORDS + [" ", "\n", "\r\n", "\r", "\t", "\u200f", "\u0301"]),
             max_size=40).map("".join)


@settings(**SETTINGS)
@given(text=unicode_text, fmt=st.sampled_from(FORMATS))
def test_arbitrary_text_never_raises_and_spans_are_exact(text, fmt):
    diagnostics = lint(text, fmt)
    check_spans(text, diagnostics)


@settings(**SETTINGS)
@given(text=unicode_text, fmt=st.sampled_from(FORMATS))
def test_arbitrary_text_fixes_converge(text, fmt):
    fixed = fix_converges(text, fmt)
    check_spans(fixed, lint(fixed, fmt))


# -- composed Markdown ----------------------------------------------------------------------------------------
# Each piece is (text, protected): protected pieces (code, URLs, tags, front
# matter keys) must come through --fix unchanged and never be reported.

prose = st.lists(st.sampled_from(TRIGGERS + WORDS), min_size=1, max_size=8).map(" ".join)
url = st.sampled_from(["https://example.com/eyeballs!!!", "www.target-audience.example", "mailto:leads@ex.com"])
nl = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def markdown_doc(draw):
    eol = draw(nl)
    pieces: list[tuple[str, bool]] = []

    def add(text, protected=False):
        pieces.append((text, protected))

    if draw(st.booleans()):
        add("---" + eol)
        add("tags:", True)
        add(" [eyeballs, target audience]" + eol, True)
        add("title: ")
        add(draw(prose).replace("\n", " ") + eol)
        add("---" + eol + eol)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["para", "heading", "list", "fence", "link", "emph", "comment", "quote",
                                     "inline_code", "url", "html", "table"]))
        if kind == "para":
            add(draw(prose) + eol + draw(prose))
        elif kind == "heading":
            add("#" * draw(st.integers(1, 6)) + " ")
            add(draw(prose))
        elif kind == "list":
            for _ in range(draw(st.integers(1, 3))):
                add(draw(st.sampled_from(["- ", "* ", "1. "])))
                add(draw(prose) + eol)
        elif kind == "fence":
            add("```" + eol + draw(prose) + eol + "```", True)
        elif kind == "inline_code":
            add(draw(prose) + " ")
            add("`" + draw(prose).replace("`", "") + "`", True)
            add(" " + draw(prose))
        elif kind == "link":
            add("[" + draw(prose).replace("[", "").replace("]", "") + "]")
            add("(" + draw(url) + ")", True)
        elif kind == "url":
            add(draw(prose) + " ")
            add(draw(url), True)
            add(" " + draw(prose))
        elif kind == "emph":
            mark = draw(st.sampled_from(["*", "_", "**", "~~"]))
            add(mark + draw(prose).strip() + mark)
        elif kind == "comment":
            add(draw(st.sampled_from(["<!-- eyeballs!!! -->", "<!-- tonelint-disable-next-line TL105 -->"])), True)
        elif kind == "quote":
            add("> ")
            add(draw(prose))
        elif kind == "html":
            add('<div class="eyeballs!!!">', True)
            add(draw(prose))
            add("</div>", True)
        elif kind == "table":
            add("| a | b |" + eol + "|---|---|" + eol + "| ")
            add(draw(prose).replace("|", ""))
            add(" | x |")
        add(eol + eol)
    return eol, pieces


def protected_spans(pieces) -> list[tuple[int, int, str]]:
    spans, pos = [], 0
    for text, protected in pieces:
        if protected:
            spans.append((pos, pos + len(text), text))
        pos += len(text)
    return spans


@settings(**SETTINGS)
@given(doc=markdown_doc())
def test_markdown_never_reports_or_fixes_protected_text(doc):
    eol, pieces = doc
    text = "".join(t for t, _ in pieces)
    diagnostics = lint(text, "markdown")
    check_spans(text, diagnostics)
    for start, end, piece in protected_spans(pieces):
        for d in phrase_findings(diagnostics):
            # Neither end of a finding falls inside code, a URL or a tag.  (A
            # regex finding may still span one: "NOW <url> !" -- see the report.)
            assert not (start < d.start < end or start < d.end < end), (d.rule, d.matched, piece)
            assert not (start <= d.start and d.end <= end), (d.rule, d.matched, piece)

    fixed = fix_converges(text, "markdown")
    # Every protected piece survives, in order, byte for byte.
    pos = 0
    for _, _, piece in protected_spans(pieces):
        found = fixed.find(piece, pos)
        assert found >= 0, piece
        pos = found + len(piece)
    # Line endings are never rewritten by a fix: with the draft's own ending
    # taken out, no line-break character is left.
    assert not set(fixed.replace(eol, "")) & {"\n", "\r"}, repr(fixed)


# -- composed HTML and email ----------------------------------------------------------------------------------

@st.composite
def html_doc(draw):
    eol = draw(nl)
    parts = ["<html><head><title>", draw(prose), "</title><style>.eyeballs{}</style></head>", eol, "<body>"]
    for _ in range(draw(st.integers(1, 5))):
        tag = draw(st.sampled_from(["p", "h1", "li", "div", "td"]))
        inner = draw(prose)
        if draw(st.booleans()):
            inner += ' <a href="https://ex.com/eyeballs">' + draw(prose) + "</a>"
        if draw(st.booleans()):
            inner += " &amp; " + draw(prose) + " &#8212; "
        if draw(st.booleans()):
            inner += "<code>eyeballs!!!</code>"
        parts += [f"<{tag}>", inner, f"</{tag}>", eol]
    parts += ["<script>var x = 'eyeballs!!!';</script></body></html>", eol]
    return "".join(parts)


@settings(**SETTINGS)
@given(text=html_doc())
def test_html_spans_exact_and_tags_untouched(text):
    fixed = spans_exact_and_fix_converges(text, "html")
    tags = re.findall(r"<[^>]+>", text)
    assert re.findall(r"<[^>]+>", fixed) == tags
    assert "<code>eyeballs!!!</code>" in fixed or "<code>" not in text
    assert "var x = 'eyeballs!!!';" in fixed


@st.composite
def email_doc(draw):
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    subject = draw(prose)
    body = eol.join(draw(st.lists(prose, min_size=1, max_size=4)))
    return (f"From: Shop <shop@example.com>{eol}To: you@example.com{eol}Subject: {subject}{eol}"
            f"Content-Type: text/plain; charset=utf-8{eol}{eol}{body}{eol}")


@settings(**SETTINGS)
@given(text=email_doc())
def test_email_spans_exact_and_headers_untouched(text):
    fixed = spans_exact_and_fix_converges(text, "email")
    head_end = text.index("Subject:")
    assert fixed[:head_end] == text[:head_end]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("text", [
    "\x01\x00`\ufffd`\ufffd",  # markdown-it turns NUL into U+FFFD: offsets ran past the end
    "eyeballs\x00 `x` more eyeballs!!!\r\n\x00",
    "[Click here](https://ex\xa0our target audience) now.",
    "a <![ eyeballs!!! <![foo[ x ]]> <![\x00 our target audience",  # stdlib HTMLParser raised AssertionError
])
def test_found_by_fuzzing(text, fmt):
    spans_exact_and_fix_converges(text, fmt)


def test_property_helpers_can_fail():
    """The span check is not vacuous: a shifted span is caught."""
    from dataclasses import replace

    text = "We put it in front of a million eyeballs today."
    (d,) = [d for d in lint(text, "text") if d.rule == "TL105"]
    check_spans(text, [d])
    with pytest.raises(AssertionError):
        check_spans(text, [replace(d, start=d.start + 1)])
