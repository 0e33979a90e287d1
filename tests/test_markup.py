"""Markup front ends: only prose is linted, and every position points into
the original file (not the stripped text), in every format."""

from __future__ import annotations

import json

import pytest

from tonelint.diagnostics import LineIndex
from tonelint.markup import FRONT_ENDS, Parsed, parse


def pairs(diagnostics):
    return [(d.rule, d.matched) for d in diagnostics]


def positions(text: str, diagnostics):
    index = LineIndex(text)
    return [(d.rule, *index.position(d.start)) for d in diagnostics]


# --------------------------------------------------------------------------- Markdown

# A claim and no value: an ask after it is premature (TL401), so the test below cannot pass vacuously.
ASKLESS_OPENING = "Our spring menu is out, and it is the best in town!\n\n"


@pytest.mark.parametrize(
    "snippet",
    [
        "```\nbuy now\n```\n",
        "~~~text\nBuy now and sign up today\n~~~\n",
        "    buy now, sign up today\n",
        "Run `buy now` in the shell.\n",
        "<!-- buy now, sign up today -->\n",
        "See https://shop.example/buy-now-sign-up-today for the menu.\n",
        "See <https://shop.example/buy%20now> for the menu.\n",
        "See [the menu](https://shop.example/?q=buy+now \"buy now\").\n",
    ],
    ids=["fence", "tilde-fence", "indented", "inline-code", "comment", "bare-url", "autolink", "link-url-and-title"],
)
def test_markdown_non_prose_is_not_linted(lint, snippet):
    text = ASKLESS_OPENING + snippet
    assert lint(text, "markdown", select=["TL4"]) == []
    # The same words as prose are an ask: the test above cannot pass vacuously.
    assert [d.rule for d in lint(ASKLESS_OPENING + "Buy now.\n", "markdown", select=["TL4"])] == ["TL401"]


def test_markdown_code_block_keeps_audience_words_out(lint):
    text = "Set the target with:\n\n```yaml\ntarget audience: our users\n```\n\n`our users` is a config key.\n"
    assert lint(text, "markdown") == []


def test_markdown_link_text_counts_and_url_does_not(lint):
    text = "We wrote it for our [target audience](https://example.com/our-users).\n"
    assert pairs(lint(text, "markdown", select=["TL1"])) == [("TL101", "target audience")]
    url_only = "Read [the guide](https://example.com/target-audience \"our users\").\n"
    assert lint(url_only, "markdown", select=["TL1"]) == []


def test_markdown_block_kinds_are_prose(lint):
    text = (
        "# For our target audience\n\n"
        "- our users love it\n"
        "  1. reach the masses second\n\n"
        "> More eyeballs, said the board\n\n"
        "| who | what |\n"
        "|-----|------|\n"
        # (TL104 and TL107 count pipeline and funnel words in outbound copy only in a sentence
        # about the sender: "our lead magnet", "we drive traffic")
        "| target market | our lead magnet |\n\n"
        "Setext heading about traffic: we drive traffic\n"
        "----------------------------------------------\n"
    )
    diagnostics = lint(text, "markdown", select=["TL1"])
    assert pairs(diagnostics) == [
        ("TL101", "target audience"),
        ("TL103", "our users"),
        ("TL106", "reach the masses"),
        ("TL105", "More eyeballs"),
        ("TL101", "target market"),
        ("TL104", "lead magnet"),
        ("TL107", "drive traffic"),
    ]
    assert positions(text, diagnostics) == [
        ("TL101", 1, 11), ("TL103", 3, 3), ("TL106", 4, 6), ("TL105", 6, 3),
        ("TL101", 10, 3), ("TL104", 10, 23), ("TL107", 12, 34),
    ]


def test_markdown_escapes_entities_and_emphasis_keep_exact_spans(lint):
    text = "Our \\*target audience\\* &amp; *our users* love **eyeballs** &copy; 2024.\n"
    assert pairs(lint(text, "markdown", select=["TL1"])) == [
        ("TL101", "target audience"), ("TL103", "our users"), ("TL105", "eyeballs"),
    ]


def test_markdown_crlf_positions(lint):
    text = "Hello\r\n\r\nOur target audience\r\nand our users!!!\r\n"
    diagnostics = lint(text, "markdown", select=["TL1", "TL205"])
    assert positions(text, diagnostics) == [("TL101", 3, 5), ("TL103", 4, 5), ("TL205", 4, 14)]


def test_markdown_no_break_space_does_not_hide_a_phrase(lint):
    text = "Made for our target&nbsp;audience and our\u00a0users.\n"
    assert pairs(lint(text, "markdown", select=["TL1"])) == [
        ("TL101", "target&nbsp;audience"), ("TL103", "our\u00a0users"),
    ]


FRONT_MATTER_DRAFT = """---
title: "Sign up now: the spring planner"
author: Target Audience Team
tags: [buy now, eyeballs]
---

# Plan your week in ten minutes

Here's how to plan a week of dinners: pick three, shop once, cook twice.
Our target audience loves it, and our users share it!!!
"""


def test_front_matter_positions_are_exact_in_json(cli, write):
    path = write("draft.md", FRONT_MATTER_DRAFT)
    res = cli("--format", "json", "--select", "TL1,TL2,TL4", str(path))
    assert res.code == 1, res.err
    findings = json.loads(res.out)
    lines = FRONT_MATTER_DRAFT.split("\n")
    got = []
    for f in findings:
        assert f["line"] == f["end_line"]
        line = lines[f["line"] - 1]
        got.append((f["rule"], line[f["column"] - 1 : f["end_column"] - 1]))
    assert got == [
        ("TL401", "Sign up now"),
        ("TL101", "target audience"),
        ("TL103", "our users"),
        ("TL205", "!!!"),
    ]
    assert [(f["rule"], f["line"], f["column"]) for f in findings][0] == ("TL401", 2, 9)


def test_front_matter_other_keys_are_metadata_not_prose(lint):
    text = "---\nauthor: our users\ntags: [target audience]\n---\n\nHi there.\n"
    assert lint(text, "markdown") == []


def test_front_matter_subject_is_the_opening_for_premature_asks(lint):
    body = "Here's how to fix a flat in five minutes: lever, patch, pump.\n\nIf it helps, sign up for more.\n"
    assert lint(body, "markdown", select=["TL401"]) == []
    with_subject = "---\nsubject: Shop now for spring tyres\n---\n\n" + body
    diagnostics = lint(with_subject, "markdown", select=["TL401"])
    assert pairs(diagnostics) == [("TL401", "Shop now")]
    assert "subject line" in diagnostics[0].message


def test_front_matter_with_crlf_and_bom_free_offsets(lint):
    text = "---\r\ntitle: Buy now\r\n---\r\n\r\nOur target audience is here.\r\n"
    diagnostics = lint(text, "markdown", select=["TL101", "TL401"])
    assert positions(text, diagnostics) == [("TL401", 2, 8), ("TL101", 5, 5)]


# --------------------------------------------------------------------------- HTML

HTML_DRAFT = """<!DOCTYPE html>
<html>
<head>
  <title>Buy now &amp; save</title>
  <meta name="description" content="our users and the target audience">
  <style>.target-audience { color: red } /* our users */</style>
  <script>var pitch = "Sign up now, our users!!!";</script>
</head>
<body>
  <h1>Caf&eacute; news for our target&nbsp;audience</h1>
  <p>Our users asked for oat milk &mdash; it is here!!!</p>
  <pre>the masses</pre>
  <p><a href="https://example.com/our-users">Click here</a></p>
</body>
</html>
"""


def test_html_visible_text_only_with_exact_positions(lint):
    diagnostics = lint(HTML_DRAFT, "html")
    got = [(r, m) for r, m in pairs(diagnostics) if r != "TL201"]
    assert ("TL401", "Buy now") in got
    assert ("TL101", "target&nbsp;audience") in got
    assert ("TL103", "Our users") in got
    assert ("TL205", "!!!") in got
    assert ("TL403", "Click here") in got
    # Nothing from <meta>, <style>, <script> or <pre>.
    for d in diagnostics:
        line = LineIndex(HTML_DRAFT).position(d.start)[0]
        assert line not in (5, 6, 7, 12), (d.rule, d.matched, line)
    assert ("TL106", "the masses") not in got
    assert positions(HTML_DRAFT, [d for d in diagnostics if d.rule == "TL103"]) == [("TL103", 11, 6)]


def test_html_title_is_the_opening(lint):
    page = "<html><head><title>Shop now</title></head><body><p>Here's how to pick a tent.</p></body></html>"
    diagnostics = lint(page, "html", select=["TL401"])
    assert pairs(diagnostics) == [("TL401", "Shop now")]
    assert "subject line" in diagnostics[0].message


def test_html_entities_decode_but_spans_stay_in_source(lint):
    page = "<p>Our users &amp; the target audience &#8212; caf&eacute;</p>"
    diagnostics = lint(page, "html", select=["TL1"])
    assert pairs(diagnostics) == [("TL103", "Our users"), ("TL101", "target audience")]


def test_html_crlf_and_broken_markup_do_not_shift_positions(lint):
    page = "<html>\r\n<body>\r\n<p>Hello\r\nour users & the target audience < 3\r\n<b>unclosed eyeballs"
    diagnostics = lint(page, "html", select=["TL1"])
    assert positions(page, diagnostics) == [("TL103", 4, 1), ("TL101", 4, 17), ("TL105", 5, 13)]


def test_markdown_raw_html_block_text_is_prose_with_exact_positions(lint):
    # A landing page in Markdown puts its banner and button in raw HTML.
    text = (
        "Our bread course starts in May.\r\n\r\n"
        '<div class="cta">\r\n  <p>Made for our target audience &amp; friends</p>\r\n'
        '  <a class="button" href="https://x.example/">Reach the masses</a>\r\n'
        "  <script>var ourUsers = 'our users';</script>\r\n</div>\r\n"
    )
    diagnostics = lint(text, "markdown", select=["TL1"])
    assert pairs(diagnostics) == [("TL101", "target audience"), ("TL106", "Reach the masses")]
    assert positions(text, diagnostics) == [("TL101", 4, 19), ("TL106", 5, 47)]


def test_markdown_directive_inside_an_html_block_still_applies(lint):
    text = "<div>\n<!-- tonelint-disable-next-line TL101 -->\n<p>our target audience</p>\n</div>\n\nThe target market.\n"
    assert pairs(lint(text, "markdown", select=["TL101"])) == [("TL101", "target market")]


# --------------------------------------------------------------------------- email

def eml(headers: str, body: str) -> str:
    return headers.strip("\n") + "\n\n" + body


def test_eml_subject_is_the_opening_and_plain_body_is_exact(lint):
    text = eml(
        "From: Shop <news@shop.example>\nTo: you@example.com\nSubject: Buy now: spring sale\n"
        "Content-Type: text/plain; charset=utf-8",
        "Hello,\n\nHere's how to care for linen: wash cold, dry flat.\nOur target audience loves it!!!\n",
    )
    diagnostics = lint(text, "email")
    assert pairs([d for d in diagnostics if d.rule != "TL301"]) == [
        ("TL401", "Buy now"), ("TL101", "target audience"), ("TL205", "!!!"),
    ]
    shown = [d for d in diagnostics if d.rule != "TL301"]
    assert positions(text, shown)[:3] == [("TL401", 3, 10), ("TL101", 9, 5), ("TL205", 9, 29)]
    assert "subject line" in diagnostics[0].message


def test_eml_headers_other_than_subject_are_not_prose(lint):
    text = eml("From: Our Users <a@b.example>\nTo: Target Audience <c@d.example>\nSubject: Hello", "Hi.\n")
    assert lint(text, "email") == []


def test_eml_html_only_message(lint):
    text = eml(
        "From: a@b.example\nSubject: Spring news\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8",
        "<html><body><style>p{}</style><p>Made for our target audience &amp; our users</p></body></html>\n",
    )
    diagnostics = lint(text, "email", select=["TL1"])
    assert pairs(diagnostics) == [("TL101", "target audience"), ("TL103", "our users")]
    assert positions(text, diagnostics) == [("TL101", 6, 47), ("TL103", 6, 69)]


def test_eml_multipart_alternative_lints_the_plain_part_once(lint):
    text = (
        "From: a@b.example\nSubject: Spring news\nMIME-Version: 1.0\n"
        'Content-Type: multipart/alternative; boundary="XX"\n\n'
        "--XX\nContent-Type: text/plain; charset=utf-8\n\n"
        "Our target audience will love it.\n\n"
        "--XX\nContent-Type: text/html; charset=utf-8\n\n"
        "<p>Our target audience will love it.</p>\n\n"
        "--XX--\n"
    )
    diagnostics = lint(text, "email", select=["TL1"])
    assert pairs(diagnostics) == [("TL101", "target audience")]
    assert positions(text, diagnostics) == [("TL101", 9, 5)]


def qp_headers(ctype: str) -> str:
    return ("From: a@b.example\nSubject: Spring news\nMIME-Version: 1.0\n"
            f"Content-Type: {ctype}; charset=utf-8\nContent-Transfer-Encoding: quoted-printable")


def test_eml_quoted_printable_positions_are_exact_but_carry_no_fix(lint):
    text = eml(
        qp_headers("text/plain"),
        "Our target audience will love it =E2=80=94 and our users too. Reach the mas=\nses, lo=\nng lines.\n",
    )
    diagnostics = lint(text, "email", select=["TL1"])
    assert pairs(diagnostics) == [("TL101", "target audience"), ("TL103", "our users"), ("TL106", "Reach the mas=\nses")]
    assert positions(text, diagnostics) == [("TL101", 7, 5), ("TL103", 7, 48), ("TL106", 7, 63)]
    for d in diagnostics:
        assert d.fix is None  # a replacement would have to be encoded to be written
    # The message names the decoded words, not the soft line break.
    assert '"Reach the masses"' in diagnostics[2].message


def test_eml_quoted_printable_html_part(lint):
    text = eml(
        qp_headers("text/html"),
        '<p style=3D"x">Caf=C3=A9 news for our target&nbsp;audience =E2=80=94 <a href=3D"h">click=\n here</a></p>\n',
    )
    diagnostics = lint(text, "email", select=["TL101", "TL403"])
    assert pairs(diagnostics) == [("TL101", "target&nbsp;audience"), ("TL403", "click=\n here")]


def test_eml_encoded_subject_and_base64_body(lint):
    text = eml(
        "From: a@b.example\nSubject: =?utf-8?q?Buy_now=3A_spring?=\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64",
        "T3VyIHRhcmdldCBhdWRpZW5jZSB3aWxsIGxvdmUgaXQ=\n",
    )
    diagnostics = lint(text, "email", select=["TL1", "TL401"])
    assert [d.rule for d in diagnostics] == ["TL401", "TL101"]
    assert LineIndex(text).position(diagnostics[0].start) == (2, 10)
    # base64: the finding covers the groups of four its words came from
    import base64

    assert positions(text, diagnostics)[1] == ("TL101", 7, 5)
    assert b"target audience" in base64.b64decode(diagnostics[1].matched + "==="[: -len(diagnostics[1].matched) % 4 or None])
    assert '"target audience"' in diagnostics[1].message and diagnostics[1].fix is None


@pytest.mark.parametrize("ctype", ["", "Content-Type: text/plain; charset=us-ascii\n"], ids=["no-type", "plain"])
def test_eml_plain_part_that_is_an_html_document_is_read_as_html(lint, ctype):
    # Bulk-mail tools send HTML with no (or a wrong) Content-Type; clients
    # render it, so tags are not prose and a link's words are one phrase.
    body = ('<!-- saved --><HTML><BODY><FONT size=2><P>Our target audience loves it.'
            '<A HREF="mailto:a@b.example?Subject=Info">Click HERE</A>&nbsp;</P></BODY></HTML>\n')
    text = eml("From: a@b.example\nSubject: Spring news\n" + ctype, body)
    diagnostics = lint(text, "email", select=["TL101", "TL403"])
    assert pairs(diagnostics) == [("TL101", "target audience"), ("TL403", "Click HERE")]


@pytest.mark.parametrize("cte,body", [
    ("7bit", "Reach our target audience today.\n"),
    ("quoted-printable", "Reach our target audience =E2=80=94 today.\n"),
], ids=["7bit", "qp"])
def test_eml_unknown_charset_name_keeps_the_body(lint, cte, body):
    # Seen in bulk mail: charset="DEFAULT_CHARSET".  The body must still be read.
    text = eml("From: a@b.example\nSubject: News\nMIME-Version: 1.0\n"
               f'Content-Type: text/plain; charset="DEFAULT_CHARSET"\nContent-Transfer-Encoding: {cte}', body)
    diagnostics = lint(text, "email", select=["TL101"])
    assert [d.rule for d in diagnostics] == ["TL101"]
    if cte == "7bit":  # verbatim: an exact span
        assert diagnostics[0].matched == "target audience"


def test_eml_plain_text_that_mentions_a_tag_stays_plain(lint):
    text = eml("From: a@b.example\nSubject: Re: templates\nContent-Type: text/plain",
               "Put <html> at the top of our target audience page, then <body>.\n")
    diagnostics = lint(text, "email", select=["TL101"])
    assert pairs(diagnostics) == [("TL101", "target audience")]
    assert "<html>" in text[: diagnostics[0].start]


def test_eml_many_unclosed_comments_before_the_body_finish(lint):
    # The HTML sniff skips leading comments; a body of openers without a
    # closer must not backtrack for ever.
    for body in ("<!-- a -->" * 400 + "x our users\n", "<!--" * 1024 + "\n"):
        lint(eml("From: a@b.example\nSubject: hi", body), "email")


@pytest.mark.parametrize(
    "text",
    ["", "no headers, just our target audience\n", "Subject:\n\n", "Content-Type: multipart/mixed\n\n--x\n",
     "Subject: hi\r\nContent-Type: text/plain\r\n\r\nOur users\r\n"],
    ids=["empty", "no-headers", "empty-subject", "broken-multipart", "crlf"],
)
def test_eml_odd_messages_do_not_crash(lint, text):
    lint(text, "email")


def test_eml_crlf_positions(lint):
    text = "Subject: Shop now\r\nContent-Type: text/plain\r\n\r\nHi,\r\nour users and the target audience\r\n"
    assert positions(text, lint(text, "email", select=["TL1", "TL401"])) == [
        ("TL401", 1, 10), ("TL103", 5, 1), ("TL101", 5, 19),
    ]


# --------------------------------------------------------------------------- plain text

def test_plain_text_is_all_prose(lint):
    text = "Subject line: buy now\n\n```\nour users love it\n```\n<!-- reach the masses -->\nhttps://x.example/ eyeballs\n"
    assert pairs(lint(text, "text", select=["TL1", "TL401"])) == [
        ("TL401", "buy now"), ("TL103", "our users"), ("TL106", "reach the masses"), ("TL105", "eyeballs"),
    ]


def test_plain_text_positions_with_mixed_line_endings(lint):
    text = "one\rtwo\r\nthree our users\nfour the target audience\n"
    assert positions(text, lint(text, "text", select=["TL1"])) == [("TL103", 3, 7), ("TL101", 4, 10)]


# --------------------------------------------------------------------------- every format, one invariant

@pytest.mark.parametrize("fmt", ["markdown", "html", "email", "text"])
def test_examples_hold_the_span_invariant_in_every_format(lint, fmt):
    from conftest import EXAMPLES

    text = (EXAMPLES / "pushy-launch-email.md").read_text(encoding="utf-8")
    if fmt == "email":
        text = "Subject: Planwise 3.0\nContent-Type: text/plain; charset=utf-8\n\n" + text
    elif fmt == "html":
        text = "<html><body><p>" + text.replace("\n\n", "</p>\n<p>") + "</p></body></html>"
    assert lint(text, fmt)  # the fixture checks every finding's span


def test_no_match_runs_across_removed_markup_but_soft_line_breaks_join():
    """A URL or inline code taken out of the prose leaves a gap no phrase or
    regex may cross; a wrapped line is still one sentence."""
    from tonelint import lint_text

    found = {(d.rule, d.matched) for d in lint_text(
        "Sign `--verbose` up for logs. Wow https://example.com/x !!\n\nOur blender is here. Sign\nup today.")}
    assert not any(rule == "TL401" and "verbose" in m for rule, m in found)
    assert not any(rule == "TL205" for rule, _ in found)
    assert ("TL401", "Sign\nup today") in found


@pytest.mark.parametrize("html, rule, matched", [
    ('<a href="#"><div>Click here</div></a>', "TL403", "Click here"),  # a block inside a link: button markup
    ('<p>Our blog is here.<br>Read it <a href="#">Learn<br>more</a></p>', None, None),
    ("<html><head><title>Hi</title><body><p>Our industry-leading platform.</p>", "TL203", "industry-leading"),
])
def test_html_links_across_blocks_and_an_omitted_head(lint, html, rule, matched):
    found = [(d.rule, d.matched) for d in lint(html, "html")]
    if rule:
        assert (rule, matched) in found
    else:  # "Learn<br>more" is one link whose text is "Learn more"
        assert ("TL403", "Learn<br>more") in found


def test_html_entities_without_semicolon_keep_text_and_offsets():
    from tonelint.markup import parse

    src = "<p>AT&T and &amp more &#37 off</p>"
    (seg,) = parse(src, "html").segments
    assert seg.text == "AT&T and & more % off"
    for i, ch in enumerate(seg.text):
        if seg.is_verbatim(i, i + 1):
            assert src[seg.to_source(i)] == ch


def test_plain_text_crlf_single_break_is_not_a_paragraph_break():
    from tonelint.markup import parse

    assert [s.text for s in parse("We make tools\r\nfor you.\r\n\r\nNext.", "text").segments] == [
        "We make tools\r\nfor you.", "Next."]


def test_email_folded_subject_is_one_opening_line():
    from tonelint import lint_text

    eml = ("From: a@example.com\r\nSubject: Our planner is here, so sign\r\n\tup now\r\nTo: b@example.com\r\n\r\n"
           "Hello there.\r\n")
    found = [(d.rule, d.matched) for d in lint_text(eml, fmt="email")]
    assert ("TL401", "sign\r\n\tup now") in found


# --------------------------------------------------------------------------- the front-end registry


@pytest.mark.parametrize("name", list(FRONT_ENDS))
def test_every_registered_front_end_is_what_markup_and_suffixes_offer(name):
    from importlib import import_module

    from tonelint.cli import check
    from tonelint.source.files import format_for

    front = FRONT_ENDS[name]
    assert list(FRONT_ENDS) == list(next(p for p in check.params if p.name == "markup").type.choices)
    assert callable(getattr(import_module(front.module), front.function))
    assert front.suffixes and all(format_for(f"draft{s}") == name for s in front.suffixes)
    parsed = parse("Subject: Hi\n\nWe think you will like it.\n", name)
    assert isinstance(parsed, Parsed) and any("like it" in seg.text for seg in parsed.segments)


def test_a_github_alert_marker_is_markup_not_prose():
    # "> [!NOTE]" opens an alert box on GitHub; read as words, its "[!" was a sentence that shouted.
    parsed = parse("> [!NOTE]\n> Build faster with the app builder.\n\n> [!warning]\n> Keys are secret.\n",
                   "markdown")
    assert [s.text for s in parsed.segments] == ["Build faster with the app builder.", "Keys are secret."]
    # a link in brackets that only looks like one stays prose
    assert [s.text for s in parse("See [!important] notes.\n", "markdown").segments] == ["See [!important] notes."]
