"""The genre of a draft as the rules use it (engine/genre.py, issue 13): a
changelog entry or a doc is quiet, a short brag is not, and a rule can set
its own level per genre (`genres: {level: ...}`).  The drafts are our own,
modelled on the shapes of real product-update notes, docs and founder posts."""

from __future__ import annotations

import pytest

from tonelint.api import check_text
from tonelint.diagnostics import Level
from tonelint.engine.core import Engine
from tonelint.engine.genre import sales_page, update_note
from tonelint.errors import RuleError
from tonelint.rules.loader import load_file
from tonelint.source.files import SourceFile


def genre_of(text: str, fmt: str = "text", path: str = "<draft>") -> str:
    return check_text(text, fmt=fmt, path=path).meta["genre"]


def levels(text: str, rule: str, fmt: str = "text", path: str = "<draft>") -> set:
    return {d.level for d in check_text(text, fmt=fmt, path=path).diagnostics if d.rule == rule}


# Product-update entries: a title that names the feature, then what the reader can now do.
_ENTRY_EXCITED = ("Webhook Alerts\n\nWe're excited to announce that you can now send downtime alerts to any "
                  "webhook! Paste the URL in your notification settings and pick the monitors it covers.\n\n"
                  "Get Started\nAdd a new notification channel and select \"Webhook\". Stay tuned for more "
                  "channels!\n")
_ENTRY_PLAIN = ("Audit Trail\n\nEvery change to a monitor is now recorded, whether it came from the dashboard or "
                "the API. See who changed what, and when.\n\nAvailable on the Team plan.\n")
_ENTRY_SHIPPED = ("Slack Notifications\n\nWe have just released a new feature that posts a message to your Slack "
                  "channel when a check fails.\n")
_ENTRY_IMPROVED = "Faster Search\n\nWe’ve improved search on large boards: results now load in under a second.\n"


@pytest.mark.parametrize("text", [_ENTRY_EXCITED, _ENTRY_PLAIN, _ENTRY_SHIPPED, _ENTRY_IMPROVED],
                         ids=["excited", "plan", "released", "improved-curly-apostrophe"])
def test_a_product_update_entry_is_reference(text):
    assert update_note(text, len(text.split()))
    assert genre_of(text) == "reference"


def test_a_cheering_changelog_entry_gets_no_warning():
    """TL202 drops to a suggestion on reference (its `genres: level:`); the
    listening and ask checks do not judge reference at all."""
    result = check_text(_ENTRY_EXCITED, fmt="text")
    assert {d.rule for d in result.diagnostics if d.level >= Level.WARNING} == set()
    assert levels(_ENTRY_EXCITED, "TL202") == {Level.SUGGESTION}


@pytest.mark.parametrize("text", [
    # a founder's post: the first line is a sentence about the sender, not a title
    "Big news: we just closed our seed round! 🚀\n\nWe shipped 30 features last year and you can now "
    "try all of them free.\n",
    # a launch post opening with a sentence
    "We're excited to announce that you can now export every board as a spreadsheet!\n\nTry it today.\n",
    # a tweet: no title line at all
    "You can now tweet from our account: open a pull request in our repository.",
    # a greeting is not a title
    "Hi Sam\n\nYou can now invite your whole team to the workspace.\n",
    # ... nor is a course's name over a mail that greets its reader before the news (set J's drip mail)
    "Pottery Basics\n\n12 lessons | 340 min\n\nHey there! We just added a hot new class that teaches you to "
    "throw a bowl on the wheel.\n\nGet throwing now\n",
], ids=["founder-post", "launch-sentence", "tweet", "greeting", "greeting-under-a-title"])
def test_not_a_product_update_entry(text):
    assert not update_note(text, len(text.split()))


def test_a_launch_post_that_cheers_keeps_its_warning():
    post = ("I'm thrilled to announce Planwise Teams, the biggest update we have ever shipped.\n\n"
            "Planwise Teams lets a whole office share one calendar, with rooms, holidays and shifts in one "
            "place. We spent a year building it with our community, and we are incredibly proud of the "
            "result.\n\nStart your free trial today.\n")
    assert genre_of(post) == "promotional"
    assert levels(post, "TL202") == {Level.WARNING}


def test_a_post_that_brags_between_numbered_steps_is_not_documentation():
    """Numbered steps and a config word are reference cues, but a post that
    announces itself is not documentation: its TL202 keeps its level."""
    post = ("I'm excited to announce a big update to Pollster: a paid tier, Pollster Plus.\n\n"
            "Plus members get the following:\n\n1. Final dates. Pick the winning slot and send invites.\n\n"
            "2. Priority help. Members get answers first.\n\n3. A vote on the roadmap. Members choose what "
            "comes next.\n\nThe free plan stays, with every option it has today, and the configuration you "
            "use now keeps working.\n")
    assert genre_of(post) != "reference"
    assert levels(post, "TL202") == {Level.WARNING}


def test_documentation_with_steps_and_options_is_reference():
    doc = ("How it works\n\n1. Go to Settings → Integrations.\n2. Paste your API key in the field.\n"
           "3. Choose the endpoint to sync.\n\nThe `--dry-run` option prints the changes without saving "
           "them. See the configuration file for every parameter.\n")
    assert genre_of(doc) == "reference"


@pytest.mark.parametrize("text, rule", [
    ("Happy 10th birthday to us!", "TL209"),
    ("Excited to announce our new integration with Slack.", "TL202"),
], ids=["birthday", "announce"])
def test_a_short_brag_keeps_its_warning(text, rule):
    """With no cue either way a line is `unknown`, not reference: a one-line
    brag still gets its TL2xx finding at warning level."""
    assert genre_of(text) in ("unknown", "promotional")
    assert levels(text, rule) == {Level.WARNING}


def test_a_line_with_no_cue_is_unknown_not_reference():
    assert genre_of("Just crossed ten thousand customers!") == "unknown"


@pytest.mark.parametrize("path, genre", [
    ("CHANGELOG.md", "reference"),
    ("project/docs/release-notes/2031-02.md", "reference"),
    ("CHANGES.rst", "reference"),
    ("drafts/launch.md", "promotional"),
])
def test_genre_from_the_path(path, genre):
    text = "We're excited to announce faster exports. Try them today!\n"
    assert genre_of(text, fmt="markdown", path=path) == genre


def test_front_matter_that_files_a_page_as_a_changelog():
    text = "---\ntype: changelog\n---\nWe're excited to announce faster exports. Try them today!\n"
    assert genre_of(text, fmt="markdown") == "reference"
    assert levels(text, "TL202", fmt="markdown") == {Level.SUGGESTION}


# --- `genres: {level: ...}` in the rule language ---------------------------------------------

_RULE = "id: ACME4\nfamily: house\nkind: existence\nmessage: m\nrationale: r\nmatch: {phrases: [synergy]}\n"


def _engine(tmp_path, genres: str) -> Engine:
    rule = tmp_path / "ACME4.yaml"
    rule.write_text(_RULE + genres, encoding="utf-8")
    return Engine(load_file(rule))


def test_a_team_rule_sets_its_level_per_genre(tmp_path):
    engine = _engine(tmp_path, "genres:\n  level: {reference: suggestion, internal: error}\n")
    notes = engine.check(SourceFile(path="CHANGELOG.md", text="Synergy between the two exporters.\n",
                                    format="markdown"))
    pitch = engine.check(SourceFile(path="a.md", text="Our synergy is the best. Buy now!\n", format="markdown"))
    handbook = engine.check(SourceFile(path="b.md", text="---\ngenre: internal\n---\nSynergy in the sales team.\n",
                                       format="markdown"))
    assert [d.level for d in notes.diagnostics] == [Level.SUGGESTION]
    assert [d.level for d in pitch.diagnostics] == [Level.WARNING]
    assert [d.level for d in handbook.diagnostics] == [Level.ERROR]


def test_level_beside_skip(tmp_path):
    engine = _engine(tmp_path, "genres:\n  skip: [transactional]\n  level: {reference: suggestion}\n")
    rule = engine.rules[0]
    assert "transactional" not in rule.genres and rule.genre_levels == {"reference": Level.SUGGESTION}


@pytest.mark.parametrize("genres, place, hint", [
    ("genres:\n  level: {referense: suggestion}\n", ":8", "did you mean 'reference'"),
    ("genres:\n  level: {reference: quiet}\n", ":8", "unknown level 'quiet'"),
    ("genres:\n  only: [promotional]\n  level: {reference: suggestion}\n", ":9", "does not judge 'reference'"),
    ("genres:\n  skip: [reply]\n  only: [promotional]\n", ":7", "give one of skip or only"),
    ("genres:\n  level: [reference]\n", ":8", "must be mapping"),
    # the sense test by genre, `genres: {when: ...}`
    ("genres:\n  when:\n    skip: [internl]\n    sentence: {act: sender}\n", ":9", "did you mean 'internal'"),
    ("genres:\n  when:\n    skip: [internal]\n", ":8", "must give sentence"),
    ("genres:\n  when:\n    sentence: {act: sendr}\n", ":9", "sendr"),
], ids=["genre", "level", "not-judged", "skip-and-only", "not-a-mapping", "when-genre", "when-no-sentence", "when-act"])
def test_a_broken_genre_level_is_an_error_with_its_place(tmp_path, genres, place, hint):
    rule = tmp_path / "ACME4.yaml"
    rule.write_text(_RULE + genres, encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_file(rule)
    assert "ACME4.yaml" + place in str(err.value) and hint in str(err.value), str(err.value)


def test_a_sense_test_by_genre_keeps_only_hits_beside_its_block(tmp_path):
    """`genres: {when: ...}`: outside the skipped genres a hit counts only in a sentence where the
    block matches too (TL104's "the sender talks" test, held-out set W)."""
    engine = _engine(tmp_path, "genres:\n  when:\n    skip: [internal]\n    sentence: {act: sender}\n")
    def words(text, path="a.md"):
        result = engine.check(SourceFile(path=path, text=text, format="markdown"))
        return [text[d.start:d.end] for d in result.diagnostics]
    assert words("Synergy between your two exporters saves an hour a week.\n") == []
    assert words("Our synergy saves you an hour a week.\n") == ["synergy"]
    assert words("---\ngenre: internal\n---\nSynergy between the two sales teams.\n") == ["Synergy"]


def test_explain_names_the_level_by_genre(cli):
    out = cli("explain", "TL202").out
    assert "Level by genre" in out and "suggestion on reference" in out
    assert "unknown:" in cli("explain", "genres").out


# --- internal: handbooks and playbooks (genre-internal.txt) ---------------------------------

# Our own handbook pages, modelled on sales and community handbooks: staff talking about
# customers in the third person, teams, process.
_PLAYBOOK = ("Renewal calls\n\nWhen a customer is two months from renewal, the account executive books a QBR. "
             "On the call, review their usage with their team and ask what they want to get done next quarter. "
             "If they are not a fit for the annual plan, disqualify politely and hand off to the support team. "
             "Log the outcome in the CRM; the sales team reviews the book of business every Monday.\n\n"
             "Get started: download the call template.\n")
_COMMUNITY = ("Marketing team\n\nThe marketing team is responsible for the project's website and social accounts. "
              "Each working group names a team lead, who is the point of contact for the other teams. "
              "Join the team channel to pick up a task.\n")


@pytest.mark.parametrize("text", [_PLAYBOOK, _COMMUNITY], ids=["sales-playbook", "community-handbook"])
def test_a_handbook_page_is_internal(text):
    assert genre_of(text) == "internal"


def test_a_teams_notes_with_one_handbook_cue_and_no_pitch_are_internal():
    """A growth plan's notes name one tool the team uses and ask and claim nothing: with one cue
    they were read as a pitch, and "user segments" in them got a finding meant for outbound copy."""
    text = ("Adoption plan\n\nMeasures to watch: weekly active projects, time to first dashboard, and the share "
            "of teams that invite a colleague, a leading indicator of retention.\n\nUser segments to try later: "
            "heavy users of exports; teams without alerts.\n\nNext step: pull account data from HubSpot each Monday.")
    assert genre_of(text) == "internal"
    assert "TL108" not in {d.rule for d in check_text(text, fmt="text").diagnostics}


def test_a_handbook_gets_audience_findings_but_no_document_checks():
    """No listening, ask or sender-balance findings (they judge outbound copy),
    but calling customers "leads" is still an audience finding."""
    text = _PLAYBOOK.replace("If they are not a fit", "Score the leads from the webinar first. If they are not a fit")
    rules = {d.rule for d in check_text(text, fmt="text").diagnostics}
    assert not rules & {"TL201", "TL301", "TL401", "TL402"}, rules
    assert "TL104" in rules


@pytest.mark.parametrize("text", [
    # a sales email that names the reader's own team: "your sales reps" are the reader's
    "Hi Dana, your sales reps lose an hour a day to data entry. Relay logs every call for them. "
    "Book a demo this week and see it on your own pipeline.",
    # a landing page that links its privacy policy
    "Plan your week in minutes. Relay keeps your team's calendar in one place. Read our privacy policy. "
    "Start your free trial today!",
], ids=["sales-email", "landing-page"])
def test_outbound_copy_that_names_a_team_is_not_internal(text):
    assert genre_of(text) != "internal"


# --- release notes in today's shapes (release_notes) ----------------------------------------

_GITHUB_RELEASE = ("We're excited to ship the new exporter!\n\n## What's Changed\n"
                   "* Export boards as CSV by @mara in https://github.com/acme/boards/pull/412\n"
                   "* A quiet flag for sync by @tomek in https://github.com/acme/boards/pull/418\n\n"
                   "## New Contributors\n* @tomek made their first contribution in "
                   "https://github.com/acme/boards/pull/418\n\n"
                   "**Full Changelog**: https://github.com/acme/boards/compare/v3.0.0...v3.1.0\n")
_ROUNDUP = ("Product updates, March\n\nWe're thrilled with this month's work!\n\nNew\n- Boards can be exported as CSV.\n\n"
            "Improved\n- Search is twice as fast on large boards.\n\nFixed\n- Dates no longer shift across time zones.\n")


@pytest.mark.parametrize("text", [_GITHUB_RELEASE, _ROUNDUP], ids=["github-release", "monthly-roundup"])
def test_release_notes_in_todays_shapes_are_reference(text):
    assert genre_of(text, fmt="markdown") == "reference"
    assert {d.level for d in check_text(text, fmt="markdown").diagnostics} <= {Level.SUGGESTION}


def test_a_landing_page_with_feature_headings_is_not_release_notes():
    page = ("Plan your week in minutes\n\nFeatures\nShared calendars, rooms and shifts in one place.\n\n"
            "Security\nSingle sign-on and audit logs on every plan.\n\nStart your free trial today!\n")
    assert genre_of(page, fmt="markdown") != "reference"


def test_the_published_schemas_know_every_genre():
    """A draft read as `unknown` (or any genre) must still validate in --format json."""
    import json
    from pathlib import Path

    from tonelint.rules.spec import GENRES

    schemas = Path(__file__).resolve().parents[1] / "tonelint" / "rules" / "schema"
    findings = json.loads((schemas / "findings.schema.json").read_text(encoding="utf-8"))

    def genre_enums(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "genre" and isinstance(value, dict) and "enum" in value:
                    yield value["enum"]
                yield from genre_enums(value)
        elif isinstance(node, list):
            for value in node:
                yield from genre_enums(value)

    enums = list(genre_enums(findings))
    assert enums and all(set(e) == set(GENRES) for e in enums)
    rules = json.loads((schemas / "rule.schema.json").read_text(encoding="utf-8"))
    genres = rules["$defs"]["rule"]["properties"]["genres"]["properties"]
    assert set(genres["skip"]["items"]["enum"]) == set(GENRES) == set(genres["level"]["propertyNames"]["enum"])


@pytest.mark.parametrize("text, expected", [
    # front matter is not the title; the heading after it is
    ("---\ndate: 2031-02-14\n---\n# Webhook Alerts\n\nYou can now send downtime alerts to any webhook.\n", True),
    # the title only in front matter: the draft opens with a sentence, a launch post's shape
    ("---\ntitle: Planwise Teams\n---\nWe're excited to announce that you can now share one calendar with "
     "your whole office. Start your free trial today!\n", False),
], ids=["heading-after-front-matter", "sentence-after-front-matter"])
def test_update_note_reads_past_front_matter(text, expected):
    assert update_note(text, len(text.split())) is expected


# Shapes from the registry set (eval/registry.py): a docs tutorial in Markdown whose code the
# front end drops, a changelog whose headings carry an anchor, install-time donation banners,
# and list mail with its template variables left in.  Our own words, their shapes.
_TUTORIAL_MD = ("# Tutorial Intro\n\nLet's discover Quillpress in less than 5 minutes.\n\n"
                "## Getting Started\n\nGet started by creating a new site.\n\n"
                "```bash\nnpm init quillpress@latest my-site\n```\n\n"
                "The `cd` command changes the directory you are working in. Run the development server:\n\n"
                "```bash\ncd my-site\nnpm run start\n```\n\n"
                "Open `docs/intro.md` and edit some lines: the site reloads and shows your changes.\n")
_LAUNCH_MD = ("# Quillpress 3 is here\n\nWe're thrilled to announce Quillpress 3, our fastest release ever. "
              "Sites build twice as fast and the new theme looks great on every screen.\n\n"
              "Upgrade today with `npm install quillpress@3` and get started now!\n")


def test_a_markdown_tutorial_is_reference_by_its_code():
    # Before: `promotional` (the code was gone from the prose), TL301 and TL401 on a tutorial.
    result = check_text(_TUTORIAL_MD, fmt="markdown", path="intro.md")
    assert result.meta["genre"] == "reference"
    assert not {d.rule for d in result.diagnostics if d.level >= Level.WARNING}


def test_a_markdown_launch_post_with_one_install_command_stays_promotional():
    assert genre_of(_LAUNCH_MD, fmt="markdown") == "promotional"
    assert "TL202" in {d.rule for d in check_text(_LAUNCH_MD, fmt="markdown").diagnostics}


def test_a_changelog_heading_with_an_anchor_is_release_notes():
    text = ('## <a id="4-2-0"></a>4.2.0 - 2031-03-02\n'
            "* [#812](https://example.com/pull/812) Fix retries when the socket closes early\n"
            "* [#809](https://example.com/pull/809) Add support for pagination on search\n")
    assert genre_of(text, fmt="markdown") == "reference"


_BANNER = ("Thank you for using quillpress for building your docs!\n\n"
           "The project needs your help! Please consider supporting quillpress:\n\n"
           "> https://opencollective.com/quillpress\n\n> https://patreon.com/quillpress\n\n"
           "> bitcoin: bc1qexampleexampleexample\n")


def test_an_install_banner_that_asks_for_sponsors_is_an_appeal_not_a_reply():
    # Before: its "> link" lines read as quoted mail, so it was a reply and never judged.
    result = check_text(_BANNER, fmt="text")
    assert result.meta["genre"] == "appeal"
    assert "TL301" in {d.rule for d in result.diagnostics}


def test_quoted_mail_is_still_a_reply():
    text = ("> Can you tell me when the next release is planned?\n> We need the fix for our launch.\n\n"
            "Hi Dana, the release is planned for Thursday. Thanks for asking!\n")
    assert genre_of(text, fmt="text") == "reply"


def test_template_variables_are_not_cashtags():
    # GNU Mailman's list mail keeps "$listname"; read as a cashtag it made the mail promote.
    text = ("Welcome to the \"$display_name\" mailing list!\n\nTo post to this list, send your message to:\n\n"
            "  $listname\n\nYou can change your options by sending a message to:\n\n  $request_email\n\n"
            "with the word 'help' in the subject and you will get back a message with instructions.\n")
    assert "TL301" not in {d.rule for d in check_text(text, fmt="text").diagnostics}
    assert "TL301" in {d.rule for d in check_text("$ACME reports record third-quarter revenue, up 12% year on year",
                                                   fmt="text").diagnostics}


@pytest.mark.parametrize("text", [
    "Hello from Northwind!\n\nYour password has been changed.\n\nThank you for using Northwind!\n",
    "Congratulations!\n\nYou received a one-time payment of $25 from \"Dana\".\n\nYou can adjust these notifications "
    "in your settings.\n",
    "Hey there,\n\nSomeone just replied to your comment on \"Spring planting notes\".\n\nSee the reply\n",
    # an automation tool's sharing notice, a ticket shop's download reminder (registry set E)
    "A workflow has been shared with you\n\n\"Invoice sync\" workflow has been shared with you.\n\n"
    "To access it, please click the button below.\n\nOpen Workflow\n",
    "Your ticket is ready for download: ABC12\n\nHello,\n\nyou bought a ticket for Harbour Jazz Night.\n\n"
    "If you did not do so already, you can download your ticket here: https://tickets.example/abc12\n",
], ids=["password-changed", "payment-received", "comment-reply", "workflow-shared", "ticket-download"])
def test_account_and_site_events_are_transactional(text):
    # Before: promotional (the mail talks to its reader and cues none of the old list).
    assert genre_of(text) == "transactional"


@pytest.mark.parametrize("text", [
    "Order Receipt\n\nDear Sam Lee, thank you for your order! Order code {code}, order date {date}.\n\n"
    "Order summary:\n\n2 x Linen apron\n\nSubtotal: $48\n\nShipping: $5\n",
    "Hi Dana,\n\nThank you for your generous donation to the River Trust. Your gift helps the nonprofit "
    "plant trees along the river.\n\nYour donation summary\n\nHillside Giving is a 501(c)(3) nonprofit. No goods or "
    "services were provided in exchange for your donation.\n",
], ids=["order-receipt", "donation-receipt"])
def test_a_receipt_is_transactional_even_when_it_names_the_donation(text):
    # Before: the order receipt was promotional ("Order Receipt" read as an Order button) and the
    # donation receipt an appeal; both got TL301.
    assert genre_of(text, fmt="text") == "transactional"
    assert not {"TL301", "TL401"} & {d.rule for d in check_text(text, fmt="text").diagnostics}


def test_an_appeal_that_mentions_its_tax_receipt_is_still_an_appeal():
    text = ("Donate today to keep the River Trust planting. Every gift is tax-deductible, and you will get a tax "
            "receipt for your records.\n")
    assert genre_of(text, fmt="text") == "appeal"


def test_an_about_page_that_speaks_to_its_reader_is_outbound_a_team_page_that_does_not_is_internal():
    about = ("About us\n\nWe design packaging for food brands. We use recycled board for every box, and our process "
             "starts with a day in your kitchen. How do we work with brands like yours? Closely, and for years: "
             "the same two designers stay with each brand from the first sketch to the last print run.\n")
    team = ("Who We Are\n\nThis handbook page tells new hires what the Partnerships team does. The team finds new "
            "partners for the agency's products and tracks each one in Salesforce before the first call. Each "
            "partner gets one owner on the team, who writes up the call the same day.\n")
    assert check_text(about, fmt="text").facts.message.genre == "promotional"
    assert check_text(team, fmt="text").facts.message.genre == "internal"


def test_a_handle_opens_a_reply_only_at_the_top_of_the_draft():
    """A template's "@copyright nobody" footer made a course mail read as a reply (set J)."""
    assert genre_of("@dana_r thanks for flagging this, the link is fixed now.") == "reply"
    mail = ("Hey there! We just added a hot new pottery class that teaches you to throw a bowl.\n\n"
            "Get throwing now\n\n@copyright nobody\n")
    assert genre_of(mail) == "promotional"


def test_a_post_that_tests_a_setup_is_a_systems_notice():
    """eval-modern labels CodeRefinery's "If you are getting this message, … has set up tweet-by-git" no
    listening miss: it promotes nothing."""
    assert genre_of("If you are getting this message, our bot now posts from the repository!\n\n"
                    "https://example.com/bot", fmt="text") == "transactional"
    assert genre_of("You are getting this message a day early: our spring sale starts now! Shop the sale "
                    "today.", fmt="text") == "promotional"


_JOB_AD = ("Account Executive\n\nYou will own the full sales cycle for our mid-market customers, from the first call "
           "to the signed contract, and you will work closely with our customer success team and our sales "
           "engineers. You will build your own pipeline, forecast it in Salesforce and hand every new account to "
           "customer success.\n")


def test_a_job_ad_under_careers_is_written_for_outsiders_not_a_team_handbook():
    """A careers page's "customer success team" and "pipeline" describe the job (set AJ)."""
    assert genre_of(_JOB_AD, path="handbook/sales/account-executive.md") == "internal"
    assert genre_of(_JOB_AD, path="content/careers/account-executive/index.md") != "internal"


# The same words, read by where they are kept (sets AJ and AO): an About page's numbered list of the
# customers it serves is no how-to, and a security page beside the site's pages states practice.
_ABOUT_COBALT = ("About Cobalt\n\nWe build private clouds for companies that cannot use a public one. Our customers "
                 "come in three kinds:\n\n1. Hosting providers adding managed databases.\n2. Banks replacing their "
                 "virtual machines under `DORA`.\n3. Research labs running their own GPUs.\n\nBook a 30-minute call "
                 "to talk about which platform fits.\n")
_SECURITY = ("Customer Data and Security\n\nWe run our services on Amazon Web Services, the largest and leading "
             "provider of cloud infrastructure. All backups are encrypted and stored for thirty days. We provide "
             "real-time status alerts, which you can subscribe to by email.\n")


@pytest.mark.parametrize("text, path, genre", [
    (_ABOUT_COBALT, "content/about/_index.md", "promotional"),
    (_ABOUT_COBALT, "docs/platforms.md", "reference"),
    (_SECURITY, "content/security/customer-data-and-security.md", "reference"),
    (_SECURITY, "content/blog/security/new-backups.md", "promotional"),
], ids=["about-page", "docs-page", "security-page", "security-post"])
def test_a_page_is_read_by_where_it_is_kept(text, path, genre):
    assert genre_of(text, path=path) == genre


def test_a_product_guides_buttons_and_field_list_read_as_documentation():
    """A docs page kept outside docs/ (set AO): its clicks, tabs and field definitions are reference cues."""
    text = ("Managing Automations\n\nCreating automations is simple. To get started, navigate to the Automate tab "
            "within the desired app. To create a new automation, click the New Automation button on the top "
            "right of the dashboard. Read more about the fields below.\n\nName: A name to identify the task.\n"
            "Webhook: (optional) A URL that gets a POST when a build finishes.\n\nLearn more about channels here.\n")
    assert genre_of(text, path="src/pages/appflow/automation/create.md") in ("reference", "unknown")


# --- held-out sets AY to BB: mail the reader's account sends, and where a sales page lives ----------

@pytest.mark.parametrize("text", [
    # a notice that the password changed (set AZ)
    "Hi {name},\nThis is a note that your password was changed by {admin} a minute ago.",
    # a usage notice with its upgrade (set AZ)
    "Hi there,\nThe API usage for {{ team.name }} has reached 90% of this month's allowance.\n"
    "Please consider raising your team's limits.\nThank you!\nThe Quillpad Team",
    # the reader has used up the plan (set AI)
    "Hi {name},\nYou have exceeded your monthly limit for Quillpad Analytics, and events are paused until "
    "the first.\nUpgrade your plan",
    # an account set-up code nobody asked for can be ignored (set AZ)
    "Hello {name},\nThis user was created in Quillpad. Finish the set-up with the code {code}.\n"
    "If you didn't ask for this mail, please ignore it.",
    # a grant decision (set BA)
    "Dear {name},\nWe regret to inform you that we cannot fund your travel this year.\nApplication status: "
    "not approved.\nWe encourage you to apply again next year.",
    # a service email said to be so (set BC)
    "Hello,\nThis is a service email related to your use of Quillpad.\nTo confirm you have access to this "
    "email, please click the link below:\n{link}\nClicking not working? Paste the link into your browser.",
])
def test_a_notice_about_the_readers_own_account_is_transactional(text):
    assert genre_of(text, "text") == "transactional"
    assert not levels(text, "TL301") and not levels(text, "TL401")


@pytest.mark.parametrize("path, kind", [
    ("content/pricing.md", "pricing"),
    ("site/src/pages/enterprise.tsx", "enterprise"),
    ("content/services/branding/index.md", "services"),
    # a folder of that name that holds the product's code or mail is no page (sets AZ and AQ)
    ("apps/server/src/integrations/transactional/emails/change-password.tsx", ""),
    ("crates/router/src/services/email/assets/welcome.html", ""),
    ("packages/shared/src/server/services/billing/alert.tsx", ""),
    ("apps/api/src/services/notification/digest.ts", ""),
    # nor a post kept under a features folder
    ("apps/landing/app/features/blog/content/chatbots.mdx", ""),
])
def test_a_sales_page_by_its_path(path, kind):
    assert sales_page(path) == kind


def test_a_password_notice_under_an_integrations_folder_is_not_judged_as_a_sales_page():
    notice = "Hi {name},\nThis is to inform you that your password was changed by {admin}."
    found = check_text(notice, fmt="text", path="apps/server/src/integrations/mail/emails/password-changed.tsx")
    assert not found.facts.message.sales_page
    assert not [d for d in found.diagnostics if d.rule == "TL301"]
