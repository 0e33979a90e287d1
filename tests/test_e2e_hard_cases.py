"""Hard cases the evaluation on real mail and documentation surfaced (eval/run.py):
each pinned both ways, the sense that must be flagged and the one that must
not.  The texts are short paraphrases written for these tests."""

from __future__ import annotations

import pytest

from tonelint import Level, lint_text


def _rules(text: str, fmt: str = "markdown", level: Level = Level.WARNING) -> set[str]:
    return {r for d in lint_text(text, fmt=fmt) if d.level >= level for r in d.rules}  # folded rules too


CASES = [
    # rule, flagged sense, harmless sense
    ("TL106", "Bulk email gets your message out to the masses.",
     "This week's tutorial brings Java to the masses with a visual editor."),
    ("TL106", "We can reach the masses for under a dollar a name.",
     "Content control for the masses is the real aim of the scheme."),
    ("TL103", "Our users grew 40% this year, so the board wants more seats.",
     "List every change that matters to our users in the release notes."),
    ("TL103", "We will convert our users into paying subscribers by spring.",
     "The admin panel is where we set quotas for our users."),
    ("TL105", "The launch put our product in front of a million eyeballs.",
     "A quick eyeball of the numbers is enough."),
    ("TL203", "Introducing our revolutionary wrinkle cream.",
     "Analysts say the merger's promised synergy never arrived."),
    ("TL203", "We build world-class kitchens for small restaurants.",
     "How much does a cutting-edge PC cost these days?"),
    ("TL206", "Act today.\n\nEARN A FULL INCOME FROM HOME!",
     "Win two tickets to the FORMULA ONE GRAND PRIX!"),
    ("TL206", "HUGE SAVINGS TODAY ONLY!",
     "Live tech help NOW!"),
    ("TL205", "Visit our site, it's time to retire!!",
     "The pattern :/!!foo matches a literal exclamation mark."),
    ("TL205", "Refinance now!!",
     "Yesterday he told me he can't go!! All this time he thought it was on Saturday!!"),
    ("TL206", "You never copy software, right?\n\nOF COURSE YOU DON'T!",
     "You never copy software, right? OF COURSE YOU DON'T! (Good answer.) So could you prove it?"),
    ("TL206", "HUGE NEWS! Our new blender is here.",
     "VIRUSES ARE DEAD. LONG LIVE VIRUSES! - The Register, 27 September"),
    ("TL205", "Prices slashed!!!",
     "!!! note\n    Admonitions in MkDocs start with three marks."),
    ("TL404", "Act now: this offer expires on Friday.",
     "The approval process is a lot of hurry up and wait."),
    ("TL208", "AS SEEN ON NBC, CNN and FOX: the diet that works.",
     "As seen on the dot, a new version of the library is out."),
    # audience, from the census of every message an audience rule flagged
    ("TL103", "We grew our users by 40% last quarter.",
     "All our users connect over POP, so moving mail to another folder is not an option."),
    ("TL101", "Our target market is first-time buyers.",
     "Web builders should support everyone in their target audience."),
    ("TL104", "Our leads come from phone surveys.",
     "The treaty opened new prospects for trade."),
    # (not "500,000 fresh email addresses on one CD": a list for sale is the
    # product, not the reader; blind editors, issue 14)
    ("TL106", "The rebrand helps us reach younger demographics.",
     "Our prospects for next year look brighter than last spring."),
    ("TL102", "The campaign targets busy moms on Instagram.",
     "The package targets developers on Linux."),
    ("TL106", "Our new skincare line is marketed to the masses.",
     "Our servers handle millions of emails a day."),
    ("TL109", "Dear Homeowner,\n\nRates are at a forty-year low.",
     "We thank our dear customers in Leeds for twenty years."),
]


@pytest.mark.parametrize("rule,bad,good", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_flagged_sense_and_harmless_sense(rule, bad, good):
    assert rule in _rules(bad), f"{rule} should flag: {bad!r}"
    assert rule not in _rules(good), f"{rule} should not flag: {good!r}"


def test_a_single_capitalised_word_is_only_a_suggestion():
    text = "Try the new backup tool FREE!"
    assert "TL206" not in _rules(text)
    assert "TL207" in _rules(text, level=Level.SUGGESTION)


def test_sign_up_as_a_project_is_not_an_ask():
    ask = "Sign up now and get the first month free."
    not_ask = "Many projects find it easier to sign up as a new project on the forge."
    assert "TL401" in _rules(ask)
    assert "TL401" not in _rules(not_ask)


NEWSLETTER = """\
Subject: Weekly picks

This week we tested five backup tools on the same laptop and timed a full
restore with each one. The fastest took eleven minutes; the slowest needed an
hour and lost two folders. The full table is on the site.

{footer}
"""


def test_newsletter_housekeeping_is_not_an_ask():
    housekeeping = "To receive this newsletter in HTML format, click here: http://example.com/html"
    sales = "Buy now: http://example.com/store"
    assert "TL401" not in _rules(NEWSLETTER.format(footer=housekeeping), fmt="email")
    # The newsletter gave its test results first, so its shop line is not premature
    # (the message model counts the plain report as given).  The same line before
    # the report asks too early; after a draft that only talks about its sender and
    # gives nothing at all, it is a broadcast (TL301), not an order problem.
    assert "TL401" not in _rules(NEWSLETTER.format(footer=sales), fmt="email")
    first = NEWSLETTER.replace("\n\nThis week", "\n\n" + sales + "\n\nThis week").format(footer="")
    assert "TL401" in _rules(first, fmt="email")
    boast = "Subject: Weekly picks\n\nWe are the biggest backup shop in town. Our team loves backups.\n\n{footer}\n"
    assert _rules(boast.format(footer=sales), fmt="email") & {"TL401", "TL301"} == {"TL301"}


PITCH = """\
Our new backup service is here. It keeps every file you have in three data
centres and restores a whole laptop in minutes, with no setup at all and a
price that will not change next year. Sign up today and the first month is
free for everyone on this list who replies before the end of the month.

{footer}
"""


def test_a_footer_feedback_line_counts_as_listening():
    silent = "Copyright 2026 Example Ltd."
    feedback = "Send all comments and concerns about this mailing to editor@example.com."
    assert "TL301" in _rules(PITCH.format(footer=silent))
    assert "TL301" not in _rules(PITCH.format(footer=feedback))


CHANGELOG = """\
We no longer ship our custom log level, and we no longer read the environment
variable that used to configure logging for us. We moved our retry logic into
the transport, we dropped our old proxy argument, and we renamed our timeout
settings so that we can document them in one place. We also fixed our test
suite on Windows, where we had skipped our slowest cases, and we updated our
contributor guide so that our release steps match what we actually do.
"""


def test_sender_heavy_only_in_drafts_that_promote():
    assert "TL201" not in _rules(CHANGELOG)
    assert "TL201" in _rules(CHANGELOG + "\nUpgrade now to get our latest release.\n")


PERSONAL = """\
Hi all, quick note from the build list. The forge changed its rules last
week, so every fork now has to sign up as a new project before the nightly
jobs run again. I did ours this morning and the builds are green. {ask}
Thanks to everyone who tested the release candidate over the weekend.
"""


def test_sign_up_as_a_project_does_not_make_a_message_promotional():
    # TL301 only judges drafts that ask or promote (its only_if); the
    # description "sign up as a new project" must not count as the ask.
    assert "TL301" not in _rules(PERSONAL.format(ask=""))
    assert "TL301" in _rules(PERSONAL.format(ask="Sign up now for the paid tier."))


TEAM_REQUIRED = """\
id: ACME7
family: listening
kind: required
message: no question for the reader
rationale: Promotions should ask something.
signals:
  - phrases: [what do you think]
    unless: {before: [care]}      # "we don't care what do you think" is not a question
min: 1
only_if:
  phrases: [sign up]
  unless:
    after: [as]
    sentence: {phrases: [project forge]}
"""


@pytest.mark.parametrize("draft,flagged", [
    ("Sign up today and get a free month.", True),
    ("Sign up today and get a free month. So, what do you think?", False),
    ("Sign up today. Nobody will care what do you think.", True),   # signal vetoed by its own unless
    ("Every fork must sign up as a new project.", False),           # only_if vetoed by after
    ("To sign up, open the project forge settings.", False),        # only_if vetoed by sentence
])
def test_unless_works_on_every_matcher_block(cli, write, draft, flagged):
    write("pack/ACME7.yaml", TEAM_REQUIRED)
    write(".tonelint.yaml", "rule-paths: [pack]\nbuiltin: false\n")
    res = cli("--format", "json", str(write("draft.md", draft + "\n")))
    assert res.code == (1 if flagged else 0), res.err
    assert ("ACME7" in res.out) is flagged, res.out + res.err


def test_unless_at_the_top_and_inside_match_is_an_error(cli, write):
    write("pack/ACME8.yaml", "id: ACME8\nfamily: one-way\nkind: existence\nmessage: m\nrationale: r\n"
          "match: {phrases: [synergy], unless: {before: [no]}}\nunless: {after: [ever]}\n")
    write(".tonelint.yaml", "rule-paths: [pack]\nbuiltin: false\n")
    res = cli(str(write("draft.md", "Synergy!\n")))
    assert res.code == 2 and "ACME8.yaml:7: unless: given both at the rule's top level and inside match" in res.err


def test_proud_to_announce_is_one_finding_not_two():
    found = [d.rule for d in lint_text("Globex is proud to announce a partnership with Initech.")
             if d.family == "one-way"]
    assert found == ["TL202"]


# TL401 counts "you can"/"you will" as value given first, but not when the
# sentence is a sales claim: money or earnings, a free offer with a pitch, a
# reaction promised in advance, a word shouted in capitals, an exclamation.
SALES_CLAIM_VS_VALUE = [
    ("You can earn $5,000 a week from your kitchen table. Click here to start.",
     "You can cut your grocery bill by planning three dinners ahead. Click here for the checklist."),
    ("You will receive our FREE report on currency trading. Click here to request it.",
     "You will find the seed-starting steps below, with a photo of each stage. Click here for the printable page."),
    ("You will be amazed at the results. Order now.",
     "You will need a sharp knife and ten minutes for this. Order now if you want the board we use."),
    ("You'll NEVER have to take your PC to the repair shop again. Click here.",
     "You'll find the PDF version of the guide in the archive. Click here to open it."),
    ("You can finally stop worrying about your credit! Click here.",
     "You can check your credit report once a year at no cost. Click here for the steps."),
    ("As you can imagine, I was skeptical at first. Click here to see why. Here's how to read a credit report.",
     "Here's how to read a credit report line by line. Click here to see an example."),
]


# Third pass on the ask list: a phone order line and "place your order" are
# asks (here in the opening, where an ask is premature with nothing given
# first); a local number given for a chat and an order already placed are not.
ORDER_LINE_VS_OTHER = [
    ("Call toll free (888) 555-0199 to order. Our hand-poured candles are back.",
     "The candles are back. If you'd like to talk about an event, call me at 555-0199."),
    ("Call 1-800-555-0142 now. Spring bulbs ship next week.",
     "Spring bulbs ship next week; the depot's number is 1-800-555-0142 if a box goes missing."),
    ("Place your order before Friday. Spring bulbs ship next week.",
     "Spring bulbs ship next week. Thank you to everyone who placed an order in March."),
    ("To order, call our shop on weekdays. The bulb guide is out.",
     "The bulb guide is out. We had to order more paper, so call volumes were high."),
]


TL401_PAIRS = [(f"claim-{i}", *pair) for i, pair in enumerate(SALES_CLAIM_VS_VALUE)] + [
    (f"order-{i}", *pair) for i, pair in enumerate(ORDER_LINE_VS_OTHER)
]


@pytest.mark.parametrize("ask,other", [p[1:] for p in TL401_PAIRS], ids=[p[0] for p in TL401_PAIRS])
def test_premature_ask_both_ways(ask, other):
    assert "TL401" in _rules(ask), f"TL401 should flag: {ask!r}"
    assert "TL401" not in _rules(other), f"TL401 should not flag: {other!r}"


def test_value_promised_in_the_subject_is_not_value_given():
    # "Software that helps you remove negative credit items" as a subject,
    # then straight to the ask: the subject only promised.
    promised = "Subject: Tips that help you save on heating\n\nOrder now and get the guide for $19.\n"
    given = ("Subject: Heating\n\nHere's how to save on heating: bleed the radiators each autumn.\n"
             "Order now if you want the full guide.\n")
    assert "TL401" in _rules(promised, fmt="email")
    assert "TL401" not in _rules(given, fmt="email")


def test_an_offer_to_answer_queries_is_listening():
    pitch = ("We supply business directories for every region of the country, updated each month and "
             "sorted by trade, town and size, so that your sales team always calls the right office first. "
             "Order now and get the full set on one CD.")
    assert "TL301" in _rules(pitch)
    assert "TL301" not in _rules(pitch + " Please do not hesitate to contact us with any queries or concerns.")


def test_a_pitch_put_as_a_question_is_not_listening():
    body = ("Our home study course shows you how to sell at auction from your kitchen table, with twelve "
            "lessons, worksheets and a private forum for students who want to go further. Order now and "
            "the first lesson ships today. ")
    assert "TL301" in _rules(body + "Do you want to earn extra money from home?")
    assert "TL301" in _rules(body + "What are you waiting for?")
    assert "TL301" not in _rules(body + "Which lesson would you want first?")


def test_a_pages_claims_describe_its_offer_but_a_letters_sell_its_ask():
    from tonelint.api import check_text, default_engine
    from tonelint.engine.core import Settings

    """On a landing page or a README, claims before the button describe what is on offer (held-out
    registry labels: Prefect's "200 million data tasks monthly … sign up to try it"); the same lines
    written to one reader sell the ask that follows them."""
    page = ("Ledgerly Cloud runs the books for the modern finance team. Trusted by 2,000+ companies, "
            "Ledgerly closes month-end in hours. Read the docs or sign up to try it for yourself.")
    def rules(text, channel):
        return {d.rule for d in check_text(text, fmt="text", engine=default_engine(Settings(channel=channel))).diagnostics}

    assert "TL401" not in rules(page, "landing-page")
    assert "TL401" in rules("Hi Omar,\n\n" + page, "email")


def test_text_laid_out_as_a_page_is_a_page():
    """A landing template stored as text (set H's product site config): headings, buttons and prices,
    then "Get started now" after a crowd claim; the same claim in a letter still sells its ask."""
    from tonelint.api import check_text

    page = "\n\n".join([
        "Now available", "Ledgerly", "for teams that close their books.", "Trusted by finance teams worldwide",
        "10k+", "Ledgers", "99%", "Uptime", "Lightning Fast", "Simple pricing", "No hidden fees. Cancel anytime.",
        "Free", "$0", "For one person.", "Bank sync", "Team", "$19/mo", "For teams that need more.",
        "Ready to get started?", "Join thousands of teams using Ledgerly today.", "Get started now"]) + "\n"
    assert "TL401" not in {d.rule for d in check_text(page, fmt="text").diagnostics}
    letter = ("Hi Omar,\n\nLedgerly is trusted by finance teams worldwide, and thousands of teams use it "
              "today. Get started now.\n")
    assert "TL401" in {d.rule for d in check_text(letter, fmt="text").diagnostics}
    about = ("About us\n\nWe build the leading ledger for small teams, and we are trusted by 2,000 companies. Our "
             "team works from Lisbon and Leeds.\n\nSign up today.\n")
    assert "TL401" not in {d.rule for d in check_text(about, fmt="text").diagnostics}  # an About page is a page
