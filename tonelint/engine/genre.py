"""The genre of a draft: what kind of message it is, which decides which
document checks apply (a login link in a login email is not an ask; a
handbook has no reader to win over) and at what level some rules report
(`genres: {level: ...}`: a changelog that cheers gets a suggestion).

Strongest first: the configuration (`genre:` at the top or in an override),
the draft's front matter (`genre:`, or a `type:`/`layout:` that files it as a
changelog or docs), its email headers (a reply in a thread), its path
(CHANGELOG.md), then its own words, weighed from the genre cues of acts.yaml
and the acts:
- reference: release notes and product-update entries by their shape
  (release_notes, update_note), documentation by many reference cues with no
  claim and little talk about the sender;
- internal: handbooks, playbooks, strategy (internal cues outnumber pitches);
- transactional: something the reader did or asked for (a reset, a receipt,
  a notification), short, and not mainly a pitch;
- appeal: a donation, sponsorship or petition;
- reply: an answer to one person (support replies, threads, quoted mail);
- promotional: anything that asks or makes claims for the sender;
- unknown: a page that explains more than it sells but is not surely
  documentation (an engineering post), and a line with no cue at all, so a
  one-line brag keeps its warning;
and with no cue at all: the `channel:` (social, press-release, landing-page
and sms are promotional), else a personal note for mail, promotional for a
draft that speaks to its reader or about its sender (the document checks
still need an ask or a claim to judge it), and unknown for the rest.

Also here: the brand, the name the sender calls itself, found from the
configuration, front matter (`brand:`), the email's From header, the title,
or the capitalised name the draft most uses as a sentence subject.
"""

from __future__ import annotations

import re
from collections import Counter
from email.parser import HeaderParser
from email.policy import compat32

from ..rules.spec import GENRES

__all__ = ["GENRES", "channel_of_path", "sales_page", "code_cues", "decide", "detect_brand", "email_headers", "release_notes", "update_note"]
# The channels that are promotional by nature (docs/rules.md, channel profiles).
_PROMOTIONAL_CHANNELS = {"social", "press-release", "landing-page", "sms"}


def decide(facts, model, *, acts_found: dict, meta: dict, headers: dict, fmt: str,
           configured: str | None = None, channel: str | None = None, text: str = "",
           path: str = "") -> tuple[str, str]:
    """(genre, where it came from).  `text`: the draft as written, whose
    lines show a changelog's structure (release_notes) or a product-update
    entry's (update_note); `path`: where it lives (CHANGELOG.md)."""
    if configured:
        return configured, "config"
    declared = str(meta.get("genre") or "").strip().lower()
    if declared in GENRES:
        return declared, "front matter"
    if _reference_meta(meta):
        return "reference", "front matter"
    if headers.get("in-reply-to") or headers.get("references"):
        return "reply", "headers"
    where = path.replace("\\", "/")
    if _REFERENCE_PATH.search(where) or _DOCS_PATH.search(where) and (channel or "") not in _PROMOTIONAL_CHANNELS:
        return "reference", "path"
    if _POLICY_PATH.search(where) and not _POST_PATH.search(where) and (channel or "") not in _PROMOTIONAL_CHANNELS:
        return "reference", "path"
    contact = "path" if _CONTACT_PATH.search(where) else "text" if _CONTACT_TITLE.match(text) else None
    # (by its path also on the landing-page channel, where a site's pages are linted: a product's
    # contact form, "I'm interested in… trying out Tilt", set AY, two blind editors)
    if contact and (channel or "") not in _PROMOTIONAL_CHANNELS - ({"landing-page"} if contact == "path" else set()):
        # a contact page is the way to reach the team, as a login mail is the way in: its "Book a
        # meeting" is what the page is for (two blind editors, an agency's contact page, set AC)
        return "transactional", contact
    # Cue hits, not sentences: one line of a handbook can name the playbook and the sales team.
    cues = {g: len({(h.seg, h.start) for b in blocks for h in facts.of(b.key)}) for g, blocks in model.genres.items()}
    # A reply on social media opens with the person's handle: the draft's first line, not any
    # segment's (a template's "@copywrite nobody" footer made a course mail a reply).
    if facts.segments and _HANDLE.match(facts.segments[0].text):
        cues["reply"] = cues.get("reply", 0) + 1
    asks = len({h.sent for h in acts_found.get("ask", [])})
    mail = fmt == "email"
    # Claims and promotion promote; in mail, so does a bare sales pitch ($ amounts, shouted words,
    # sales claims), which is how bulk mail reads when it names no button.
    promoting = ("claim", "promotion", "pitch") if mail else ("claim", "promotion")
    # (not a docs page's closing list of links, "- Learn more about querying traces", "- Explore log
    # correlation": navigation under "Next steps", not a pitch; two held-out docs pages, set Q)
    claims = len({h.sent for name in promoting for h in acts_found.get(name, [])
                  if not (name == "promotion" and _list_line(facts, h))})
    pitch = asks + claims
    words = facts.words
    # In mail, only quoting makes a reply ("> you wrote", "wrote:"): bulk mail apologises too.
    quoted = any(h.text.startswith(">") or h.text.lower().endswith("wrote:")
                 for b in model.genres.get("reply", ()) for h in facts.of(b.key))
    ref, internal = cues.get("reference", 0) + code_cues(text, fmt), cues.get("internal", 0)
    trans, appeal, reply = cues.get("transactional", 0), cues.get("appeal", 0), cues.get("reply", 0)
    if mail and quoted:
        return "reply", "text"  # mail that quotes the message it answers
    # Release notes are reference however they cheer ("We're excited to ship…" under "## 2.1.0"):
    # their structure, not their words, says so.  So is a short product-update entry: a title,
    # then "You can now …" (update_note).
    if release_notes(text):
        return "reference", "text"
    if not mail and not appeal and asks <= 2 and update_note(text, words):
        return "reference", "text"
    # A handbook first when its cues lead: a sales playbook lists campaigns and "signed up but did
    # not convert" (an appeal word) and numbered steps (reference cues) for staff, not readers.
    # An About page presents the team to outsiders, however much it says about how the team works.
    profile = bool(acts_found.get("profile")) or bool(_ABOUT_PATH.search(where))
    # A job ad is written for outsiders too: its "our sales team", "pipeline" and "customer success"
    # describe the job, not the team's own notes (two careers pages read as handbooks, set AJ).
    outward = profile or bool(_CAREERS_PATH.search(where))
    staff = internal >= 2 and 2 * internal > pitch and not outward and not _ANNOUNCING.search(text)
    if staff and internal >= 2 * appeal and 3 * internal >= ref:
        return "internal", "text"
    # A receipt for a gift records it (a donation summary, "no goods or services were provided"):
    # two transactional cues and no ask make it transactional however often it names the donation.
    if appeal and trans >= 2 and not asks and trans >= pitch:
        return "transactional", "text"
    # An appeal names the gift more than once, or asks for it: a donation page's FAQ is still an appeal.
    if appeal >= 2 or (appeal and asks):
        return "appeal", "text"
    # Documentation: many reference cues (steps, menu paths, options, code), at most a pitch per
    # two of them, no claim, and little talk about the sender.  A post that brags between its
    # numbered steps is not documentation (its TL2xx findings keep their level).
    sender = len({h.sent for h in acts_found.get("sender", [])})
    bragging = len({h.sent for h in acts_found.get("claim", [])})
    sentences = max(1, len(facts.sentences))
    # (never an About page: its numbered list of the customers it serves is no how-to, set AJ)
    if ref >= 3 and ref >= 2 * pitch and not bragging and sender <= max(2, sentences // 4) and not profile:
        return "reference", "text"
    # A long page with a reference word and at most one pitch explains more than it sells: the
    # document checks leave it alone, but it is not sure enough to be documentation ("unknown").
    informative = ref >= 3 and ref >= 2 * pitch or not mail and ref and pitch <= 1 and words >= 60
    if staff:
        return "internal", "text"
    if informative and not profile:
        return "unknown", "text"
    if asks:
        # A trial's end is a sales moment when the mail asks for the upgrade ("Your Data Room plan
        # trial expires in 24 hours … Upgrade now"): its trial lines are no receipt's.
        trans -= _trial_cues(facts, model)
    if trans and (trans >= pitch or words < 120):
        return "transactional", "text"
    if reply and reply >= pitch and (not mail or quoted):
        return "reply", "text"
    if pitch:
        return "promotional", "text"
    if (channel or "") in _PROMOTIONAL_CHANNELS:
        return "promotional", "channel"
    if headers.get("list-unsubscribe") or str(headers.get("precedence", "")).lower() in ("bulk", "list"):
        return "promotional", "headers"
    if mail:
        return "reply", "text"  # a note from one person to another
    # A page (not a line: "our Qualified Lead System") that neither asks nor claims, with a handbook
    # cue ("data from Vitally"), is a team's notes: a growth plan's "Potential user segmentation" was read as a pitch for want of a second cue.
    # (An About page that speaks to its reader — "brands like yours" — is outbound too; a handbook's
    # "Who We Are" that never says "you" stays the team's notes.)
    if internal and not pitch and words >= 40 and not (outward and acts_found.get("reader")):
        return "internal", "text"
    # A draft that speaks to its reader is outbound copy; one with no cue either way is unknown:
    # the word rules judge it at their own level ("Just crossed 10,000 customers!" is a brag).
    talks = any(acts_found.get(name) for name in ("reader", "sender"))
    return ("promotional" if talks else "unknown"), "text"


# A sender announcing to its readers ("we're happy to announce the release of …"): outbound,
# however it names its customer-success team (set L's product post read as a handbook).
_ANNOUNCING = re.compile(r"(?i)\b(?:happy|excited|thrilled|pleased|proud|delighted) to announce\b")


def _list_line(facts, hit) -> bool:
    """The hit opens a list item of its own ("- Explore log correlation")."""
    s = facts.sentences[hit.sent]
    text = facts.segments[s.seg].text
    line_start = text.rfind("\n", 0, hit.start) + 1
    return facts.segments[s.seg].scope == "list" or bool(re.match(r"[ \t]*[-*•·][ \t]+$", text[line_start:hit.start]))


def _trial_cues(facts, model) -> int:
    """The transactional cues that sit in a sentence about the reader's trial."""
    seen = set()
    for block in model.genres.get("transactional", ()):
        for h in facts.of(block.key):
            s = facts.sentences[h.sent]
            if re.search(r"(?i)\btrial\b", facts.segments[s.seg].text[s.start:s.end]):
                seen.add((h.seg, h.start))
    return len(seen)


# Code in a Markdown draft (code_cues): a fenced block, an inline `span`.
_FENCE = re.compile(r"(?m)^[ \t]{0,3}(?:```|~~~)")
_INLINE_CODE = re.compile(r"(?<![`\w])`[^`\n]+`(?![`\w])")
_CODE_CUES = 6


def code_cues(text: str, fmt: str) -> int:
    """Reference cues the prose no longer shows: the Markdown front end drops
    code, so the inline-code cue of acts.yaml never sees `npm run start` in
    a tutorial.  Each fenced block counts two, each inline span one, at most
    six in all (a launch post with one install command stays a post).  Plain
    text keeps its backticks for acts.yaml to count; other formats have none."""
    if fmt != "markdown" or "`" not in text and "~~~" not in text:
        return 0
    fences = len(_FENCE.findall(text)) // 2
    inline = len(_INLINE_CODE.findall(text))
    return min(2 * fences + inline, _CODE_CUES)


# A project's README (README.md, readme.rst, README, WordPress's readme.html): the page a repository
# or a package index shows, which reads as the `readme` channel unless the
# command line, the front matter or the configuration names another.
# Folders that hold posts: a README or a docs/ folder above one of them is no README or manual
# (MkDocs and Docusaurus keep a site's blog in docs/blog/; a Next.js site keeps each post as
# blog/<slug>/readme.mdx, a product newsletter judged as a README, set AB).
# A folder named for its issue of a newsletter counts too ("changelog/changes/20240307 (newsletter)/",
# a product newsletter kept among a changelog's entries, set AA).
_POST_NAMES = r"blog|blogs|posts|news|press|announcements?|emails?|mail|[^/]*\bnewsletters?\b[^/]*"
_POST_FOLDERS = r"(?:" + _POST_NAMES + r")/"
_README_PATH = re.compile(
    r"(?i)^(?!(?:.*/)?" + _POST_FOLDERS + r")(?:.*/)?readme(?:\.(?:md|markdown|rst|txt|mdx|adoc|org|html?))?$")


def channel_of_path(path: str) -> str | None:
    """The channel a file's name gives it: `readme` for a project's README, `social` for a post kept
    as a tweet file (twitter-together's tweets/*.tweet, sets AN and V)."""
    where = path.replace("\\", "/")
    if _README_PATH.search(where):
        return "readme"
    return "social" if _SOCIAL_PATH.search(where) else None


def sales_page(path: str) -> str:
    """The kind of sales page a file is by its folder or name ("pricing", "services"), or "".  Not a
    module of the product's code or mail that a folder of that name holds
    (apps/server/src/integrations/transactional/emails/: a password notice read as a sales page,
    set AZ; crates/router/src/services/email/), nor a post kept under one (features/blog/)."""
    where = path.replace("\\", "/")
    found = _SALES_PAGE.search(where)
    return found.group(1).lower() if found and not _CODE_TREE.search(where) else ""


# A site's sales pages by their folder or file name (not its docs or posts: decide() reads those first).
_SALES_PAGE = re.compile(r"(?i)(?:^|/)(pricing|plans|features?|why[-_][\w-]+|why|integrations?|enterprise|solutions?|"
                         r"services?|products?|editions?|compare|comparison|alternatives?)(?:/|\.[a-z]+$|$)")
# Where a product keeps code and mail templates, not pages (and where a site keeps its posts).
_CODE_TREE = re.compile(r"(?i)(?:^|/)(?:" + _POST_NAMES + r"|mailers?|[\w-]*e?mail[-_]templates?|notifications?|"
                        r"server|api|internal|crates)/")


_SOCIAL_PATH = re.compile(r"(?i)\.tweet$|(?:^|/)(?:tweets|toots|social[-_]media)/[^/]+\.(?:md|txt|tweet)$")


# Where reference lives: CHANGELOG.md, CHANGES.rst, RELEASES.md, RELEASE_NOTES.md (a Jekyll post's date
# before the name too: _posts/2020-03-02-releases.md, set W), any file under a
# changelog/, release-notes/ or devlog/ folder (a monthly devlog's fixes list, set AB), or under a
# documentation folder (docs/, documentation/, user-guide/, help-center/: a user guide's "Book your
# onboarding call" page and a hosting FAQ were held-out docs pages judged as pitches, set O and
# set N) -- unless a folder below it holds
# posts (MkDocs and Docusaurus keep a site's blog in docs/blog/ and documentation/blog/).
_REFERENCE_PATH = re.compile(
    r"(?i)(?:^|/)(?:(?:\d{4}-\d\d-\d\d-)?(?:changelog|changes|releases|release[-_ ]?notes)(?:\.(?:md|markdown|rst|txt|mdx))?$"
    r"|(?:changelogs?|release[-_ ]?notes|releases|devlogs?)/(?!(?:[^/]+/)*" + _POST_FOLDERS + r")"
    # (not a company's news kept beside the entries: changelog/company-updates.mdx, a funding note, set AD)
    r"(?!(?:[^/]+/)*[^/]*(?:company[-_ ]updates?|announcements?|funding|press)[^/]*$))")
# (a folder is a weaker sign than a declared channel: a page under docs/ that its front matter or
# the command line calls a landing page is one)
_DOCS_PATH = re.compile(
    r"(?i)(?:^|/)(?:(?:docs|documentation|user[-_ ]?guides?|help[-_ ]?cent(?:er|re)|knowledge[-_ ]?base|kb|faqs?)/"
    r"(?!(?:[^/]+/)*" + _POST_FOLDERS + r")"
    # an FAQ page answers readers' questions (a conference's attendee FAQ, set ZZ; a kb/faq/ folder, set AE)
    r"|faqs?(?:\.(?:md|markdown|mdx|rst|txt|html?))?$)")
# A contact page, by its file's name or its first line ("Contact Us" over the ways to reach the team).
_CONTACT_PATH = re.compile(r"(?i)(?:^|/)contact(?:[-_ ]?us)?(?:/(?:_?index))?(?:\.(?:md|markdown|mdx|html?|njk|txt|rst))?$")
_CONTACT_TITLE = re.compile(r"(?i)\A(?:---.*?---\s*)?[ \t#]*(?:contact(?: us)?|get in touch)[ \t]*\n", re.S)
# A job ad, by its folder ("careers/account-executive/index.md", "jobs/backend.md").
_CAREERS_PATH = re.compile(r"(?i)(?:^|/)(?:careers?|jobs|join[-_ ]us|open[-_ ]positions|vacancies)/")
# A policy page: how the sender keeps data safe, its terms, its privacy rules ("security/customer-data-and-
# security.md", set AO), kept with the site's pages, not its posts: it states practice, it does not pitch.
_POLICY_PATH = re.compile(r"(?i)(?:^|/)(?:security|privacy|legal|terms|trust|compliance|gdpr|cookies?|policies)"
                          r"(?:[-_][\w-]*)?(?:/|\.(?:md|markdown|mdx|html?|rst|txt)$)")
_POST_PATH = re.compile(r"(?i)(?:^|/)" + _POST_FOLDERS)
# An About page by its file's name ("who-we-are.md", "about-us.mdx", "about/index.md": an agency's
# "we use a community-based approach" read as a handbook's "we use", set AC).
_ABOUT_PATH = re.compile(r"(?i)(?:^|/)(?:about(?:[-_ ]us)?|who[-_ ]we[-_ ]are|our[-_ ]story|our[-_ ]team)"
                         r"(?:/(?:_?index))?(?:\.(?:md|markdown|mdx|html?|njk|txt|rst))?$")


_STORY_PATH = re.compile(r"(?i)(?:^|/)(?:case[-_ ]?stud(?:y|ies)|customer[-_ ]?stor(?:y|ies)|success[-_ ]?stor(?:y|ies)|"
                         r"customers)(?:/|[-_.])")


def customer_story(path: str) -> bool:
    """The file is a customer story by its folder or name (case-studies/stasher/index.jsx): the name
    it uses most is the customer's, so it is no guess at the sender's (a case study's "Stasher, the
    world's first luggage storage network" read as the sender's rank, set AE)."""
    return bool(_STORY_PATH.search(path.replace("\\", "/")))


def about_page(path: str) -> bool:
    """The file is an About page by its name: the sender presenting itself (the rewriters ask
    such a page's readers what they are working on, not what the sender should do next)."""
    return bool(_ABOUT_PATH.search(path.replace("\\", "/")))


# Front matter that files a page as a changelog or documentation (a docs site's `type: changelog`,
# `layout: docs`, `category: release-notes`).
_REFERENCE_META_KEYS = ("type", "layout", "category", "section", "collection", "kind")
_REFERENCE_META = re.compile(r"(?i)^(?:changelog|changes|release[-_ ]?notes?|docs?|documentation|reference|api)$")


def _reference_meta(meta: dict) -> bool:
    return any(isinstance(meta.get(k), str) and _REFERENCE_META.match(meta[k].strip()) for k in _REFERENCE_META_KEYS)


# A product-update entry (update_note): a short title line, then the news put as what the
# reader can now do.  Feature-update wording, not feelings: "you can now", "is now available",
# "now supports", "we've added", "we have just released", "available on the Pro plan".
_TITLE = re.compile(r"\A\s*(?![Hh]i\b|[Hh]ello\b|[Hh]ey\b|[Dd]ear\b)([^\n]{2,80})\n")
_UPDATE_CUE = re.compile(
    r"(?i)\b(?:you can now|now,? you can|you(?:['’]re| are) now able to|it(?:['’]s| is) now possible"
    r"|(?:is|are) now (?:available|live|supported|generally available)|can now be"
    r"|now (?:supports?|lets you|shows|includes|available)"
    r"|(?:we|we['’]ve|we have|i['’]ve|i have)\s+(?:just\s+)?(?:added|shipped|released|improved|updated)\b"
    r"|(?:a|this) new feature|(?:this|the) features? (?:is|are) available"
    r"|available (?:on|for|in) (?:the|all|every) [\w -]{0,24}?(?:plans?|tiers?|workspaces?|pages?)\b"
    r"|no longer (?:requires?|depends? on))")
_UPDATE_WORDS = 200
# A Markdown draft's front matter comes before its first line: "---" is no title.
_FRONT_MATTER = re.compile(r"\A\s*(---|\+\+\+)[ \t]*\r?\n.*?\r?\n\1[ \t]*(?:\r?\n|\Z)", re.S)
_UPDATE_LEAD = 400  # the news comes first: the cue within this many characters of the title
# A title names the feature; a sentence about the sender ("Big news: we just closed our round!") is not one.
_NOT_A_TITLE = re.compile(r"[.!?]|\b(?:[Ww]e|I|[Oo]ur|[Uu]s|[Mm]y)\b|\A[^:]{0,20}:")


def update_note(text: str, words: int) -> bool:
    """A changelog entry or product-update note: at most ~200 words, a
    title of a few words on the first line (no sentence, no greeting, no
    "we"), and feature-update wording right after it.  A launch post runs
    longer or opens with a sentence; a tweet has no title line; a founder's
    "Big news: we just closed our round!" is a sentence, not a title."""
    if not text or words > _UPDATE_WORDS:
        return False
    front = _FRONT_MATTER.match(text)
    if front:
        text = text[front.end():]
    m = _TITLE.match(text)
    if not m:
        return False
    title = m.group(1).strip().strip("#*_ ").strip()
    if not title or len(title.split()) > 10 or title[-1] in ",;:" or _NOT_A_TITLE.search(title):
        return False
    cue = _UPDATE_CUE.search(text, m.end(), m.end() + _UPDATE_LEAD)
    # (not a mail that greets its reader before its news: "Hey you! … we just added this hot
    # new class" under a course's name is a drip mail's pitch, Foundation for Emails' sample)
    return bool(cue) and not _GREETING.search(text, m.end(), cue.start())


_GREETING = re.compile(r"(?im)^[ \t]*(?:hey|hi|hello|dear)\b")
_HANDLE = re.compile(r"\s*@\w+")


# A changelog's structure, line by line (release_notes).  A version heading:
# "## 1.2.3", "Version 8.4.2", "v2.0.0 (2024-05-01)", "[1.4.0] - 2024-05-01",
# and with the empty anchor generated changelogs put before the number
# ('## <a id="23-2-0"></a>23.2.0 - 2026-11-18', stripe-node's CHANGELOG.md).
_VERSION_HEADING = re.compile(
    r"(?mi)^[ \t]*(?:#{1,4}[ \t]*)?(?:<a\b[^>\n]*>[ \t]*</a>[ \t]*)?(?:version[ \t]+|release[ \t]+|v)?\[?v?\d+\.\d+(?:\.\d+)?(?:-[\w.]+)?\]?"
    r"(?:[ \t]*(?:[-\u2013\u2014:][ \t]*|\()[\w ,.-]*\d{4}(?:-\d\d-\d\d)?\)?)?[ \t]*$")
_RELEASED = re.compile(r"(?mi)^[ \t*_]*released(?:[ \t]+on)?:?[ \t]+(?:\d{4}-\d\d-\d\d|\w+ \d{1,2},? \d{4}|\d{1,2} \w+ \d{4})")
_SECTION = re.compile(
    r"(?mi)^[ \t]*(?:#{1,4}[ \t]*)?(?:added|fixed|changed|removed|deprecated|security|breaking(?: changes?)?|"
    r"bug ?fixes|fixes|features|new features|improvements|enhancements|improved|new|"
    # a GitHub release's own headings
    r"what(?:'|’)?s changed|new contributors|other changes|dependencies|maintenance)[ \t]*:?[ \t]*$")
_ISSUE_REF = re.compile(r"(?<![\w&/])#\d{2,6}\b|\{(?:pr|issue)\}\d+|\b(?:PR|pull request|issue)[ \t]?#?\d{2,6}\b"
                        r"|/(?:pull|issues)/\d+\b")
# "**Full Changelog**: https://…/compare/v1.2.0...v1.3.0" closes a GitHub release.
_FULL_CHANGELOG = re.compile(r"(?mi)^[ \t*_]*full changelog\b|/compare/v?\d[\w.-]*\.\.\.v?\d")
_FIX_BULLET = re.compile(r"(?m)^[ \t]*[-*+][ \t]+(?:fix|fixed|fixes|add|added|adds|remove|removed|removes|bump|bumped|"
                         r"update|updated|improve|improved|deprecate|deprecated|drop|dropped)\b", re.I)


def release_notes(text: str) -> bool:
    """A changelog or release notes, from the shape of the text: a version
    heading or a "Released <date>" line, with at least one other sign of a
    changelog (Added/Fixed/… sections, two issue or PR numbers, two bullets
    of fixes; a GitHub release's "What's Changed" and "Full Changelog"); or,
    without a version, three such sections, or two with numbers or fix
    bullets.  Precision first: a launch post that names a version ("v2.0 is
    here!") has no sections, numbers or fix bullets, and stays promotional."""
    if not text:
        return False
    versioned = bool(_VERSION_HEADING.search(text) or _RELEASED.search(text) or _FULL_CHANGELOG.search(text))
    sections = len(_SECTION.findall(text))
    refs = len(_ISSUE_REF.findall(text)) >= 2
    bullets = len(_FIX_BULLET.findall(text)) >= 2
    if versioned:
        return bool(sections or refs or bullets)
    # A product-update roundup: "New", "Improved", "Fixed" under one another.
    return sections >= 3 or sections >= 2 and (refs or bullets)


_HEADER_END = re.compile(r"\r?\n\r?\n")
_WANTED = ("from", "to", "in-reply-to", "references", "list-unsubscribe", "precedence", "subject")


def email_headers(text: str, fmt: str) -> dict:
    """The few headers the model reads, from the raw message (the markup
    front end keeps only the subject)."""
    if fmt != "email":
        return {}
    m = _HEADER_END.search(text)
    head = text[: m.start()] if m else text[:4096]
    try:
        msg = HeaderParser(policy=compat32).parsestr(head + "\n\n", headersonly=True)
    except Exception:  # a broken header block is no reason to fail the draft
        return {}
    return {k: str(msg.get(k, "")) for k in _WANTED if msg.get(k)}


_NOT_NAMES = {
    "the", "this", "that", "these", "those", "it", "its", "we", "you", "they", "our", "your", "their", "i", "he",
    "she", "here", "there", "what", "which", "who", "today", "now", "every", "each", "all", "some", "most",
    "many", "no", "not", "if", "when", "once", "after", "before", "and", "but", "or", "so", "a", "an", "hi",
    "hello", "hey", "dear", "thanks", "thank", "please", "yes", "one", "two", "new", "next", "last", "first",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "everyone",
    "nobody", "someone", "people", "customers", "team", "email", "click", "get", "join", "sign", "book", "see",
    "read", "learn", "start", "try", "welcome", "congrats", "congratulations", "best", "cheers", "regards",
}
_SUBJECT_VERBS = (r"is|are|was|has|have|helps|lets|gives|makes|will|can|provides|offers|brings|now|supports|creates|develops|"
                  r"builds|achieves|delivers|empowers|enables|announces|announced|launches|launched|partners|"
                  r"has been|team|'s|’s")
_NAME = r"[A-Z][A-Za-z0-9&]*(?:[-.][A-Za-z0-9]+)*(?: [A-Z][A-Za-z0-9&]+)?"
_SUBJECT = re.compile(rf"(?:^|[.!?:]\s+|\n\s*|\b(?:because|that|and|but|at|with)\s+)({_NAME}) (?:{_SUBJECT_VERBS})\b")
_WELCOME = re.compile(rf"\b(?:[Ww]elcome to|[Tt]hanks for (?:choosing|joining|trying)|[Tt]he) ({_NAME})(?: team\b)")
_AT = re.compile(rf"\b(?:at|from|the) ({_NAME}) [Tt]eam\b|,\s*[A-Z][\w ]{{0,40}} at ({_NAME})\s*$", re.MULTILINE)
_TEAM_AT = re.compile(rf"\s+(?:at|of) ({_NAME})\b")
_FROM_NAME = re.compile(r'^\s*"?([^"<]*?)"?\s*<[^@>]+@([^>]+)>')


def detect_brand(text_of_prose: str, *, meta: dict | None = None, headers: dict | None = None,
                 guess: bool = True) -> tuple[str, ...]:
    """The names the sender calls itself (module doc): those the front matter
    declares plus at most one name found in the draft (the engine adds the
    configured brand).  `guess=False`: not the name most used as a subject,
    only a declared one, the From header's or the title's (a newsletter's
    most used subject is as often the company it reports on)."""
    meta = meta or {}
    headers = headers or {}
    names: list[str] = []
    declared = meta.get("brand") or meta.get("company")
    if isinstance(declared, str) and declared.strip():
        names.append(declared.strip())
    elif isinstance(declared, list):
        names.extend(str(b).strip() for b in declared if str(b).strip())
    found = _from_header(text_of_prose, headers.get("from", "")) or _from_title(text_of_prose, meta) \
        or (_most_used_subject(text_of_prose) if guess else None)
    if found and found not in names:
        names.append(found)
    return tuple(dict.fromkeys(names))


def _from_header(prose: str, sender: str) -> str | None:
    """From: "Dan <dan@pipeforge.example>": the domain's name as the draft
    writes it ("PipeForge"), or the display name when it is not a person's."""
    m = _FROM_NAME.match(sender or "")
    if not m:
        return None
    display, domain = m.group(1).strip(), m.group(2).lower()
    label = domain.split(".")[-2] if domain.count(".") >= 1 else domain
    if len(label) >= 3:
        for word in re.findall(r"\b[A-Z][A-Za-z0-9]+\b", prose):
            if word.lower() == label:
                return word
    if display and len(display.split()) == 1 and display[:1].isupper() and display.lower() not in _NOT_NAMES:
        return display if re.search(rf"\b{re.escape(display)}\b", prose) else None
    return None


# An About page's own title names its sender: "About SSW - Sydney's Premier Software Consultants"
# (an agency's about page, set AC: a name of three capitals is never guessed as a subject).
_ABOUT = re.compile(rf"^[ \t#]*About (?!(?:us|me|the|this|our|my)\b)({_NAME})\s*(?:$|[-–—|:,])", re.MULTILINE)


def _from_title(prose: str, meta: dict) -> str | None:
    title = str(meta.get("title") or meta.get("subject") or "")
    for source in (title, prose.lstrip().split("\n", 1)[0]):
        about = _ABOUT.match(source.strip())
        if about and about.group(1).split()[0].lower() not in _NOT_NAMES:
            return about.group(1)
    for source in (title, prose):
        for m in _WELCOME.finditer(source):
            return _company_of(source, m, m.group(1))
        for m in _AT.finditer(source):
            name = _company_of(source, m, m.group(1) or m.group(2))
            if name and name.split()[0].lower() not in _NOT_NAMES:
                return name
    return None


def _company_of(source: str, m, name: str | None) -> str | None:
    """"from the Community Growth team at Hyperswitch": the team is a department, the company
    after it is the sender (a welcome mail, set T)."""
    company = _TEAM_AT.match(source, m.end())
    return company.group(1) if company else name


def _most_used_subject(prose: str) -> str | None:
    """The capitalised name most used as a sentence subject ("Lumen is …",
    "Acme helps …"), when it is used so at least once and named twice."""
    counts: Counter = Counter()
    for m in _SUBJECT.finditer(prose):
        name = m.group(1)
        if name.split()[0].lower() in _NOT_NAMES or name.isupper() and len(name) <= 3:
            continue
        counts[name] += 1
    for name, _ in counts.most_common():
        if len(re.findall(rf"\b{re.escape(name)}\b", prose)) >= 2:
            return name
    return None
