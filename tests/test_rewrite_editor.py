"""What a blind editor rejected in the rewrites (issue 14), as general cases on
text of our own writing: names pulled from the wrong words, "You can now …"
forced on news that gives the reader nothing new to do, swaps that change
what the sentence means, and findings on words that are not the sender's."""

from __future__ import annotations

import re

import pytest

from tonelint.api import check_text, default_engine
from tonelint.engine.core import Settings
from tonelint.rewrite.draft import Draft


def findings(text: str, fmt: str = "text", channel: str | None = None):
    engine = default_engine(Settings(channel=channel)) if channel else None
    return check_text(text, fmt=fmt, engine=engine).diagnostics


def one(text: str, rule: str, **kw):
    found = [d for d in findings(text, **kw) if d.rule == rule]
    assert found, f"no {rule} in {[d.rule for d in findings(text, **kw)]}"
    return found[0]


def draft_of(text: str) -> Draft:
    """The rewriters' view of a plain-text draft, for tests of one rewriter step."""
    result = check_text(text, fmt="text")
    return Draft(text, result.facts, meta=result.meta, fmt="text", measures=result.measures)


def rules(text: str, **kw) -> set:
    return {d.rule for d in findings(text, **kw)}


# One-way: cut the frame, keep the news, keep who it is about.

def test_a_partnership_announced_by_a_named_sender_keeps_the_sender_and_the_partner():
    text = ("Northwind Labs (NWL), the non-profit behind OpenMaps, is pleased to announce our collaboration "
            "with The Apache Foundation.")
    d = one(text, "TL202")
    assert d.rewrite_kind == "sentence"
    assert d.rewrite == ("Northwind Labs (NWL), the non-profit behind OpenMaps, now works with The Apache "
                         "Foundation.")


def test_their_news_becomes_the_named_senders_so_no_pronoun_dangles():
    d = one("ByteWeekly are proud to announce their first Reader Week.", "TL202")
    assert d.rewrite == "ByteWeekly's first Reader Week is here."


def test_news_with_nothing_for_the_reader_to_do_gets_no_you_can_now():
    d = one("We are proud to announce $20 million in new funding led by two investors.", "TL202")
    assert "You can now" not in d.rewrite and "$20 million in new funding" in d.rewrite


def test_sender_heavy_draft_is_not_told_what_a_plain_word_changes_for_the_reader():
    text = ("We are a global community with a mission to bring open maps to everyone. Our members meet every "
            "month. We run the Community Forum and our volunteers answer questions there. We are proud of our "
            "history and we are proud of our community. We host our events in twelve cities. Our board meets "
            "twice a year and we publish our minutes. Join us today.")
    d = one(text, "TL201", channel="landing-page")
    assert "Community changes" not in d.rewrite and "You can now" not in d.rewrite
    quoted = next(q for q in d.rewrite.split('"')[1::2] if q in text)  # the draft's own sentence
    assert quoted in text and text[d.rewrite_span[0]:d.rewrite_span[1]] == quoted


def test_an_address_is_no_product_name():
    text = ("BIG NEWS! Our program pays you every week and you can start today. Order the starter kit now and "
            "get the guide free. To order, write to JohnMarlow@mail.example with ORDER in the subject line. "
            "Order now!")
    draft = draft_of(text)
    assert draft.product is None or "JohnMarlow" not in draft.product



def test_the_name_under_the_sign_off_is_who_signs_not_the_product():
    """Seed 3277: "one thing about Daniel the reader can check", from a letter signed "Daniel" over
    "Mailbox 1993"."""
    signed = ("Sign up for free and try our system. No obligation.\n\nThe next people who join will be below "
              "you!\n\nAll the best,\n\nMarta\nHome Business Owner\n1-800-555-0100, Mailbox 2211\n")
    draft = draft_of("From: \"Marta\" <marta@mail.example>\nSubject: Your new signups\n\n" + signed)
    assert draft.product is None
    # a product the P.S. names is still the product
    ps = draft_of("Marta here. Planwise plans your week.\n\nBest,\nMarta\n\nP.S. Planwise is free for a month.")
    assert ps.product == "Planwise"


# Audience: a swap only where it keeps the meaning.

def test_addresses_for_sale_are_the_product_not_the_reader():
    """Rounds three and four: three blind editors called every finding on a list of addresses for sale wrong
    ("the addresses are the product"), whatever its rewrite."""
    for text in ("Software for finding targeted email addresses.",
                 "Order now for a total of 28,000,000 fresh email addresses!",
                 "We mail your offer to millions of email addresses every week."):
        assert not [d for d in findings(text) if d.family == "audience"], text
    assert one("The campaign targets busy moms on Instagram.", "TL102")


def test_our_users_is_not_swapped_for_customers():
    d = one("Why do you think our users would love this amazing new plan?", "TL103")
    assert d.fix is None and "customers" not in d.rewrite
    # ("you" is someone else already, so no "speak to them as you")
    assert d.rewrite == "Why do you think the people we build for would love this amazing new plan?"


def test_funnel_jargon_without_a_faithful_swap_gets_an_instruction():
    d = one("We treat this post as top-of-funnel content.", "TL107")
    assert d.rewrite_kind == "instruction" and "first-contact" not in d.rewrite


@pytest.mark.parametrize("text, rule, rewrite", [
    ("Our directory drives traffic to your web site.", "TL107", "Our directory helps more people find your web site."),
    # "continue find buyers" (two blind editors on a services page, set W)
    ("Our repeatable systems keep generating leads after the project ends.", "TL104",
     "Our repeatable systems keep finding buyers who are ready to talk after the project ends."),
])
def test_a_verb_swap_keeps_the_verbs_ending(text, rule, rewrite):
    assert one(text, rule).rewrite == rewrite


def test_reach_the_target_audience_keeps_the_audience():
    d = one("Our mailing service will reach the target audience for every product.", "TL101")
    assert d.rewrite == "Our mailing service will reach the audience for every product."


# Findings on words that are not the sender's.

@pytest.mark.parametrize("text, rule", [
    ("Join our open office hour on Sep 4, 16:00 CEST!", "TL207"),
    ("The export now writes straight to CSV!", "TL207"),
    ("Sending expiry reminders means we have to keep millions of email addresses on file.", "TL106"),
    ('"Email is a remarkable lead generation tool" - Trade Weekly', "TL104"),
])
def test_no_finding_on_abbreviations_stored_data_or_attributed_quotes(text, rule):
    assert rule not in rules(text)


@pytest.mark.parametrize("text, rule", [
    ("Your first box ships FREE!", "TL207"),
    ("Bulk email gets your message out to the masses.", "TL106"),
    ("This webinar is our best lead generation tool this year.", "TL104"),
])
def test_the_same_rules_still_fire_on_the_senders_own_words(text, rule):
    assert rule in rules(text)


# Lines run together (buttons, nav labels) are not one sentence.

LINKS = ("From: a@b.example\nSubject: Virus alert\nContent-Type: text/html\n\n<p>Protect your computer today.</p>"
         "<p><a href='http://a.example'>CLICK HERE</a> FOR MORE INFO AND TO ORDER<br>\nIf you wish to leave this "
         "list, please <a href='http://b.example'>Click Here</a> to be removed.</p>")


def test_a_link_fix_works_on_its_own_line_not_on_the_next_one():
    found = {d.matched: d.rewrite for d in findings(LINKS, fmt="email") if d.rule == "TL403"}
    assert found["CLICK HERE"] == "Get more info and order"  # its own line, in normal case, and it reads
    assert found["Click Here"].startswith('Name the link for what it does — "Unsubscribe"')
    assert "MORE INFO" not in found["Click Here"]


def test_an_ask_that_lists_what_the_reader_gets_is_the_one_a_stack_keeps():
    from tonelint.rewrite.ask import _lists_benefits
    from tonelint.rewrite.grammar import excerpt

    text = ("Upgrade to keep using shared folders\nFoldly\nYour Foldly Pro trial has ended\n"
            "Your Foldly Pro trial has ended.\nUpgrade now to:\nCreate new shared folders\nUpload large files\n"
            "Invite your colleagues\nUpgrade now\nShared links have been paused.\n")
    draft = draft_of(text)
    by_text = {s.text: s for s in draft.sentences}
    assert _lists_benefits(by_text["Upgrade now to:"], draft)
    assert not _lists_benefits(by_text["Upgrade to keep using shared folders"], draft)
    # run into one "sentence", the list is quoted as a list, and other lines only by their first
    assert excerpt("Upgrade now to:\nCreate new shared folders\nUpload large files") == \
        "Upgrade now to: Create new shared folders, Upload large files"
    assert excerpt("Upgrade to keep using shared folders\nFoldly\nYour trial has ended") == \
        "Upgrade to keep using shared folders …"


# A real end date is information; a slug line goes, it is not lowercased.

def test_a_real_end_date_is_kept_calmly():
    """Two blind editors: cutting a real end date "guts the post", and "until tomorrow" is the same clock."""
    for text, said in (("The foundation is running a discount on its exam vouchers, ending tomorrow.", "ending tomorrow"),
                       ("The foundation's sale on its exam vouchers is over tomorrow:", "is over tomorrow")):
        d = one(text, "TL404")
        assert d.rewrite_kind == "instruction" and d.rewrite.startswith("Keep the deadline, but as a date")
        assert f'"{said}"' in d.rewrite


def test_a_dated_release_slug_is_deleted_not_lowercased():
    text = "June 3, 2024 FOR IMMEDIATE RELEASE\n\nAcme today announced a new office in Leeds.\n"
    d = one(text, "TL204")
    assert d.rewrite_kind == "instruction" and d.rewrite.startswith('Delete the "FOR IMMEDIATE RELEASE"')


# A mailing list's footer is not the message.

FOOTED = """From: Dana at Deal Desk <deals@example.com>
To: list@example.org
Subject: Work from home and earn more

EARN $500 A WEEK FROM HOME! Our proven system does the work for you. Thousands of people already
earn with it. Order the starter kit today for only $40!

--SpamEndSpamEndSpamEnd--

-------------------------------------------------------
This list email is sponsored by: GadgetBarn
Welcome to gadget heaven.
http://gadgetbarn.example/sf
_______________________________________________
Deal-Sightings mailing list
Deal-Sightings@lists.example.org
https://lists.example.org/listinfo/deal-sightings
"""


def test_the_listening_rewrite_works_on_the_message_not_its_footer():
    d = one(FOOTED, "TL301", fmt="email")
    assert "Deal-Sightings" not in d.rewrite and "sponsored" not in d.rewrite and "gadget" not in d.rewrite.lower()
    assert "SpamEnd" not in d.rewrite
    assert d.rewrite_span and FOOTED[d.rewrite_span[0]:d.rewrite_span[1]].startswith("Order the starter kit")
    assert d.rewrite.startswith("Order the starter kit today for only $40! ")


# Shouted lines back in normal case, with the words they are made of.

@pytest.mark.parametrize("shouted, want", [
    ("REMEMBER TO GIVE US A WAY TO REACH YOU BY PHONE!", "Remember to give us a way to reach you by phone!"),
    ("TO ORDER CALL US TOLL-FREE ANYTIME!", "To order call us toll-free anytime!"),
    ("WE SHIP TO THE US AND THE UK!", "We ship to the US and the UK!"),
])
def test_unshouting_keeps_words_words_and_abbreviations_abbreviations(shouted, want):
    from tonelint.rewrite.grammar import unshout

    assert unshout(shouted) == want


@pytest.mark.parametrize("text, want", [
    ("Today, I'm excited to announce the official release of Tallyho 2.0 for teams making Tallyho the easiest "
     "way to plan a shift.",
     "Today, Tallyho 2.0 for teams is out, making Tallyho the easiest way to plan a shift."),
    ("*** Lucky Slots Casino is proud to announce that you get $50 with every new account ***",
     "*** You get $50 with every new account ***"),
    # round four: the news without the feeling in front of it
    ("I'm incredibly proud of what our team and community accomplished during 2016.",
     "Here is what our team and community accomplished during 2016."),
    ("We are very proud that we can share this information with you so that you can make a profit.",
     "We can share this information with you so that you can make a profit."),
    # a passive keeps its "been": "We named to the list" was broken English
    ("We're proud to once again be named to the 100 Best Corporate Citizens list.",
     "We have once again been named to the 100 Best Corporate Citizens list."),
])
def test_pride_frame_cut_reads(text, want):
    assert one(text, "TL202").rewrite == want


def test_an_anniversary_is_turned_to_the_reader_not_told_to_state_a_figure():
    d = one("Happy 30th anniversary to us! Thanks for every visit.", "TL209", channel="social")
    assert "figure" not in d.rewrite and "thank the people" in d.rewrite


# Round two (seed 31): an acronym spelled out, an address and a removal link
# (its exact rewrites are in EXACT_REWRITES at the end).


def test_icp_is_spelled_out_not_called_people():
    d = one("We built this plan for our ICP: teams of five to fifty engineers. Start your free trial today!", "TL104")
    assert d.rewrite.startswith('Spell out "ICP"') and "people behind" not in d.rewrite


def test_a_postal_address_is_not_where_the_question_goes():
    text = ("From: Sam Ortiz <sam@example.com>\nSubject: Cheap toner\n\nWe sell toner cartridges at half the price "
            "of the big stores. Order today and we ship tomorrow. Our warehouse stocks every brand.\n\nToner Depot\n"
            "1200 Main St., Tampa, FL 33710-3918\n")
    d = one(text, "TL301", fmt="email")
    assert "33710" not in d.rewrite and d.rewrite.startswith('After "Our warehouse stocks every brand."')


def test_a_removal_link_in_other_words_is_named_unsubscribe():
    html = ("From: a@b.example\nSubject: Deals\nContent-Type: text/html\n\n<p>Great deals on toner every week.</p>"
            "<p><a href='http://a.example'>CLICK HERE</a> and you will be eliminated from future mailings.</p>")
    d = one(html, "TL403", fmt="email")
    assert d.rewrite.startswith('Name the link for what it does — "Unsubscribe"')


def test_findings_on_one_encoded_span_fold_only_on_the_same_words():
    from tonelint.diagnostics import Diagnostic, Level
    from tonelint.engine.precedence import one_per_span

    def finding(rule, sentence, message):
        return Diagnostic(rule, "one-way", Level.WARNING, 951, 951, "", message, "", "", sentence=sentence)

    kinds = {"TL101": "substitution", "TL206": "existence", "TL207": "existence", "TL401": "order",
             "TL404": "existence"}
    found = [finding("TL101", 9, '"targeted audience" speaks about readers as a target'),
             finding("TL206", 7, '"FULLY GUARANTEED!" is shouting'),
             finding("TL207", 7, '"GUARANTEED!" may read as shouting'),
             finding("TL404", 3, '"Order today" pressures the reader'),
             finding("TL401", 3, 'asks "Order today" before the reader has been given anything')]
    kept = one_per_span(found, kinds)
    assert [d.rule for d in kept] == ["TL101", "TL206", "TL207", "TL404"]
    assert all(d.message.count("it also") <= 1 for d in kept)


# Round three (seed 77).

@pytest.mark.parametrize("text, want", [
    ("Why I'm Qualified to Give You The Best Grants Advice Available", "Why I'm Qualified to Give You Grants Advice"),
    # after "is", a singular thing keeps an article (round four: "is analytics tool" was broken)
    ("Our platform is the best analytics tool on the market.", "Our platform is an analytics tool."),
])
def test_best_x_available_loses_the_ranking_and_reads(text, want):
    assert one(text, "TL210").rewrite == want


def test_best_value_is_one_adjective_so_no_cut_is_offered():
    """Round four's blind editor: cutting "the best … available" out of "the best value scale-out
    performance available" left "delivers value scale-out performance", broken English."""
    d = one("Whether you run a cloud or a render farm, Ubuntu Server delivers the best value scale-out "
            "performance available.", "TL210")
    assert d.rewrite_kind == "instruction"
    assert "delivers value" not in d.rewrite and "the best value scale-out performance available" in d.rewrite


def test_a_shouted_brand_keeps_its_capital_before_its_camel_case_name():
    from tonelint.rewrite.grammar import unshout

    assert unshout("Attn: NORTON SYSTEMWORKS 2002 CLEARANCE SALE!", {"systemworks": "SystemWorks"}) == \
        "Attn: Norton SystemWorks 2002 clearance sale!"


def test_a_title_case_product_name_is_not_rewritten_word_by_word():
    d = one("Benefits of our Phone Qualified Lead Generation System: 1.", "TL104")
    assert d.rewrite_kind == "instruction" and '"Phone Qualified Lead Generation System"' in d.rewrite


def test_a_title_case_heading_lends_no_capitals_to_an_unshouted_line():
    text = "Work From Home Reps Needed\n\nWe pay every week for simple work.\n\nHOME REPS NEEDED RIGHT NOW!\n"
    assert one(text, "TL206").rewrite == "Home reps needed right now."


def test_a_banner_rule_is_not_kept_in_an_unshouted_line():
    text = "===========================\nBE A MILLIONAIRE LIKE OTHERS WITHIN A YEAR!!!\n"
    assert one(text, "TL206").rewrite == "Be a millionaire like others within a year."


def test_a_donation_ask_is_invited_as_support_not_as_a_trial():
    from tonelint.rewrite.ask import _invitation

    text = "Donate today! The library stays open late for students who need a quiet place to study."
    draft = draft_of(text)
    assert _invitation("Donate today!", draft) == "If you'd like to support this work, donate today."
    assert _invitation("Sign up today!", draft) == "If you'd like to try it, sign up today."


# Round four (seed 4242, after its verdicts were written).

def test_a_clause_after_announce_is_not_given_is_here():
    d = one("The winning name was drawn from a hat and we're pleased to announce the winner of the digital camera "
            "works at one of our resellers in Ohio!", "TL202")
    assert "is here" not in d.rewrite


def test_banner_marks_inside_a_shouted_line_go():
    d = one("===WHEN YOU PLACE YOUR ORDER, MAKE SURE === ===YOU ORDER EACH OF THE 5 REPORTS!", "TL207")
    assert d.rewrite == "When you place your order, make sure you order each of the 5 reports."


def test_please_click_here_to_x_becomes_x():
    html = ("From: a@b.example\nSubject: Quote\nContent-Type: text/html\n\n<p>Great rates on loans every week.</p>"
            "<p>Please <a href='http://a.example'>CLICK HERE</a> to fill out a quick form.</p>")
    assert one(html, "TL403", fmt="email").rewrite == "Fill out a quick form."


# A rewrite that must read exactly so: (what it shows, rule, sentence, rewrite).
EXACT_REWRITES = [
    # (not "… your ad to everyone", a bigger promise (seed 3277), nor "… to the people you want to
    # reach", a targeting claim (seed 6277))
    ("a_reach_claim_stays_a_reach_claim", "TL106",
     "Our bulk email service gets your ad out to the masses every week.",
     "Our bulk email service gets your ad out to many more people every week."),
    ("to_the_masses_alone_means_everyone", "TL106",
     "Our bulk email service sends out to the masses every week.",
     "Our bulk email service sends to everyone every week."),
    # (not "Hi, Please take a moment": seed 3277)
    ("a_greeting_run_into_the_body_lowers_its_next_word", "TL109",
     "Dear Subscriber, Please take a moment to update your delivery address before Friday.",
     "Hi, please take a moment to update your delivery address before Friday."),
    # (not "Quarry is open-source data catalogue.": seed 9277)
    ("a_rank_cut_after_is_leaves_an_article", "TL204",
     "Quarry is the world’s leading open-source data catalogue.",
     "Quarry is an open-source data catalogue."),
    ("a_week_only_goes_when_the_real_date_is_there", "TL404",
     "Take the spring promotion: 40% off all courses, 1 week only, through April 19",
     "Take the spring promotion: 40% off all courses, through April 19."),
    ("proud_to_have_done_it_is_the_deed", "TL202",
     "We’re proud to have contributed to that, and we’d like to thank everyone who helped.",
     "We contributed to that, and we’d like to thank everyone who helped."),
    ("a_name_after_the_news_stays_with_it", "TL202",
     "GhostMail is proud to introduce our one and only travel reporter, Gus.",
     "GhostMail's one and only travel reporter, Gus, is here."),
]


@pytest.mark.parametrize("rule, text, want", [r[1:] for r in EXACT_REWRITES], ids=[r[0] for r in EXACT_REWRITES])
def test_a_rewrite_reads_exactly(rule, text, want):
    assert one(text, rule).rewrite == want


# Round four (blind editor, seed 3107).

def test_shouting_on_a_line_that_failed_to_decode_is_not_judged():
    """The editor fixes the encoding first: "!!!" after replacement characters is no finding,
    while the same draft's readable "Buy now!!!" still is."""
    garbled = "\ufffd" * 5 + " " + "\ufffd" * 8 + "!!!"
    found = findings(f"Hi,\n\n{garbled}\n\nBuy now!!!\n")
    assert [d.matched for d in found if d.rule == "TL205"] == ["!!!"]
    assert all("\ufffd" not in d.matched for d in found)


def test_the_sender_heavy_sentence_is_never_one_about_the_us():
    """"US investors" is the country: the editor saw a "most we-heavy sentence" with no "we" in it."""
    from tonelint.rewrite.oneway import _heaviest

    text = ("The only thing US investors, US banks and US funds should ask is this one question. "
            "We like our new report a lot and we think it helps.")
    draft = draft_of(text)
    best = _heaviest(draft, draft.body[0], strict=False)
    assert best is not None and best.text.startswith("We like our new report")


def test_a_hyphenated_modifier_keeps_its_noun():
    """"Product-led lead generation" -> "Product-led finding new customers" was broken English."""
    d = one("Product-led lead generation is how we generate most pipeline today.", "TL104")
    assert "Product-led finding" not in d.rewrite
    assert d.rewrite_kind == "instruction"


def test_a_social_post_ends_with_a_question_about_its_own_new_thing():
    """Round four: the question went before the post's only sentence and was the generic one."""
    text = ("Thanks to the foundation's funding, we are delighted to present our new Learning Pathway: "
            "“Using deconvolution to get new insights from old data”.\n\nhttps://example.org/news/pathway/")
    d = one(text, "TL301", channel="social")
    assert d.rewrite_kind == "sentence"
    assert d.rewrite.endswith("What would you like to see in the next Learning Pathway? Tell us in the replies.")
    pride = one(text, "TL202", channel="social")
    assert pride.rewrite.startswith("Thanks to the foundation's funding, our new Learning Pathway is here: “Using")


def test_an_award_post_asks_what_to_work_on_next():
    text = ("We’re proud to once again be named to the 100 Best Corporate Citizens list. We believe transparency "
            "must be a central part of our strategy. #RecipeForGood")
    assert "What should we work on next?" in one(text, "TL301", channel="social").rewrite


def test_a_post_about_a_change_asks_how_the_change_lands():
    """Round four: "What would you most like to know about <brand>?" was off-topic after a technical post."""
    text = ("We are moving our certificate logs to a new tile-based design next month. The new logs cost less "
            "to run and are easier to mirror. Overall, this change should help our logging grow with the web. "
            "Sign up for the mailing list to hear when it ships.")
    assert "How does this change affect you?" in one(text, "TL301").rewrite


@pytest.mark.parametrize("text, want", [
    ("As we continue iterating on our web app, we plan to eventually create a mobile version using Expo.",
     "You'll get a mobile version (built with Expo) later."),
    ("We will launch a new reporting dashboard.", "You'll get a new reporting dashboard."),
])
def test_a_plan_of_ours_is_turned_into_what_the_reader_gets(text, want):
    from tonelint.rewrite.oneway import reader_turn

    assert reader_turn(text) == want


def test_excited_to_share_how_becomes_here_is_how():
    d = one("We’re excited to share how we built it in hopes that others can learn from what we did.", "TL202")
    assert d.rewrite == "Here is how we built it, so you can learn from what we did."


def test_a_status_page_product_post_is_no_outage_note():
    """"incident" and "downtime" are what a status-page product sells; without an apology or
    what broke, the listening rewrite is a question, not "replace the apologies"."""
    text = ("Your status page, your data, moved in minutes. Import your incidents, downtime history and "
            "monitors from another provider with one API call. Our new importer keeps every incident report. "
            "Start your free trial today.")
    d = one(text, "TL301")
    assert "apologies" not in d.rewrite and "?" in d.rewrite and "about API" not in d.rewrite


def test_round_five_placements_and_cuts():
    """Round five (seed 6107, today's copy only): no second question after a closing question, a hype
    word before a bare noun is replaced not cut, a heading is not the "we"-heavy sentence, and a
    partner's quoted words are not ours to edit."""
    sales = ("Hi Dana, congrats on the launch. We help product teams see which features get used. I saw that "
             "Simon, Charles and Scott run your data team. Could you introduce me to Simon, Charles and Scott?")
    d = one(sales, "TL301", channel="email")
    assert d.rewrite.startswith('Before "Could you introduce me')
    hype = one("Our journey began with a simple idea: a status page built with cutting-edge technology.", "TL203")
    assert "built with technology" not in hype.rewrite and hype.rewrite_kind == "instruction"
    quote = ("“We are glad to sponsor the project, which uses our industry-leading security modules,” says "
             "Jane Roe of Initech.")
    assert not [x for x in findings(quote) if x.rule in ("TL203", "TL210")]


def test_a_handbooks_pipeline_word_becomes_the_people_the_team_works_with():
    """Rounds four to seven: a swap from outbound copy changed what the team does ("find buyers who are
    ready to talk" for cold outbound's "generate leads"), and advice to keep the shorthand gave the
    editor nothing to change.  A handbook sentence keeps its process and names the people."""
    text = ("# Sales handbook\n\nOur BDR team works inside HubSpot. We are building a BDR function that will "
            "generate leads, mainly focused on cold outbound to start. Each rep logs every call in the CRM and "
            "hands qualified accounts to an account executive within two days. Product engineers, our ICP, "
            "rarely want a call. Ask in #sales if you are unsure.")
    found = {d.matched: d for d in findings(text, fmt="markdown") if d.rule == "TL104"}
    assert found["generate leads"].rewrite == ("We are building a BDR function that will find people who might "
                                               "buy from us, mainly focused on cold outbound to start.")
    assert found["ICP"].rewrite == "Product engineers, the people we build for, rarely want a call."
    assert all(d.rewrite_kind == "sentence" and "ready to talk" not in d.rewrite for d in found.values())


def test_a_section_named_lead_generation_is_not_flagged():
    """Rounds seven to twelve: advice on the heading, then "Product-led: finding the people who need us",
    were both called wrong — a section or a service named "lead generation" names the work."""
    text = ("# Sales handbook\n\n## Product-led lead generation\n\nOur BDR team works inside HubSpot. Each rep "
            "logs every call in the CRM and hands accounts to an account executive within two days.")
    assert "TL104" not in rules(text, fmt="markdown")
    text = text.replace("Each rep logs", "We generate more leads when each rep logs")
    assert "TL104" in rules(text, fmt="markdown")


def test_handbook_outbound_and_funding_wording():
    text = ("# Sales handbook\n\nOur BDR team works inside HubSpot. Account managers are responsible for managing "
            "leads from warm outbound, in addition to their own accounts. A BDR is someone who gets leads for "
            "sales by doing outbound work. Log every call in the CRM.")
    found = {d.matched: d.rewrite for d in findings(text, fmt="markdown") if d.rule == "TL104"}
    # (not "looking after": it softened the job, a blind editor at seed 9287)
    assert "working with the people we reach through warm outbound" in found["managing leads"]
    assert "someone who finds people who might buy from us by doing outbound work" in found["gets leads"]
    money = one("We raised a $20 million Series B to build offline sync for field teams. We are hiring "
                "twelve engineers, and our team will double this year. Read the full story on our blog.", "TL209")
    assert money.rewrite.startswith('Keep "raised a $20 million Series B" as the news'), money.rewrite


@pytest.mark.parametrize("text, rule, must_not", [
    # round six (seed 7107): each was broken English or a non-sequitur
    ("NORTON SYSTEMWORKS 2002 is the best software available on the market and helps you.", "TL210",
     "is a software"),
    ("CXIN signs with Internet Securities, a Euromarket company and the leading provider of market data.", "TL204",
     "company provider of"),
])
def test_round_six_cuts_leave_no_broken_english(text, rule, must_not):
    assert must_not not in one(text, rule).rewrite


def test_an_upgrade_button_is_not_an_invitation_to_try():
    """"If you'd like to try it, upgrade to continue using data rooms" contradicts itself."""
    from tonelint.rewrite.ask import _invitation

    draft = draft_of("Your trial ended.\n\nUpgrade to continue using data rooms")
    assert _invitation("Upgrade to continue using data rooms", draft) == "To keep using data rooms, you can upgrade."
    assert _invitation("Upgrade to use custom domains", draft) == "When you need custom domains, you can upgrade."


def test_round_six_pride_and_sender_heavy_wording():
    d = one("We’re proud to launch multi-perspective domain validation today because it makes validation safer.",
            "TL202")
    assert d.rewrite.startswith("We’re launching multi-perspective domain validation today")
    quote = "“We are very proud to be a sponsor of the project,” says Jane Roe of Initech."
    assert "TL202" not in [x.rule for x in findings(quote)]


def test_a_post_that_shares_slides_asks_about_the_slides():
    """Rounds five and six: "What would you like to hear more about?" after a link post was off-topic."""
    text = "Here are the slides from last Thursday's #techtalk on how your QA team can defuse bugs early #testing"
    assert "What questions do you have about the slides?" in one(text, "TL301", channel="social").rewrite


# Round seven (seeds 4117 / 5117, a new blind-editor brief that states what the tool stands for).

def test_a_results_post_is_asked_about_its_results_and_reported_plainly():
    """An earnings post: "we delivered … growth of 10%" is the brag, the figure is the news, and a
    generic "What would you try first?" had nothing to do with a quarter's results."""
    text = ("This morning we shared our Q2 2025 results: we delivered same-store sales growth of 7% and opened "
            "310 new bakeries. Read the full release on our investor site.")
    found = {d.rule: d for d in findings(text, channel="social")}
    # the sentence itself, its "we delivered" gone with the brag (seed 4287: the instruction left
    # "in which we system sales grew")
    assert found["TL209"].rewrite == ("This morning we shared our Q2 2025 results: same-store sales grew 7%; we "
                                      "opened 310 new bakeries.")
    # (round fifteen: investors ask on the call or of investor relations, not in the replies)
    assert "Questions about the results? Write to our investor relations team at [address]." in found["TL301"].rewrite


def test_sender_heavy_advice_points_at_the_news_not_at_a_milestone():
    """A press release reports its milestones; the place for the reader is right after the news."""
    text = ("Our certificate service is leaving beta today. We have issued more than two million certificates "
            "since our beta began. We have grown our team and our operations. We thank our sponsors and our "
            "community and our partners. We will keep improving our systems, our tooling and our support, and we "
            "will report our progress every quarter on our blog. Sign up for our newsletter.")
    d = one(text, "TL201")
    assert d.rewrite.startswith('Most of this draft is about the sender. Right after its news, "Our certificate '
                                'service is leaving beta today."')
    assert text[d.rewrite_span[0]:d.rewrite_span[1]] == "Our certificate service is leaving beta today."


def test_our_users_advice_does_not_say_you_to_a_reader_who_is_already_you():
    """A line to colleagues ("why do you think our users would?"): "speak to them as you" mixed up two readers."""
    text = "Before you launch, ask yourself: would our users love this amazing new plan?"
    d = one(text, "TL103", fmt="markdown")
    assert "speak to them as" not in d.rewrite and "the people we build for" in d.rewrite


def test_shouted_its_and_a_shouted_title_in_quotes_read_as_english():
    """Round seven (seed 7117): "IT'S FREE!" became "IT'S free." and a quoted show title lost its capitals."""
    from tonelint.rewrite import grammar
    assert grammar.unshout("IT'S FREE!") == "It's free!"
    assert grammar.unshout('1) "THE SECRET LIFE OF ZOEY" PREMIERE!') == '1) "The Secret Life of Zoey" premiere!'


def test_a_stack_keeps_the_first_full_ask_not_a_shouted_jibe():
    """Round seven: a stack kept "CLICK HERE Your credit stinks?"; round eight: two editors and the
    expert kept a launch post's vote, the ask it was written for, so a favour is not passed over."""
    text = ("Our planner is in public beta today. It sorts your week in one click. CLICK HERE Your week stinks? "
            "We would love your support by voting for us on Friday. Start your free trial in the app.\n\n"
            "Thanks, Ana")
    d = one(text, "TL402")
    assert d.rewrite.startswith('Ask once: keep "We would love your support by voting for us on Friday."'), d.rewrite


def test_a_button_cut_off_mid_phrase_gets_no_invitation_built_on_it():
    from tonelint.rewrite.ask import _invitation
    draft = draft_of("Our planner sorts your week.\n\nClick Here for a Free")
    assert _invitation("Click Here for a Free", draft) is None
    assert _invitation("Click Here to see the plans", draft) == "If you'd like to try it, click here to see the plans."


def test_a_compliance_line_is_not_where_the_question_goes():
    text = ("Term life quotes from twelve insurers, side by side, in one minute. Rates start at $9 a month. "
            "Call now for your free quote. This is a professional communication sent to insurance professionals.")
    d = one(text, "TL301", fmt="email")
    assert d.rewrite.startswith('After "Call now for your free quote."'), d.rewrite


def test_a_page_in_another_language_gets_its_question_in_that_language():
    text = ("Unsere Plattform ist die Lösung für Ihre Cloud. Wir helfen Ihnen, die Kosten zu senken, und "
            "unsere Experten sind für Sie da. Sie können die Plattform mit einer kostenlosen Testversion "
            "ausprobieren.\n\nBook a demo")
    d = one(text, "TL301", channel="landing-page")
    assert d.rewrite_kind == "instruction" and "in its own language" in d.rewrite and "What would" not in d.rewrite


def test_a_handbook_role_noun_after_as_gets_advice_not_a_swap():
    text = ("# Marketing handbook\n\nThe sales team reviews the dashboard every Monday. This report shows whether "
            "we are reaching developers as inbound leads. Log every change in HubSpot.")
    d = next(d for d in findings(text, fmt="markdown") if d.rule == "TL104")
    assert d.rewrite_kind == "instruction" and "people who come to us" not in d.rewrite


def test_a_press_verb_cut_off_before_its_object_is_not_rewritten_around_a_determiner():
    """Round eight (seed 9117): "Alliance today announced their" (the line broke there) became
    "Their is out today."."""
    from tonelint.rewrite.oneway import strip_press
    assert strip_press("The Alliance today announced their") == "The Alliance today announced their"
    assert strip_press("Acme today announced Planwise 3, a faster planner.") == "Planwise 3 is out today, a faster planner."


def test_an_opt_out_line_in_a_stack_is_not_an_ask():
    text = ("Save 50% on every ink cartridge this week. Simply click here and fill out the form. Order today. "
            "Click here and send an email to stop all future offers.")
    found = findings(text, fmt="email")
    assert not [d for d in found if d.rule.startswith("TL4") and "future offers" in d.matched]
    assert next(d for d in found if d.rule == "TL301").rewrite.startswith("After ")
    assert not [d for d in found if d.rule == "TL402"]  # two asks left, not a stack of three


@pytest.mark.parametrize("text, want", [
    ("How to back up your wallet in five minutes https://youtu.be/abc123 #crypto #wallets",
     "What questions do you have after watching the video?"),
    ("Congrats to our head of design Ana Ruiz for making this year's Design Leaders list! #design",
     "Want to add your congratulations?"),
    ("Our stores cut packaging waste by a third this year, on the way to our net-zero goal for 2030. "
     "#sustainability", "What more should we be doing on this?"),
    ("Hosted search is fool's gold. If you can't run it yourself, you don't own it. #selfhosting",
     "Where do you stand on this?"),
    ("Join us on Thursday at 6pm to learn from @jdoe about testing React forms. RSVP at https://example.com",
     "What would you like to ask @jdoe?"),
    ("The Open Web Alliance is holding their free event, #WebDay, on May 3rd. If you'd like to attend, "
     "you can register here: https://example.com", "Will we see you there?"),
    # someone else's talk, shared: what the reader took from it (seed 4287: the sharer cannot field questions)
    ("A great talk on what browsers can do offline these days https://youtu.be/xyz987 #webdev",
     "What did you take away from the talk?"),
    # a recurring call: what it should cover (not "What do you think?" of a call time: seed 2277)
    ("Contributor meetings are back! Join the next meeting in the Acme Chain Discord server on Friday at 1400 UTC."
     "\n\nhttps://example.com/notes/42", "What would you like the meeting to cover?"),
    # a shared blog post by its title (not "What would you like to hear more about?": seed 3277)
    ('Blog: What Rivers Teach Us About Consensus\n\n"Every delta starts as a trickle, and so does a '
     'network..."\n\nhttps://example.com/blog/rivers', 'What would you add to "What Rivers Teach Us About Consensus"?'),
    # a move over from named rivals: what the reader needs to switch (seed 5277)
    ("Moving your invoices from Ledgerly or Billwise now takes two clicks: our importer brings every client and "
     "invoice over. Your books, your data, moved in minutes. #invoicing https://example.com/import",
     "What would you need to know before you switch?"),
], ids=["video-link", "congrats", "sustainability", "opinion", "speaker", "their-event", "shared-talk", "call",
        "blog-title", "migration"])
def test_a_social_post_gets_a_question_about_what_it_is(text, want):
    """Round eight: thirty-six posts shared "What would you like to hear more about?"."""
    assert want in one(text, "TL301", channel="social").rewrite


@pytest.mark.parametrize("text, channel, want", [
    # a security page: the reader to hear from is the one who found a hole (not "What would you try first?")
    ("Our security team follows responsible disclosure and publishes every advisory within a day. We work with "
     "researchers and distributions on every fix. We patch supported releases for ten years. Subscribe to our "
     "security notices today.", "landing-page", "Have you found a security issue we should know about?"),
    ("Our chief chef spent a day with the culinary students at Lakeside College. Read more about the chef’s "
     "visit to the college: https://example.com/x", "social",
     "What would you like to know about the chef’s visit to the college?"),
    # the name found in an appeal may be an umbrella body's or a partner's; the question is the sender's
    ("We joined the Open Source Alliance this year to share support staff with other projects. Sharing staff "
     "puts more of our donors' money towards our mission. Donations from people like you keep the service free. "
     "Please donate to keep us going.", "landing-page", "What should we do more of next year?"),
], ids=["security-page", "read-more", "appeal"])
def test_a_page_gets_a_question_about_its_own_occasion(text, channel, want):
    """Round seven (seeds 4117/5117)."""
    assert want in one(text, "TL301", channel=channel).rewrite


def test_round_nine_handbook_and_fragment_cases():
    """Seeds 1127/2127: a conversion target in a playbook, a setup email's steps as what it gives, and a
    template fragment that starts mid-sentence."""
    text = ("# Sales handbook\n\nThe sales team reviews the dashboard every Monday. Generally you should be aiming "
            "for a 20% conversion rate from these types of leads. Log every change in HubSpot.")
    d = next(d for d in findings(text, fmt="markdown") if d.rule == "TL104")
    assert "aiming for 20% of these people to become customers." in d.rewrite
    setup = ("Your custom domain\n\nSetting up your custom domain:\nChoose your subdomain\nAdd a CNAME record "
             "pointing to us\nConfigure the domain in your settings\n\nUpgrade to use custom domains\n\n"
             "Need help? Reply to this email.")
    assert "TL401" not in rules(setup, fmt="text", channel="email")
    fragment = "given to the Foundation to keep the project going. Our volunteers answer every letter. Donate today!"
    tl301 = one(fragment, "TL301", channel="landing-page")
    assert "given to the Foundation to keep the project going. What" not in tl301.rewrite


def test_round_eleven_cases():
    """Seeds 3127/4127."""
    # "our users" to staff who are already "you", about reading what we send:
    # our readers (round fourteen: "the people we build for" is wordier there)
    staff = ("When you write an ad, click it yourself first. If you wouldn't click on the link, why do you think "
             "our users would? Keep ads short and plain and show the product working.")
    assert one(staff, "TL103", fmt="markdown").rewrite == ("If you wouldn't click on the link, why do you think "
                                                            "the people who see it would?")
    # a roundup that ends in its list gets the question after the list, about the list
    roundup = ("What's new in Ledgerly this month. We shipped three new features for your books. Order our new plan today.\n\n"
               "- Bank sync: connect two more banks.\n- Receipts: snap a photo and match it.\n"
               "- Excel export: send your transactions to your accountant.")
    d = one(roundup, "TL301", channel="landing-page")
    assert d.rewrite.startswith("After the list that ends") and "Which of these will you try first?" in d.rewrite
    # a handbook's "(which comprise 90% of leads)" follows the people it now names
    book = ("# Sales handbook\n\nThe sales team reviews the dashboard every Monday. Account executives are "
            "responsible for managing inbound leads (which comprise 90% of leads today). Log it in HubSpot.")
    d = next(d for d in findings(book, fmt="markdown") if d.rule == "TL104")
    assert "(who make up 90% of new enquiries today)" in d.rewrite and "which" not in d.rewrite
    # a rank claim in a handbook is not judged at all
    hb = ("# Marketing team handbook\n\nAs the world's first open marketing platform, the project faces unusual "
          "challenges. The marketing team meets in the Slack channel every week and the team lead keeps the notes.")
    assert "TL210" not in rules(hb, fmt="markdown")


def test_round_twelve_event_and_observance_questions():
    live = ("Day 4 of our Python workshop starts now: testing and packaging. Join our livestream "
            "https://example.com/live #python")
    assert "What would you like to ask during the session?" in one(live, "TL301", channel="social").rewrite
    solemn = "Today we honor #Juneteenth2026 and the freedom it marks. We are proud of our teams. Read more https://example.com"
    assert "How are you marking" not in one(solemn, "TL301", channel="social").rewrite


def test_round_thirteen_pride_in_the_work_labels_and_list_items():
    """Seed 8127: pride in a team's work, a question after item 1."""
    d = one("I’m incredibly proud of the work our support teams have done to make same-day answers possible.",
            "TL202")
    assert d.rewrite == "Thank you to our support teams, who made same-day answers possible."  # the thanks kept (7277)
    text = ("Results our members saw in eight weeks:\n\n1.Body fat down by a fifth.\n2.Energy up every day.\n\n"
            "Order your first box today. To be removed from our list, click here.")
    d = one(text, "TL301", fmt="email")
    assert "1.Body fat" not in d.rewrite.split(",")[0]


def test_a_subjects_date_label_is_no_product_name():
    """Seed 8127: "If you'd like to try Expires July 27, apply now." — the subject line named a deadline."""
    text = ("Subject: Expires July 27\nFrom: Loans <a@b.example>\n\nLow rates for homeowners. Expires July 27. "
            "Apply today for a low rate.\n\nAPPLY NOW!\n")
    result = check_text(text, fmt="email")
    draft = Draft(text, result.facts, meta=result.meta, fmt="email", measures=result.measures)
    assert draft._named() == ("Expires July 27", True) and draft.product is None


# Round fourteen (2026-12-07): what blind editors still called wrong.

def test_our_users_who_would_read_what_we_send_are_the_people_who_see_it():
    d = one("Share useful posts. If you wouldn't click the link, why would our users?", "TL103")
    assert d.rewrite == "If you wouldn't click the link, why would the people who see it?"


def test_an_appeal_asks_about_the_cause_it_names_before_its_closing_ask():
    text = "donated to the Riverbank Trust to support Riverbank river cleanups. Donate today!"
    d = one(text, "TL301")
    assert d.rewrite.startswith('Before "Donate today!"')
    assert "Which part of Riverbank river cleanups matters most to you?" in d.rewrite


def test_a_one_errand_address_is_not_where_a_reader_answers():
    text = ("Open Atlas had a great year. We mapped 40 new cities and our volunteers grew to 900. "
            "Companies that want to sponsor Open Atlas can write to sponsor@openatlas.example. "
            "We ask that you give what you can this winter so the maps stay free.")
    from tonelint.rewrite.listening import answer_line

    assert draft_of(text).contact is None
    assert answer_line(draft_of(text)) == "Write to us at [your address]."
    with_hello = text + " Questions? hello@openatlas.example"
    assert draft_of(with_hello).contact == "hello@openatlas.example"


def test_a_press_release_answers_at_its_press_desk():
    text = ("FOR IMMEDIATE RELEASE. Planwise today announced Planwise 3.0, the first release with shared "
            "calendars. Partners can write to partners@planwise.example. "
            "Media contact: press@planwise.example")
    result = check_text(text, fmt="text")
    draft = Draft(text, result.facts, meta=result.meta, fmt="text", channel="press-release",
                  measures=result.measures)
    assert draft.contact == "press@planwise.example"
    # and asks the reporters who write there, not for product feedback
    from tonelint.rewrite.listening import question
    assert question(draft) == "Would you like to talk to the team about this?"


def test_a_click_here_for_button_becomes_its_errand_first():
    text = ("CLICK HERE NOW For your FREE Quote! We are the best movers in town. We move homes. "
            "We move offices. We are fast.")
    d = one(text, "TL401")
    assert '"For your free quote, click here."' in d.rewrite


def test_an_errand_that_is_a_name_keeps_its_capitals():
    from tonelint.rewrite.ask import _invitation

    draft = draft_of("Find a Planwise agent near you. Click here for the Planwise Agent Locator.")
    assert _invitation("Click here for the Planwise Agent Locator.", draft) == \
        "For the Planwise Agent Locator, click here."


def test_a_hero_button_on_top_of_a_page_is_kept_as_the_button_after_the_value():
    text = ("Fleet updates for robots\n\nReach out to hear more\n\n"
            "Here is how to patch every robot: turn on over-the-air updates, then set a rollback window.\n\n"
            "See every device on one dashboard.")
    d = one(text, "TL401", channel="landing-page")
    assert d.rewrite.startswith('Open with what the reader gets — "Here is how to patch every robot')
    assert '"Reach out to hear more" right after it' in d.rewrite
    assert d.fix is None


def test_a_shouted_rhetorical_question_is_not_where_the_reader_sentence_goes():
    from tonelint.rewrite.oneway import _lede

    draft = draft_of("Is this the deal of the century?! We launched our new plan today. We built it for our team.")
    assert _lede(draft).text.startswith("We launched our new plan today")


# Round fifteen: what blind editors still called wrong, or fixed by hand.

def test_a_real_deadline_on_a_post_is_asked_for_as_a_date_because_posts_are_read_later():
    text = "The Riverbank Trust is running a discount on its river guide courses, ending tomorrow. #rivers"
    d = one(text, "TL404", channel="social")
    assert d.rewrite.startswith("The deadline is real, but a post is read for days")
    assert '"ending tomorrow"' in d.rewrite


def test_excited_to_introduce_a_named_thing_becomes_meet_it():
    d = one("We're excited to introduce Tidepool - our new shared inbox for small support teams.", "TL202",
            channel="social")
    assert d.rewrite == "Meet Tidepool - our new shared inbox for small support teams."
    # not a thing by name: "Meet a new way …" would not read
    d = one("We're excited to introduce a new way to plan your week.", "TL202")
    assert not d.rewrite.startswith("Meet")


def test_a_claim_is_replaced_with_the_list_or_ranking_tail_it_heads():
    d = one("We are the world's most loved, trusted and fastest growing planning app. Try it.", "TL210",
            channel="social")
    assert d.rewrite.startswith('Replace "the world\'s most loved, trusted and fastest growing" with')
    d = one("Whether you plan a sprint or a launch, Planwise delivers the best value team planning available. "
            "Plans start at 5 dollars.", "TL210")
    assert d.rewrite.startswith('Replace "the best value team planning available" with')


def test_a_funding_post_that_already_says_what_readers_get_is_pointed_at_it():
    same = one("We just closed our $20M Series B, with major new free features for teams on the Starter plan. "
               "Here is what is in them.", "TL209")
    assert 'give "major new free features for teams on the Starter plan" its own sentence' in same.rewrite
    after = one("Big news: we just closed our $8M Series A! We are adding new free integrations for small teams "
                "this month.", "TL209")
    assert 'what the reader gets is already here ("new free integrations for small teams this month")' in after.rewrite
    assert "add one sentence on what it changes" not in after.rewrite


def test_results_posts_send_questions_to_the_call_or_investor_relations_not_the_replies():
    ticker = "$PLNW Strong Global Business Led by Planwise Growth: https://example.com/q3"
    d = one(ticker, "TL301", channel="social")
    assert "Questions about the results? Write to our investor relations team at [address]." in d.rewrite
    call = ("$PLNW to host its conference call for Q3 earnings today at 8:15 AM ET. Results show sales up 9% "
            "across all regions this quarter.")
    d = one(call, "TL301", channel="social")
    # a post's readers cannot ask on the call (its Q&A is for analysts): investor relations
    assert "Questions about the results? Write to our investor relations team at [address]." in d.rewrite
    assert "Bring them to the call" not in d.rewrite and "replies" not in d.rewrite
    # the call's own invitation by email brings the questions to the call
    invite = ("Subject: Q3 earnings call\n\nPlanwise will host its conference call for Q3 earnings today at "
              "8:15 AM ET. Results show sales up 9% across all regions this quarter, and margins held at 31% "
              "despite higher costs, and every region grew faster than it did a year ago. The call is open to "
              "analysts and investors. Register now to listen in.")
    assert "Bring them to the call." in one(invite, "TL301").rewrite


def test_a_page_that_walks_through_applying_asks_what_is_unclear():
    text = "How to apply. Fill out the form. The application review takes two weeks, and we answer every applicant by email."
    d = one(text, "TL301")
    assert "Is anything about the application unclear?" in d.rewrite
    # an application as software is no process to ask about
    assert _draft_question("Ubuntu runs your application on any cloud. Deploy your application today.") != \
        "Is anything about the application unclear?"


def _draft_question(text: str) -> str:
    from tonelint.rewrite.listening import question

    return question(draft_of(text))


def test_a_shouted_title_case_line_is_lowered_all_the_way_or_not_at_all():
    """Lowering only "EXTRA UNITS" in a Title Case line read inconsistent (a blind editor); the
    "=>" arrows are decoration. A line whose Title Case words the draft never writes in lower case
    (a product's name) keeps them all rather than half."""
    text = ("Our shop sends one email a week to every customer. => If You Send One Email To Every Customer, You "
            "Can Sell 500 EXTRA UNITS! Each customer gets one email.")
    assert one(text, "TL207").rewrite == "If you send one email to every customer, you can sell 500 extra units."
    named = ("Our shop sends one email a week. Try Glowmark Night Cream For Every Customer Today, It Is FREE! "
             "Each customer gets one email.")
    assert one(named, "TL207").rewrite.startswith("Try Glowmark Night Cream")


# Held-out registry sample (seed 9217): copy no rewrite was tuned on.

def _tl301(text: str, fmt: str = "markdown") -> str:
    from tonelint.rewrite.listening import no_listening

    result = check_text(text, fmt=fmt)
    draft = Draft(text, result.facts, meta=result.meta, fmt=fmt, measures=result.measures)
    return no_listening(None, draft.body[-1], draft).text


def test_a_linked_closing_line_keeps_its_link_and_gets_the_question_before_it():
    out = _tl301("Tallyhub is the open-source ledger for small teams. It is built by volunteer maintainers.\n\n"
                 "Sponsor Tallyhub on [Open Collective](https://opencollective.com/tallyhub) to keep it free.")
    assert out.startswith('Before "Sponsor Tallyhub on Open Collective to keep it free."')
    # an open-source project's sponsor line: what the reader relies on it for
    assert "What do you use Tallyhub for?" in out


def test_the_answer_goes_to_the_community_place_the_draft_invites_people_to():
    out = _tl301("Tallyhub keeps your books in order. Join our Discord community to meet other users. "
                 "It matches receipts to bank lines in seconds.")
    assert out.endswith("Tell us on Discord.")
    # a tool it integrates with is no place to answer
    out = _tl301("Tallyhub keeps your books in order. Alerts flow into your Slack workspace. "
                 "It matches receipts to bank lines in seconds.")
    assert "Slack" not in out.split("?")[-1]


def test_an_umbrella_organisation_is_not_what_the_reader_uses():
    out = _tl301("The Tallyhub Foundation keeps the open-source Tallyhub ledger free. Our maintainers work on it "
                 "every week. Please donate to the Tallyhub Foundation today.")
    assert "What do you use" not in out


def test_a_hype_cut_keeps_the_article_and_a_list_keeps_its_and():
    from tonelint.rewrite.oneway import strip_hype

    assert strip_hype("Relaykit is a mobile starter kit with a CLI, a component library, and best-in-class "
                      "testability.") == "Relaykit is a mobile starter kit with a CLI, a component library, and testability."
    assert strip_hype("Relaykit unlocks mobile work, delivering the best-in-class combination of speed and "
                      "control.") == "Relaykit unlocks mobile work, delivering the combination of speed and control."
    assert strip_hype("Meet Relaykit, the world's best-in-class kit for teams.") == "Meet Relaykit, a kit for teams."
    # before an adjective the "and" still goes with the hype word
    assert strip_hype("Our fast and cutting-edge modules save you an hour.") == "Our fast modules save you an hour."


def test_words_in_capitals_the_draft_never_writes_in_lower_case_are_names_not_shouting():
    from tonelint.rewrite.oneway import clean

    text = ("Relaykit builds state-of-the-art (SOTA) YOLO models. FREE and FAST for you. It is free and fast "
            "to set up.")
    draft = draft_of(text)
    out = clean("Relaykit builds cutting-edge, state-of-the-art (SOTA) YOLO models, FREE and FAST.", draft)
    assert "(SOTA) YOLO" in out and "free and fast" in out


def test_a_named_client_list_is_asked_for_one_story_not_a_customer_it_already_has():
    d = one("Our team of designers has worked with brands like Globex, Initech and Hooli to launch their apps.",
            "TL211")
    assert d.rewrite.startswith('Keep one of the names in "Our team of designers has worked with brands like')
    assert '("Globex shipped' in d.rewrite
    assert "worked with brands like Globex" in d.message  # the whole first name, not "like G"


def test_score_icp_fit_is_a_measure_and_a_verb_keeps_its_form():
    from tonelint.rewrite.audience import _HANDBOOK_PHRASES

    def swap(text):
        import re as _re
        for pattern, repl in _HANDBOOK_PHRASES:
            m = _re.search(pattern, text, _re.I)
            if m:
                return text[: m.start()] + (repl(m) if callable(repl) else m.expand(repl)) + text[m.end():]
        return text

    assert swap("Then score ICP fit for each account.") == "Then score ICP fit for each account."
    assert swap("Finding new leads takes time.") == "finding new people who might buy from us takes time."
    assert swap("She sources leads for sales.") == "She finds people who might buy from us."


def test_a_page_that_describes_its_product_is_not_told_to_follow_its_news():
    from tonelint.rewrite.oneway import sender_heavy

    text = ("Relaykit is a starter kit for mobile apps. We built it in 2016 and we maintain it. We use it on our "
            "own projects and our team reviews every pull request. We ship a release every month.")
    draft = draft_of(text)
    out = sender_heavy(None, draft.body[0], draft).text
    assert "its news" not in out and 'Right after "Relaykit is a starter kit for mobile apps."' in out


def test_joining_a_community_is_not_trying_the_product():
    from tonelint.rewrite.ask import _invitation

    draft = draft_of("Relaykit builds your mobile app. Relaykit ships every month. Join our community here:")
    out = _invitation("Join our community here:", draft)
    assert out == "To meet people who use Relaykit, join our community."


# Round seventeen (seeds 1227 / 2227 / 3227): placements and questions.

def test_a_closing_line_that_leans_on_what_is_before_or_after_it_keeps_the_question_at_the_end():
    them = _tl301("Tallyhub is an open-source ledger. Many companies back it.\n\n"
                  "If you'd like to join them, please [read more here](https://example.com/sponsor).")
    below = _tl301("Tallyhub turns receipts into books. It is built for small teams.\n\n"
                   "[Check our docs](https://example.com/docs) or see the example below to learn more!")
    for out in (them, below):
        assert out.startswith("At the end of the page, after")


def test_a_gift_asked_for_at_the_end_of_a_post_gets_the_question_before_it():
    out = _tl301("Tallyhub had a busy year and our maintainers shipped twelve releases. We ask that you make an "
                 "individual contribution if it is within your means.")
    assert out.startswith('Before "We ask that you make an individual contribution')


def test_a_launch_asks_about_the_thing_launched_by_its_name():
    from tonelint.rewrite.listening import question

    draft = draft_of("We've launched Tallyhub Ledger to help you close your books. It is new and we launched it "
                     "today. Try it today.")
    assert question(draft) == "What would you use Tallyhub Ledger for first?"


def test_a_crypto_acronym_is_not_the_post_topic():
    from tonelint.rewrite.listening import question

    draft = draft_of("When the other chain breaks under PoS centralization, we will be here. PoS is not the answer.")
    assert "PoS" not in question(draft)




def test_a_line_about_receiving_our_mailings_is_housekeeping_not_a_place_for_a_question():
    from tonelint.rewrite.form import HOUSEKEEPING

    assert HOUSEKEEPING.search("We don't want anyone to receive our mailings who does not wish to.")
    assert not HOUSEKEEPING.search("You will receive a receipt for your records.")


def test_an_invitation_built_on_a_title_case_button_reads_in_lower_case():
    from tonelint.rewrite.ask import _invitation

    draft = draft_of("Planwise plans your week. Planwise ships every month. Sign Up NOW...!")
    assert _invitation("Sign Up NOW...!", draft) == "If you'd like to try it, sign up now."


def test_while_proud_of_what_we_did_keeps_both_halves():
    d = one("While we're proud of what we built in 2025, we spend most of our time looking ahead.", "TL202")
    assert d.rewrite == "We built a lot in 2025, but we spend most of our time looking ahead."


def test_a_list_hosts_address_and_a_company_sender_are_neither_product_nor_person():
    """Seed 6277: "one thing about Insurancemail", a name found only in the opt-out footer's address."""
    mail = ("From: \"Acme Life Cover\" <offers@covermail.example>\nSubject: Term life rates\n"
            "Content-Type: text/plain\n\nRates on term life fell again this year. Compare twenty insurers in "
            "one call. Call us at 800-555-0199\n\nTo be removed from this list, go here: "
            "http://www.Covermail.example\n")
    result = check_text(mail, fmt="email")
    draft = Draft(mail, result.facts, meta=result.meta, fmt="email", measures=result.measures)
    assert draft.product is None
    assert draft.sender_name is None  # not "Acme reads every answer"
    signed = mail.replace('"Acme Life Cover"', '"Dana Reyes"')
    result = check_text(signed, fmt="email")
    assert Draft(signed, result.facts, meta=result.meta, fmt="email", measures=result.measures).sender_name == "Dana"


def test_a_vague_click_here_is_not_rewritten_into_a_vague_link():
    """Seed 6277: "For more info, CLICK HERE!" became "See more info!", which says no more."""
    text = "Refinance at 4.1% with no closing costs this month.\n\nFor more info, [CLICK HERE](https://example.com/r)!\n"
    d = next(d for d in findings(text, fmt="markdown") if d.rule == "TL403")
    assert d.rewrite_kind == "instruction" and "See more info" not in d.rewrite
    assert d.rewrite.startswith("Make the link say what it opens") and "it leads to" not in d.rewrite
    d = next(d for d in findings("Spring rates are in.\n\nFor the spring price list, [click here](https://example.com/p).\n",
                                 fmt="markdown") if d.rule == "TL403")
    assert d.rewrite == "See the spring price list."


def test_a_posts_question_goes_before_the_link_that_closes_it():
    """Seed 2277: a tweet's question belongs before its closing links, not after them."""
    post = ("Our kitchens cut food waste by a fifth this year. Learn more in our #KitchenImpact report: "
            "https://example.com/r https://example.com/p")
    d = one(post, "TL301", channel="social")
    assert d.rewrite.startswith('Before the link that ends "Learn more in our #KitchenImpact report')


def test_a_page_in_one_persons_voice_is_answered_to_me_and_its_purchase_is_no_trial():
    """Set J: an artist's page of buttons got "If you'd like to try it, purchase my work." and "Write to us"."""
    page = "Purchase my work\n\nSupport my studio\n\nTake a class\n\nRead about me\n\nJoin my mailing list\n"
    found = findings(page, fmt="text")
    ask = next(d for d in found if d.rule == "TL401")
    # a button keeps its label: no sentence made of it (seed 9277)
    assert "try it" not in ask.rewrite and "invitation" not in ask.rewrite
    said = findings("Purchase my work today.\n\nI paint in oils.\n", fmt="text")
    assert next(d for d in said if d.rule == "TL401").rewrite.endswith('"When you\'re ready, purchase my work today."')
    assert "Write to me at [your address]." in next(d for d in found if d.rule == "TL301").rewrite
    ours = findings(page.replace("my mailing", "our mailing"), fmt="text")
    assert "Write to us at" in next(d for d in ours if d.rule == "TL301").rewrite


def test_a_page_that_ends_on_its_contact_button_turns_the_button_into_the_question():
    """Seed 7277: a question and an address bolted after "Talk to us about Ubuntu on AWS" was redundant."""
    page = ("Ledgerly on Azure\n\nThe leading ledger for regulated teams, tuned for Azure. Start your free trial "
            "today.\n\nTalk to us about Ledgerly on Azure\n")
    d = one(page, "TL301", channel="landing-page")
    assert d.rewrite.startswith('Turn "Talk to us about Ledgerly on Azure" into a question the reader can answer: '
                                '"What are you working on with Ledgerly on Azure?')


def test_a_claim_is_checked_about_what_it_is_said_of():
    """Seed 9277: "something the reader can check about Infinite Red" (the maker) for a claim about Ignite."""
    text = ("Kestrel Labs builds tools for mobile teams. Kestrel Labs also runs workshops. Maintained since 2016, "
            "Skiff is the oldest active and most popular starter kit for Expo apps.")
    d = one(text, "TL210")
    assert "check about Skiff" in d.rewrite and "Kestrel" not in d.rewrite.split(" in ")[0]
    assert "check about" not in one("We are the most popular planner for small teams.", "TL210").rewrite


def test_an_ask_put_as_the_closing_question_is_kept_with_a_way_to_ask_first():
    """Seed 9277: a consent prompt's "Are you interested in participating?" was replaced by "What would
    you like to hear more about?", which breaks the prompt."""
    prompt = ("Help us improve the CLI by sharing anonymous usage data with us. We only collect the commands you "
              "run and the version you use.\n\nWould you be interested in joining the programme?\n")
    d = one(prompt, "TL301")
    assert d.rewrite.startswith('Keep "Would you be interested in joining the programme?" and give the reader a way '
                                'to ask before they answer: "Questions first?')


def test_a_feature_post_over_a_standing_appeal_asks_about_the_feature_before_the_appeal_section():
    """Seed 2287: "What would you try first?" put right before a donation request."""
    post = ("Faster renewals with Tilemap Sync\n\nThe Open Atlas team is excited to announce that Tilemap Sync "
            "(TMS) is live in production! TMS lets map hosts refresh tiles the moment the source data changes. "
            "Hosts can turn it on in one line of config.\n\nSupporting Open Atlas\n--------------------\n\n"
            "All of our funding comes from our community of users and sponsors. If you can support us with a "
            "donation, we ask that you make an individual contribution.\n")
    d = one(post, "TL301")
    assert d.rewrite.startswith('Before the "Supporting Open Atlas" section, ask the reader one thing')
    assert "What would you use TMS for first?" in d.rewrite
    # a title that names a sponsor is no appeal section to go before
    titled = post.replace("Faster renewals with Tilemap Sync", "Globex Sponsors Open Atlas", 1)
    assert 'Before the "Globex Sponsors' not in one(titled, "TL301").rewrite


def test_a_scheduling_tools_next_meeting_is_no_call_to_cover():
    page = ("Find a time that works for everyone. Share one link, let people vote, and book the slot with the "
            "most votes. Start free today.\n\nReady to get the next meeting scheduled?\n")
    d = one(page, "TL301", channel="landing-page")
    assert "the meeting to cover" not in d.rewrite
    # kept as the page's last ask, the question under it (seed 8287: not before it)
    assert d.rewrite.startswith('Keep "Ready to get the next meeting scheduled?" and under it ask')


def test_a_tool_the_reader_plugs_in_and_a_wall_of_logos_are_not_the_product():
    """Seed 6287: "What would you most like to know about Slack?" on a post about sending status updates
    into Slack, and "… about QuickBooks?" under a landing page's row of integration logos."""
    post = draft_of("Most of our team's talk happens in one chat app. You can now send every incident into your "
                    "Slack workspace. Add the feed to Slack in a minute with the Slack RSS app. Pick the Slack "
                    "channels you want.")
    assert not post.plausible("Slack")
    page = draft_of("Sync your books in minutes.\nFortnox\nXero\nQuickBooks\nTransactions arrive matched.")
    assert not page.plausible("QuickBooks")
    own = draft_of("Your team ramped up usage in Trackwise recently. We help with querying in Trackwise too.")
    assert own.plausible("Trackwise")  # "in Trackwise": the sender's own product, used


def test_a_programme_the_readers_are_not_part_of_is_not_tried():
    """Seed 9287: "What would you try first?" after a youth programme's description."""
    post = ("We're proud to launch Future Cooks with the city college. The program gives one-on-one mentoring and "
            "paid kitchen placements to disadvantaged youth aged 16 to 24. Read more: https://example.com/fc")
    d = one(post, "TL301", channel="social")
    assert "What would you try first?" not in d.rewrite and "What more should we be doing on this?" in d.rewrite


def test_round_55_colon_lines_opt_out_lines_link_labels_and_partner_leads():
    """Seeds 4297, 5297, 6297."""
    post = ("Join our livestream on Thursday: packaging Python code. No registration needed:\n\n"
            "https://example.com/live #python")
    assert one(post, "TL301", channel="social").rewrite.startswith('Before "No registration needed:"')
    offers = "Buy a Used Car Online\n\nGreat rates on used cars this week.\n"
    ask = one(offers, "TL401")
    assert "When you're ready" not in ask.rewrite and "invitation" not in ask.rewrite  # a link's label stays one
    from tonelint.rewrite import form
    assert form.HOUSEKEEPING.search("To get out of our email database send an email to")
    playbook = ("# Partnerships handbook\n\nOur partnerships team helps other teams that need more leads in the "
                "pipeline. We log every agreement in the CRM and review it each quarter with our partners.")
    d = one(playbook, "TL104", fmt="markdown")
    assert "organizations that asked to work with us" in d.rewrite and "started a trial" not in d.rewrite


def test_a_plural_of_a_kind_is_no_product_name():
    """Seed 5277: "What would you most like to know about Traditional L1s?" on a chain's post about itself."""
    draft = draft_of("Older L1s slow down under load. Nodeway keeps fees at zero with its own design.")
    assert not draft.plausible("Older L1s") and not draft.plausible("LLMs")
    assert draft.plausible("Nodeway") and draft.plausible("L1 Gateway")


def test_a_template_placeholder_is_no_product_name():
    assert not draft_of("Your XXK plan renews soon. The XXK plan has 3 seats.").plausible("XXK")


def test_a_release_with_no_media_contact_does_not_point_below():
    from tonelint.rewrite.listening import answer_line

    text = "Planwise today announced Planwise 3.0. Planwise 3.0 adds shared calendars for every team."
    result = check_text(text, fmt="text")
    draft = Draft(text, result.facts, meta=result.meta, fmt="text", channel="press-release", measures=result.measures)
    assert answer_line(draft) == "Write to us at [your address]."  # not the press desk (seeds 2237, 5267, 2277)
    text += " Media contact: Dana Lee, Planwise."
    result = check_text(text, fmt="text")
    draft = Draft(text, result.facts, meta=result.meta, fmt="text", channel="press-release", measures=result.measures)
    assert answer_line(draft) == "Readers and reporters can write to the contact below."


def test_a_row_of_buttons_is_told_apart_from_one_ask():
    from tonelint.rewrite.ask import _buttons

    draft = draft_of("Buy Planwise Pro See our plans\n\nSign up today and get two seats free.")
    assert _buttons(draft.sentences[0]) and not _buttons(draft.sentences[1])
    # with a whole sentence as the first value the ask still moves after it (the page's line before
    # the buttons talks about the sender only: a line for the reader there would have given already)
    text = ("Planwise for teams\n\nWe built our planner for teams like ours.\n\nBuy Planwise Pro See our plans\n\n"
            "Shared calendars for the whole team\n\nEvery plan fits on one screen.")
    d = one(text, "TL401", channel="landing-page")
    assert d.rewrite.startswith('Give first: move "Buy Planwise Pro See our plans" after "Every plan fits on one screen."')


# Round nineteen (seeds 6227 / 7227).

def test_a_closing_teaser_question_is_replaced_not_preceded():
    out = _tl301("Agents will need money they can hold. They cannot open bank accounts. Ledgers on chains are "
                 "the only way.\n\nSmart ledger contracts?\n\n#ledgers", fmt="text")
    assert out.startswith('Instead of ending on "Smart ledger contracts?"')


def test_a_sponsorship_is_followed_by_what_it_keeps_going_for_the_sponsored_things_users():
    from tonelint.rewrite.oneway import sender_heavy

    text = ("Globex is now the newest Gold sponsor of Open Atlas. We thank Globex for it. "
            "We rely on our sponsors and our donors, and we are grateful to them. We will keep our maps free.")
    draft = draft_of(text)
    out = sender_heavy(None, draft.body[0], draft).text
    assert "what it keeps going for the people who use Open Atlas" in out and "Globex:" not in out


def test_a_view_in_browser_line_is_not_the_news():
    from tonelint.rewrite.oneway import _lede

    draft = draft_of("If this message is not displaying properly, click here to view it in your browser. "
                     "We launched our new planner today. We built it for our team.")
    assert _lede(draft).text.startswith("We launched our new planner today")


def test_the_icp_as_a_scoring_model_is_kept_and_defined_in_peoples_words():
    text = ("Internal playbook for the sales team. Customers who ask for a demo and show strong ICP fit signals "
            "are shown a booking link for a call with a TAE. Our ICP, product engineers, rarely want a call.")
    texts = [d.rewrite for d in findings(text) if d.rule == "TL104"]
    # the ICP as people still gets its people phrase
    assert "The people we build for, product engineers, rarely want a call." in texts
    assert any(t.startswith('Keep "ICP" as the name of your scoring model') for t in texts), texts
    assert not any("signs they are the people we build for" in t for t in texts)
    # no definition of our own making: the page's own, or placeholders for the team to fill
    kept = next(t for t in texts if t.startswith("Keep"))
    assert "link the page that defines it" in kept and "[the kind of team]" in kept


# Round twenty (seeds 8227 / 9227 / 1237).

def test_a_plain_result_keeps_the_list_of_results_it_heads():
    text = ("This morning we shared our Q2 2025 results, in which we delivered same-store sales growth of 7% in "
            "Europe, opened 310 new bakeries and achieved $2 billion in online orders.")
    d = one(text, "TL209", channel="social")
    assert d.rewrite == ("This morning we shared our Q2 2025 results, in which same-store sales grew 7% in Europe; "
                         "we opened 310 new bakeries and achieved $2 billion in online orders.")


def test_a_ranked_singular_thing_keeps_an_article_when_its_rank_goes():
    d = one("Parsekit is our effort to build the best free, fast, cheap text parser in the market.", "TL210")
    assert d.rewrite == "Parsekit is our effort to build a free, fast, cheap text parser."


def test_a_stack_keeps_the_ask_that_says_what_it_does_not_a_bare_click_here():
    text = ("Planwise plans your week in ten minutes. It lists three outcomes and blocks time for each. "
            "CLICK HERE Just click here and start your trial. Book a demo today.")
    d = one(text, "TL402")
    assert "click here" not in d.rewrite.lower() and "start your trial" in d.rewrite.lower()


def test_a_removal_line_is_never_the_value_an_ask_moves_after():
    text = ("Click here to order your kit. Your email address will be removed within 24 hours if you ask. "
            "Each kit has three tools and a guide.")
    d = one(text, "TL401")
    assert "removed within 24 hours" not in d.rewrite


def test_a_shared_link_post_is_answered_in_the_replies_with_a_question_about_it():
    titled = one("Reproducible Pipelines for Field Ecology in the Tropics\nhttps://example.org/news/field-ecology\n", "TL301")
    assert "What would you like to know about Reproducible Pipelines for Field Ecology in the Tropics?" in titled.rewrite
    assert "Tell us in the replies." in titled.rewrite and "[your address]" not in titled.rewrite
    plain = one("Tracing slow queries across services got a lot simpler in 4.2\nhttps://example.org/blog/t\n", "TL301")
    assert "What do you think? Tell us in the replies." in plain.rewrite
    done = one("Run your test suite on every commit with one line of config\nhttps://example.org/blog/ci\n", "TL301")
    assert "What would you use it for first? Tell us in the replies." in done.rewrite


def test_a_feeling_clause_at_the_end_is_cut_whole():
    d = one("Our volunteers answer every question on the forum, and together we built a help desk that I am "
            "proud to be a part of. Thousands of evenings have gone into it, and we keep improving it.", "TL202")
    assert "together we built a help desk." in d.rewrite and "proud" not in d.rewrite


def test_a_shouted_claim_left_in_the_line_is_no_rewrite_of_it():
    d = one("DOUBLE YOUR SALES PER WEEK WITH OUR LIGHTNING FAST ORDER SYSTEM!!!", "TL203")
    assert d.rewrite_kind == "instruction" and '"LIGHTNING FAST"' in d.rewrite


def test_a_removal_line_closing_a_list_gets_no_question_about_the_list():
    text = ("Our spring catalogue is out, with forty new garden tools and free delivery on every order over $50. "
            "Order today and save 20% on your first order.\n\n- Shop the catalogue\n- Please take me off this list\n")
    d = one(text, "TL301")
    assert "Which of these" not in d.rewrite


def test_a_sponsor_announcement_asks_about_the_sponsored_project_not_the_sponsor():
    text = ("We're pleased to announce that Northwind has become a Gold sponsor of Open Atlas. Northwind "
            "hosts mirrors in twelve countries, and Northwind engineers have contributed to the tile server. "
            "If your company would like to sponsor Open Atlas, please email us at sponsor@openatlas.example.")
    d = one(text, "TL301", channel="press-release")
    assert "What do you use Open Atlas for?" in d.rewrite and "about Northwind" not in d.rewrite


def test_goods_are_no_product_name_to_ask_about():
    d = one("Get the complete box set on DVD today. Order the DVD now and the DVD ships tomorrow. Click Here Now!",
            "TL301")
    assert "use DVD" not in d.rewrite


def test_a_street_or_a_plain_plural_word_is_no_product_name():
    text = ("Rates are down this week! Our rates on 30-year loans start at 5.5%. Call us today.\n\n"
            "Mortgage Desk, 1200 Palm Beach Rd. Suite 12, Palm Beach, FL 33401.")
    d = one(text, "TL301")
    assert "about Rates" not in d.rewrite and "Palm Beach" not in d.rewrite.split("say how to answer")[-1]
    # a plain word the draft also writes in lower case, in the plural
    assert not draft_of("Four freedoms come with the licence. Freedom 0: run the program as you wish.").plausible("Freedom")


def test_a_sender_heavy_appeal_is_told_what_support_made_possible():
    text = ("Open Atlas had a great year in 2025. We now serve map tiles to 40,000 sites, and we moved our servers "
            "to our own hardware. We rewrote our tile renderer, we hired our first full-time engineer and we "
            "opened our new office. Our sponsors made that possible, and we thank every sponsor for their "
            "contribution. We are proud of our team, and we think our best work is ahead of us. Read our full "
            "report on our blog.")
    d = one(text, "TL201")
    assert "what readers' support made possible" in d.rewrite and "what they can do now" not in d.rewrite
    # a launch that thanks its sponsors: the feature is the news
    launch = text.replace("Open Atlas had a great year in 2025.", "We're proud to launch vector tiles for every map today.")
    assert "support made possible" not in one(launch, "TL201").rewrite


def test_a_rank_cut_that_leaves_nothing_said_is_an_instruction():
    d = one("Join today! we offer the best programs in the industry! Call now.", "TL210")
    assert d.rewrite_kind == "instruction" and "the best programs in the industry" in d.rewrite


def test_the_same_ask_repeated_is_told_to_appear_once():
    text = ("Hot new photos every day.\n\n<< click here to see >>\n\n<< click here to see >>\n\n"
            "<< click here to see >>\n")
    d = one(text, "TL402")
    assert "appears 3 times" in d.rewrite and "drop" not in d.rewrite


def test_leads_in_a_pipeline_get_an_instruction_not_a_swap():
    d = one("# Sales handbook\n\nOur growth team helps account managers who need more leads in the pipeline "
            "before the quarter closes. Log every call in the CRM.", "TL104", fmt="markdown")
    assert d.rewrite_kind == "instruction" and "from us in the pipeline" not in d.rewrite


def test_a_technical_post_over_a_standing_appeal_keeps_the_news_instruction():
    # a nonprofit's engineering post: the change is the news, the closing appeal for gifts is its footer
    text = ("Open Atlas speeds up how we render tiles\n\n"
            "Open Atlas has changed how we render map tiles: we now draw them on demand with a cache in front, "
            "making our service more reliable than ever. We moved our renderer to our new servers and we rewrote "
            "our cache. We tested it for a month and we watched our error rates fall.\n\n"
            "Supporting Open Atlas\n\n"
            "All of our funding comes from contributions from our community of users and sponsors. If your company "
            "would like to sponsor Open Atlas, please email us at sponsor@openatlas.example. Subscribe to our "
            "newsletter for our next update.")
    d = one(text, "TL201")
    assert "support made possible" not in d.rewrite and "what that changes for the people reading" in d.rewrite


def test_a_sale_passed_on_asks_which_of_the_goods_the_reader_would_pick():
    post = ("Heads up: the foundation's sale on their cloud certifications ends Friday, 30% off every exam.\n"
            "https://example.org/sale\n")
    d = one(post, "TL301", channel="social")
    assert "Which of the cloud certifications would you pick?" in d.rewrite
    assert "before you decide" not in d.rewrite


def test_an_about_page_is_told_about_the_people_it_works_for_not_its_news():
    page = ("About us\n\n"
            "We design brands and websites for independent shops. We started in a spare room in 2016, and we now "
            "work from our own studio by the harbour. We care about craft, and we care about our clients. We believe "
            "good design is honest, and we believe small teams do their best work when they trust each other. We "
            "put our names on every project we make, and our team still answers every call itself. We love long "
            "partnerships, and our first client is still with us.\n")
    heavy = one(page, "TL201")
    assert "About page" in heavy.rewrite and "people you work for" in heavy.rewrite
    assert "news" not in heavy.rewrite
    assert "What are you working on?" in one(page, "TL301").rewrite


def test_a_closing_ready_to_question_is_turned_into_one_the_reader_can_answer():
    page = ("Plan every shift in one place. Staff pick the shifts that suit them, swaps need one tap, and the rota "
            "is posted to everyone's phone the moment you publish it. Try it free for a month.\n\n"
            "Ready to sort out the holiday rota?\n")
    d = one(page, "TL301")
    assert d.rewrite.startswith('Keep "Ready to sort out the holiday rota?" and under it ask')  # kept (seed 7277)
    assert "What makes the holiday rota hard to sort out today?" in d.rewrite
    assert "What would you like to hear more about?" not in d.rewrite


def test_a_sponsor_expanding_its_support_is_not_the_product_asked_about():
    post = ("Globex Expands Support for Open Atlas\n\nWe're excited that Globex is backing our work for three more "
            "years! Globex engineers use the maps every day, Globex ships them in its app, and Globex staff send us "
            "fixes. Please join us in thanking Globex. To any site owner who has not tried the tiles yet, we "
            "encourage you to use Open Atlas for your maps.")
    d = one(post, "TL301")
    assert "What do you use Open Atlas for?" in d.rewrite and "about Globex" not in d.rewrite


def test_an_honour_congratulating_a_colleague_keeps_the_congratulations():
    post = ("Huge congratulations to our Head of Product Ana Ruiz for being recognized by @Wired as a top design "
            "leader! #proud https://example.com/ana")
    d = one(post, "TL209", channel="social")
    assert d.rewrite.startswith("Keep the congratulations to Ana Ruiz") and "trophy" not in d.rewrite


def test_a_shouted_label_is_folded_only_into_a_sentence_worth_copying():
    plain = "Our kettles boil a litre in ninety seconds.\n\nGUARANTEED!\n\nEvery kettle comes with a five-year warranty and free repairs.\n"
    d = one(plain, "TL207")
    assert '("Guaranteed: every kettle comes with a five-year warranty' in d.rewrite
    banner = plain.replace("Every kettle comes with a five-year warranty and free repairs.",
                           "Best Of All, There Are No Agonizing Waits For Your New Kettle To Arrive")
    d = one(banner, "TL207")
    assert "Guaranteed:" not in d.rewrite and d.rewrite.startswith('Drop the label "GUARANTEED!"')


def test_a_question_goes_before_a_gift_ask_that_ends_the_post_above_its_footer():
    post = ("Open Atlas served 40,000 sites this year, and every map tile is free for anyone to use. Read more "
            "on our blog. We ask that you make an individual contribution if it is within your means.\n\n"
            "Thank you for the support we receive, and we look forward to another year of free maps!\n")
    d = one(post, "TL301")
    assert d.rewrite.startswith('Before "We ask that you make an individual contribution')


def test_a_talk_named_for_a_group_is_asked_about_as_the_talk():
    post = "On Day 2 of the Tile Days, Ana Ruiz presented Portugal (Special Interest Group).\nhttps://example.org/sig\n"
    d = one(post, "TL301", channel="social")
    assert "What would you ask Ana Ruiz about the talk?" in d.rewrite and "(Special Interest Group)?" not in d.rewrite


def test_a_statement_on_inclusion_asks_what_more_the_sender_should_do():
    post = ("Every voice at our tables makes us better. We believe diversity and inclusion are how we grow.\n"
            "https://example.org/values\n")
    d = one(post, "TL301", channel="social")
    assert "What more should we be doing on this?" in d.rewrite and "Where do you stand" not in d.rewrite


def test_an_ask_to_drop_is_named_by_its_link_and_leaves_its_offer():
    """Seed 3277: "drop "purchase order number phone number …"" told the writer to drop an order
    form's field labels, when the ask was the "Order Now" link under them."""
    from tonelint.rewrite.ask import _dropped
    text = ("<html><body><p>Every ink cartridge is 30% off this month and ships free.</p>\n"
            "<p>purchase order number<br>\nphone number<br>\ncompany or school name<br>\nbilling address<br>\n"
            "<a href='mailto:orders@example.com'>Order\nNow</a></p></body></html>\n")
    result = check_text(text, fmt="html")
    draft = Draft(text, result.facts, meta=result.meta, fmt="html", measures=result.measures)
    form = next(s for s in draft.sentences if s.text.startswith("purchase order"))
    assert _dropped(draft, form) == 'the "Order Now" link after "purchase order number phone number …"'
    assert _dropped(draft, draft.sentences[0]).startswith('"Every ink cartridge')  # no ask of its own at its end
    # an ask that carries the offer: drop the ask, not the offer (seed 3277: "loses the free installation")
    text = "Apply here: https://example.com/apply or call us.\n\nSign up today and receive free setup and guess what?\n"
    result = check_text(text, fmt="text")
    draft = Draft(text, result.facts, meta=result.meta, fmt="text", measures=result.measures)
    sign_up = next(s for s in draft.sentences if s.text.startswith("Sign up"))
    assert _dropped(draft, sign_up) == '"Sign up today" (but move its offer, "receive free setup", to the ask you keep)'


def test_a_page_closing_on_a_strip_of_post_titles_gets_the_question_below_the_strip():
    """Seed 7297: "End with a question after" named three blog titles run together as if they were
    the page's last sentence; the question goes below the strip, and wrapped prose is no strip."""
    page = ("Maps, your way\nFresh tiles every week\nOpen data for every city\n"
            "Our tiles are rebuilt every Monday from open data, so your maps never go stale.\n"
            "Read our latest posts on the blog.\n"
            "Northwind and Globex bring vector tiles to the browser\n"
            "Offline maps: caching tiles for field work\n"
            "Rendering hillshade in real time with WebGL\n")
    out = _tl301(page, fmt="text")
    assert out.startswith('End the page with one question to the reader, below the closing list that starts '
                          '"Northwind and Globex bring vector tiles')
    # hard-wrapped prose is one sentence, not a list of titles
    letter = ("Our new tile server is out today and it renders every city in the world from open data in\n"
              "Seconds rather than hours. Start your free trial today.\n")
    assert "closing list" not in _tl301(letter, fmt="text")


# Blind editors on held-out GitHub copy (sets L to O), 2026-12-07: each case in our own words.

def test_a_story_about_a_server_going_down_is_no_outage_note():
    from tonelint.rewrite.form import occasion_of

    post = ("We host a devroom and a booth at the conference. A friend meant to send us the lock's code over chat. "
            "Unfortunately, their server went down before they could send the message! Come find us on Sunday.")
    assert occasion_of(post) != "outage"
    assert occasion_of("We're sorry: the dashboard was down from 9:10 to 11:40 and the root cause was a bad "
                       "deploy.") == "outage"


def test_urgency_cut_keeps_the_ask_it_was_joined_to_and_advice_is_no_urgency():
    d = one('Meet our first speaker, Ada Lopez, with "Tracing in practice" - don\'t miss out and join us here: '
            'https://example.org/e/1', "TL404")
    assert d.rewrite == 'Meet our first speaker, Ada Lopez, with "Tracing in practice". Join us here: https://example.org/e/1'
    assert "TL404" not in rules("Applications are reviewed as they arrive, so don't wait until the last day to "
                                "submit yours.")


def test_pride_cuts_leave_the_news_whole():
    # (gladness at the readers' proposals is no finding at all now: set N's label, f80253d)
    assert "TL202" not in rules("They gave us a full day room on Sunday to talk about chat, and we're delighted to "
                                "have received so many proposals!")
    assert one("We're stoked to be one of the 20 projects in the 2023 cohort, chosen from 1,000+ applications.",
               "TL202").rewrite == "We're one of the 20 projects in the 2023 cohort, chosen from 1,000+ applications."
    assert one("2025 was another good year for the project, and I'm happy to say that we end it on a positive "
               "note.", "TL202").rewrite == "2025 was another good year for the project, and we end it on a positive note."
    d = one("We're proud of the work our teams are doing, and the spaces we're able to create.", "TL202")
    assert d.rewrite_kind == "instruction" and "name one thing that work made" in d.rewrite


def test_a_superlative_that_describes_the_work_is_not_made_new():
    from tonelint.rewrite.oneway import strip_hype

    text = "Ana enjoys solving the most critical and technically challenging issues with world-class tools."
    assert "the most critical and technically challenging" in strip_hype(text)
    assert strip_hype("Today we ship our most advanced release yet.") == "Today we ship our new release."


def test_a_question_goes_before_the_line_that_closes_the_draft():
    page = ("Sort your inbox in minutes. The assistant files every newsletter and drafts your replies. "
            "Teams save ten hours a week. Get started for free")
    assert _tl301(page, fmt="text").startswith('Before "Get started for free", which stays last, ask the reader')
    letter = ("Our report shows where every dollar went this year. Contractors wrote most of the compiler, and "
              "the rest paid for hosting. Can you spare $5 a month? Together we serve the users!")
    assert _tl301(letter, fmt="text").startswith('Before "Together we serve the users!", which stays last')
    mail = ("Hey Sam,\n\nBefore you start fixing slow pages, we need a few details about your project. Click the "
            "button below when you're back at your computer to finish the set up.\n\nhttps://example.com/setup\n")
    assert _tl301(mail, fmt="text").startswith('Before "Click the button below')


def test_questions_fit_an_accelerator_place_and_a_named_speaker():
    from tonelint.rewrite.listening import question

    place = draft_of("Formwise joins the Globex Accelerator's inaugural cohort. We're one of the 20 projects "
                     "chosen from 1,000 applications. We will attend weekly sessions with mentors.")
    assert question(place) == "What should we work on next?"
    talk = draft_of("Our first speaker at the July meetup: consultant and Speaker @adalopez with \"Tracing in "
                    "practice\". Join us here: https://example.org/e/1 #rustlang")
    assert question(talk) == "What would you like to ask @adalopez?"


def test_a_name_only_ever_inside_a_template_placeholder_is_not_the_product():
    draft = draft_of("Your Tilewise trial ends tomorrow.\nOver the last 30 days, your account has used "
                     "{TilewiseWeb.AuthView.delimit(@usage)} pageviews.\nYou can upgrade your account at any time.")
    assert not draft.plausible("TilewiseWeb") and draft.plausible("Tilewise")


def test_a_rank_after_its_own_numbers_is_dropped_and_quoted_whole():
    d = one("We wrote Tilebook, a 600-page open guide to maps. With nearly 3000 daily readers, over 2200 stars, "
            "and available in four languages; it's the most popular resource for learning web mapping.", "TL210")
    assert d.rewrite.startswith('The numbers in "With nearly 3000 daily readers') and 'drop "it\'s the most popular"' in d.rewrite


def test_a_cheer_that_opens_a_post_is_not_its_news():
    from tonelint.rewrite.oneway import _lede

    draft = draft_of("Its day 3 of launch week!\n\nToday we open our handbook and our roadmap to everyone. "
                     "We wrote both for our own team first.")
    assert _lede(draft).text.startswith("Today we open our handbook")


def test_a_welcome_to_someone_joining_keeps_the_warmth():
    d = one("We're thrilled to welcome Ana Ruiz as our very first infrastructure intern, supported by Globex Labs.",
            "TL202")
    assert d.rewrite == "Please welcome Ana Ruiz as our very first infrastructure intern, supported by Globex Labs."


def test_a_case_study_asks_the_reader_about_their_own_case():
    from tonelint.rewrite.listening import question

    story = draft_of("Case Study: Faster releases at Northwind with Tilewise\n\nNorthwind ships firmware to 40 "
                     "factories. With Tilewise, a release that took a week now takes an afternoon.")
    assert question(story) == "Working on something similar?"
    page = draft_of("Tilewise keeps your factories patched. A release now takes an afternoon.\nRead the case study ›\n"
                    "Tilewise is free for up to five devices.")
    assert question(page) != "Working on something similar?"


# Blind editors on held-out GitHub sets P and Q (rounds 63-64), in our own words.

def test_an_investor_is_not_the_product_a_funding_post_sells():
    text = ("Announcing our $20M Series A\n\nToday we are excited to announce our $20M Series A, led by Globex "
            "Capital with participation from our existing investors Initech Ventures.\n\nThis approach makes "
            "Tilebase a game-changer for map teams, with the continued support of Initech Ventures. Try it today.")
    assert all("Initech" not in d.rewrite for d in findings(text) if d.rule in ("TL209", "TL301"))
    assert any(d.rule == "TL209" for d in findings(text))


def test_a_sentence_that_is_only_the_feeling_is_cut_whole():
    d = one("I'm so excited to finally share this with you.", "TL202")
    assert d.rewrite_kind == "instruction" and "let the next sentence carry the news" in d.rewrite
    d = one("And I'm excited to announce that our work is culminating in... the planner 2.0 (yes, really!)", "TL202")
    assert d.rewrite.endswith("culminating in... the planner 2.0 (yes, really!)")


def test_company_news_and_a_press_desk_get_their_own_question_and_address():
    from tonelint.rewrite.listening import question

    news = draft_of("Tilebase is joining Globex. Our team will keep building the editor, and the free plan stays. "
                    "We are hiring too.")
    # (not "What does this change for you?": the post should say that itself, two blind editors, set AS)
    assert question(news) == "Any questions about what this means for you?"
    press = draft_of("Tilebase raises $20M to build open maps. For press inquiries, please contact team@tilebase.example")
    assert press.contact != "team@tilebase.example"


def test_a_rank_the_sentence_leaves_to_the_reader_gets_an_instruction():
    d = one("We're committed to building the most advanced map editor on the market, but ultimately it's up to "
            "you to decide!", "TL210")
    assert d.rewrite_kind == "instruction"


# Blind editors on held-out GitHub sets R and S (rounds 65-66), in our own words.

def test_capitals_that_are_a_name_or_a_badge_are_kept():
    d = one("The OSFA keeps software free. Join the OSFA as a supporter.\nI Support the OSFA!", "TL207")
    assert 'If "OSFA" is a name or an abbreviation, keep it' in d.rewrite
    d = one("Gold sponsor\nSOLD OUT!\nSilver sponsor\nFive packages left at 2,000 euros.", "TL207")
    assert d.rewrite.startswith('If "SOLD OUT!" is a label')


def test_pride_cuts_never_make_a_gift_or_a_list_into_is_here():
    assert "is here" not in one("The Map Foundation is pleased to announce a recent $100K donation from Globex to "
                                "support open tiles.", "TL202").rewrite
    out = one("Today, we're excited to finally release the SDK methods to query traces, observations, and "
              "sessions from the API.", "TL202").rewrite
    assert "traces are live" not in out and "is live" not in out


def test_a_press_releases_closing_boilerplate_and_social_links_come_after_the_question():
    release = ("Globex gives $1M to the Map Foundation. The money pays two maintainers for a year. The foundation "
               "will report on the work in June. Both teams thank the contributors who asked for it.\n\n"
               "About Globex\n\nGlobex is a logistics company founded in 1998. Learn more at globex.example.\n")
    assert _tl301(release, fmt="text").startswith('Before the "About Globex" section')
    post = ("Globex gives $1M to the Map Foundation. The money pays two maintainers for a year. The foundation "
            "will report on the work in June.\n\nYou can find Globex on X, LinkedIn and the Globex blog.\n")
    assert _tl301(post, fmt="text").startswith('Before "You can find Globex on X')


def test_an_events_venue_is_not_what_the_event_covers():
    from tonelint.rewrite.listening import question

    invite = draft_of("Hi Sam, our next workshop is on Tuesday, hosted at Globex in their London office. Coaches "
                      "pair with two students each. Join us on Slack to help outside the workshops. RSVP by Monday.")
    assert "Globex" not in question(invite)


def test_a_systems_notice_and_a_closing_send_us_a_message_are_not_broadcasts():
    alert = ("Hello there,\n\nThe automation rule {{ rule }} has been disabled because it has invalid conditions. "
             "This happens when you delete a custom attribute that a rule still uses.\n\nClick here to update the "
             "conditions.\n")
    assert "TL301" not in rules(alert)
    page = ("We build identity tools for teams that ship. Thousands of companies log in with them every day. "
            "Plans start free, and the team behind them is small. Send us a message.")
    assert "TL301" not in rules(page)


# GitHub sets T and U (held out): what two blind editors rejected.

def test_an_event_announced_for_later_is_introduced_not_here():
    out = one("We're happy to announce the inaugural GlobexConf, a two-day conference for people who build "
              "billing systems.", "TL202").rewrite
    assert out.startswith("Introducing the inaugural GlobexConf, a two-day conference") and "is here" not in out
    person = one("We are super excited to introduce Priya, the first designer to join the Globex team!", "TL202")
    assert person.rewrite == "Meet Priya, the first designer to join the Globex team!"


def test_pride_that_runs_on_into_more_feelings_gets_an_instruction_not_a_broken_sentence():
    d = one("We are really proud of what we have achieved so far, very excited about next year and mostly look "
            "forward to doubling our team.", "TL202")
    assert d.rewrite_kind == "instruction" and "Here is what" not in d.rewrite


def test_a_funding_headlines_reader_sentence_goes_under_the_headline():
    d = one("We Raised our Seed Round\n\nToday we closed a $4 million seed round led by Initech Ventures. We are a "
            "team of six people building Globex, an open source database. We will hire two engineers.\n", "TL209")
    assert 'in the first paragraph under the headline "We Raised our Seed Round"' in d.rewrite


def test_a_trial_reminder_asks_what_holds_the_reader_back():
    d = one("Your Pro trial ends in 3 days\n\nHi {{ name }},\n\nYour Globex Pro trial ends in 3 days. After that, your "
            "workspace moves to the free plan and loses unlimited tasks and team seats.\n\nUpgrade now to keep "
            "building with unlimited tasks.\n\nThe Globex team\n", "TL301")
    assert "Is anything holding you back from upgrading?" in d.rewrite


def test_a_farewell_signed_by_a_team_stays_last():
    news = ("Globex developer newsletter, issue 9\n\nHi there,\n\nWe just released version 1.3 of the Node SDK, with "
            "streaming uploads and fixes for file types. The Python SDK now retries failed calls on its own. We are "
            "hiring two developer advocates in Paris.\n\nSee you on Slack,\nThe Developer Relations Team\n")
    assert one(news, "TL301").rewrite.startswith('Before "See you on Slack, The Developer Relations Team"')


def test_a_way_of_working_ranked_is_no_claim_for_the_offer():
    assert "TL210" not in rules("Open source is one of the most powerful ways to write software, and we want Globex "
                                "to stay free for every developer.")
    assert "TL210" in rules("Globex is one of the most powerful databases for billing, and we want it to stay free.")


def test_a_rank_in_a_linked_posts_title_is_left_out_of_the_link():
    text = ("Hello there,\n\nI'm Priya from the community team at Globex.\nWe build an open-source billing engine for "
            "companies that sell in many countries.\nLearn more about our journey in this blog: Building Globex — The "
            "World's First Open Source Billing Engine.\nFor support, reach out via GitHub Discussions.\n\nThanks,\nPriya\n")
    d = one(text, "TL210")
    assert d.rewrite.startswith('The linked title "Building Globex') and "link the post by what it covers" in d.rewrite


# GitHub sets V and W (held out): what two blind editors rejected.

def test_a_hype_cut_keeps_the_and_between_two_noun_phrases():
    d = one("Teams come to us for the open approach and unrivaled uptime at scale.", "TL203")
    assert d.rewrite == "Teams come to us for the open approach and uptime at scale."
    assert one("Meet our fast and industry-leading modules.", "TL203").rewrite == "Meet our fast modules."


def test_words_inside_a_quotation_that_runs_on_are_not_rewritten():
    text = ("In her keynote, Ana Ruiz said:\n\n\"I'm pleased to announce that Globex has joined the working group, "
            "a step that gives every user tested builds\nfor years to come.\n\nWe publish the builds every month.\n")
    assert "TL202" not in rules(text)


def test_what_it_takes_to_build_a_world_class_company_is_no_claim():
    assert "TL203" not in rules("We chose Initech Ventures for their understanding of what it takes to build a "
                                "world-class global company.")
    assert "TL203" in rules("We are a world-class team of billing engineers.")


def test_a_donation_is_no_sale_and_its_donor_is_not_the_subject():
    from tonelint.rewrite.listening import question

    news = draft_of("Globex donates $10,000 to Acme\n\nWe are happy to share that Globex has donated $10,000 to the "
                    "Acme project. Globex gives $10,000 to one open source project each quarter. Globex staff who use "
                    "Acme voted for it. The money pays for two more releases of Acme this year.")
    asked = question(news)
    assert "list" not in asked and "Globex" not in asked


def test_a_question_is_not_added_after_the_close_of_someone_elses_quotation():
    text = ("Globex writes the release notes for forty software teams. Book a call and we will send you a sample.\n\n"
            "\"We ship faster since they joined. Let's keep the notes this clear.\"\n")
    d = one(text, "TL301")
    assert d.rewrite_kind == "instruction"


# Sets X and Y (the final held-out check): what two blind editors rejected.

def test_target_audience_listed_beside_a_thing_gets_no_swap():
    d = one("We have more options than ever for nearly every use case and target audience.", "TL101")
    assert d.fix is None and "use case and readers" not in d.rewrite


def test_an_event_name_written_in_capitals_every_time_is_kept():
    text = ("Join us at GATHER! GATHER is our summit for maintainers. We are excited to announce that GATHER! "
            "Tickets are free for anyone who maintains a project.")
    for d in findings(text):
        assert "gather" not in d.rewrite, d.rewrite
    assert one(text, "TL202").rewrite == "Introducing GATHER!"


def test_dont_miss_this_opportunity_keeps_a_verb():
    d = one("Don't miss this opportunity to be part of the club's pool team.", "TL404")
    assert d.rewrite == "Here's your opportunity to be part of the club's pool team."


def test_a_greeting_is_not_the_news_a_sender_heavy_draft_gets_a_sentence_after():
    from tonelint.rewrite.oneway import _lede

    draft = draft_of("Welcome to the second issue of our monthly update.\n\nWe are very excited to announce that Ana "
                     "Ruiz has joined our team. Our team spoke at two conferences.\n")
    assert _lede(draft).text.startswith("We are very excited to announce")


def test_a_question_names_the_pub_as_the_draft_does():
    from tonelint.rewrite.listening import _as_written

    assert _as_written("Anchor", "The Anchor is open late. Book at The Anchor.") == "The Anchor"
    assert _as_written("Globex", "Globex ships on Monday.") == "Globex"


def test_a_new_hires_name_is_not_an_event_to_cover():
    from tonelint.rewrite.listening import question

    news = draft_of("Ana Ruiz has joined Globex. Ana Ruiz will run our meetups. Welcome Ana Ruiz! Our team hosted "
                    "two meetups and a workshop this month, and the next event is in May.")
    assert "Ana Ruiz" not in question(news)


# Sets Z and ZZ (the last held-out check): what two blind editors rejected.

def test_a_currency_or_a_name_the_draft_never_calls_an_event_is_no_event_to_cover():
    from tonelint.rewrite.listening import question

    page = draft_of("Sponsor the hackathon\n\nGold: 2,000 EUR. Silver: 1,000 EUR. Bronze: 500 EUR. Every tier gets a "
                    "table at the hackathon and a logo on the event page. Contact us and let's see if we can make it "
                    "happen.")
    assert "EUR" not in question(page)


def test_a_funding_sentence_names_the_product_only_where_the_news_does():
    text = ("Globex raised a $20M Series B\n\nWe started in 2019 with three people and one customer. Our team now "
            "runs the database for 400 companies in nine countries, from small shops to banks. Today we raised $20M "
            "in Series B funding. We will hire twelve engineers and open an office in Lisbon next spring.\n\n"
            "We also wrote a guide to Kafka, and a guide to Kafka streams, and a Kafka connector, and the Kafka docs "
            "now cover us.\n")
    assert "people who use Kafka" not in one(text, "TL209").rewrite


def test_an_organisations_long_signature_stays_last():
    text = ("Twenty years of Globex\n\nTwenty years ago two students wrote the first version of Globex. Since then "
            "our volunteers have run forty conferences and raised money for two hundred sprints. We are proud of "
            "every one of them.\n\nWith love, the Globex Events Foundation (GEF), stewards of GlobexCon and "
            "champions of the Globex community.\n")
    assert one(text, "TL301").rewrite.startswith('Before "With love, the Globex Events Foundation')


# Sets AA and AB, rounds 75-76: what two blind editors rejected, in our own words.

@pytest.mark.parametrize("text, rewrite", [
    # the news told as a clause keeps its own subject, money news too
    ("We’re excited to share that we’ve raised €5M in seed funding to build the planner for small teams.",
     "We’ve raised €5M in seed funding to build the planner for small teams."),
    ("Northwind is proud to announce it has received a $10M Series A led by Globex.",
     "Northwind has received a $10M Series A led by Globex."),
    # the feeling's verb is the news ("to partner", "to be selected"), so it stays as the verb
    ("We're excited to partner with Globex to bring faster payouts to every shop.",
     "We're partnering with Globex to bring faster payouts to every shop."),
    ("We are super excited to be selected as one of the 20 startups in the spring programme.",
     "We have been selected as one of the 20 startups in the spring programme."),
    # a beta is the news, and "which is available" joins the sentence it hangs from
    ("We're excited to announce the public beta of the new editor, which is available today for every team.",
     "The public beta of the new editor is available today for every team."),
    ("After a year of building, we're excited to announce 1.0 beta testing for Android.",
     "After a year of building, 1.0 beta testing for Android is open."),
    # a company launched is launched, not "out"
    ("Which is why I’m very happy to announce the launch of Northwind Security, an open core company built "
     "around the project.",
     "Which is why I’m launching Northwind Security, an open core company built around the project."),
])
def test_pride_cut_keeps_the_news_as_its_own_sentence(text, rewrite):
    d = one(text, "TL202")
    assert (d.rewrite_kind, d.rewrite) == ("sentence", rewrite)


_SEED_POST = (
    "Northwind raises $3.4M seed to build a better sync engine\n\n"
    "Northwind is a sync engine for web apps. Today it runs in production for dozens of teams, and the new "
    "funding lets us hire two engineers for the open source core. The money goes to three things: offline "
    "support, a faster query planner and a hosted plan. We will keep the core open source under the same "
    "licence, and the hosted plan will run the same code you can run yourself.\n\n"
    "If you want to be part of a small team working on hard problems, check out our hiring page!\n")


def test_the_question_goes_before_a_closing_hiring_line_and_fits_a_funding_post():
    d = one(_SEED_POST, "TL301")
    assert d.rewrite.startswith('Before "If you want to be part of a small team')
    assert "What would you like us to build next?" in d.rewrite


_UPDATE = (
    "Subscribe to future updates.\n\n"
    "This month's release fixes the sync bug on large folders and adds a Linux client. "
    "The Linux client runs headless, so it fits servers and build machines. "
    "You need a service token to sign it in; the docs show how to make one. "
    "The Windows client now starts at login, and its tray icon shows when a sync is stuck. "
    "Sign up now and get started with up to 6 users for free. "
    "Request a demo if you'd like a first-hand look at the admin console.\n")


def test_a_subscribe_ask_before_the_update_moves_to_the_end():
    d = one(_UPDATE, "TL401")
    assert d.rewrite.startswith('Move "Subscribe to future updates." to the end')


def test_a_demo_beside_a_free_sign_up_is_folded_in_not_dropped():
    d = one(_UPDATE, "TL402")
    assert 'keep "Sign up now and get started with up to 6 users for free."' in d.rewrite
    assert "or request a demo" in d.rewrite


def test_a_query_feature_heading_is_no_order_button():
    text = ("What's new this month\n\nOrder by attributes\n\nStarting from 0.17.0, you can sort query results on "
            "any indexed field.\n\nOrder now\n")
    asked = [d.matched for d in findings(text) if d.rule == "TL401"]
    assert "Order by attributes" not in " ".join(asked)


# Sets AC and AD, rounds 77-78.

@pytest.mark.parametrize("text, rewrite", [
    ("We're thrilled to announce our Series A led by Globex Ventures with participation from two angels.",
     "We've raised our Series A, led by Globex Ventures with participation from two angels."),
    ("We're back in full force now, and we're excited to share what we've been working on this winter.",
     "We're back in full force now, and here is what we've been working on this winter."),
])
def test_a_funding_note_and_a_signpost_keep_their_news(text, rewrite):
    d = one(text, "TL202")
    assert (d.rewrite_kind, d.rewrite) == ("sentence", rewrite)


_STUDIO_ABOUT = ("We are a research and design studio in Leeds. We build tools and training for charities and "
                 "community groups, and we run digital inclusion projects with councils. We won a regional "
                 "innovation prize in 2019 for our events calendar for older people.\n\nGet in touch to learn more\n")


def test_an_about_pages_closing_contact_line_becomes_the_question():
    d = [d for d in check_text(_STUDIO_ABOUT, fmt="markdown", path="who-we-are.md").diagnostics if d.rule == "TL301"]
    assert d and d[0].rewrite == (
        'Turn "Get in touch to learn more" into a question the reader can answer: "What are you working on? '
        'Get in touch and tell us."')


def test_a_contact_page_is_for_booking():
    text = ("Contact Us\n\nOur team answers every message within a day. We also welcome questions about our "
            "training courses.\n\nBook a Free Initial Meeting\n\nPayment options\n\nWe accept payment by bank "
            "transfer and by card; card payments carry a small fee.\n")
    result = check_text(text, fmt="text")
    assert result.facts.message.genre == "transactional"
    assert not [d for d in result.diagnostics if d.rule.startswith(("TL3", "TL4"))]


def test_a_release_post_whose_next_sentence_names_the_change_is_told_to_say_that_to_the_reader():
    text = ("Today we're happy to announce Relay 3.0! This release introduces a new TLS stack that uses "
            "post-quantum key exchange by default. We built it over the winter, and we tested it with our "
            "maintainers and our partners. We think our new stack is our best work so far, and we are proud "
            "of our team. We will keep our old stack for a year, and we plan our next release for the spring. "
            "We thank our sponsors and our contributors for their help, and we look forward to our next steps.\n")
    d = one(text, "TL201")
    assert d.rewrite.startswith('Most of this draft is about the sender. "This release introduces a new TLS')
    assert "already names the change" in d.rewrite


def test_no_question_is_glued_to_a_closing_tagline():
    text = ("About us\n\nWe design and build websites for charities and cultural groups, and we keep "
            "them running for years after launch. We have worked with twelve museums and four theatres so far. "
            "We think every page should earn its place.\n\nMeaningful design with real content.\n")
    d = [d for d in findings(text, fmt="markdown") if d.rule == "TL301"]
    assert d and d[0].rewrite.startswith('After "We think every page should earn its place."')


# Sets AE and AF, rounds 79-80.

def test_a_closing_address_takes_the_answer_instead_of_being_given_twice():
    text = ("Every gift keeps the project's servers running and pays for the security audits. Individual "
            "supporters get a sticker and a thank-you note from the team. We publish every donation in the "
            "annual report. Donate today.\n\nFor more information, please contact us at giving@example.org.\n")
    d = one(text, "TL301")
    assert d.rewrite.startswith('Before "For more information, please contact us at')
    assert d.rewrite.endswith('Tell us at giving@example.org."') and "Write to us" not in d.rewrite


def test_no_question_follows_a_line_that_hands_over_to_a_list():
    text = ("About us\n\nWe are a foundation that hosts open infrastructure projects. We run events and "
            "training, and we keep the projects' servers running for their communities.\n\nFor more insight "
            "into our activities and progress, please read the annual reports:\n\n2014 annual report\n\n"
            "2015 annual report\n")
    d = one(text, "TL301", fmt="markdown")
    assert not d.rewrite.startswith('After "For more insight')
    assert d.rewrite.startswith('After "We run events and training')


# The final check, rounds 81-82.

def test_the_question_goes_before_an_appeals_payment_details():
    text = ("Every gift teaches a class of children to code, and every dollar goes to teachers and classrooms. "
            "Last year donors paid for courses in 3,000 schools. Donate today and double your gift.\n\n"
            "To receive a tax receipt, include your email address with your gift.\n\n"
            "Northwind Learning's tax identification number is 12-3456789.\n")
    d = one(text, "TL301")
    assert d.rewrite.startswith('Before the payment details that start "To receive a tax receipt')


def test_a_long_funding_headline_gets_its_sentence_in_the_paragraph_below():
    text = ("Northwind Raises $28M Series B to Become How the Web is Built\n\n"
            "Northwind builds the fastest way to ship a website. Northwind will grow to 60 people, and we will "
            "open an office in Berlin.\n")
    d = [d for d in findings(text) if d.rule == "TL209" and "Series B" in d.matched]
    assert d and 'in the first paragraph under the headline "Northwind Raises $28M Series B' in d[0].rewrite


# Set AL's first blind reading (rounds 83-84): each rewrite below was called wrong or broken by two
# editors in its earlier form.

def test_taking_part_announced_is_said_as_taking_part_not_is_here():
    d = one("We're excited to announce Larkspur's participation in this year's Hacktoberfest!", "TL202")
    assert d.rewrite == "Larkspur is taking part in this year's Hacktoberfest!"
    d = one("We are thrilled to announce our participation in the Open Mapping Summit.", "TL202")
    assert d.rewrite == "We're taking part in the Open Mapping Summit."


def test_a_milestones_closing_pride_is_cut_and_the_milestone_kept():
    d = one("It is a milestone that reflects years of work by our contributors — and we couldn't be prouder.",
            "TL202")
    assert d.rewrite == "It is a milestone that reflects years of work by our contributors."


def test_a_crowd_claim_names_one_of_the_crowd():
    d = one("Our users love us\n\nPagewatch shows every slow function on one screen.\n", "TL211")
    assert d.rewrite.startswith('Replace the line "Our users love us" with one customer\'s own words')
    d = one("Why over 500 teams use Pagewatch daily?\n\nIt finds slow functions for you.\n", "TL211")
    assert d.rewrite.startswith('Instead of "over 500 teams use" in "Why over 500 teams use Pagewatch daily?", '
                                'name one of those teams')


def test_a_rank_said_of_another_projects_product_is_sourced_not_replaced():
    text = ("Introducing Quarry\n\nWe are launching Quarry, our hosted search service. Quarry runs your index for "
            "you.\n\nFuture proof: Lucene is the world's most developer beloved search library.\n")
    d = one(text, "TL210")
    assert d.rewrite.startswith('Name where "the world\'s most developer beloved search library" comes from')


def test_praise_that_is_only_hoped_for_is_not_cut_out_of_the_hope():
    text = "We are building what we hope will be a world-class hosted search service for small shops.\n"
    d = one(text, "TL203")
    assert d.rewrite_kind == "instruction" and "hope will be a hosted" not in d.rewrite


def test_a_job_ads_question_is_about_the_role():
    ad = ("Backend developer\n\nWe are hiring a backend developer to take our sync engine to the next level. "
          "Requirements: five years of Python and a love of databases. We build the best sync engine on the "
          "market and ship every week.\n\nThis is a fully remote position, with flexible working hours. "
          "Apply now with your CV.\n")
    d = one(ad, "TL301")
    assert "Questions about the role, or about working here?" in d.rewrite


def test_an_event_whose_programme_is_set_asks_what_the_reader_wants_from_it():
    page = ("Register\n\nRegistration for the Tiledays meetup is now open. We will offer tickets in batches of "
            "fifty. Buy your ticket below.\n\nAdmission is 40 euros, and lunch is included.\n")
    d = one(page, "TL301")
    assert "What are you hoping to get out of" in d.rewrite and "cover" not in d.rewrite
    cfp = page.replace("Admission is 40 euros, and lunch is included.",
                       "The call for proposals is open until May: send us your talk.")
    assert "What are you hoping" not in one(cfp, "TL301").rewrite


def test_a_job_ads_sender_balance_asks_for_the_candidates_side():
    ad = ("Account Executive\n\nWe are on pace to triple our revenue this year and we need an Account Executive "
          "to help us close our growing pipeline. We are a remote company, and our team spans six countries. "
          "We have raised our Series A and we are building our sales team from scratch. Our product is used by "
          "our customers every day.\n\nRequirements: five years of SaaS sales. This is a full-time position.\n")
    d = next(d for d in check_text(ad, path="careers/account-executive.md").diagnostics if d.rule == "TL201")
    assert d.rewrite.startswith("Most of this job ad is about the company.")


# Set AM to AP's first blind reading (rounds 85-86).

def test_a_point_release_asks_what_comes_next_not_what_to_use_it_for():
    post = "Cordova Nimbus 12.0.0 is out, supports API 34, and covers the new store rules. #release\n"
    d = one(post, "TL301", channel="social")
    assert "What would you like to see in the next release?" in d.rewrite and "for first" not in d.rewrite


def test_a_funder_or_a_new_hire_is_not_asked_about_as_a_product():
    grant = ("Tilemap Announces $1.2M Award from the Harbor Charitable Trust\n\nTilemap is pleased to announce that "
             "it has been awarded a grant of $1.2 million over three years from the Harbor Charitable Trust. The "
             "grant will pay two maintainers. For more information, visit harbortrust.org.\n")
    assert "use Harbor Charitable Trust" not in one(grant, "TL301").rewrite
    appeal = ("Support the Open Atlas Foundation this winter\n\nIn August we hired our first Community Manager, Priya "
              "Raman. Priya is meeting map makers around the world so that she can learn what they need from Open "
              "Atlas. Priya has already run six workshops. Your gift keeps open-source maps free for everyone.\n\n"
              "Donate today to keep Open Atlas free.\n")
    assert "use Priya" not in one(appeal, "TL301").rewrite


# An opening that is not the draft's news: a truism (set AL), an About page's founding story (set AO).
@pytest.mark.parametrize("text, opener", [
    ("Clear permissions are crucial for teams of every size. Our role editor sits on our own policy engine, and "
     "our team tested it with our largest accounts over our summer. We think our approach is the best in the "
     "industry, and our roadmap follows it. We will keep our old roles for a year, as our partners asked. Our "
     "engineers wrote our policy engine in our first year, and we have run it in our own tools since then. We are "
     "proud of what our team built.\n", "Clear permissions are crucial"),
    ("About Filecraft\n\nAfter being founded in 2002, filecraft.com was the first website launched by our company, "
     "which started by offering components for .NET developers. Now we offer 20 file format APIs for our customers "
     "on every platform we support, and our team ships our releases every month. We support our APIs with our own "
     "engineers, and our forum is run by our staff. We are proud of our history and our products.\n",
     "founded in 2002"),
], ids=["truism", "founding-story"])
def test_an_opening_that_is_not_the_news_is_not_where_the_reader_goes(text, opener):
    assert opener not in one(text, "TL201").rewrite


def test_ranked_among_others_is_not_turned_into_new():
    from tonelint.rewrite.oneway import strip_hype
    assert strip_hype("We support some of the most popular file formats in business.") == \
        "We support some of the most popular file formats in business."
    assert strip_hype("Meet our most advanced planner yet.") == "Meet our new planner."


def test_a_posts_question_goes_after_its_list_not_into_it():
    post = ("The first mini-project for Quillhub is working! Thanks to everyone involved!\nQuillhub is more than "
            "a blog, it is a community with focus areas on \n- Blogs\n- Mini projects\n- Mentorship\nFollow us! <3\n")
    d = one(post, "TL301", channel="social")
    assert d.rewrite.startswith('Before "Follow us! <3" at the end of the post')


def test_a_tweet_that_introduces_a_library_asks_about_it_by_name():
    post = "Introducing Quokka, a small outbox library for Django\nhttps://example.org/blog/introducing-quokka\n"
    assert "What would you use Quokka for first?" in one(post, "TL301", channel="social").rewrite


def test_a_how_to_shared_by_its_title_asks_what_to_explain_next():
    post = "How to extend your wiki and improve your workflow with wiki bots (using Quillbot)\nhttps://example.org/how-to\n"
    assert "What should we explain next?" in one(post, "TL301", channel="social").rewrite


# Set AQ to AT's first blind reading (rounds 87-88).

def test_announcing_a_clause_a_promise_or_an_opening_keeps_it_readable():
    from tonelint.rewrite.oneway import strip_pride
    assert strip_pride("We're excited to share more about Larkboard in the coming months.") == \
        "We'll share more about Larkboard in the coming months."
    assert strip_pride("We are thrilled to announce Larkboard now supports ${FEATURE}, designed to save you time.") == \
        "Larkboard now supports ${FEATURE}, designed to save you time."
    assert strip_pride("The inn is pleased to announce the opening of a second house with five bedrooms.") == \
        "A second house with five bedrooms is now open."


def test_people_platforms_and_headings_are_no_product_to_ask_about():
    hire = ("Welcoming Priya Raman\n\nWe're excited to welcome Priya Raman to the Larkboard team! Priya joins us from "
            "a large bank, where she ran their build systems. Priya will work on our remote build service. Priya "
            "starts on Monday, and we can't wait to see what she builds. We are building the world's best boards for "
            "remote teams.\n")
    d = check_text(hire).diagnostics
    assert not any(re.search(r"(?:about|use|of) Priya", x.rewrite or "") for x in d if x.rule in ("TL210", "TL301"))
    contact = ("Contact\n\nIf you are stuck on a search problem, write to me. I answer every message within a day. "
               "You can also find me on LinkedIn. Connect on LinkedIn for updates. I work with small teams on "
               "search and data.\n")
    assert all("LinkedIn?" not in (x.rewrite or "") for x in check_text(contact).diagnostics)


def test_a_look_back_that_opens_a_post_is_not_its_news():
    from tonelint.rewrite.oneway import _lede
    post = ("Three years ago today, I launched the first version of Quarry. Now we have released Quarry 1.0, "
            "with remote storage for every project. We thank our contributors.\n")
    assert _lede(draft_of(post)).text.startswith("Now we have released Quarry 1.0")


def test_a_product_named_like_a_person_is_still_a_product():
    d = draft_of("BuildKite runs the builds his team writes, and BuildKite is fast.\n")
    assert not d.person("BuildKite") and d.person("Dan Stowell") is False


def test_a_company_news_question_asks_what_the_reader_wants_to_know():
    post = ("Larkboard is joining Globex\n\nToday Larkboard joins Globex. The team stays the same and the product "
            "keeps its name. We are proud of what we built and we will keep building it at Globex.\n")
    d = one(post, "TL301")
    assert "Any questions about what this means for you?" in d.rewrite


# Set AU to AX's first blind reading (rounds 89-90).

def test_an_appositive_stays_beside_the_thing_it_describes():
    from tonelint.rewrite.oneway import strip_pride
    assert strip_pride("We're excited to announce the next version of Quarry Query, previously known as "
                       "quarry-query.") == "The next version of Quarry Query, previously known as quarry-query, is here."
    # a list of senders has no one subject left to keep: the instruction instead
    text = "The Quarry team, contributors, and ecosystem partners are excited to announce the release of Quarry 6."
    assert strip_pride(text) == text


def test_a_funder_and_a_headings_plain_word_are_no_product():
    d = draft_of("We are grateful for the support offered by OSTIF and STA. The audit found two issues in our "
                 "build scripts, and both are fixed. STA also paid for the follow-up review.\n\nCost\n\nThe audit "
                 "cost nothing to the projects it covered.\n")
    assert not d.plausible("STA") and not d.plausible("Cost")


def test_a_question_does_not_go_between_a_pointer_and_what_is_below_it():
    page = ("Services\n\nWe build websites and run search campaigns for small shops. Organic ranking means you do not "
            "pay a search engine to show up. Click any of the services below and learn how they help.\n\n"
            "- Web design\n- Search\n")
    d = next(d for d in check_text(page, path="content/services/index.md").diagnostics if d.rule == "TL301")
    assert "Click any of the services below" not in d.rewrite.split(",")[0]


def test_a_pricing_or_services_page_asks_what_it_is_for_at_its_end():
    """Questions dropped into a plan's feature list or after an SEO paragraph (sets AO and AV)."""
    page = ("Pricing\n\nWith the Starter plan you run one site for 9 euros a month. The Team plan gives you ten "
            "sites and our support on working days for 49 euros a month.\n\n- Daily backups\n- Custom domains\n")
    d = next(d for d in check_text(page, path="content/pricing.md").diagnostics if d.rule == "TL301")
    assert d.rewrite.startswith("At the end of the page, below its last section")
    assert "Which plan fits what you need, and what is missing from it?" in d.rewrite


# Round 91-92 (sets AY to BB, seed 9595).

def test_a_funding_title_that_also_hires_is_no_job_ad():
    from tonelint.rewrite.listening import job_ad

    post = ("Quillpad raises a $40M Series B, and we are hiring\n\nThe round lets us open an office in Lisbon. "
            "We are hiring engineers for full-time roles.")
    assert not job_ad(post)
    assert job_ad("Account Executive\n\nWe are hiring. We have raised our Series A. This is a full-time position.")


def test_a_feeling_about_a_partner_with_nothing_else_said_gets_an_instruction():
    text = ("Quillpad raises a $40M Series B\n\nToday we closed our round, led by Northwind. We are thrilled to "
            "partner with such an accomplished group. The money goes to the hosted service.")
    d = one(text, "TL202", fmt="markdown")
    assert d.rewrite_kind == "instruction" and "such an accomplished group" in d.rewrite
    assert "We are partnering with such" not in d.rewrite


def test_the_news_for_sender_balance_is_not_a_line_that_already_speaks_to_the_reader_or_a_house_rule():
    from tonelint.rewrite.oneway import _lede

    draft = draft_of("Our summit is back in Berlin this June.\n\n- Registered attendees: You can start with "
                     "the walkthrough guide today.\n\nAll speakers and attendees are required to follow our code "
                     "of conduct.\n\nWe have moved the summit to a bigger hall near the river.")
    lede = _lede(draft)
    assert lede is not None and lede.text.startswith("Our summit is back")
    draft = draft_of("- Registered attendees: You can start with the walkthrough guide today.\n\nAll speakers "
                     "and attendees are required to follow our code of conduct.\n\nWe have moved the summit to a "
                     "bigger hall near the river.")
    assert _lede(draft).text.startswith("We have moved the summit")


def test_no_question_follows_a_pages_unstopped_feature_line():
    """"Or any version control system of your choice" closing a landing page (set AY)."""
    page = ("Quillpad keeps your API collections in plain files.\n\nYou review every change in a pull request.\n\n"
            "Start your trial\n\nWorks with Git\n\nOr any version control system of your choice\n")
    d = one(page, "TL301", channel="landing-page")
    assert 'after "Or any version control' not in d.rewrite.lower()
    assert "any version control system of your choice\"," not in d.rewrite


def test_a_contact_page_by_its_path_is_not_judged_on_the_landing_page_channel():
    page = ("Contact us\n\nI'm interested in… trying out Quillpad.\n\nI'm interested in… a demo for my team.\n\n"
            "Send\n")
    engine = default_engine(Settings(channel="landing-page"))
    found = check_text(page, fmt="text", path="src/contact.md", engine=engine)
    assert found.meta["genre"] == "transactional"
    assert not [d for d in found.diagnostics if d.rule in ("TL301", "TL401")]


# Round 93-94 (sets BC to BF, seed 1919).

def test_an_investor_named_as_the_rounds_lead_is_no_product():
    draft = draft_of("Today we're announcing our $5.5m seed round led by Dan Levine at Northwind. Dan has "
                     "backed tools like ours before. Dan knows the market. The round pays for two engineers.")
    assert draft.person("Dan") and draft.product != "Dan"


def test_a_word_only_ever_inside_a_longer_name_is_no_product():
    draft = draft_of("Data Science Without Borders, part one\n\nOur Data Science Without Borders training met in "
                     "Nairobi. The Data Science Without Borders cohort had forty people. Book your training today.")
    assert draft._embedded("Science") and draft.product != "Science"
    assert not draft_of("We use Relay every day. Relay sends your notes. Try Relay today.")._embedded("Relay")


@pytest.mark.parametrize("sentence", [
    "The Kyverno project is pleased to announce the completion of its third-party security audit.",
    "Today, we are pleased to announce the technology partnership of Layer5 and HashiCorp.",
])
def test_an_event_noun_is_not_said_to_be_here(sentence):
    d = one(sentence + " The report lists every finding and its fix.", "TL202", fmt="markdown")
    assert " is here" not in d.rewrite


def test_the_sender_learning_more_is_no_link_to_ask_about():
    from tonelint.rewrite.listening import _MORE_ABOUT

    assert not _MORE_ABOUT.search("We shape products as we learn more about a business and develop domain expertise.")
    assert _MORE_ABOUT.search("Read more about Creed's visit to the university.").group(1) == "Creed's visit to the university"


def test_a_release_named_in_the_title_asks_about_the_next_release():
    from tonelint.rewrite.listening import question

    post = ("Quillpad v21.10 Released\n\nWe're excited to share our first release of the autumn. QuillPad now "
            "exports every board to PDF, and imports run twice as fast. Upgrade today and try QuillPad's new "
            "exports.")
    assert question(draft_of(post)) == "What would you like to see in the next release?"
