"""The scorecard on hand-made drafts where the right number is obvious, and the
CLI surface: --no-score, --score for JSON, --min-score exit codes."""

from __future__ import annotations

import json

import pytest

from tonelint.api import check_text, default_engine
from tonelint.engine.core import Settings
from tonelint.score.scorecard import WEIGHTS, score_result, verdict_for

from conftest import EXAMPLES


def card(text: str, **kwargs):
    return score_result(check_text(text, path="draft.md", **kwargs))


def test_reader_focus_counts_sentences_to_the_reader_and_about_the_sender():
    c = card("We built a planner. You plan your week on Sunday. You keep it in your bag.")
    assert (c.counts["reader"], c.counts["sender"]) == (4, 1)  # words, still listed
    assert (c.reader_sentences, c.sender_sentences) == (2, 1)
    assert c.reader_share == pytest.approx(2 / 3)
    assert c.parts["reader_focus"] == 30  # 67% is above the 60% target


def test_claims_count_as_talk_about_the_sender():
    c = card("We think we made our app better. It is the leading planner. It is trusted by 400 teams. You can try it.")
    assert (c.reader_sentences, c.sender_sentences) == (1, 3)
    assert c.reader_share == pytest.approx(0.25)
    assert c.parts["reader_focus"] == pytest.approx(30 * 0.25 / 0.6, abs=0.05)


def test_no_person_words_gets_half_marks_for_focus():
    c = card("The build runs on Linux and macOS.")
    assert c.reader_share is None
    assert c.parts["reader_focus"] == 15
    # Nothing asked, nothing hyped, nobody listened to: 15 + 10 + 10 + 0 + 30.
    assert c.score == 65


def test_brand_names_count_as_sender_words():
    engine = default_engine(Settings(brand=("Planwise",)))
    c = score_result(check_text("Planwise helps you. Planwise is new.", engine=engine))
    assert c.counts["sender"] == 2


def test_ask_before_value_is_measured_by_sentence_and_share():
    c = card("Sign up now. Here's how to plan a week: write three dinners down.")
    assert (c.value_sentences, c.ask_sentences) == (1, 1)
    assert (c.first_ask, c.first_value) == (0, 1)
    assert c.first_ask_share == 0.0
    assert c.asks_first
    assert c.parts["give_first"] == 0
    assert c.parts["give_vs_ask"] == 10  # one value sentence per ask


def test_value_before_ask_gets_full_marks_and_the_ask_position():
    first = "Here's how to plan a week: write three dinners down."
    c = card(f"{first} If it helps, sign up today.")
    assert (c.first_value, c.first_ask) == (0, 1)
    assert not c.asks_first
    assert c.parts["give_first"] == 10
    # The ask starts after the first sentence: its share is that sentence's share of the prose.
    second = "If it helps, sign up today."
    assert c.first_ask_share == pytest.approx(len(first) / (len(first) + len(second)), abs=0.03)
    assert c.as_dict()["give_vs_ask"]["first_ask"]["sentence"] == 2


def test_more_asks_than_value_lowers_the_balance():
    c = card("Here's how to save time: plan on Friday. Sign up now. Follow us on LinkedIn. Book a demo.")
    assert (c.value_sentences, c.ask_sentences) == (1, 3)
    assert c.parts["give_vs_ask"] == pytest.approx(10 / 3, abs=0.05)


def test_three_asks_in_one_sentence_are_three_asks():
    c = card("Here's how to save time: plan on Friday. Like, comment, and share this post.")
    assert (c.value_sentences, c.ask_sentences, c.counts["ask"]) == (1, 1, 3)
    assert c.parts["give_vs_ask"] == pytest.approx(10 / 3, abs=0.05)


def test_an_ask_put_as_a_question_is_not_listening():
    c = card("Our platform helps finance teams close faster. Do you have 15 minutes on Thursday for a quick demo?")
    assert (c.questions, c.ask_sentences) == (0, 1)
    assert c.parts["listening"] == 0


def test_listening_counts_questions_invitations_acknowledgements():
    c = card("You told us the app was slow. Is your week busy? Hit reply.")
    assert (c.questions, c.invitations, c.acknowledgements) == (1, 1, 1)
    assert c.parts["listening"] == 20
    silent = card("The app is faster now. It opens in a second.")
    assert (silent.questions, silent.invitations, silent.acknowledgements) == (0, 0, 0)
    assert silent.parts["listening"] == 0


def test_audience_phrases_and_claim_sentences_cost_seven_and_a_half_points_each():
    c = card("Our target audience loves this revolutionary, world-class app.")
    assert (c.audience, c.hype) == (1, 1)  # one claim sentence, however many hype words
    assert c.parts["clean_language"] == 15


def test_score_is_the_sum_of_parts_and_weights_add_to_100():
    assert sum(WEIGHTS.values()) == 100
    c = card("We think we made our app better for you. Sign up now.")
    assert c.score == round(sum(c.parts.values()))
    assert verdict_for(90) == "talks with the reader"
    assert verdict_for(45) == "mostly broadcast"
    assert verdict_for(10) == "talks at the reader"


def test_deselected_rules_still_measure():
    text = "Our target audience loves this revolutionary app. We think we know our users. Sign up now."
    full = card(text)
    only_audience = card(text, select=["TL1"])
    assert {d.rule[:3] for d in check_text(text, select=["TL1"]).diagnostics} == {"TL1"}
    assert only_audience.as_dict() == full.as_dict()
    assert only_audience.counts["sender"] == full.counts["sender"] > 0


def test_bundled_examples():
    good = card((EXAMPLES / "conversational-email.md").read_text(encoding="utf-8"))
    bad = card((EXAMPLES / "pushy-launch-email.md").read_text(encoding="utf-8"))
    assert good.score >= 80 and bad.score < 40
    assert bad.asks_first and bad.first_ask == 0 and bad.value_sentences == 0
    # 19, not 20: the "us" of "Follow us on LinkedIn" is the reader asked to act, not the sender talking
    assert (bad.counts["reader"], bad.counts["sender"]) == (1, 19)
    assert (bad.genre, good.genre) == ("promotional", "promotional")


# CLI -----------------------------------------------------------------------------

def test_text_output_shows_scorecard_and_no_score_hides_it(cli, write):
    path = write("d.md", "We built a planner. You plan your week and you keep it.\n")
    shown = cli(str(path))
    assert "conversation score" in shown.out
    assert "1 sentence to the reader, 1 about the sender or making claims (reader share 50%)" in shown.out
    assert "genre           promotional (from the text)" in shown.out
    hidden = cli(str(path), "--no-score")
    assert "conversation score" not in hidden.out
    assert shown.code == hidden.code
    assert "conversation score" not in cli(str(path), "--quiet").out


def test_json_default_is_unchanged_and_score_is_opt_in(cli):
    pushy = str(EXAMPLES / "pushy-launch-email.md")
    plain = json.loads(cli("--format", "json", pushy).out)
    assert isinstance(plain, list) and plain and "rule" in plain[0]
    scored = json.loads(cli("--format", "json", "--score", pushy).out)
    assert scored["findings"] == plain
    (sc,) = scored["scorecards"]
    assert sc["path"] == pushy and sc["score"] < 40
    # "Follow us on LinkedIn" asks the reader to act; its "us" is not the sender talking (19 words, 8 sentences)
    assert sc["reader_focus"] == {"reader": 1, "sender": 19, "reader_share": 0.111, "reader_sentences": 1,
                                  "sender_sentences": 8}
    assert sc["genre"] == "promotional" and sc["acts"]["ask"] >= 1
    assert sc["give_vs_ask"]["first_ask"] == {"sentence": 1, "share": 0.0}


def test_min_score_exit_codes(cli):
    good = str(EXAMPLES / "conversational-email.md")
    pushy = str(EXAMPLES / "pushy-launch-email.md")
    assert cli(good, "--min-score", "80").code == 0
    below = cli(pushy, "--min-score", "40", "--exit-zero")
    assert below.code == 1  # the score gate holds even with --exit-zero
    assert "below --min-score 40" in below.out
    assert cli(pushy, "--exit-zero").code == 0
    assert cli(pushy, "--exit-zero", "--min-score", "0").code == 0
    assert cli(good, "--min-score", "101").code == 2


def test_readme_scorecard_block_is_what_the_cli_prints(cli):
    """The README explains the examples' numbers; they must be the real ones."""
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ tonelint examples/conversational-email.md\n", 1)[1].split("```", 1)[0]
    out = cli("--isolated", EXAMPLES / "conversational-email.md").out
    for line in block.strip().splitlines():
        assert line in out.replace(str(EXAMPLES.parent) + "/", ""), line


def test_scorecard_counts_the_same_hits_the_rules_report():
    """One engine: the card's hype and audience counts are the rules' findings,
    and its sender/reader counts are the numbers in TL201's message."""
    text = (EXAMPLES / "pushy-launch-email.md").read_text(encoding="utf-8")
    result = check_text(text)
    card = score_result(result)
    rules = [d.rule for d in result.diagnostics]
    # Claims are counted per sentence: every sentence a hype or brag rule flags is one of them.
    spans = [result.facts.source_span(s) for s in result.facts.sentences]
    hype_sentences = {i for d in result.diagnostics if d.rule in ("TL203", "TL208", "TL209", "TL210", "TL211")
                      for i, (a, b) in enumerate(spans) if a <= d.start < b}
    assert hype_sentences and card.hype >= len(hype_sentences)
    assert card.audience == sum(1 for r in rules if r.startswith("TL1"))
    (ratio,) = [d for d in result.diagnostics if d.rule == "TL201"]
    def times(n: int) -> str:
        return f"{n} time{'s' if n != 1 else ''}"

    assert f"sender {times(card.counts['sender'])} and to the reader {times(card.counts['reader'])} (" in ratio.message
    (ask,) = [d for d in result.diagnostics if d.rule == "TL401"]
    assert card.asks_first and card.first_ask == 0 and ask.matched == "Sign up now"
