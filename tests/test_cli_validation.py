"""What a first-time user met (issue 17, cases 1-7 and 9): typos in flags are
caught like typos in the config, suppressions after prose work, one finding
per span, --min-score says who failed, wording, inline code in the HTML
report, binary files met while walking a folder, the README's promises."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import one_line

ROOT = Path(__file__).resolve().parent.parent
PUSHY = "# Big news!!!\n\nWe are thrilled to announce our industry-leading app. Our target audience will love it.\n"


# --- case 1: flags are validated like the config ----------------------------------------------

@pytest.mark.parametrize("flag", ["--select", "--ignore", "--extend-select"])
@pytest.mark.parametrize("fmt", ["text", "github", "json"])
def test_unknown_rule_in_a_flag_is_exit_2_with_a_hint(cli, write, flag, fmt):
    draft = write("d.md", PUSHY)
    res = cli(flag, "TL4O3", "--format", fmt, draft)
    assert res.code == 2
    assert one_line(res.err) == f"{flag}: 'TL4O3' matches no rule; did you mean 'TL403'?"


def test_flag_and_config_say_the_same(cli, write):
    draft = write("d.md", PUSHY)
    cfg = write("cfg.yaml", "select: [TL4O3]\n")
    from_config = one_line(cli("--config", cfg, draft).err)
    from_flag = one_line(cli("--select", "TL4O3", draft).err)
    assert from_config.endswith(": select: " + from_flag.split(": ", 1)[1])


def test_report_validates_its_flags_too(cli, write, tmp_path):
    res = cli("report", "-o", tmp_path / "r.html", "--ignore", "TL4O3", write("d.md", PUSHY))
    assert res.code == 2 and "did you mean 'TL403'?" in one_line(res.err)
    assert not (tmp_path / "r.html").exists()


@pytest.mark.parametrize("selection", ["TL4", "tl403", "ALL", "TL403,TL1"])
def test_known_ids_and_prefixes_pass(cli, write, selection):
    assert cli("--select", selection, write("d.md", PUSHY)).code in (0, 1)


# --- case 2: a plain-text suppression after prose -----------------------------------------------

def test_plain_text_suppression_after_prose_silences_its_line(cli, write):
    draft = write("d.txt", "Our target audience loves this. tonelint: ignore TL101\nOur target audience again.\n")
    res = cli("--select", "TL101", "--format", "json", "--no-score", draft)
    lines = [f["line"] for f in json.loads(res.out)]
    assert lines == [2]


def test_a_plain_text_directive_is_not_prose(cli, write):
    """The next line's finding is rewritten from that line alone, not from
    "tonelint: ignore TL101" run into it."""
    draft = write("d.txt", "Our target audience loves this. tonelint: ignore TL101\nOur target audience again.\n")
    res = cli("--select", "TL101", "--format", "json", "--no-score", draft)
    (finding,) = json.loads(res.out)
    assert finding["line"] == 2 and finding["rewrite"] == "Our readers again."


def test_unused_plain_text_suppression_after_prose_is_reported(cli, write):
    draft = write("d.txt", "Plain words here. tonelint: ignore TL101\n")
    res = cli("--select", "TL101", "--report-unused-suppressions", "--format", "json", "--no-score", draft)
    assert [f["line"] for f in json.loads(res.out)] == [1]


# --- case 3: one finding per span and concern -------------------------------------------------------

HOUSE_EYEBALLS = """id: HOUSE1
name: house-eyeballs
family: audience
kind: existence
level: warning
description: Our style guide bans it too.
message: '"{match}" is not how we talk about readers'
rationale: House style.
rewrite: Say readers.
match:
  phrases: [more eyeballs]
examples:
  bad: [More eyeballs.]
  good: [More readers.]
"""


@pytest.mark.parametrize("text", ["Our launch needs more eyeballs.\n", "We have one offer. Buy it ONLY!\n",
                                  "Don't miss out on the spring sale.\n"])
def test_one_finding_per_span(cli, write, tmp_path, text):
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "house.yaml").write_text(HOUSE_EYEBALLS, encoding="utf-8")
    draft = write("d.md", text)
    res = cli("--format", "json", "--no-score", "--select", "ALL", "--rule-path", tmp_path / "pack", draft)
    spans: dict = {}
    for f in json.loads(res.out):
        if f["rule"] in ("TL201", "TL301"):  # the whole draft: another concern, anchored on some words
            continue
        key = (f["line"], f["column"], f["end_line"], f["end_column"], f["family"])  # one per span and concern
        spans.setdefault(key, []).append(f["rule"])
    assert all(len(rules) == 1 for rules in spans.values()), spans


def test_the_folded_rule_is_named_in_the_message(cli, write, tmp_path):
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "house.yaml").write_text(HOUSE_EYEBALLS, encoding="utf-8")
    draft = write("d.md", "Our launch needs more eyeballs.\n")
    res = cli("--format", "json", "--no-score", "--rule-path", tmp_path / "pack", draft)
    (finding,) = [f for f in json.loads(res.out) if f["matched"] in ("eyeballs", "more eyeballs")]
    assert finding["rule"] == "TL105" and finding["fix"]  # the substitution, with its fix, wins
    assert "is not how we talk about readers" in finding["message"] and "(HOUSE1)" in finding["message"]


# A newsletter whose ask is also fake urgency, with a tip after it for the ask to follow.
NEWSLETTER = ("Welcome to the Planwise newsletter for March.\n\n"
              "Don't miss out on Planwise Pro. Here's how to plan a week in ten minutes: list three outcomes, "
              "then block time for each.\n\nSee you next month.\n")


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_an_urgent_premature_ask_is_one_finding_naming_both_rules(cli, write, fmt):
    """Nothing to move it after: the urgency finding wins with its rewritten
    sentence, and the premature ask rides in its message."""
    draft = write("d.md", "Don't miss out on the spring sale.\n")
    res = cli("--format", fmt, "--no-score", draft)
    if fmt == "json":
        got = [(f["rule"], f["message"], f["rewrite"]) for f in json.loads(res.out) if f["matched"] == "Don't miss out"]
    else:
        got = [(r["ruleId"], *r["message"]["text"].split("\nRewrite: ")) for r in json.loads(res.out)["runs"][0]["results"]
               if r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "Don't miss out"]
    ((rule, message, rewrite),) = got
    assert rule == "TL404" and rewrite == "The spring sale."
    assert "pressures the reader" in message and "before the reader has been given anything" in message
    assert "(TL401)" in message


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_the_premature_ask_with_a_move_wins_and_keeps_its_fix(cli, write, fmt):
    draft = write("news.md", NEWSLETTER)
    res = cli("--format", fmt, "--no-score", draft)
    if fmt == "json":
        got = [(f["rule"], f["message"], f["fix_applicability"]) for f in json.loads(res.out)
               if f["matched"] == "Don't miss out"]
    else:
        got = [(r["ruleId"], r["message"]["text"], "fixes" in r) for r in json.loads(res.out)["runs"][0]["results"]
               if r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "Don't miss out"]
    ((rule, message, fix),) = got
    assert rule == "TL401" and fix in ("unsafe", True)
    assert "pressures the reader instead of giving them a reason (TL404)" in message


def test_unsafe_fix_moves_the_folded_ask_and_the_urgency_is_then_its_own_finding(cli, write):
    draft = write("news.md", NEWSLETTER)
    assert cli("--fix", "--no-score", draft).code == 1
    assert draft.read_text(encoding="utf-8") == NEWSLETTER  # the move is unsafe: --fix alone leaves it
    res = cli("--fix", "--unsafe-fixes", "--no-score", draft)
    assert "Fixed 1 finding" in res.out
    moved = draft.read_text(encoding="utf-8")
    assert moved == ("Welcome to the Planwise newsletter for March.\n\n"
                     "Here's how to plan a week in ten minutes: list three outcomes, then block time for each. "
                     "Don't miss out on Planwise Pro.\n\nSee you next month.\n")
    after = json.loads(cli("--format", "json", "--no-score", draft).out)
    assert [f["rule"] for f in after if f["matched"] == "Don't miss out"] == ["TL404"]  # no longer premature
    cli("--fix", "--unsafe-fixes", "--no-score", draft)
    assert draft.read_text(encoding="utf-8") == moved  # a second --fix is a no-op


# --- case 4: --min-score says which draft failed -----------------------------------------------

@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "junit"])
def test_min_score_names_the_draft_even_when_quiet(cli, write, fmt):
    low = write("low.md", PUSHY)
    res = cli("-q", "--min-score", "100", "--format", fmt, low)
    assert res.code == 1
    named = [line for line in res.err.splitlines() if "low.md" in line and "--min-score 100" in line]
    assert len(named) == 1, res.err


# --- case 5: wording -----------------------------------------------------------------------------

def test_channel_flag_error_is_not_doubled(cli, write):
    res = cli("--channel", "emial", write("d.md", PUSHY))
    assert res.code == 2
    assert one_line(res.err) == "--channel: unknown channel 'emial'; did you mean 'email'?"


def test_channel_error_in_config_has_a_line(cli, write):
    cfg = write(".tonelint.yaml", "brand: [Acme]\nchannel: emial\n")
    res = cli("--config", cfg, write("d.md", PUSHY))
    assert res.code == 2
    assert re.search(r"\.tonelint\.yaml:2: channel: unknown channel 'emial'; did you mean 'email'\?$",
                     one_line(res.err))


def test_level_error_lists_the_choices_once(cli, write):
    cfg = write(".tonelint.yaml", "level: {TL101: bogus}\n")
    res = cli("--config", cfg, write("d.md", PUSHY))
    assert one_line(res.err).endswith("(expected error, warning, suggestion or off)")


def test_counts_are_pluralised(cli, write):
    # One reader word against many sender words: TL201's message counts both.
    draft = write("d.md", "We are thrilled to announce our new app. We built it with our best engineers, and our team "
                          "spent a year on it. We think our design is the finest we have made, and our partners agree "
                          "with us. We tested it in our labs and our offices across the country. We will keep "
                          "improving our product every month, because we care about our work and our name. Buy it "
                          "today and you will see.\n")
    res = cli("--format", "json", "--no-score", "--select", "TL201", draft)
    messages = [f["message"] for f in json.loads(res.out)]
    assert messages, res.err
    assert not any(re.search(r"\b1 times\b", m) for m in messages), messages
    assert any("to the reader 1 time " in m for m in messages), messages


def test_ask_message_reads_as_english(cli, write):
    draft = write("d.md", "Thanks for reading.\n\nA long paragraph about us, our team and our history.\n\n"
                          "Buy now and sign up today.\n")
    res = cli("--format", "json", "--no-score", "--select", "TL401", draft)
    assert not any("(any value)" in f["message"] for f in json.loads(res.out))


def test_html_report_says_needs(cli, write, tmp_path):
    html = tmp_path / "r.html"
    cli("report", "-o", html, write("d.md", "Buy now!!! Our target audience will love it.\n"))
    page = html.read_text(encoding="utf-8")
    assert "suggestion need a" not in page and "suggestions needs a" not in page


# --- case 6: inline code in the HTML report --------------------------------------------------------

def test_html_report_keeps_inline_code(cli, write, tmp_path):
    html = tmp_path / "r.html"
    draft = write("d.md", "The `--zap-it` flag and the `lint_text` helper are names in our API.\n")
    res = cli("report", "-o", html, draft)
    assert res.code == 0, res.err
    page = html.read_text(encoding="utf-8")
    assert "<code>--zap-it</code> flag and the <code>lint_text</code> helper" in page


# --- case 7: binary files found while walking a folder --------------------------------------------

def test_binary_file_in_a_folder_is_skipped_with_a_note(cli, tmp_path):
    (tmp_path / "a.md").write_text("Plain words for you. What do you think?\n", encoding="utf-8")
    (tmp_path / "junk.eml").write_bytes(b"From: a\n\n\x00\x01\x02binary")
    res = cli("--no-score", tmp_path)
    assert res.code == 0, res.err
    assert "junk.eml" in one_line(res.err) and "skipped" in res.err


def test_binary_file_named_on_the_command_line_is_still_exit_2(cli, tmp_path):
    bad = tmp_path / "junk.md"
    bad.write_bytes(b"\x00\x01binary")
    assert cli("--no-score", bad).code == 2


# --- case 9: the README's promises ---------------------------------------------------------------

def test_readme_summary_line_shows_the_elapsed_time(cli, write):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    samples = re.findall(r"^Checked \d+ files?: .*$", readme, re.M)
    assert samples
    for sample in samples:
        assert re.search(r"\(\d+\.\d\ds\)$", sample), sample
    real = cli("--no-score", write("d.md", PUSHY)).out.splitlines()[-1]
    assert re.search(r"\(\d+\.\d\ds\)$", real)


def test_readme_mentions_the_size_limit_and_the_install_note():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "--max-file-size" in readme
    actions = readme[readme.find("pip install tonelint"):][:600]
    assert "pip install tonelint" in readme and re.search(r"not (yet )?(been )?published|until .*publish", actions)


def test_rules_of_different_families_on_the_same_words_stay_two_findings():
    """Shouting and fake urgency on "NOW!" are two concerns: only one family's findings fold."""
    from tonelint.diagnostics import Diagnostic, Level
    from tonelint.engine.precedence import one_per_span

    def finding(rule, family):
        return Diagnostic(rule, family, Level.WARNING, 5, 9, "NOW!", f"{rule} says so", "why", "rewrite")

    kinds = {"TL207": "existence", "TL404": "existence", "TL206": "existence"}
    two = one_per_span([finding("TL207", "one-way"), finding("TL404", "ask")], kinds)
    assert [d.rule for d in two] == ["TL207", "TL404"] and not any(d.folded for d in two)
    (one,) = one_per_span([finding("TL206", "one-way"), finding("TL207", "one-way")], kinds)
    assert one.rules == ("TL206", "TL207") and "TL207" in one.message
