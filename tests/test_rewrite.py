"""Rewrites are about the draft's own sentence (issue 14): each finding gets
the sentence rewritten from its words, the sentence as its fix leaves it, or
an instruction that quotes the draft; a word swap is a fix only where the
sentence still reads; the channel decides how the reader answers."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from tonelint.api import check_text, default_engine
from tonelint.engine.core import Settings
from tonelint.engine.fixes import fix_text
from conftest import SHARED

MODERN = SHARED / "eval-modern" / "corpus.jsonl"


def findings(text: str, fmt: str = "markdown", channel: str | None = None, **kw):
    engine = default_engine(Settings(channel=channel), select=tuple(kw.get("select") or ()) or None) if channel else None
    return check_text(text, fmt=fmt, engine=engine, **kw).diagnostics


def one(text: str, rule: str, **kw):
    found = [d for d in findings(text, **kw) if d.rule == rule]
    assert found, f"no {rule} in {[d.rule for d in findings(text, **kw)]}"
    return found[0]


def fixed(text: str, unsafe: bool = True, **kw) -> str:
    return fix_text(text, lambda t: findings(t, **kw), unsafe=unsafe).text


# The four drafts of issue 14's "what an editor would have written".

def test_subject_with_an_ask_becomes_product_what_it_does_and_the_offer():
    draft = ("---\nsubject: \"BUY NOW and save 40% on the all-new AcmeSuite 5!\"\nchannel: email\n---\n\n"
             "Hi Dana,\n\nAcmeSuite 5 builds your weekly report for you: connect your sales and support tools once,\n"
             "and every Monday the numbers are waiting in your inbox.\n\nThe launch price is 40% off until Friday.\n")
    d = one(draft, "TL401")
    assert d.rewrite_kind == "sentence"
    assert d.rewrite == "AcmeSuite 5 builds your weekly report for you — 40% off until Friday"
    assert d.rewrite_span == (draft.index("BUY NOW"), draft.index("5!\"") + 2)


def test_target_audience_of_x_becomes_x_and_the_fix_reads():
    text = "Our target audience of growth-stage companies will love our new features. Book a demo today.\n"
    d = one(text, "TL101")
    assert d.rewrite_kind == "fix"
    assert d.rewrite == "Growth-stage companies will love our new features."
    assert fixed(text, select=["TL101"]).startswith("Growth-stage companies will love our new features.")


OUTAGE = """From: Acme Cloud <news@acmecloud.example>
To: Dana Reyes <dana@example.com>
Subject: We apologize for the service disruption
Content-Type: text/plain; charset=utf-8

Dear valued customer,

We sincerely apologize for any inconvenience caused by yesterday's service
disruption. We apologize again for the trouble this may have caused. At Acme
Cloud we value our customers, and we are committed to providing our customers
with the best possible service. We are working hard to make sure it never
happens again.

Thank you for your patience. Upgrade now to Acme Cloud Premium for priority
support!

The Acme Cloud Team
"""


def test_an_apology_gets_what_happened_what_was_done_what_the_reader_can_do():
    found = {d.rule: d for d in findings(OUTAGE, fmt="email")}
    assert found["TL109"].rewrite == "Hi Dana,"  # the To header's name
    # The upsell after the apology gives nothing, but follows no claim either:
    # the broadcast check (TL301) carries the apology's rewrite.
    for rule in ("TL301",):
        text = found[rule].rewrite
        assert "We sincerely apologize for any inconvenience" in text  # quotes this draft
        for part in ("what happened", "what you did about it", "what the reader can do", "reply to this email"):
            assert part in text


def test_a_social_sale_post_leads_with_the_offer_and_asks_a_question_to_answer_below():
    text = "Don't miss out!!! Shop now at MegaMart — our BIGGEST sale ever. 40% off everything until Sunday.\n"
    # TL401 alone: with TL404 on, "Don't miss out" is one fake-urgency finding naming TL401 (precedence.py)
    d = one(text, "TL401", fmt="text", channel="social", select=["TL401"])
    assert '"40% off everything until Sunday."' in d.rewrite
    assert "answer below" in d.rewrite and "?" in d.rewrite


# Grammar-safe swaps: a fix only where the sentence still reads.

@pytest.mark.parametrize("text, want", [
    ("The plan was designed for our target audience of busy managers.", "The plan was designed for busy managers."),
    ("Our target audience of busy parents is growing every year.", "Busy parents are growing every year."),
    ("We think our target audience is ready for this.", "We think our readers are ready for this."),
    ("Target audience: developers who build products.", "Who we want to reach: developers who build products."),
])
def test_audience_swaps_that_read(text, want):
    d = one(text, "TL101")
    assert d.fix is not None and d.rewrite == want
    assert fixed(text, select=["TL101"]) == want


@pytest.mark.parametrize("text", [
    "Our customers are our target market.",        # would double: "our customers are our customers"
    "We ran target audience research last spring.",  # a compound: "readers research"
    "Every launch needs a target audience first.",   # "a readers"
    "Our target audience's needs come first.",       # a possessive
])
def test_audience_swaps_that_would_not_read_are_no_fix(text):
    d = one(text, "TL101")
    assert d.fix is None
    assert d.rewrite and d.rewrite_kind in ("sentence", "instruction")


def test_copula_sentence_is_rewritten_around_the_people():
    d = one("Our target audience is busy parents who want quick dinners.", "TL101")
    assert d.fix is None and d.rewrite_kind == "sentence"
    assert d.rewrite == "We write for busy parents who want quick dinners."


def test_eyeballs_next_to_funnel_words_gets_no_swap():
    d = one("Our goal is to turn more eyeballs into conversions this quarter.", "TL105")
    assert d.fix is None and d.rewrite_kind == "instruction"


def test_our_users_who_will_do_something_become_you():
    text = "Our team spent a year on it, and we think our users will love what we built."
    d = one(text, "TL103")
    assert d.rewrite == "Our team spent a year on it, and we think you will love what we built."


# One-way sentences lose the sender's frame.

@pytest.mark.parametrize("text, rule, want", [
    ("We're excited to announce that TCP monitoring is now available in OpenStatus.", "TL202",
     "TCP monitoring is now available in OpenStatus."),
    ("We are thrilled to announce Planwise 3.0.", "TL202", "Planwise 3.0 is here."),
    ("We're thrilled to announce the release of the openstatus CLI.", "TL202", "The openstatus CLI is out."),
    ("Our award-winning, world-class team answers within a day.", "TL203", "Our team answers within a day."),
    ("HUGE SAVINGS ON EVERY ORDER TODAY!", "TL206", "Huge savings on every order today."),
])
def test_one_way_sentence_rewrites(text, rule, want):
    d = one(text, rule)
    assert d.rewrite_kind == "sentence" and d.rewrite == want


def test_pride_frame_around_oneself_is_an_instruction_not_broken_english():
    d = one("I am pleased to introduce myself to you. We sell printer toner at low prices.", "TL202", fmt="text")
    assert d.rewrite_kind == "instruction" and "is here" not in d.rewrite


# The channel decides how the reader answers.

LAUNCH = ("Introducing Planwise 3.0, our new planner. It syncs your calendar and your task list in one view, and it "
          "works offline on every device you own. The new version is available today in the app store and on the "
          "web. Sign up now and get three months free.")


@pytest.mark.parametrize("channel, want", [("email", "reply"), (None, "write to us at [your address]"),
                                           ("landing-page", "write to us at [your address]")])
def test_listening_answer_follows_the_channel(channel, want):
    d = one(LAUNCH, "TL301", fmt="text", channel=channel)
    assert want in d.rewrite.lower() and "Planwise 3.0" in d.rewrite


def test_a_web_page_with_an_address_is_answered_there():
    d = one(LAUNCH + " Questions go to hello@planwise.example.", "TL301", fmt="text", channel="landing-page")
    assert "hello@planwise.example" in d.rewrite


# Structural fixes for the ask family.

def test_premature_ask_moves_after_the_first_value_sentence_and_nothing_else_changes():
    text = ("Welcome to the Planwise newsletter for March.\n\nBook a demo today. Here's how to plan a week in ten "
            "minutes: list three outcomes, then block time for each.\n\nSee you next month.\n")
    d = one(text, "TL401")
    assert d.fix is not None and d.fix.applicability.value == "unsafe"
    assert 'after "Here\'s how to plan a week' in d.rewrite
    out = fixed(text, select=["TL401"])
    assert out == ("Welcome to the Planwise newsletter for March.\n\nHere's how to plan a week in ten minutes: list "
                   "three outcomes, then block time for each. Book a demo today.\n\nSee you next month.\n")
    assert fixed(text, unsafe=False, select=["TL401"]) == text  # unsafe: --fix alone leaves it


def test_stacked_asks_in_one_sentence_merge_into_the_first():
    text = ("Here's how to plan a week in ten minutes: list three outcomes, then block time for each.\n\n"
            "Book a call, follow us on LinkedIn and share this with your team!\n")
    d = one(text, "TL402")
    assert d.rewrite == "Book a call." and d.fix is not None
    assert fixed(text, select=["TL402"]).endswith("\n\nBook a call.\n")


def test_a_fix_that_brings_a_new_finding_is_refused(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "X1.yaml").write_text(
        "id: X1\nname: synergy\nfamily: house\nkind: substitution\nlevel: warning\nmessage: '\"{match}\"'\n"
        "rationale: Test.\nrewrite: 'Say \"{replacement}\".'\nmatch:\n  phrases: [synergy]\n"
        "swap:\n  synergy: more eyeballs\nfix: safe\nexamples:\n  bad: [Pure synergy.]\n  good: [Plain words.]\n",
        encoding="utf-8")
    from tonelint.engine.core import Engine
    from tonelint.rules.loader import load_rules

    engine = Engine(load_rules([pack]))
    text = "We found real synergy in the plan.\n"
    lint = lambda t: check_text(t, engine=engine).diagnostics  # noqa: E731
    assert any(d.rule == "X1" and d.fix for d in lint(text))
    assert fix_text(text, lint).text == text  # "more eyeballs" would be a TL105 finding


# Rewrites are not shared between unrelated drafts.

@pytest.mark.skipif(not MODERN.exists(), reason="../shared/eval-modern is absent")
def test_no_rewrite_is_shared_word_for_word_by_unrelated_drafts():
    engine = default_engine()
    by_text: dict = defaultdict(set)
    for line in MODERN.open(encoding="utf-8"):
        row = json.loads(line)
        for d in check_text(row["text"], fmt="text", engine=engine).diagnostics:
            if len(d.rewrite) >= 40:
                sentence = d.rewrite_span and row["text"][d.rewrite_span[0]:d.rewrite_span[1]]
                by_text[d.rewrite].add((row["id"].rsplit("-", 1)[0], sentence or d.matched.lower()))
    shared = {text: where for text, where in by_text.items() if len({w[1] for w in where}) > 1}
    assert not shared, list(shared.items())[:3]


def test_the_readmes_example_rewrites_are_what_tonelint_prints(monkeypatch):
    """The README shows what an editor-level rewrite looks like on the four
    drafts in examples/rewrites; it went stale once (a folded finding changed
    which rule spoke), so every finding and rewrite line it shows must be in
    the real output."""
    from pathlib import Path

    from conftest import run_cli

    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ tonelint examples/rewrites/\n", 1)[1].split("```", 1)[0]
    shown = [line for line in block.splitlines() if line and line != "…"]
    assert len(shown) >= 8
    monkeypatch.chdir(root)
    printed = run_cli("examples/rewrites/").out.splitlines()
    for line in shown:
        assert line in printed, line
