"""The four check families on the kind of copy people actually send — an
email, a tweet, landing-page copy, a newsletter, a press release — with the
exact (rule, matched words) each one must produce, and the rewritten or
ordinary text that must produce nothing.  Every family is tested both ways.

Only warning-level findings are compared exactly: suggestion-level rules are
hints a team may tune, and the default fail level is warning."""

from __future__ import annotations

import pytest

import tonelint
from tonelint.diagnostics import Level


@pytest.fixture(scope="session")
def found(lint):
    """found(text, fmt, prefix) -> (rule, matched words) of the warnings, every span checked."""

    def _found(text: str, fmt: str = "markdown", prefix: str | None = None):
        diagnostics = lint(text, fmt, select=[prefix] if prefix else None)
        return [(d.rule, d.matched) for d in diagnostics if d.level >= Level.WARNING]

    return _found


# --------------------------------------------------------------------------- drafts

OPENING = """---
subject: Your March picks are ready
---

Hi Sam,

Here's how to get more out of spring greens: blanch them for thirty seconds,
then shock them in ice water so they stay bright.

"""

LAUNCH_EMAIL = OPENING + """Our target audience has always been home cooks, and our users tell us the
weekly box saves them an hour. We are thrilled to announce our revolutionary
new recipe app, built by our world-class team!!!

Download the app. Follow us on Instagram and share this with your friends.
This price is for a limited time only, so act now.
"""

LAUNCH_EMAIL_REWRITTEN = OPENING + """Home cooks tell us the weekly box saves them an hour, so we built a recipe app
that plans your week from what is already in your box.

If that sounds useful, the app is free for box customers until 30 June. Which
recipe should we add next? Hit reply and tell us.
"""

TWEET = "HUGE NEWS! We're so excited to share our game-changing new blender!!! Shop now and follow us for more"
TWEET_REWRITTEN = "Crushed ice in 4 seconds, and the jar goes in the dishwasher. Our new blender is $89 this week."

LANDING_PAGE = """<!DOCTYPE html>
<html>
<head><title>Book a demo: the industry-leading CRM</title></head>
<body>
<h1>Capture leads and boost conversions</h1>
<p>Acme CRM helps your sales team convert visitors into qualified leads and move prospects down the funnel.</p>
<p>Built for every customer segment, from startups to the enterprise.</p>
<p><a href="/pricing">Learn more</a></p>
</body>
</html>
"""

LANDING_PAGE_REWRITTEN = """<!DOCTYPE html>
<html>
<head><title>Acme CRM: every conversation with a customer in one place</title></head>
<body>
<h1>Answer every customer on time</h1>
<p>Here's how teams of five use Acme: every email, call and note about a customer lands in one
timeline, so you can pick up a conversation where a colleague left it.</p>
<p>What slows your team down today? <a href="mailto:hello@acme.example">Write to us</a> and a
person who builds Acme will answer.</p>
<p><a href="/pricing">See the prices for teams of 2 to 50</a></p>
</body>
</html>
"""

NEWSLETTER = """# The Saturday Loaf, issue 12

We had a busy month. We opened our second bakery, we hired four bakers and we
finally fixed our old oven. Our team baked more bread than ever, and our
suppliers kept up with us. We are grateful to our partners and our neighbours.
Next month we will open our café on Sundays, and we plan to add our pastries
to the menu. Our doors are open from 7 until 3, and our shop is on Mill Lane.
Follow us for the Sunday menu.
"""

NEWSLETTER_REWRITTEN = """# The Saturday Loaf, issue 12

You can now get your Saturday loaf on Mill Lane as well as in the square: the
second bakery opened this month, with the same sourdough you know. If you come
on Sundays from next month, you will find pastries too. Many of you asked for
rye; it is on the shelf from Friday. Which loaf would you like us to bake on
weekdays? Tell us at the counter or reply to this email.
"""

PRESS_RELEASE = """FOR IMMEDIATE RELEASE

Globex, a leading provider of cloud storage, today announced Globex Vault, a
cutting-edge backup service for small businesses. Globex is proud to announce
that Vault is available in 40 countries starting today.
"""

PRESS_RELEASE_REWRITTEN = """Starting today, small businesses in 40 countries can back up every laptop in
the office to Globex Vault for $4 a month per device. Setting it up takes about
ten minutes, and restoring a file takes one click.
"""

PROMO_NO_LISTENING = """Our spring collection is here: forty new styles, all made from recycled
cotton, in sizes from XS to 3XL. Every piece is cut and sewn in Porto, and
each label says how much water it took to make. The collection is in all our
stores and online from Monday. Shop now and get 20% off your first order with
the code SPRING.
"""

PROMO_LISTENING = PROMO_NO_LISTENING.replace(
    "Shop now", "Which colour should we make more of next season? Hit reply and tell us. If you'd like a look first, shop now"
)


# --------------------------------------------------------------------------- audience

def test_audience_on_landing_page(found):
    # "Acme CRM helps your sales team convert visitors into qualified leads"
    # and the headline "Capture leads and boost conversions": the reader's own
    # sales vocabulary in a B2B pitch to a sales team, not the sender talking
    # about its audience (issue 13; held-out set W had twelve such findings),
    # so only the line about the CRM's own market as segments is flagged.
    assert found(LANDING_PAGE, "html", "TL1") == [("TL108", "customer segment")]
    assert found(LANDING_PAGE_REWRITTEN, "html", "TL1") == []


def test_audience_in_email(found):
    assert found(LAUNCH_EMAIL, prefix="TL1") == [("TL101", "target audience"), ("TL103", "our users")]
    assert found(LAUNCH_EMAIL_REWRITTEN, prefix="TL1") == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("We are targeting millennials with a new savings account.", [("TL102", "targeting millennials")]),
        ("The rebrand helps us reach younger demographics.", [("TL106", "younger demographics")]),
        ("We need more eyeballs on the spring sale.", [("TL105", "more eyeballs")]),
        ("Every segment of our audience gets a different subject line.",
         [("TL108", "Every segment of our audience")]),
    ],
)
def test_audience_phrases_in_marketing_lines(found, text, expected):
    assert found(text, prefix="TL1") == expected


# The hard negatives: a marketer would laugh at any of these being flagged.
HARD_NEGATIVES = [
    "Slack users can now share huddles with guests from other companies.",
    "Linux users can now install the app from Flathub, and Windows users get it next week.",
    "The conversion rate table below shows last month's numbers by channel.",
    "This leads to faster builds and fewer flaky tests.",
    "Set the target directory with --out before you build.",
    "Cut the segment of the video where the audio drops.",
    "This segment of the video shows how to fold the tent.",
    "Network traffic between the nodes is encrypted with TLS.",
    "Convert the file to PDF before you upload it.",
    "The lead engineer reviews every pull request.",
    "The survey asked about demographics such as age and region.",
    "Capture a screenshot and attach it to the issue.",
    "Prospect Park is a short walk from the venue.",
    "Keep an eye on the build output.",
    "The funnel cake stand opens at noon.",
    "When new users sign up, the form checks their email address first.",
]

TECHNICAL_README = """## Installation

Install the package with pip and run the migrations. Our users table keeps one
row per account, and the sessions table keeps the last login time. To target a
specific Python version, set the target directory in `setup.cfg` and run
`make`. Traffic between services is encrypted with TLS. This leads to a small
start-up cost, so the first request takes longer. Register a callback before
you start the event loop, and download the source tarball if you need to build
from scratch. Each segment of the log is rotated daily, and the lead maintainer
reviews every release. New users can sign up with an email address, and the
form checks it before the account is created.
"""


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_hard_negatives_are_not_findings(found, text):
    assert found(text) == []


@pytest.mark.parametrize("family", ["TL1", "TL2", "TL4"])
def test_technical_readme_paragraph_is_not_a_finding(found, family):
    assert found(TECHNICAL_README, prefix=family) == []


# --------------------------------------------------------------------------- one-way

def test_one_way_in_tweet(found):
    assert found(TWEET, "text", "TL2") == [
        ("TL206", "HUGE NEWS!"),
        ("TL202", "We're so excited to share"),
        ("TL203", "game-changing"),
        ("TL205", "!!!"),
    ]
    assert found(TWEET_REWRITTEN, "text", "TL2") == []


def test_one_way_in_email(found):
    assert found(LAUNCH_EMAIL, prefix="TL2") == [
        ("TL202", "We are thrilled to announce"),
        ("TL203", "revolutionary"),
        ("TL203", "world-class"),
        ("TL205", "!!!"),
    ]
    assert found(LAUNCH_EMAIL_REWRITTEN, prefix="TL2") == []


def test_one_way_press_release(found):
    assert found(PRESS_RELEASE, prefix="TL204") == [
        ("TL204", "FOR IMMEDIATE RELEASE"),
        ("TL204", "a leading provider of"),
        ("TL204", "today announced"),
    ]
    # "is proud to announce" is reported once, by TL202.
    assert found(PRESS_RELEASE, prefix="TL202") == [("TL202", "proud to announce")]
    assert found(PRESS_RELEASE_REWRITTEN, prefix="TL2") == []


def test_sender_heavy_newsletter_reports_counts_and_ratio(found):
    diagnostics = tonelint.lint_text(NEWSLETTER, select=["TL201"])
    assert [(d.rule, d.matched) for d in diagnostics] == [("TL201", "We")]
    message = diagnostics[0].message
    # 18: the "us" of "Follow us for the Sunday menu" is the reader asked to act, not the sender talking
    assert "18 times" in message and "0 times" in message and "ratio 18.0" in message
    assert diagnostics[0].start == NEWSLETTER.index("We had")
    assert found(NEWSLETTER_REWRITTEN, prefix="TL2") == []


def test_sender_words_include_the_configured_brand():
    from tonelint.engine.core import Engine, Settings
    from tonelint.rules.loader import load_rules, select

    text = (
        "Globex built Vault for backups. Globex runs Vault in 40 countries, and Globex "
        "engineers test every restore. Globex support answers in an hour. Globex pricing is "
        "simple: Globex charges $4 a device. Globex has offices in Lisbon and Globex ships "
        "updates every week. The status page lists every incident within a day, with the cause "
        "and the fix. Thanks for reading about Globex and the Vault product. Book a demo today."
    )
    rules = select(load_rules(), select=["TL201"])
    with_brand = tonelint.lint_text(text, engine=Engine(rules, Settings(brand=("Globex",))))
    assert [(d.rule, d.matched) for d in with_brand] == [("TL201", "Globex")]
    # Unconfigured, the name the draft uses as its subject is found as the brand (engine/genre.py).
    found_brand = tonelint.check_text(text, engine=Engine(rules, Settings()))
    assert found_brand.facts.message.brand == ("Globex",)
    assert [(d.rule, d.matched) for d in found_brand.diagnostics] == [("TL201", "Globex")]
    # A name used once, not as a subject, is not taken for the sender.
    once = "The Globex report lists every incident within a day. Book a demo today if you want the rest."
    assert tonelint.check_text(once, engine=Engine(rules, Settings())).facts.message.brand == ()


# --------------------------------------------------------------------------- listening

def test_listening_missing_in_promo_email(found):
    assert found(PROMO_NO_LISTENING, prefix="TL3") == [
        ("TL301", "Shop now and get 20% off your first order with\nthe code SPRING."),
    ]
    diagnostics = tonelint.lint_text(PROMO_NO_LISTENING, select=["TL301"])
    assert "0 listening signals" in diagnostics[0].message
    assert "?" in diagnostics[0].rewrite  # the rewrite is a concrete question to add
    assert found(PROMO_LISTENING, prefix="TL3") == []


def test_listening_on_landing_page(found):
    assert found(LANDING_PAGE, "html", "TL3") == [("TL301", "Learn more")]
    assert found(LANDING_PAGE_REWRITTEN, "html", "TL3") == []


@pytest.mark.parametrize(
    "signal",
    ["What would you cook with it?", "Let us know what you think.", "Many of you asked for a smaller size."],
    ids=["question", "invitation", "acknowledgement"],
)
def test_any_one_listening_signal_is_enough(found, signal):
    assert found(PROMO_NO_LISTENING + "\n" + signal + "\n", prefix="TL3") == []


def test_listening_is_not_demanded_of_documentation(found):
    # No ask and no hype: a README or a release note is not told to invite replies.
    assert found(TECHNICAL_README, prefix="TL3") == []


# --------------------------------------------------------------------------- ask

def test_ask_in_tweet_is_premature(found):
    assert found(TWEET, "text", "TL4") == [("TL401", "Shop now")]
    assert found(TWEET_REWRITTEN, "text", "TL4") == []


def test_ask_in_landing_page_title_and_bare_link(found):
    got = found(LANDING_PAGE, "html", "TL4")
    assert got == [("TL401", "Book a demo"), ("TL403", "Learn more")]
    assert found(LANDING_PAGE_REWRITTEN, "html", "TL4") == []


def test_ask_stacked_and_urgent_in_email(found):
    assert found(LAUNCH_EMAIL, prefix="TL4") == [
        ("TL402", "share this"),
        ("TL404", "for a limited time"),
        ("TL404", "act now"),
    ]
    assert found(LAUNCH_EMAIL_REWRITTEN, prefix="TL4") == []


def test_ask_after_value_is_an_invitation_not_a_finding(found):
    pushy = "Sign up today for the bread course. It has twelve lessons."
    giving = (
        "Here's how to get a crisp crust at home: bake on a preheated steel and add steam for the "
        "first ten minutes. The course has twelve lessons like this one. If you want the rest, sign up today."
    )
    assert found(pushy, prefix="TL4") == [("TL401", "Sign up today")]
    assert found(giving, prefix="TL4") == []


def test_ask_in_subject_line_even_after_value(found):
    body = "Here's how to fix a flat in five minutes: lever, patch, pump.\n"
    assert found("---\nsubject: Buy now\n---\n\n" + body, prefix="TL4") == [("TL401", "Buy now")]
    assert found("---\nsubject: Fix a flat in five minutes\n---\n\n" + body, prefix="TL4") == []
