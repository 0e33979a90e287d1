"""The three review drafts of issue 13 (../shared/review-drafts/, read at run
time; skipped when absent): the scorecard ranks them as an editor does, and
each gets the findings its README row names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import REVIEW_DRAFTS as DRAFTS
from conftest import run_cli  # the real CLI path

pytestmark = pytest.mark.skipif(not (DRAFTS / "onboarding.md").is_file(), reason="../shared/review-drafts absent")


@pytest.fixture(scope="module")
def scored():
    names = ("linkedin_founder.txt", "cold_outreach.eml", "onboarding.md")
    res = run_cli("--isolated", "--no-cache", "--format", "json", "--score", *(DRAFTS / n for n in names))
    data = json.loads(res.out)
    cards = {Path(c["path"]).name: c for c in data["scorecards"]}
    found: dict = {}
    for f in data["findings"]:
        found.setdefault(Path(f["path"]).name, []).append(f)
    return cards, found


def test_the_scorecard_ranks_the_drafts_as_an_editor_does(scored):
    cards, _ = scored
    brag, cold, welcome = (cards[n]["score"] for n in ("linkedin_founder.txt", "cold_outreach.eml", "onboarding.md"))
    assert brag < 50 and cold < 50
    assert welcome >= 60 and welcome > max(brag, cold)


def test_the_card_lists_the_acts_it_counted(scored):
    cards, _ = scored
    cold = cards["cold_outreach.eml"]
    assert cold["genre"] == "promotional" and "PipeForge" in cold["brand"]
    # "Do you have 15 minutes … for a quick demo?" is an ask, never a question to the reader.
    assert cold["acts"]["ask"] >= 1 and cold["listening"]["questions"] == 0
    welcome = cards["onboarding.md"]
    assert welcome["acts"]["value"] >= 3  # the numbered how-to steps
    assert welcome["give_vs_ask"]["asks_first"] is False
    brag = cards["linkedin_founder.txt"]
    assert brag["acts"]["claim"] >= 4 and brag["listening"]["questions"] == 1  # the closing question is real


def rules_of(found, name):
    return {f["rule"] for f in found.get(name, [])}


def test_cold_email_asks_before_value(scored):
    _, found = scored
    (ask,) = [f for f in found["cold_outreach.eml"] if f["rule"] == "TL401"]
    assert ask["matched"].startswith("Do you have 15 minutes")
    assert "the first value comes in sentence" in ask["message"]
    assert ask["genre"] == "promotional"


def test_stacked_asks_in_the_post_and_the_welcome_email(scored):
    _, found = scored
    assert "TL402" in rules_of(found, "linkedin_founder.txt")  # "Like, comment, and share"
    assert "TL402" in rules_of(found, "onboarding.md")  # book a call, join the Slack, follow us
    assert "TL401" not in rules_of(found, "onboarding.md")  # the how-to steps came first


def test_no_listening_finding_where_the_draft_listens(scored):
    _, found = scored
    for name in ("linkedin_founder.txt", "cold_outreach.eml", "onboarding.md"):
        assert "TL301" not in rules_of(found, name), name
