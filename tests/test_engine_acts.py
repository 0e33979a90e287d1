"""The model of the message: each sentence's acts and the draft's genre, on
short sentences modelled on the patterns of today's copy (engine/acts.py,
engine/genre.py, rules/lists/acts.yaml)."""

from __future__ import annotations

import pytest

from tonelint.api import check_text, default_engine
from tonelint.engine.core import Engine, Settings
from tonelint.engine.genre import release_notes
from tonelint.errors import RuleError
from tonelint.rules.loader import load_file
from tonelint.source.files import SourceFile


def message(text: str, fmt: str = "markdown"):
    result = check_text(text, fmt=fmt)
    return result, result.facts.message


def acts_of(text: str, fmt: str = "markdown") -> list[set]:
    _, m = message(text, fmt)
    return [set(a) for a in m.acts]


def first_with(text: str, act: str) -> set:
    return next(a for a in acts_of(text) if act in a)


@pytest.mark.parametrize("sentence", [
    "Do you have 15 minutes this Thursday for a quick demo?",
    "Would you like to get notified when the next release ships?",
    "Will you help support the library this winter?",
    "Would you be open to a short call next week?",
    "Up for a quick chat on Friday?",
])
def test_an_ask_put_as_a_question_is_an_ask_not_a_question(sentence):
    acts = acts_of(sentence)[0]
    assert "ask" in acts
    assert "question" not in acts


@pytest.mark.parametrize("line", ["Donate", "Get started", "Subscribe to Pro", "Buy now", "Book a call"])
def test_a_button_line_is_an_ask(line):
    text = f"Our new planner keeps every recipe in one place and plans the week for you.\n\n{line}\n"
    assert "ask" in acts_of(text)[-1]


@pytest.mark.parametrize("sentence", [
    "Did you know that most teams skip this step?",
    "Ready to get your next meeting scheduled?",
    "Tired of chasing invoices by hand?",
    # a post's set-up questions, answered by the lines after them (set AB)
    "Ever wished you could open these files without the desktop app?",
    "What can you do with it?",
    "So how do you build a database that syncs in real time?",
    "So, how can a follow-up bot change your sales week?",
    "Ever felt like your store leaves money on the table?",
])
def test_rhetoric_is_not_a_question_to_the_reader(sentence):
    assert "question" not in acts_of(sentence)[0]


def test_a_real_question_to_the_reader_counts():
    assert "question" in acts_of("What is the one lesson you wish someone had told you before you started?")[0]


def test_a_question_heading_is_a_heading_not_a_question():
    text = "## What does your team need next?\n\nThe planner now exports to CSV and to your calendar.\n"
    assert "question" not in acts_of(text)[0]


@pytest.mark.parametrize("sentence", [
    "Reach out whenever you need us, day or night.",
    "You can request features in the repository.",
    "Just reply to this email and tell us what you think.",
    # the reader's word valued, the reader's work asked for, help for those a change hurts (set AB)
    "Your input is invaluable as we keep building the toolkit with our partners.",
    "If you'd like to showcase what you've built, come share with us on Discord.",
    "If you rely on these features but are unable to upgrade, please contact us at support@example.com.",
])
def test_invitations_to_reply(sentence):
    assert "invitation" in acts_of(sentence)[0]


@pytest.mark.parametrize("sentence", [
    "Thank you for your order.",
    "Feedback",
])
def test_thanks_and_the_bare_word_feedback_are_not_invitations(sentence):
    assert "invitation" not in acts_of(sentence)[0]
    assert "acknowledgement" not in acts_of(sentence)[0]


@pytest.mark.parametrize("sentence", [
    "Your input will be validated before the form is sent.",
    # a job offered, not the reader's word asked for (a newsletter's P.S., set AB)
    "If you're interested in working on hard problems, drop us a line at jobs@example.com with a resume.",
    "We're hiring! If that sounds like you, get in touch.",
    "So if you are into working on open-source projects and Go, please drop us a line.",
    "If you want to shape how engineers build web apps, join our team.",
])
def test_a_form_field_and_a_hiring_contact_are_not_invitations(sentence):
    assert "invitation" not in acts_of(sentence)[0]


@pytest.mark.parametrize("text,promotes", [
    ("In this post, we'll explore why the open web needs more than one CDN.", False),
    ("Let's explore why the open web needs more than one CDN.", False),
    ("Explore the new dashboard and the reports it builds for you.", True),
    # a staff alert's template field is no post pointed at (set AA)
    ("Event: ${eventType}", False),
    ("Webinar: Shipping faster with preview builds", True),
])
def test_a_posts_plan_and_a_template_field_are_not_promotion(text, promotes):
    assert ("promotion" in acts_of(text, fmt="text")[0]) is promotes


def test_the_readers_own_work_is_still_an_invitation():
    assert "invitation" in acts_of("If you're working on something similar, reach out!")[0]


@pytest.mark.parametrize("text,asked", [
    # a page's FAQ entry and a section's lead question, answered by the lines under them
    ("Pricing\n\nDo you offer discounts for students or open source projects?\nYes! If you are a student, "
     "write to the billing address with your school email.\n", False),
    ("Why choose our venue for your party?\n\n- Free parking for all guests\n- A private room for 40\n", False),
    # ... but a question the next line asks the reader to answer is one
    ("Thanks for trying the beta.\n\nWhat is the one thing you would change?\n\nHit reply and tell us, we read "
     "every answer.\n", True),
    ("Thanks for trying the beta. What is the one thing you would change?\n", True),
])
def test_a_question_line_the_page_answers_itself_is_not_asked_of_the_reader(text, asked):
    assert any("question" in a for a in acts_of(text, fmt="text")) is asked


def test_a_sales_contact_line_is_an_ask_not_an_invitation():
    acts = acts_of("Reach out to hear more about our robotics platform.")[0]
    assert "ask" in acts and "invitation" not in acts


def test_numbered_steps_are_value_in_markdown_and_plain_text():
    md = "Here is the quickest start.\n\n1. Connect the tool you use most.\n2. Pick a template.\n"
    assert sum("value" in a for a in acts_of(md)) >= 2
    plain = "Setup:\n1. Connect the tool you use most\n2. Pick a template\n"
    # Each short line of plain text is its own sentence: "Setup:" gives nothing, the steps do.
    values = ["value" in a for a in acts_of(plain, "text")]
    assert values[0] is False and sum(values) >= 2


def test_a_bullet_list_is_not_a_numbered_step():
    md = "Our plans:\n\n- Bigger offices.\n- More staff.\n"
    assert not any("value" in a for a in acts_of(md))


def test_claims_and_announcements_are_claims():
    assert "claim" in acts_of("We're thrilled to be named a leader in workflow software.")[0]
    assert "claim" in acts_of("Lumen is the #1 rated copilot for finance teams.")[0]
    assert "claim" in acts_of("We help teams like yours generate 3x more pipeline.")[0]
    assert "claim" in acts_of("Our clients include Fortune 500 leaders.")[0]
    assert "claim" not in acts_of("The report has 3 more pages than last year.")[0]


def test_the_brand_is_found_and_counted_as_the_sender():
    text = ("Lumen is the copilot for finance teams. Lumen closes your books in a day, "
            "and your team keeps its evenings.")
    _, m = message(text)
    assert m.brand == ("Lumen",)
    assert [h.text for h in m.hits["sender"]] == ["Lumen", "Lumen"]


def test_the_brand_from_the_from_header():
    mail = ("From: Dan Kowalski <dan@pipeforge.example>\nSubject: Hello\n\n"
            "PipeForge helps teams like yours plan their quarter.\n")
    _, m = message(mail, "email")
    assert "PipeForge" in m.brand


def test_a_pattern_that_starts_at_a_stop_gives_its_act_to_the_next_sentence():
    # "(?:^|[.!?]\s+)(?P<hit>…)": the words after the stop are the hit, so the act is theirs
    assert acts_of("Our platform closes your books in a day. Got 15 minutes this week?") == \
        [frozenset({"reader", "sender"}), frozenset({"ask"})]
    assert "question" in acts_of("Our team ships a report every week. Have ideas for the next one?")[1]


def test_the_company_a_team_belongs_to_is_the_brand_not_the_team():
    # "the Community Growth team at Hyperswitch" (a welcome mail, set T): the department is no sender
    mail = ("Hello there,\n\nI'm Priya from the Developer Relations team at Globex.\nWe build an open-source "
            "billing engine.\n\nThanks,\nPriya\n")
    _, m = message(mail, "email")
    assert m.brand == ("Globex",)
    _, m = message("Thanks for reading,\nthe Globex team\n", "email")
    assert m.brand == ("Globex",)


def test_hype_in_a_sentence_that_names_the_found_brand_is_the_senders():
    # TL203 needs a sentence about the sender; the brand is found from the
    # draft itself (no configuration), after the matchers ran.
    text = ("Lumen is a ledger for small shops. Lumen gives you the best-in-class mix of speed and control "
            "for your month-end close.\n")
    result, m = message(text)
    assert m.brand == ("Lumen",)
    assert [(d.rule, text[d.start:d.end]) for d in result.diagnostics if d.rule == "TL203"] == \
        [("TL203", "best-in-class")]


def test_hype_about_someone_else_stays_quiet_when_the_draft_has_a_brand():
    # The same words in a sentence that names neither the sender nor its brand.
    text = ("Lumen is a ledger for small shops. Lumen closes the month in a day. "
            "Analysts call the new chips best-in-class for battery life.\n")
    result, m = message(text)
    assert m.brand == ("Lumen",)
    assert not [d for d in result.diagnostics if d.rule == "TL203"]


def test_hype_waits_for_the_brand_also_in_a_draft_scanned_in_parts():
    # The language server scans paragraph by paragraph and joins the parts
    # (facts.join): the hits waiting for the brand are carried like any other,
    # and a second check of the same memo finds the same.
    from tonelint.api import default_engine
    engine = default_engine()
    text = "Lumen is a ledger for small shops.\n\nLumen gives you the best-in-class mix of speed and control.\n"
    memo: dict = {}
    for _ in range(2):
        result = engine.check(SourceFile(path="-", text=text, format="markdown"), memo=memo)
        assert [text[d.start:d.end] for d in result.diagnostics if d.rule == "TL203"] == ["best-in-class"]


def test_a_configured_brand_beats_nothing_found():
    text = "We bake bread every morning and you can order it online."
    _, m = message(text)
    assert m.brand == ()


@pytest.mark.parametrize("text, genre", [
    ("Click the link below to reset your password. The link expires in 30 minutes. "
     "If you didn't request a reset, ignore this email.", "transactional"),
    ("Your receipt for order 1182: two loaves, $9.50. Your payment was received.", "transactional"),
    ("Donate today. Every gift keeps the library open late, and your donation is tax-deductible.", "appeal"),
    ("Thanks for reaching out, and sorry for the trouble. We're looking into the failed sync now.", "reply"),
    ("Our sales team follows the playbook: account executives log every call, and lead scoring runs nightly "
     "in our process.", "internal"),
    ("## Changelog\n\n### 2.4.1\n\n- Fixed a bug in the `--config` option.\n- Deprecated the `--old` flag; see the "
     "documentation for the configuration file.\n", "reference"),
    ("Introducing Relay, the #1 rated automation platform. Start your free trial today.", "promotional"),
    # a digest the reader's own settings asked for
    ("Hello Sam, you have unread notifications from the Gardeners' Forum. Latest topics: seed swaps, compost bins. "
     "Click here to visit the forum. This digest was sent to you due to your subscription settings.", "transactional"),
    # a welcome mail answers the reader's own sign-up
    ("Thanks for signing up for Quire! Your first notebook is ready, and the sample page shows how links "
     "between notes work. Open your notebook", "transactional"),
])
def test_genre_from_the_text(text, genre):
    _, m = message(text)
    assert m.genre == genre, m.genre


def test_genre_from_front_matter_beats_the_text():
    text = "---\ngenre: reference\n---\nIntroducing Relay, the #1 rated platform. Start your free trial today.\n"
    _, m = message(text)
    assert (m.genre, m.genre_from) == ("reference", "front matter")


def test_genre_from_email_reply_headers():
    mail = "From: a@b.example\nSubject: Re: sync\nIn-Reply-To: <1@b.example>\n\nBuy now and save 30%.\n"
    _, m = message(mail, "email")
    assert (m.genre, m.genre_from) == ("reply", "headers")


def test_transactional_mail_gets_no_ask_or_listening_findings():
    text = ("Click here to log in with this magic link. The link expires in 15 minutes. "
            "If you didn't request it, you can safely ignore this email, and nothing will change on your account.")
    result = check_text(text)
    assert result.meta["genre"] == "transactional"
    assert not [d for d in result.diagnostics if d.family in ("ask", "listening")]


def test_promotional_drafts_are_judged_without_a_stock_phrase():
    # No "sign up", no "buy now": a button and an appeal the 2002 lists never knew.
    text = ("Our shelter has cared for 4,000 dogs this year, and our volunteers are proud of every one of them. "
            "We rebuilt our kennels and we hired two vets.\n\nDonate\n")
    rules = {d.rule for d in check_text(text).diagnostics}
    assert "TL301" in rules


def test_premature_ask_names_the_sentence_and_where_value_comes():
    text = ("Acme is the leading payroll platform. We serve 400 companies. Our team has built payroll for ten years. "
            "Do you have 15 minutes on Thursday for a demo? P.S. Here's a two-minute video showing how one bakery "
            "cut its payroll time in half.")
    found = [d for d in check_text(text).diagnostics if d.rule == "TL401"]
    assert len(found) == 1
    assert found[0].message == ('asks "Do you have 15 minutes" (sentence 4) before the reader has been given '
                                "anything; the first value comes in sentence 5")


def test_stacked_social_asks_are_three_asks():
    text = "We closed our seed round! Like, comment, and share with anyone who would be a great fit."
    found = [d for d in check_text(text).diagnostics if d.rule == "TL402"]
    assert len(found) == 1 and "in sentence 2" in found[0].message


@pytest.mark.parametrize("body,place,hint", [
    ("kind: existence\nmessage: m\nrationale: r\nmatch: {phrases: [synergy]}\ngenres:\n  skip: [transactionl]\n",
     ":8", "did you mean 'transactional'"),
    ("kind: required\nmessage: m\nrationale: r\nsignals:\n  - act: invitaton\n",
     ":7", "did you mean 'invitation'"),
], ids=["genre", "act"])
def test_unknown_genre_or_act_in_a_rule_is_an_error_with_a_hint(tmp_path, body, place, hint):
    rule = tmp_path / "ACME1.yaml"
    rule.write_text("id: ACME1\nfamily: house\n" + body, encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_file(rule)
    assert "ACME1.yaml" + place in str(err.value) and hint in str(err.value)


def team_rule(tmp_path, rid: str, body: str):
    """A team's rule file with this body, and an engine that runs only it."""
    rule = tmp_path / f"{rid}.yaml"
    rule.write_text(f"id: {rid}\nfamily: house\n{body}", encoding="utf-8")
    return rule, Engine(load_file(rule))


def flagged(engine, text: str, fmt: str = "markdown") -> bool:
    return bool(engine.check(SourceFile(path=f"draft.{fmt}", text=text, format=fmt)).diagnostics)


def test_a_team_rule_scopes_itself_by_genre(tmp_path):
    _, engine = team_rule(tmp_path, "ACME3", "kind: existence\nmessage: m\nrationale: r\n"
                          "match: {phrases: [password]}\ngenres:\n  skip: [transactional]\n")
    reset = "Click the link below to reset your password. If you didn't request a reset, ignore this email."
    pitch = "Our password manager is the best. Buy now and never forget a password again."
    assert not flagged(engine, reset) and flagged(engine, pitch)


def test_explain_describes_acts_genres_and_what_a_rule_reads(cli):
    acts = cli("explain", "acts")
    assert acts.code == 0 and "ask:" in acts.out and "put as a question" in acts.out
    genres = cli("explain", "genres")
    assert genres.code == 0 and "transactional:" in genres.out and "magic link" in genres.out
    rule = cli("explain", "TL401").out
    assert "Judges promotional drafts only" in rule and "Sentence acts it reads" in rule


# Release notes are reference from their structure; a launch post naming a version is not (issue 13).
_NOTES = ("## 3.1.0 (2031-02-14)\n\nWe're excited to announce the new exporter.\n\n### Added\n\n"
          "- Export boards as CSV. #412\n- A `--quiet` flag for the sync command. #418\n\n### Fixed\n\n"
          "- Fix a crash when a board has no columns. #420\n")
_LAUNCH = ("# Exporter 3.1 is here!\n\nWe're excited to announce version 3.1.0 of the exporter. "
           "It is the fastest way to move your boards. Start your free trial today.\n")


@pytest.mark.parametrize("text, genre", [(_NOTES, "reference"), (_LAUNCH, "promotional")],
                         ids=["release-notes", "launch-post-with-a-version"])
def test_release_notes_are_reference_a_launch_post_is_not(text, genre):
    result, m = message(text)
    assert m.genre == genre
    # Release notes get no listening or ask findings (TL301/TL401 judge promotional and appeal
    # drafts only); the announcement cliché is still one-way in both (the shared labels say so).
    rules = {d.rule for d in result.diagnostics}
    assert ("TL301" in rules) == (genre == "promotional"), rules
    assert "TL202" in rules


@pytest.mark.parametrize("text, expected", [
    ("Version 2.4.1\n\nReleased 2030-03-02\n- Fixed the export of empty boards. {pr}88\n- Added a retry. {issue}91\n", True),
    ("v2.0.0 (2030-05-01)\n\n- Fix the login redirect\n- Bump the parser\n", True),
    ("Changelog\n\n### Added\n- Dark mode (#120)\n\n### Removed\n- The old API (#131)\n", True),
    ("Version 2.0 is live! Upgrade today and save 20%.\n", False),
    ("## 2.0.0\n\nOur biggest release ever. Try it free for 30 days.\n", False),
    ("Fixed\n\nYour order #12345 has shipped.\n", False),
])
def test_release_notes_from_the_shape_of_the_text(text, expected):
    assert release_notes(text) is expected


# A promise made as a sales pitch gives the reader nothing yet: the ask after it is premature;
# the same ask after a tip the reader can use is not (issue 13, the 2002 spam figure).
@pytest.mark.parametrize("text, premature", [
    ("Guaranteed to lose 10 pounds in 30 days or your money back!! Click here to order.", True),
    ("We will put 500 new members in your downline in 30 days!! Order now.", True),
    ("You can cut your heating bill by closing the curtains at dusk. Click here to order the full guide.", False),
])
def test_a_sales_claim_is_not_value_given_before_an_ask(text, premature):
    result, m = message(text, "text")
    assert ("value" in m.acts[0]) is not premature
    assert any("TL401" in d.rules for d in result.diagnostics) is premature  # "Order now." is also TL404's


def test_a_posts_question_stays_a_question_before_its_hashtags_and_link():
    # spaCy splits "#python" into "#" and "python" and leaves the "#" with the
    # question; the question is still one the reader can answer.
    for tail in (" #python", " #python #opensource", " https://example.org/poll", " @acme"):
        acts = acts_of("Version 3.2 of the library is out. Which shape would you like next?" + tail, "text")
        assert any("question" in a for a in acts), tail
    assert not any("question" in a for a in acts_of("Version 3.2 of the library is out #python", "text"))


# Framework welcome pages from the registry set (eval/registry.py, batch B): our own words, their shapes.
_WELCOME_PAGE = ("Visit the Quillpress website\n\nView the release notes\n\nWelcome to your new Quillpress site!\n\n"
                 "Please feel free to join our community chat, or get started with one of the links below.\n\n"
                 "Quillpress Documentation\n\nBuild your first Quillpress site\n\nCreate your admin account first!\n")


def test_a_greeting_with_an_exclamation_mark_is_no_pitch():
    # Before: "Welcome …!", the ask line and "Create … first!" made three pitch sentences, so the
    # page "pitched throughout", its "get started with" stayed an ask (TL401) and the community
    # invitation in the same sentence was dropped (TL301).
    result, m = message(_WELCOME_PAGE, fmt="text")
    assert not m.pitched
    assert not {d.rule for d in result.diagnostics} & {"TL301", "TL401"}


def test_a_pitch_that_shouts_is_still_a_pitch_throughout():
    text = ("Welcome to the BIGGEST sale of the year!\n\nEarn $500 a day from home!\n\nOrder now and save 50%!\n\n"
            "Call today, supplies are limited!\n")
    assert message(text, fmt="text")[1].pitched


def test_a_community_forum_is_an_invitation():
    text = ("Quillpress is an open-source site builder for research groups.\n\nSelect a demo from the sidebar to see "
            "what it can do!\n\nWant to learn more?\n- Check out quillpress.example\n- Jump into our documentation\n"
            "- Ask a question in our community forums\n")
    result, m = message(text)
    assert m.sentences("invitation")
    assert "TL301" not in {d.rule for d in result.diagnostics}


@pytest.mark.parametrize("sentence", [
    "To remove your email address from our list, click here: https://example.com/remove",
    "If you do not want further promotional mailings from us, click here.",
])
def test_a_removal_line_is_housekeeping_not_an_ask(sentence):
    """A blind editor (issue 14): "an unsubscribe line is not an ask", and TL401 called it premature."""
    assert "ask" not in acts_of(sentence)[0]


def test_a_leading_indicator_is_a_metric_not_a_rank():
    assert "claim" not in acts_of("Teams that invite a colleague is a leading indicator of retention.")[0]
    assert "claim" in acts_of("We are a leading provider of retention analytics.")[0]


@pytest.mark.parametrize("sentence, act", [
    # an appeal put as what the reader can do: a volunteer project's donation screen and a maintainer's
    # README asked nothing the act model knew, so TL301 never judged them
    ("You can help change that!", "ask"),
    ("You too can help make things better, through translation or design.", "ask"),
    ("Please sponsor the parser's development.", "ask"),
    # a rank said as a norm
    ("Relaybox is rapidly becoming the standard for enterprise support inboxes.", "claim"),
    ("It's the simplest way to turn a spreadsheet into an app.", "claim"),
    ("A lean, lightning-fast notes app for writers.", "claim"),
    # a README's community lines
    ("Share knowledge, get help, and contribute to the project.", "invitation"),
    ("Start a GitHub Discussion.", "invitation"),
    ("For help, visit our support page.", "invitation"),
])
def test_todays_wording_gets_its_act(sentence, act):
    assert act in acts_of(sentence)[0]


def test_what_a_product_lets_the_reader_do_is_not_an_appeal():
    assert "ask" not in acts_of("With shared boards you can help your team ship on time.")[0]


def test_next_generation_in_a_librarys_docs_is_no_claim():
    # "next-generation" describes more often than it praises; as a claim it kept docs from reading as reference
    assert "claim" not in acts_of("Ferry - a next-generation HTTP client for Python.")[0]




@pytest.mark.parametrize("nav", [
    "Projects • Roadmap • Changelog • Sign up for Acme Pro • Blog • Docs",
    "Projects •\n    Roadmap •\n    Changelog •\n    Sign up for Acme Pro •\n    Blog •\n    Docs",
    "Docs | Pricing | Sign up | Blog",
])
def test_a_link_in_a_navigation_bar_is_not_an_ask(nav):
    # Before: a README's nav bar gave TL401 "asks 'Sign up' before the reader has been given anything".
    assert not any("ask" in a for a in acts_of(nav))


def test_an_ask_beside_a_short_list_is_still_an_ask():
    assert "ask" in acts_of("Sign up for Acme Pro today • it takes a minute.", fmt="text")[0]


def test_the_brand_that_creates_is_the_sender():
    # "[Ultralytics](…) creates cutting-edge … models": "creates" was no subject verb, so no brand was
    # found and the hype went unflagged.
    text = ("Lumen creates cutting-edge ledgers for small shops. The Lumen docs explain each report.\n")
    result, m = message(text)
    assert m.brand == ("Lumen",)
    assert "cutting-edge" in [text[d.start:d.end] for d in result.diagnostics if d.rule == "TL203"]


# Registry set E (issue 13): lifecycle mail, agency and appeal sections, README openings.

def test_a_qualifying_question_before_an_ask_is_its_lead_in():
    # Before: "Using … in your organization?" counted as listening on an in-app appeal, so TL301 stayed quiet.
    acts = acts_of("Using Tallyhub in your team? Purchase a support plan for help with setup.")
    assert "question" not in acts[0]
    assert "ask" in acts[1]


def test_a_question_for_the_readers_view_before_an_ask_still_listens():
    acts = acts_of("Is there anything we could do to make exporting easier? Upgrade to Pro for PDF export.")
    assert "question" in acts[0]


def test_a_question_followed_by_information_is_still_a_question():
    assert "question" in acts_of("Using Tallyhub in your team? The admin guide covers single sign-on.")[0]


def test_badges_left_as_markdown_are_no_exclamation():
    # A README section cut from its link definitions keeps "[![Downloads][dl-badge]][npm]": each "!" read as
    # a shouted pitch, the page pitched throughout, and its free "Get started with …" became a premature ask.
    text = ("Start a typed web app from one command.\n\n"
            "[![PRs welcome][pr-badge]][pr] [![Chat][chat-badge]][chat]\n\n[![Version][v-badge]][npm]\n\n"
            "[![Downloads][dl-badge]][npm]\n\nGet started with the stack by running the installer.\n")
    result, m = message(text)
    assert not m.pitched
    assert "TL401" not in {d.rule for d in result.diagnostics}


@pytest.mark.parametrize("sentence", ["Follow us on Mastodon.", "Star us on GitHub.", "Join us on Slack."])
def test_us_in_a_call_to_action_is_not_the_sender_talking(sentence):
    # Before: a README's community list ("Star us / Follow us / Join us") made TL201 count the sender.
    assert "sender" not in acts_of(sentence)[0]


@pytest.mark.parametrize("sentence, act", [
    # an agency's and a maintainer's calls to action
    ("We can help you ship your next app – hire us.", "ask"),
    ("See our other projects or hire us to design your product.", "ask"),
    ("Purchase support", "ask"),
    ("If you'd like to make a donation to fund the next release, we'd be grateful.", "offer"),
    # ranks said of the offer
    ("Relaykit is the oldest active and most popular starter kit for mobile apps.", "claim"),
    ("Pollster is your go-to solution for in-app surveys.", "claim"),
    ("Our team of engineers has worked with companies like Globex, Initech and Hooli.", "claim"),
    # an open-source project's public channels
    ("You can ask on the mailing list or open an issue.", "invitation"),
    ("If you're unsure where to start, reach out!", "invitation"),
    ("For larger changes, please contact us through the mailing list first.", "invitation"),
])
def test_set_e_wording_gets_its_act(sentence, act):
    assert act in acts_of(sentence)[0]


@pytest.mark.parametrize("line", ["Purchase", "Purchase Loans", "Refinance or Purchase"])
def test_a_lenders_loan_type_is_no_purchase_button(line):
    assert "ask" not in acts_of(line)[0]


def test_a_list_introduced_as_most_popular_is_no_claim():
    assert "claim" not in acts_of("Here are the most popular automation templates:")[0]


def test_a_brand_naming_one_of_its_things_is_not_counted_as_the_sender_talking():
    # Before: TL201 on a README that names "the Convex CLI", "Convex demos" and "the Convex Discord"
    # (the sender talking 8 times); the sentence is still about the sender, only the count changes.
    text = ("Lumen is the ledger for small shops. Lumen keeps your books. See the Lumen CLI, Lumen demos "
            "and the Lumen Discord Community.\n")
    _, m = message(text)
    assert m.brand == ("Lumen",)
    counted = [h.text for h in m.hits["sender"]]
    assert counted == ["Lumen", "Lumen"]
    assert "sender" in m.acts[2]


@pytest.mark.parametrize("sentence", ["We are your essential toolkit for field surveys.",
                                      "Lumen is the ultimate toolkit for field surveys."])
def test_an_essential_or_ultimate_toolkit_is_a_claim(sentence):
    assert "claim" in acts_of(sentence)[0]


def test_a_cold_emails_qualifying_question_before_a_walkthrough_is_no_listening():
    # issue 13: a cold sales email's question was counted as listening; "Book a … walkthrough" was no ask
    text = ("Hi Dana, our scoring ranks the deals in your CRM so your reps call the right people first. "
            "Want to see it on your own data? Book a 20-minute walkthrough.\n")
    acts = acts_of(text, fmt="text")
    assert any("ask" in a for a in acts)
    assert not any("question" in a for a in acts)
    assert "TL301" in {d.rule for d in check_text(text, fmt="text").diagnostics}


# Registry set F (issue 13): README openings that sell a hosted offer beside the free library.

@pytest.mark.parametrize("text", ["Want more examples? See the examples folder.",
                                  "Running into memory limits on your laptop? Read how you can scale out."])
def test_a_qualifying_question_before_an_instruction_is_its_lead_in(text):
    assert "question" not in acts_of(text)[0]


def test_a_getting_started_heading_is_a_section_name_not_an_ask():
    # Before: TL401 on MLflow's "## Get Started in 3 Simple Steps", once its rank claim made the page promotional.
    text = ("# Tabula\n\nOur engine is the largest open source spreadsheet engine for teams.\n\n"
            "## Get Started in 3 Simple Steps\n\n1. Install the package.\n2. Start the server.\n3. Open the sheet.\n")
    result, m = message(text)
    assert not any("ask" in a for a in m.acts)
    assert "TL401" not in {d.rule for d in result.diagnostics}
    assert "ask" in acts_of("Get started today and save 20% on your first order.")[0]


@pytest.mark.parametrize("sentence", [
    "Tabula is the largest open source spreadsheet engine for teams.",
    "In fact, it is one of the best performing dataframe libraries available.",
    "We build the best free, fast, cheap invoice parser in the market.",
])
def test_a_rank_among_its_kind_is_a_claim(sentence):
    assert "claim" in acts_of(sentence)[0]


# Findings blind copy editors called wrong on held-out copy (issue 13).

def test_a_fallback_for_the_same_link_is_not_another_ask():
    # Before: "click on the link below … if the link above does not work" counted as a second ask, so
    # three lines offering one link were "stacked asks" (TL402).
    text = ("Tonic Labs sells a protein shake for runners.\n\n"
            "Click here to order.\n\n"
            "(If the link above does not work, please click on the link below or paste it into your browser.)\n\n"
            "http://example.com/shake\n")
    acts = acts_of(text, fmt="text")
    assert sum("ask" in a for a in acts) == 1
    assert "TL402" not in {d.rule for d in check_text(text, fmt="text").diagnostics}
    assert "ask" in acts_of("Please click on the link below to claim your prize.", fmt="text")[0]


def test_a_named_option_among_the_readers_choices_is_no_rank_claim():
    # an onboarding step: the most popular template is a guide, not the sender ranking itself
    acts = acts_of('Pick a recipe. "Sync invoices to Sheets" is the most popular.')
    assert all("claim" not in a for a in acts)
    assert "claim" in acts_of("Ledgerly is the most popular invoicing app for freelancers.")[0]


def test_a_quoted_paragraph_of_a_users_words_is_not_the_sender_talking():
    # Before: TL201 on a README opening whose "sender" count was mostly its users' signed opinions
    # ('"We adopted Tabula to …"'), not the project talking about itself.
    quote = ('"We adopted Tabula at our bank to build our reports. Our analysts use Tabula every day, '
             'and our team has moved all our spreadsheets to it."')
    text = ("# Tabula\n\nTabula is a spreadsheet engine for Python. It's the simplest way to turn a script into a report.\n\n"
            + "\n\nJane Roe, Globex\n\n".join([quote] * 3) + "\n\nJane Roe, Globex\n")
    result, m = message(text)
    assert [h.text for h in m.hits["sender"]] == ["Tabula", "Tabula"]
    assert "TL201" not in {d.rule for d in result.diagnostics}
    # the sender's own paragraph still counts
    _, own = message("We adopted a new engine at our company, and our team moved our reports to it.")
    assert len(own.hits["sender"]) >= 4


def test_a_list_of_community_links_does_not_make_the_page_a_pitch():
    # Before: TL401 "nothing given" on Dagster's "Join our community here:" after a product description:
    # five link items that only ask made the page a pitch throughout, so its description gave nothing.
    text = ("## Integrations\n\nTabula reads the files your team already keeps in shared drives and exports "
            "reports to the tools you already use.\n\n## Community\n\n"
            "Meet other analysts who build reports with Tabula and share their templates.\n\n"
            "Join our community here:\n\n- Star us on GitHub\n- Subscribe to our newsletter\n"
            "- Follow us on Mastodon\n- Follow us on LinkedIn\n- Subscribe to our video channel\n")
    rules = {d.rule for d in check_text(text, fmt="markdown").diagnostics}
    assert "TL401" not in rules
    assert "TL402" in rules  # the stacked list itself is still a finding


# A brand's post that shares its page: one line and the link, nothing else.
_SHARED_POST = "Tracing slow queries across services got a lot simpler in 4.2\nhttps://example.org/blog/tracing-in-4-2\n"


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_a_short_post_that_ends_on_a_link_is_promotion_and_must_listen(fmt):
    result, m = message(_SHARED_POST, fmt)
    assert m.genre == "promotional"
    assert "promotion" in m.acts[0]
    assert [d.rule for d in result.diagnostics] == ["TL301"]


def test_a_closing_link_in_mail_or_on_a_long_page_is_no_broadcast():
    mail = "From: Ana <ana@example.org>\nSubject: that talk\n\nThe talk I mentioned at lunch\nhttps://example.org/talk\n"
    assert "promotion" not in set().union(*acts_of(mail, "email"))
    page = ("The exporter writes one file per table. Each file holds the rows in the order the table "
            "stores them, with a header line naming the columns, and the exporter checks every file "
            "against its table before it moves on to the next one, so a partial export is never left "
            "behind when a disk fills up or a connection drops halfway through a long run of tables.\n"
            "https://example.org/docs/export\n")
    assert "promotion" not in set().union(*acts_of(page, "text"))


def test_a_get_in_touch_button_is_no_invitation_but_the_sentence_is():
    page = ("Run your storage on commodity servers and cut what you pay per terabyte by half. "
            "Explore the reference architectures ›\n\nGet in touch\n")
    assert not any("invitation" in a for a in acts_of(page))
    assert "TL301" in {d.rule for d in message(page)[0].diagnostics}
    asked = page.replace("Get in touch\n", "Get in touch with your questions about sizing, and we will answer them.\n")
    assert any("invitation" in a for a in acts_of(asked))


def test_a_plain_text_get_started_heading_is_a_section_name_not_an_ask():
    text = ("We launched the public beta today, with invoices, time tracking and a shared inbox.\n\n"
            "Get started\n\nSign in with your work email and import last month's invoices in one step.\n")
    acts = acts_of(text, "text")
    assert "ask" not in acts[1]
    # the same words closing the draft, with nothing under them, are still the ask
    assert "ask" in acts_of("We launched the public beta today, with invoices and time tracking.\n\nGet started\n",
                            "text")[-1]


def test_a_sentence_asks_once_however_many_of_its_words_the_lists_know():
    text = ("The reading room stays open late all winter, with free tea and two new study tables. "
            "Please consider making a donation to keep it open. Donate today.")
    assert "TL402" not in {d.rule for d in message(text, "text")[0].diagnostics}
    stacked = text + " Subscribe to our newsletter."
    assert "TL402" in {d.rule for d in message(stacked, "text")[0].diagnostics}


@pytest.mark.parametrize("dismiss", ["Not now", "Remind me later", "Maybe later", "No thanks", "Dismiss"])
def test_the_button_beside_a_dismiss_button_is_the_ask(dismiss):
    # an in-product prompt: the words over it, the button it wants pressed, the way out
    prompt = ("Working from a café today?\n\nA private network hides what you browse from everyone on the same "
              f"Wi-Fi, wherever you sit.\n\nStay private with Harbor VPN\n\n{dismiss}\n")
    acts = acts_of(prompt, "text")
    assert "ask" in acts[2] and "ask" not in acts[1] and "prompt" in acts[3]
    # the buttons are the reader's answer: no call for a question (TL301's not_if)
    assert "TL301" not in {d.rule for d in message(prompt, "text")[0].diagnostics}
    # without the way out, the same line is one more line of the message, not a button
    alone = acts_of(prompt.replace(f"\n\n{dismiss}\n", "\n"), "text")
    assert "ask" not in alone[-1] and not any("prompt" in a for a in alone)


def test_a_sentence_over_a_dismiss_button_is_no_button():
    # a whole sentence with its stop, then "Close": a notice and its close button, nothing to press
    notice = "We updated the privacy policy on March 3, and the changes are listed in full on the policy page.\n\nClose\n"
    assert not any("ask" in a for a in acts_of(notice, "text"))


_ABOUT = ("About us\n\n"
          "We design brands and websites for independent shops. We started in a spare room in 2016, and we now work "
          "from our own studio by the harbour. We care about craft, and we care about the people we work with. We "
          "believe good design is honest, and we believe small teams do their best work when they trust each other. "
          "We are not just another studio: we put our names on every project we make, and our team still answers "
          "every call itself. We love long partnerships, and our first client is still with us.\n")


def test_an_about_page_is_judged_as_the_sender_presenting_itself():
    result, m = message(_ABOUT, "text")
    assert "profile" in acts_of(_ABOUT, "text")[0]
    assert m.genre == "promotional"
    assert {"TL201", "TL301"} <= {d.rule for d in result.diagnostics}


def test_an_about_us_line_further_down_presents_nothing():
    # the same words under a plain notice, with a menu's "About us" line at the foot: no profile
    notice = ("The studio is closed from 24 December to 2 January. Orders placed in that week ship on 3 January, "
              "and the shop stays open online the whole time.\n\nShop\n\nAbout us\n")
    assert not any("profile" in a for a in acts_of(notice, "text"))


def test_a_team_rule_leaves_out_drafts_with_not_if(tmp_path):
    rule, engine = team_rule(tmp_path, "ACME8", "kind: required\nmessage: m\nrationale: r\n"
                             "signals:\n  - act: question\nnot_if:\n  act: prompt\n")
    card = "Your backups are ready on every device you sign in to.\n\nOpen settings\n\nMaybe later\n"
    note = "Your backups are ready on every device you sign in to.\n\nOpen settings\n"
    assert not flagged(engine, card, "text") and flagged(engine, note, "text")
    # validated like any block: a misspelt act names the file and the place
    rule.write_text(rule.read_text(encoding="utf-8").replace("act: prompt", "act: promt"), encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_file(rule)
    assert "ACME8.yaml:9" in str(err.value) and "did you mean 'prompt'" in str(err.value)


def test_a_pages_exclamation_marks_are_its_voice_but_bulk_mails_are_its_pitch():
    page = ("Plan your week in one place!\n\nEvery recipe you save lands in one list, sorted by what is in season!\n\n"
            "The planner builds your shopping list from the week's recipes, and it groups it by aisle!\n\n"
            "Start planning\n")
    assert "TL401" not in {d.rule for d in message(page, "text")[0].diagnostics}
    assert any("information" in a for a in acts_of(page, "text"))
    mail = "From: Deals <deals@example.com>\nSubject: deals\n\n" + page
    assert not any("information" in a for a in acts_of(mail, "email"))


def test_a_list_phrase_matches_a_curly_apostrophe_as_a_straight_one():
    for text in ("Acme is the world's leading data portal.", "Acme is the world’s leading data portal."):
        assert "TL204" in {d.rule for d in check_text(text).diagnostics}, text


@pytest.mark.parametrize("sentence", [
    "We would like to encourage you to support our work with a financial donation.",
    "We urge you to give what you can this winter.",
])
def test_an_appeal_put_as_the_senders_wish_is_an_ask(sentence):
    assert "ask" in acts_of(sentence)[0]


def test_a_send_feedback_button_invites_though_a_get_in_touch_button_does_not():
    page = "Tell us how the new editor works for you.\n\nSend feedback\n"
    assert "invitation" in acts_of(page, "text")[-1]


def test_a_reply_in_a_watched_thread_is_a_notification():
    note = ("Dana has posted a new reply to the \"Release planning\" thread that you are watching.\n\n"
            "To read it, click here: https://forum.example.org/t/42\n")
    assert message(note, "text")[1].genre == "transactional"


def test_a_line_that_names_the_product_by_the_brand_informs():
    page = ("Plans and pricing\n\nHarbor Pro and support\n\n"
            "Up to ten years of security fixes for the packages you run, with a patch for the kernel every week.\n\n"
            "Optional phone and email support for Harbor OS, your servers, and your applications.\n\n"
            "Buy Harbor Pro\n\nHarbor helps us sleep at night, and Harbor ships our fixes first.\n")
    acts = acts_of(page, "text")
    assert "information" in acts[3]  # the product named, not the sender talking
    assert "TL401" not in {d.rule for d in message(page, "text")[0].diagnostics}
    # the brand as the one acting still talks about the sender
    assert "information" not in acts[-1]


def test_reaching_out_to_the_team_invites_but_booking_through_it_asks():
    assert "invitation" in acts_of("Questions about membership? Reach out to our friendly team.")[-1]
    assert "invitation" not in acts_of("Reach out to our team to book a demo of the new planner.")[0]


def test_a_letter_that_awaits_the_readers_response_invites_a_reply():
    """A 2002 business-proposal letter ended "I await your earliest response." and got TL301."""
    assert "invitation" in acts_of("I await your earliest response.")[-1]
    assert "invitation" in acts_of("We are awaiting your reply on the new dates.")[-1]
    assert "invitation" not in acts_of("Your parcel is awaiting collection at the depot.")[-1]


@pytest.mark.parametrize("text", [
    "Would a quick call work for you this week?",
    "Got 15 minutes on Thursday?",
    "Would love to connect and walk you through how the planner works.",
    "Would be happy to share more if you're interested.",
    "To keep the project going, please send a donation.",
    "Get smarter now ↣",
    "Support the show",
    "Join my mailing list",
], ids=["call-question", "got-minutes", "love-to-connect", "happy-to-share", "send-a-donation", "button-now",
        "support-the-show", "my-mailing-list"])
def test_cold_mail_and_appeal_asks_in_their_own_words(text):
    """Registry set J's outreach templates, Vim's sponsor page and a course mail's button."""
    assert "ask" in acts_of(text, fmt="text")[-1]


@pytest.mark.parametrize("text", [
    "Would a bigger screen work better for your team?",   # a question about the product, not a meeting
    "Got a minute? Here is what changed in the planner.",  # no number of minutes asked for
    "We would be happy to help if anything breaks.",      # help offered, an invitation
    "Start times for every class are now on the calendar.",  # "now" in a sentence, not a button
], ids=["product-question", "got-a-minute", "happy-to-help", "prose"])
def test_the_same_words_that_ask_nothing(text):
    assert not any("ask" in a for a in acts_of(text, fmt="text"))


def test_a_templates_call_to_action_slot_is_an_ask():
    """Set H's cold-email templates end on "{cta}": the ask the template will hold."""
    assert "ask" in acts_of("Hi {name},\n\nI think you'll find this useful: {value}\n\n{cta}\n", fmt="text")[-1]
    assert not any("ask" in a for a in acts_of("Hi {name},\n\nYour invoice {number} is attached.\n", fmt="text"))


def test_a_wish_for_the_readers_time_is_an_offer_not_a_demand():
    """Set I's volunteer page: "We'd love to have you … as a volunteer" asks on the reader's terms."""
    acts = acts_of("We'd love to have you and meet you as a volunteer this spring!", fmt="text")[-1]
    assert "offer" in acts and "ask" not in acts
    assert "offer" not in acts_of("We'd love to hear what you think of the new planner.", fmt="text")[-1]


def test_something_free_for_its_reader_is_value():
    assert "value" in acts_of("30-day trial for teams. Always free for personal use.", fmt="text")[-1]


def test_our_faq_and_our_forum_point_the_reader_to_help():
    _, m = message("Visit our FAQ, our community forum, or our help center whenever you need a hand.")
    assert not m.hits["sender"]
    _, m = message("Our team built our new planner in our own studio.")
    assert len(m.hits["sender"]) == 3


@pytest.mark.parametrize("sentence,heard", [
    # a count of what readers sent (a donation page, set AH) ...
    ("There are ~2000 bug reports and feature requests on GitHub, and the number keeps growing.", False),
    # ... is no call for more, but asking for them is
    ("Send us your feature requests on GitHub.", True),
])
def test_a_count_of_feature_requests_is_no_invitation(sentence, heard):
    assert ("invitation" in acts_of(sentence)[0]) is heard


def test_a_statement_ending_on_a_linked_titles_question_mark_is_no_question():
    text = "You can find the full list of changes on the What's new in Relay 1.9?"
    assert "question" not in acts_of(text)[0]


@pytest.mark.parametrize("sentence,act,heard", [
    # a tutorial's close that asks for the reader's word, whichever channel it goes to (set AL)
    ("If you have any comments, questions or suggestions, please join us on Slack in the #deploys channel.",
     "invitation", True),
    ("If you have questions or feedback, come find us in the forum.", "invitation", True),
    # ... not the product's own comment field
    ("If you have any comments on the ticket, they appear under the ticket's title.", "invitation", False),
    # readers' feedback heard (a docs overhaul post, set AL)
    ("Over the last year we've received a lot of helpful feedback about the docs, and we listened.",
     "acknowledgement", True),
    ("Based on your feedback, the search box now sits at the top of every page.", "acknowledgement", True),
    ("We have received a new server rack for the office.", "acknowledgement", False),
])
def test_the_readers_word_asked_for_and_heard(sentence, act, heard):
    assert (act in acts_of(sentence)[0]) is heard


def test_a_service_pages_may_we_help_you_is_an_offer_not_a_question():
    """"May we help you in your Cloud journey?" over a "Sure, let's chat!" button (set AJ)."""
    assert "question" not in acts_of("May we help you plan your move to the cloud?")[0]
    assert "question" in acts_of("Which part of the move worries you most?")[0]


def test_a_page_named_for_its_folder_opens_with_its_title_not_an_ask():
    """"Book a consulting session" twice (front matter and heading) over consult/_index.md (set AJ)."""
    text = ("Book a consulting session\n\nBook a consulting session\n\nOur engineers review your cloud setup in two "
            "days and hand you a written plan.\n")
    asks = lambda path: {h.sent for h in check_text(text, path=path).facts.message.hits.get("ask", [])}
    assert not asks("content/consult/_index.md") & {0, 1}
    assert asks("content/services/_index.md") & {0, 1}


@pytest.mark.parametrize("sentence", [
    # a founder's monthly update (set AM)
    "Have a good weekend, and always feel free to email me if you need anything!",
    # a project's post asking for the reader's work (set AN), although "please share" starts like an ask
    "Please share what you built with it!",
    # a release post's door left open (set AP)
    "Reach out at team@example.org if you'd like to discuss more!",
    # a community page's welcome for newcomers (set AP)
    "We love it when new people stop by and introduce themselves in the #introductions channel.",
    # a release post open to what readers bring (set BB)
    "We're always listening for new ideas, and we're happy to welcome new contributors.",
    # the singular as many write it (set BC); a volunteer call (set BD)
    "If you have any question please contact support at help@example.org.",
    "Hit us up if you would like to help design our editor!",
])
def test_more_ways_a_draft_asks_for_the_readers_word(sentence):
    assert "invitation" in acts_of(sentence)[0]


def test_sharing_the_post_is_still_an_ask_not_an_invitation():
    assert "invitation" not in acts_of("Please share this post with your team!")[0]


# --- `given_after:` in an order rule (TL401) ---------------------------------------------------

_ORDER = ("id: ACME7\nfamily: house\nkind: order\nmessage: m\nrationale: r\ntarget: {act: ask}\n"
          "before: {act: [value]}\n")


def _order_engine(tmp_path, extra: str) -> Engine:
    rule = tmp_path / "ACME7.yaml"
    rule.write_text(_ORDER + extra, encoding="utf-8")
    return Engine(load_file(rule))


# An enterprise page: a plan table whose rows neither sell nor talk about the sender, then its button.
_PLAN_PAGE = ("---\nchannel: landing-page\n---\nPlans\n\nCommunity plan, Team plan and Enterprise plan compared, row by row.\n\n"
              "Maintained by | volunteers | the core team | the core team\n\nRelease cycle | when ready | every month | "
              "every month\n\nSupport tickets | none | next working day | within four hours\n\nSecurity fixes | "
              "best effort | within a week | within a day\n\nOnboarding calls | none | one | as many as needed\n\n"
              "Sign up for the Team plan\n")


def test_an_ask_after_a_long_plain_table_is_not_premature(tmp_path):
    ask = lambda engine: [d for d in engine.check(SourceFile(path="team-plan.md", text=_PLAN_PAGE,
                                                             format="markdown")).diagnostics]
    assert ask(_order_engine(tmp_path, ""))
    assert not ask(_order_engine(tmp_path, "given_after: 40\n"))
    # in mail a long text before "sign up" is still a pitch's run-up (2002 spam): not a page
    mail = "From: a@b.example\nSubject: Plans\n\n" + _PLAN_PAGE.split("---\n", 2)[2]
    found = _order_engine(tmp_path, "given_after: 40\n").check(SourceFile(path="plans.eml", text=mail, format="email"))
    assert found.diagnostics


def test_words_about_the_sender_do_not_count_as_given(tmp_path):
    sender = ("---\nchannel: landing-page\n---\nWe have worked on our new planner for three months with our private beta customers, and we are "
              "proud of what our team built. We thank everyone who joined our calls and sent us their notes. "
              "We will keep building our planner in the open, and our roadmap is public.\n\nSign up for the beta\n")
    found = _order_engine(tmp_path, "given_after: 40\n").check(SourceFile(path="post.md", text=sender,
                                                                          format="markdown")).diagnostics
    assert [d.rule for d in found] == ["ACME7"]


@pytest.mark.parametrize("value, hint", [("-3", "whole number"), ("many", "must be int"), ("true", "must be int")])
def test_given_after_is_a_whole_number(tmp_path, value, hint):
    rule = tmp_path / "ACME7.yaml"
    rule.write_text(_ORDER + f"given_after: {value}\n", encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_file(rule)
    assert "ACME7.yaml" in str(err.value) and hint in str(err.value), str(err.value)


def test_a_user_interview_offered_asks_for_the_readers_experience():
    """"we'd love to chat about your experiences with our documentation" (a project's tweet, set AN)."""
    text = "If you have used our docs lately, we'd love to chat about your experiences in a short user interview."
    assert "invitation" in acts_of(text)[0]


def test_a_sales_page_promotes_by_its_path_and_is_judged_for_listening():
    """A pricing page that never asks in words the lists know (sets AJ, AO): TL301 judges it."""
    page = ("Pricing\n\nWith the Community edition you run one cluster, free, forever. The Business edition gives "
            "you up to ten clusters for 400 euros a month, with our support on working days. With the Enterprise "
            "edition your price is set per contract, and our support answers around the clock.\n")
    rules = lambda path: [d.rule for d in check_text(page, path=path).diagnostics]
    assert "TL301" in rules("content/pricing.md")
    assert "TL301" not in rules("content/notes/editions-2024.md")


@pytest.mark.parametrize("sentence, act, found", [
    # a trial mail's notice is what it gives (sets AI and AT)
    ("Your Larkboard trial is over.", "value", True),
    ("Your plan expires in three days.", "value", True),
    # a release's upgrade command is help (set AQ) ...
    ("Upgrade today by running npx @quill/codemod migrate.", "ask", False),
    # ... an upgrade button is still an ask
    ("Upgrade today and keep every board.", "ask", True),
    # a webinar's registration is the free thing it offers (set AQ)
    ("Save your seat for our webinar on Thursday, where we walk through the new editor.", "offer", True),
    ("Save your seat for our webinar on Thursday, where we walk through the new editor.", "ask", False),
])
def test_trial_notices_release_commands_and_webinar_seats(sentence, act, found):
    _, m = message(sentence)
    assert bool(m.hits.get(act)) is found


def test_sharing_ideas_with_the_community_is_an_invitation_even_in_a_list_of_asks():
    """"- Join our community to share ideas and feedback" closing a membership post (set AS)."""
    text = "- Check out our repository to contribute\n- Join our community to share ideas and feedback\n"
    assert any("invitation" in a for a in acts_of(text))


def test_a_tweet_file_is_a_social_post_and_its_question_is_put_to_followers():
    """tweets/*.tweet (twitter-together's layout, sets AN and V): the social channel, where a question
    without "you" still asks the followers; a feature bullet's teaser does not."""
    from tonelint.engine.genre import channel_of_path
    assert channel_of_path("tweets/2020/group-name.tweet") == "social"
    assert channel_of_path("content/social-media/launch.txt") == "social"
    assert channel_of_path("content/blog/tweets-we-liked.md") is None
    post = "What is the name for a group of robots?\n\nhttps://example.org/issues/1269\n"
    asked = lambda path: {a for acts in check_text(post, path=path).facts.message.acts for a in acts}
    assert "question" in asked("tweets/2020/group-name.tweet")
    assert "question" not in asked("notes/group-name.md")
    setup = "Our new preprint is out. The goal? Faster pathogen tracking for every lab.\n"
    assert "question" not in {a for acts in check_text(setup, path="tweets/preprint.tweet").facts.message.acts
                              for a in acts}
    teaser = "Export to 11 formats - Need to share data?\n\nGet started here: https://example.org/get\n"
    assert "question" not in {a for acts in check_text(teaser, path="tweets/launch.tweet").facts.message.acts
                              for a in acts}


@pytest.mark.parametrize("sentence", [
    "Join us in our chat and share how you got involved with the project.",
    "Please responsibly report anything you find to us by following our security policy.",
    "We welcome contributions and contributors of all kinds, from code to bug reports.",
])
def test_the_readers_story_findings_and_help_asked_for(sentence):
    """An anniversary post, a security audit's report and a community page (set AW)."""
    assert any("invitation" in a for a in acts_of(sentence))


# --- held-out sets AY to BB ---------------------------------------------------------------------------

def _premature(text: str, path: str = "<draft>", fmt: str = "markdown") -> list:
    return [d for d in check_text(text, fmt=fmt, path=path).diagnostics if d.rule == "TL401"]


def test_a_trial_end_notice_is_given_though_it_names_the_free_trial():
    """Its "free trial" tells the reader which trial ended; the upgrade after it is not premature (set AZ)."""
    mail = ("Hi there,\nYour Quillpad 14-day free trial for {workspace} has come to an end.\n"
            "To keep your notes in Quillpad, please upgrade to a paid plan.\nUpgrade now\n")
    assert "value" in acts_of(mail, "text")[0]
    assert not _premature(mail, fmt="text")
    assert "value" in acts_of("Your Quillpad trial is almost over.")[0]


def test_a_price_lists_buttons_are_offers_not_premature_asks():
    """Every button of a pricing page is the reader's choice of plan (sets R, AV, AY)."""
    page = ("Pricing\n\nFree\n\nUp to two projects\n\nUpgrade anytime\n\nGet Started\n\nTeam\n\n"
            "$40 a month for ten projects\n\nGet Started\n\nEnterprise\n\nPlease contact us to learn more!\n")
    elsewhere = check_text(page, path="notes/draft.md").facts.message
    assert any("ask" in a for a in elsewhere.acts)
    result = check_text(page, path="src/pages/pricing.md")
    assert not any("ask" in a for a in result.facts.message.acts)
    assert not [d for d in result.diagnostics if d.rule in ("TL401", "TL402")]
    assert result.facts.message.hits["offer"]


@pytest.mark.parametrize("text", [
    "Upgrade anytime",
    "Perused the Get Started pages but would like another intro?",
])
def test_words_that_look_like_an_ask_but_name_or_describe(text):
    assert not any("ask" in a for a in acts_of(text))


def test_a_condition_after_an_emoji_still_leaves_the_choice_to_the_reader():
    """"🗓 If you're interested, you can book a time slot" (a project's tweet, set AN)."""
    acts = acts_of("🗓 If you're interested, you can book a time slot here: https://example.org/slots")[0]
    assert "offer" in acts and "ask" not in acts


def test_an_enterprise_page_under_pages_is_a_page_and_its_hero_line_gives():
    """A line for the reader about the sender's product comes before its button (set AY)."""
    page = ("Enterprise feature flags\n\nUse our hosted API, deploy to your own cloud, or run it on your own "
            "servers.\n\nStart now\n\nTalk to sales\n\nRun on-premises\n\nKeep every flag inside your network.\n")
    result = check_text(page, path="pages/enterprise.js", fmt="text")
    assert result.facts.message.page
    assert not [d for d in result.diagnostics if d.rule == "TL401"]
    # words about the sender's own work still do not count as given
    effort = ("We have spent a year on our planner. Our team is proud of it, and we thank our beta testers "
              "for their notes.\n\nStart now\n\nYou can plan a sprint in two minutes.\n")
    assert _premature(effort, path="pages/enterprise.js", fmt="text")


def test_a_folders_page_titled_by_its_name_is_no_ask():
    """"Become a member" over membership/index.md is the page's title (set AF); a card's "Become a
    Sponsor" over deadlines/01_sponsorship.mdx is still its ask (set S)."""
    first = lambda text, path: set(check_text(text, path=path).facts.message.acts[0])
    member = "Become a member\n\nMembers shape the foundation's roadmap and meet twice a year.\n"
    sponsor = "Become a sponsor\n\nSponsors meet three hundred developers at the conference in June.\n"
    assert "ask" not in first(member, "membership/index.md")
    assert "ask" not in first(sponsor, "sponsorship/_index.md")
    assert "ask" in first(sponsor, "deadlines/01_sponsorship.mdx")
    assert "ask" in first(member, "deadlines/01_membership.mdx")


def test_reply_this_email_invites_a_reply():
    assert "invitation" in acts_of("If you would like more time, please reply this email.")[0]


@pytest.mark.parametrize("text", [
    "Didn't find the answer? Contact us",
    "Got any question? We answer every message within a day.",
])
def test_an_faqs_closing_line_asks_for_the_readers_question(text):
    assert {"invitation", "question"} & acts_of(text)[0]


def test_an_events_name_on_its_own_page_is_the_offer_not_the_sender():
    """"Welcome to SRCCON!", "About PyCon Africa 2025" (three event pages, set BA): the event the reader
    may attend; a company's name on its own page still talks about the sender."""
    def sender_hits(brand: str) -> list:
        page = (f"Welcome to {brand}!\n\n{brand} runs for two days in Accra. {brand} has sessions, a job fair "
                f"and a quiet room. {brand} tickets include lunch.\n")
        engine = default_engine(Settings(brand=brand))
        return [h for h in check_text(page, engine=engine).facts.message.hits["sender"] if h.key.endswith(":brand")]
    assert not sender_hits("SRCCON") and not sender_hits("PyCon Africa") and not sender_hits("CHAOSScon")
    assert sender_hits("Quillpad")


def test_a_bug_report_asked_for_is_no_premature_ask():
    """"if you notice a mistake on our website, please consider opening an issue so we can fix it" (set BF)."""
    text = ("Our site is open source; if you notice a mistake on our website, please consider opening an issue "
            "so we can fix it.")
    acts = acts_of(text)[0]
    assert "ask" not in acts and "invitation" in acts
