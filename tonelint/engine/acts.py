"""The model of the message: what each sentence of a draft does (its acts) and
what kind of message the draft is (its genre, genre.py).

Word lists say which words can do an act; a sentence's acts are settled here,
once per file, from the hits the engine's one matcher bank already found, so
no second spaCy pass is needed and the Docs can be dropped after scanning.
The act blocks are data (rules/lists/acts.yaml), compiled into the bank
beside the rules' own blocks.  What is decided here, and only here:

- an ask put as a question ("Do you have 15 minutes for a quick demo?") is an
  ask, never a question to the reader;
- a question holding a rhetoric cue ("Did you know…?", "Ready to…?") is not a
  question to the reader either;
- a question in a title or heading is a heading (an FAQ), not a question;
- a heading that names the getting-started section ("## Get Started in 3
  Simple Steps") is a section name, not an ask;
- a short yes/no question that qualifies the reader and is followed by an
  ask or an instruction ("Using Acme in your organization? Purchase
  professional support …", "Want more examples? See the examples folder.")
  is its lead-in, not a question; one that asks for the reader's view
  ("Is there anything we could do better? Upgrade …") still listens;
- an ask on the reader's terms ("If you need a custom setup, book a call",
  "Join our livestream") is an offer, not an ask, unless the draft pitches
  throughout (a greeting or thanks that ends in "!" does not make a
  welcome page a pitch throughout);
- the brand's own name counts as the sender talking about itself, whether it
  comes from the configuration or is found in the draft (genre.py); on a
  page, a line that only names the product by the brand ("support for
  Ubuntu OS") still informs, and "our FAQ", "our forum" point the reader to
  help rather than talk about the sender;
- a short line over a "Not now" line is the button an in-product prompt
  wants pressed (an ask), and the "Not now" line is its way out (`prompt`);
- an opening "About us" line makes the page the sender presenting itself
  (`profile`);
- on a page, a line whose only pitch is its "!" is the page's voice: it
  can inform, and it does not make the draft a pitch throughout.

Rules read acts with `act:` in a matcher block; the scorecard counts them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import RuleError, did_you_mean
from ..rules.loader import builtin_dir
from ..rules.spec import ACTS, GENRES, Ctx, parse_block, sub_blocks
from ..rules.yamlfile import load_yaml
from .facts import BRAND_WAIT, Facts, Hit, longest
from .genre import sales_page

# Blocks the model reads that are not acts of their own.
_HELPERS = ("rhetoric", "help", "remark", "condition", "free", "greeting", "sales_contact")
# A post of at most this many words whose last line is a bare link promotes it (shared_links).
SHARE_WORDS = 60
# ... and at most this many lines: a line or two, the link (a notice with its list of versions is not a share)
SHARE_LINES = 4
_LAST_LINE_LINK = re.compile(r"\n[ \t]*<?https?://[^\s>]+>?[ \t]*\Z")
# ... unless the link is to a change in the code (a pull or merge request, an issue, a commit): the
# post is a changelog entry, posted (set M's "Fixed a sneaky bug in the sample form" + its PR)
_CHANGE_LINK = re.compile(r"/(?:pull|pulls|issues|commit|commits|merge_requests|compare)/[\w.-]+/?>?[ \t]*\Z")
# An information sentence: this many words at least (a greeting or a button is not information).
INFORMATION_WORDS = 6
# An About page's heading is its first line, or the second under a title.
PROFILE_OPENS = 1
# A draft with at least this many pitch sentences, and this share of all, is a pitch throughout.
PITCHED_SENTENCES = 3
PITCHED_SHARE = 0.2


@dataclass(frozen=True)
class ActModel:
    """The act and genre blocks of acts.yaml, keyed `act:NAME:i` / `genre:NAME:i`."""

    path: str
    acts: dict  # act name -> tuple of Blocks
    genres: dict  # genre name -> tuple of Blocks

    def blocks(self) -> list:
        out = [b for group in (*self.acts.values(), *self.genres.values()) for b in group]
        out.extend(dep for b in list(out) for dep in sub_blocks(b))
        return out


def model_path() -> Path:
    return builtin_dir() / "lists" / "acts.yaml"


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> ActModel:
    """acts.yaml, validated as strictly as a rule file (file:line errors)."""
    path = str(path or model_path())
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleError(path, f"cannot read the act model: {exc}") from None
    data = load_yaml(text, path, RuleError)
    ctx = Ctx(path, data)
    if not isinstance(data, dict):
        raise RuleError(path, "the act model must be a mapping with acts: and genres:")
    for key in data:
        if key not in ("acts", "genres"):
            ctx.fail(data, key, "unknown key in the act model (allowed: acts, genres)")
    def section(name: str, allowed) -> dict:
        raw = data.get(name) or {}
        out = {}
        for item, blocks in raw.items():
            if item not in allowed:
                ctx.fail(raw, item, f"unknown {name[:-1]} {item!r}{did_you_mean(item, allowed)}")
            if not isinstance(blocks, list) or not blocks:
                ctx.fail(raw, item, "must be a list of matcher blocks")
            out[item] = tuple(parse_block(ctx, b, f"{name[:-1]}:{item}:{i}", f"{name}.{item}") for i, b in enumerate(blocks))
        return out

    acts = section("acts", ACTS + _HELPERS)
    genres = section("genres", GENRES)
    return ActModel(path=path, acts=acts, genres=genres)


_LETTER = re.compile(r"\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^\n.!?]{0,40}[,!:—–-]", re.I)


def opens_as_letter(prose: str) -> bool:
    """A draft that greets one reader first ("Hi Omar, I noticed …") is a letter, whatever file it is in."""
    return bool(_LETTER.match(prose))


@dataclass
class Message:
    """What the draft is and what each sentence does; kept on Facts."""

    genre: str
    genre_from: str  # "config", "front matter", "headers", "path", "channel", "text"
    brand: tuple = ()
    acts: list = field(default_factory=list)  # per sentence: frozenset of act names
    hits: dict = field(default_factory=dict)  # act -> list[Hit], in text order
    pitched: bool = False  # a sales pitch throughout: it gives nothing, so any ask in it comes too early
    page: bool = False  # a web page or a README: its claims describe what is on offer, they do not sell an ask
    sales_page: str = ""  # the kind of sales page its path names ("pricing", "services"), or ""

    def sentences(self, act: str) -> list[int]:
        return [i for i, a in enumerate(self.acts) if act in a]

    def counts(self) -> dict:
        """Sentences per act (what `--format json --score` lists)."""
        return {act: len(self.sentences(act)) for act in ACTS}

    def as_dict(self, facts: Facts | None = None) -> dict:
        out = {"genre": self.genre, "genre_from": self.genre_from, "brand": list(self.brand),
               "sentences": self.counts()}
        if facts is not None:
            listed = []
            for i, acts in enumerate(self.acts):
                if acts and i < len(facts.sentences):
                    s = facts.sentences[i]
                    text = " ".join(facts.segments[s.seg].text[s.start:s.end].split())
                    listed.append({"sentence": i + 1, "acts": [a for a in ACTS if a in acts], "text": text[:160]})
            out["acts"] = listed
        return out


def read_message(facts: Facts, model: ActModel, *, genre: str, genre_from: str, brand: tuple = (),
                 source_text: str = "", shared: list | tuple = (), mail: bool = False,
                 page: bool = False, path: str = "", social: bool = False) -> Message:
    """Settle each sentence's acts from the bank's hits (module doc);
    `shared`: the caller's shared_links, already read for the genre;
    `mail`: the draft is an email file, where "!" on every line is how bulk
    mail pitches (a page's "!" is its chirpy voice); `page`: a web page or a
    README (core._page)."""
    found: dict[str, list[Hit]] = {}
    for name, blocks in model.acts.items():
        lst = [h for b in blocks for h in facts.of(b.key)]
        if name == "value" and source_text:
            lst += _numbered_steps(facts, source_text)
        if name == "profile":
            # the page opens with it (a menu's "About us" link further down presents nothing)
            lst = [h for h in lst if h.sent <= PROFILE_OPENS]
        found[name] = longest(lst)
    found["promotion"] = longest(found.get("promotion", []) + list(shared))
    prompts = _prompt_buttons(facts)
    found["ask"] = longest(found.get("ask", []) + [button for button, _ in prompts])
    if path and found["ask"] and _page_name(facts, path):
        # the first line names the page its file is named for ("Become A Member" over
        # become-a-member/_index.md, "Donate" over donate.md): the page's title, not an ask made
        # before anything is given (two blind editors, a co-op's membership page, set AF)
        # (and the same name again right under it: a front-matter title over the page's heading)
        title = {0} | ({1} if len(facts.sentences) > 1 and _alone(facts, 1)
                       and _text(facts, 1).strip().lower() == _text(facts, 0).strip().lower() else set())
        found["ask"] = [h for h in found["ask"] if h.sent not in title]
    found["prompt"] = [way_out for _, way_out in prompts]
    sales = "" if mail else sales_page(path)  # (a mail file named pricing.eml is a letter about prices)
    if sales and facts.sentences:
        # a pricing, features, services or integrations page sells by being there, with or without a
        # button the lists know: the draft promotes (sets AJ and AO, landing pages that never ask);
        # the kind of page is kept on the message, for the rewriters
        found["promotion"] = found.get("promotion", []) + [_sentence_hit(facts, 0, "act:promotion:page")]
    if brand:
        # (not an event's name, "SRCCON", "PyCon Africa", "CHAOSScon": on its pages it is what the reader
        # may attend, not the organiser talking about itself, three event pages, set BA)
        found["sender"] = longest(found.get("sender", []) + _brand_hits(facts, tuple(
            b for b in brand if not _EVENT_NAME.search(b))))
    if social:
        # a post's question is put to its followers, "you" or not ("What is the name for a group of
        # @ProbotTheRobot?", set AN); asks and rhetoric are still sorted out below
        asked = {h.sent for h in found.get("question", [])}
        found["question"] = found.get("question", []) + [
            _sentence_hit(facts, i, "act:question:social") for i, s in enumerate(facts.sentences)
            if s.question and i not in asked
            # (not a quoted title's "?": "Video: \"Are There Clients and Servers in a Blockchain?\"";
            # not a set-up the post answers, "The goal?", "What's in PathoGFAIR?": five words or more)
            and not re.search(r"\?\s*[\"”'’]\W*$", _text(facts, i)) and _words(facts, i) >= 5]
    # an "About us" page is a page wherever it is stored, and so is a pricing or enterprise page
    # ("pages/enterprise.js", set AY)
    page = page or bool(found.get("profile")) or bool(sales)
    n = len(facts.sentences)
    by_sent: dict[str, dict[int, list[Hit]]] = {}
    for name, lst in found.items():
        d: dict[int, list[Hit]] = {}
        for h in lst:
            d.setdefault(h.sent, []).append(h)
        by_sent[name] = d
    # A draft that is a sales pitch throughout ($ amounts, shouting, sales
    # claims in a fifth of its sentences) informs no one: only real value
    # counts as given there, never its plain lines.
    # A greeting line that ends in "!" is politeness, not a pitch sentence.
    # A list item that only asks ("- Follow us on LinkedIn", one of a README's community links)
    # is an ask, judged as one (TL401, TL402); it is no sales pitch that makes the draft's plain
    # lines stop informing.  (Not any line that only asks: bulk mail's "CLICK HERE" lines are its
    # pitch, and 2002 spam's ask share fell 51.5 % -> 49.8 % when they stopped counting.)
    # On a page (not in mail), a line whose only pitch is its "!" ("This theme will look great on
    # any device, no matter the size!") is the page's chirpy voice: it does not make the draft a
    # pitch throughout, and it can inform (a theme's landing page had every feature line end so,
    # and every ask on it read as premature); it still gives nothing as value ("You can finally stop
    # worrying about your credit!" promises).  In mail, "!" on every line is how bulk mail pitches.
    chirpy = set() if mail else {i for i, hs in by_sent.get("pitch", {}).items()
                                 if all(h.text.startswith("!") for h in hs)}
    pitched = len({i for i, hs in by_sent.get("pitch", {}).items()
                   if not (facts.segments[facts.sentences[i].seg].scope == "list"
                           and _inside(hs, by_sent.get("ask", {}).get(i, [])))
                   and not _inside(hs, by_sent.get("value", {}).get(i, []))
                   # a section named for trying the feature ("Try it (experimental)" over a post's
                   # demo links, set L) is a heading, not a push
                   and not (_SECTION_NAME.match(_text(facts, i)) and _words(facts, i) <= 4
                            and _unstopped(facts, i))}
                  - set(by_sent.get("greeting", {})) - chirpy)
    plain = not (pitched >= PITCHED_SENTENCES and pitched >= PITCHED_SHARE * max(n, 1))
    _offers(by_sent, plain, priced=sales in _PRICE_LISTS)
    asks = by_sent.get("ask", {})
    rhetoric = by_sent.get("rhetoric", {})
    acts: list[frozenset] = []
    kept: dict[str, list[Hit]] = {a: [] for a in ACTS}
    plain_seen, gave = 0, False
    settled = [a for a in ACTS if a != "information"]
    for i in range(n):
        s = facts.sentences[i]
        scope = facts.segments[s.seg].scope
        here = set()
        for act in settled:
            hs = by_sent.get(act, {}).get(i)
            if not hs:
                continue
            if act == "ask" and _SECTION_NAME.match(_text(facts, i)) and (
                    scope == "heading" or _line_heading(facts, i)):
                continue  # "## Get Started in 3 Simple Steps": a README's section name, its steps follow
            if act == "question":
                # A real question to the reader: not an ask, not rhetoric, not a heading.
                if not s.question or i in asks or i in rhetoric or scope in ("title", "heading") \
                        or (i + 1 in asks or _imperative(facts, i + 1)) and _qualifier(facts, i) \
                        or _answered_line(facts, i, by_sent):
                    continue
                hs = [_sentence_hit(facts, i, "act:question")]
            if act == "value" and scope == "title":
                continue  # a subject line promises; the body gives
            if act == "value" and (i in by_sent.get("claim", {})
                                   or not _inside(by_sent.get("pitch", {}).get(i, []), hs) and i in by_sent.get("pitch", {})):
                continue  # a sales claim or hype promises the reader something; it gives nothing yet
            if act == "invitation" and i in asks and i not in by_sent.get("help", {}):
                # "Reach out to book your demo": the sentence asks, it does not listen; but an
                # invitation beside the asks, in words of its own, still listens ("Join us in
                # Discord, follow us on X, and let us know what tools you'd like us to support")
                # ("Please share any feedback, thoughts or bugs": the ask's verb is the invitation's,
                # and what is asked for is the reader's word, a feature post, set AE)
                hs = [h for h in hs if (not any(a.seg == h.seg and a.start < h.end and h.start < a.end
                                                for a in asks[i]) or _THEIR_WORD.search(h.text))
                      and _FEEDBACK.match(h.text)]
                if not hs:
                    continue
            if act == "invitation" and i in by_sent.get("sales_contact", {}):
                continue  # "If you want to learn how Globex can help your team, get in touch": a sale's contact
            if act == "invitation" and _button(facts, i) and not _LISTENING_BUTTON.search(_text(facts, i)):
                # a page's "Get in touch" button: a sales contact, not an invitation to reply
                # ("Send feedback" over a message form still asks for the reader's word)
                continue
            here.add(act)
            if act == "sender":
                # "the Convex CLI", "Convex demos": the brand naming one of its things.  The
                # sentence is still about the sender (its acts do not change), but the name is
                # not counted as the sender talking about itself (TL201's count, the scorecard's).
                hs = [h for h in hs if not _names_a_thing(facts, h) and not _quoted_paragraph(facts, h)
                      and not _points_to_help(facts, h)]
            kept[act].extend(hs)
        # On a page, a sentence that names the product only by the brand ("Optional support for
        # Ubuntu OS, infrastructure, and applications") describes the offer to the reader: it
        # informs.  "We", "our" or the brand as the subject doing something still talk about the
        # sender; and in mail the brand is the From header's, whose lines pitch (2002 outbound
        # mail lost two labelled premature asks to it).
        by_brand = not mail and "sender" in here and all(h.key.endswith(":brand") and not _brand_subject(facts, h)
                                            for h in by_sent["sender"][i])
        if plain and not (here - ({"sender"} if by_brand else set())) & {
                "ask", "sender", "claim", "promotion", "acknowledgement", "question"} \
                and scope not in ("title", "heading") \
                and i not in by_sent.get("remark", {}) and ("pitch" not in here or i in chirpy) \
                and _words(facts, i) >= INFORMATION_WORDS:
            # Something said to the reader that is neither a pitch nor about the
            # sender; from the second such line on (one line is a headline, not
            # yet a gift), or after a value sentence.
            if plain_seen or gave:
                here.add("information")
                kept["information"].append(_sentence_hit(facts, i, "act:information"))
            plain_seen += 1
        gave = gave or "value" in here
        acts.append(frozenset(here))
    # Exclamation marks alone make a chirpy product email, not a pitch that
    # gives nothing: money, shouting and sales claims do.
    return Message(genre=genre, genre_from=genre_from, brand=tuple(brand), acts=acts, hits=kept, pitched=not plain,
                   page=page, sales_page=sales)


def ends_on_link(source_text: str) -> bool:
    """The draft's last line is a bare link, as a post that shares a page ends."""
    return bool(_LAST_LINE_LINK.search(source_text.rstrip()))


def shared_links(facts: Facts, source_text: str, source_format: str) -> list[Hit]:
    """A short post that ends on a bare link ("Access powerful Large Language
    Models in Galaxy easily" and the news post's address) points people at the
    sender's page: its last line of words is promotion, so the post is judged
    as the broadcast it is.  Read from the source, where the link still stands
    (Markdown drops a bare address from the prose).  Not in mail, where it is
    a friend's "check this out", nor on a longer page, where a closing link is
    a reference, nor under a notice's list ("v16.x - 2 medium severity
    issues"), nor under a post that links a change in the code (a pull
    request: a changelog entry, posted); only social copy was found to end
    this way (eval-modern)."""
    if source_format == "email" or facts.words > SHARE_WORDS or not ends_on_link(source_text) \
            or _CHANGE_LINK.search(source_text.rstrip()) \
            or sum(1 for line in source_text.splitlines() if line.strip()) > SHARE_LINES:
        return []
    said = [i for i, s in enumerate(facts.sentences)
            if re.search(r"[^\W\d_]{2}", re.sub(r"https?://\S+", "", _text(facts, i)))]
    return [_sentence_hit(facts, said[-1], "act:promotion")] if said else []


def _inside(pitch: list[Hit], spans: list[Hit]) -> bool:
    """Every pitch hit of a sentence lies inside one of `spans`: its asks (the ask words are in
    the pitch lists, so "Subscribe to our Newsletter" is both), or its value (a notice's "Your
    free trial has ended" names the trial it sold, it does not sell it again)."""
    return bool(spans) and all(any(a.seg == p.seg and a.start <= p.start and p.end <= a.end for a in spans)
                               for p in pitch)


def _offers(by_sent: dict, plain: bool, priced: bool = False) -> None:
    """An ask on the reader's terms is an offer: its sentence opens with a
    condition, or every ask in it is for something free.  Not in a pitch
    throughout, where "If you want to earn more, call now" and "Start your
    FREE trial" still push.  Moved from `ask` to `offer` before the acts are
    settled, so no rule counts it as an ask.
    `priced`: the draft is a price list (a pricing or plans page), whose every
    button is the reader's choice among the plans it lists, however its prices
    pitch ("Get Started" under each plan, "Upgrade anytime", "contact us" for an
    enterprise plan: four held-out pricing pages, sets R, AV and AY)."""
    offers = by_sent.setdefault("offer", {})
    asks = by_sent.get("ask", {})
    if priced:
        offers.update(asks)
        asks.clear()
    if not plain:
        return
    condition, free = by_sent.get("condition", {}), by_sent.get("free", {})
    for i in list(asks):
        frees = free.get(i, [])
        if i in condition or all(any(f.seg == a.seg and f.start <= a.start < f.end for f in frees)
                                 for a in asks[i]):
            offers[i] = asks.pop(i)


def act_hits(message: Message, names) -> list[Hit]:
    """The hits of these acts, in text order (what an `act:` block matches)."""
    return longest(h for a in names for h in message.hits.get(a, []))


_NUMBERED = re.compile(r"^[ \t>]*(?:[-*+][ \t]+)?\d{1,2}[.)][ \t]*$")


def _numbered_steps(facts: Facts, text: str) -> list[Hit]:
    """A Markdown ordered-list item is a how-to step: the front end keeps its
    words but not its number, which stands in the source just before them."""
    out = []
    first_sentence: dict[int, int] = {}
    for k, s in enumerate(facts.sentences):
        first_sentence.setdefault(s.seg, k)
    for seg_i, seg in enumerate(facts.segments):
        if seg.scope != "list" or seg_i not in first_sentence or not seg.src_starts:
            continue
        at = seg.src_starts[0]
        line_start = text.rfind("\n", 0, at) + 1
        if _NUMBERED.match(text[line_start:at]):
            out.append(_sentence_hit(facts, first_sentence[seg_i], "act:value:step"))
    return out


# The getting-started section of a README or a docs page, named in its heading.
# ("Try it (experimental)" over a post's section on how to try a feature, set L; not "Try it free")
# A button that still asks for the reader's word: "Send feedback" over a message form, "Say Hi 👋"
# over a community chat's link (set O).
_LISTENING_BUTTON = re.compile(r"(?i)feedback|\bsay hi\b|\breply\b")
# An invitation that asks for the reader's word, not for a meeting or a contact.
_FEEDBACK = re.compile(r"(?i)(?:let (?:us|me) know|tell (?:us|me)|share (?:your|any|what you|ideas|how you)|show us what you|what do you think|we(?:'d|’d| would) love "
                       r"(?:to hear|your)|(?:i|we)(?:'d|’d| would) love to hear|send (?:us )?your (?:feedback|thoughts|ideas)|"
                       r"reply here|hit reply|just reply|reply to this (?:e-?mail|message))")
_THEIR_WORD = re.compile(r"(?i)\b(?:feedback|thoughts|ideas|questions|suggestions|comments)\b|"
                         r"\bwhat you(?:['’]ve| have)? (?:built|made|created|learned)\b")
_SECTION_NAME = re.compile(r"(?i)\W*(?:get(?:ting)?[ -]started|quick[ -]?start|try it(?: out)?(?=\s*(?:\(|$)))\b")


# A sentence that tells the reader what to do next ("See the examples directory", "Check out the JS
# version", "Read how you can scale"): after a qualifying question, the question is its lead-in.
_IMPERATIVE = re.compile(
    r"(?i)\W*(?:see|check|read|follow|try|visit|learn|explore|discover|get|start|use|install|join|ask|sign|click|"
    r"head|go|find|watch|download|grab|take|track|build|deploy|connect|upgrade|switch|meet|come)\b")


def _imperative(facts: Facts, i: int) -> bool:
    return i < len(facts.sentences) and bool(_IMPERATIVE.match(_text(facts, i)))


def _text(facts: Facts, i: int) -> str:
    s = facts.sentences[i]
    return facts.segments[s.seg].text[s.start:s.end]


# A question that asks for a view or an answer, not a qualifier: a question
# word, or the sender asking about itself ("anything we could do").
_OPEN_QUESTION = re.compile(r"(?i)\b(?:what|which|how|why|where|when|who|whom|we|us|our)\b")
QUALIFIER_WORDS = 8


def _qualifier(facts: Facts, i: int) -> bool:
    """A short yes/no question sizing up the reader ("Using Acme in your
    organization?", "Looking for commercial hosting?"): a lead-in when an
    ask follows it."""
    s = facts.sentences[i]
    text = facts.segments[s.seg].text[s.start:s.end]
    return _words(facts, i) <= QUALIFIER_WORDS and not _OPEN_QUESTION.search(text)


def _line_heading(facts: Facts, i: int) -> bool:
    """A plain-text heading: a short paragraph of its own, with no stop, and
    more paragraphs after it ("Get started" over the section it names)."""
    return _button(facts, i) and _alone(facts, i) and i + 1 < len(facts.sentences)


def _button(facts: Facts, i: int) -> bool:
    """A line of at most three words with no stop: a button or a menu entry."""
    return _words(facts, i) <= 3 and _unstopped(facts, i)


def _unstopped(facts: Facts, i: int) -> bool:
    """No full stop, "!", "?" or colon ends the sentence: a label, not a sentence."""
    return not re.search(r"[.!?:]\W*$", _text(facts, i).strip())


def _words(facts: Facts, i: int) -> int:
    s = facts.sentences[i]
    # w.isalpha() first: most words are letters only; map() keeps the rest in C.
    return sum(1 for w in facts.segments[s.seg].text[s.start:s.end].split() if w.isalpha() or any(map(str.isalpha, w)))


# The way out of a prompt: the button beside the one the prompt wants pressed.
_DISMISS = re.compile(
    r"(?i)\W*(?:not now|not right now|maybe later|remind me later|ask me later|no,? thanks|no thank you|"
    r"dismiss|skip(?: for now)?|not interested|close|later)\W*")
BUTTON_WORDS = 8


def _prompt_buttons(facts: Facts) -> list[tuple[Hit, Hit]]:
    """A short line with a "Not now" or "Remind me later" line under it is the
    button a prompt wants pressed ("Stay private with Mozilla VPN", "Open my
    links with Firefox", "Go to Firefox Relay"): an ask, whatever its verb;
    the line under it is the prompt's way out (the `prompt` act).  Both lines
    stand alone, as an in-product message or a pop-up lays out its buttons."""
    out = []
    for i in range(len(facts.sentences) - 1):
        if _DISMISS.fullmatch(_text(facts, i + 1)) and _alone(facts, i) and _alone(facts, i + 1) \
                and _words(facts, i) <= BUTTON_WORDS and _unstopped(facts, i) \
                and not _DISMISS.fullmatch(_text(facts, i)):
            out.append((_sentence_hit(facts, i, "act:ask:button"), _sentence_hit(facts, i + 1, "act:prompt")))
    return out


ANSWER_WORDS = 8


def _answered_line(facts: Facts, i: int, by_sent: dict) -> bool:
    """A question on a line of its own that the next paragraph answers: an FAQ entry ("Do you offer
    discounts for startups?"), a section's lead ("Why choose us for your event?", "Is your data
    secure?"); the page asks itself, not the reader.  Not when the next lines invite the answer
    ("What would you change?" over "Hit reply and tell us"), nor at the draft's end."""
    if not _own_line(facts, i) or i + 1 >= len(facts.sentences):
        return False
    nxt = facts.sentences[i + 1]
    if nxt.question or not _starts_line(facts, i + 1):
        return False
    said = _text(facts, i + 1).strip()
    # the answer: a paragraph, a list of points, or a plain "Yes!" / "No," that opens one
    if _words(facts, i + 1) < ANSWER_WORDS and facts.segments[nxt.seg].scope != "list" \
            and not re.match(r"(?i)(?:yes|no)\b", said) and not re.match(r"[-*•·]\s", said):
        return False
    return not any(i + 1 in by_sent.get(act, {}) for act in ("invitation", "ask", "question"))


def _own_line(facts: Facts, i: int) -> bool:
    """The sentence is a whole line: nothing before it on its line, nothing after it."""
    s = facts.sentences[i]
    text = facts.segments[s.seg].text
    return _starts_line(facts, i) and not text[s.end:].split("\n", 1)[0].strip()


def _starts_line(facts: Facts, i: int) -> bool:
    s = facts.sentences[i]
    text = facts.segments[s.seg].text
    body = text[s.start:s.end]
    start = s.start + len(body) - len(body.lstrip())  # a sentence may carry the line break before it
    return not text[:start].rsplit("\n", 1)[-1].strip()


# The sales pages that list prices to choose from (genre.sales_page).
_PRICE_LISTS = frozenset({"pricing", "plans", "editions"})
# The words a page title wraps around its subject ("Become a member", "Join us today").
_PAGE_NAME_FILLER = frozenset({"a", "an", "the", "our", "your", "now", "today", "to", "us", "up", "become", "join",
                               "get", "sign", "start"})




def _page_name(facts: Facts, path: str) -> bool:
    """The draft's first line is the name its file or folder is given: at most four words, and
    every word of it but the ask's own ("become", "join") is a word of the path ("Become A Member"
    and become-a-member/_index.md)."""
    if not facts.sentences or not _alone(facts, 0) or _words(facts, 0) > 4:
        return False
    words = [w for w in re.findall(r"[a-z0-9]+", _text(facts, 0).lower()) if w not in _PAGE_NAME_FILLER]
    parts = set(re.findall(r"[a-z0-9]+", path.lower()))
    # (whole words only: "Become a Sponsor" over 01_sponsorship.mdx is a sponsor call's own ask)
    if bool(words) and all(w in parts for w in words):
        return True
    # ... or the page's own name, grown into a phrase: "Book a consulting session" over
    # consult/_index.md (two blind editors: the page's heading, set AJ), with the page's name a
    # word of at least five letters that a later word of the line starts with
    name = next((p for p in reversed(re.findall(r"[a-z0-9]+", re.sub(r"\.[a-z0-9]+$", "", path.lower())))
                 if p not in ("index", "readme", "page", "content", "src", "pages")), "")
    # (or the other way round for a folder's own page: "Become a member" over membership/index.md, a
    # foundation's page, set AF; not a card's "Become a Sponsor" over deadlines/01_sponsorship.mdx)
    folder = bool(re.search(r"(?i)(?:^|/)_?index\.[a-z0-9]+$", path))
    return len(name) >= 5 and not name.isdigit() and (
        any(w.startswith(name) for w in words[1:]) or folder and any(len(w) >= 5 and name.startswith(w) for w in words))


def _alone(facts: Facts, i: int) -> bool:
    """The sentence is its segment's whole text (a line of its own)."""
    s = facts.sentences[i]
    seg = facts.segments[s.seg]
    return not seg.text[:s.start].strip() and not seg.text[s.end:].strip()


def _sentence_hit(facts: Facts, i: int, key: str) -> Hit:
    s = facts.sentences[i]
    text = facts.segments[s.seg].text[s.start:s.end]
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    return Hit(key, s.seg, s.start + lead, s.start + lead + len(body), i, body)


def admit_brand(facts: Facts, brand: tuple) -> None:
    """A sense test that asks for the sender (`when: {sentence: {brand:
    true}}`) is met, too, by a sentence naming the brand the draft was found
    to call itself ("CrewAI unlocks ... the best-in-class combination"): the
    hits that waited for it (facts.BRAND_WAIT) join their block's hits.
    Idempotent, so a memoised Facts can be read again."""
    waiting = [key for key in facts.hits if key.endswith(BRAND_WAIT)]
    if not waiting or not brand:
        return
    named = {h.sent for h in _brand_hits(facts, brand)}
    for key in waiting:
        back = [h for h in facts.hits[key] if h.sent in named]
        if back:
            owner = key[: -len(BRAND_WAIT)]
            facts.hits[owner] = longest(facts.of(owner) + back)


def _brand_subject(facts: Facts, h: Hit) -> bool:
    """The brand opens its sentence as the one acting ("Ubuntu has …", "Acme helps …"); not one
    that says what the offer is ("Convex is the backend platform with everything you need …")."""
    s = facts.sentences[h.sent]
    text = facts.segments[h.seg].text
    return not text[s.start:h.start].strip(" \t*>#-•·\"'“") and not re.match(r"\s+(?:is|are)\s+(?:a|an|the)\b",
                                                                           text[h.end:s.end])


# What a brand names when it stands before one of these (a product's parts, places and people
# it gathers): "the Convex CLI", "Convex TypeScript/JavaScript clients", "the Acme Discord".
_THING_AFTER = re.compile(
    r"\s+(?:[A-Z][\w/.+#-]*\s+){0,2}?(?i:cli|sdks?|apis?|platform|dashboard|apps?|cloud|docs|documentation|demos?|"
    r"examples?|templates?|community|discord|slack|forums?|clients?|librar(?:y|ies)|plugins?|extensions?|"
    r"integrations?|servers?|repository|repo|components?|packages?)\b")


def _names_a_thing(facts: Facts, h: Hit) -> bool:
    """A found brand (act:sender:brand) used as the name of one of its
    things, not as the sender speaking of itself."""
    if not h.key.endswith(":brand"):
        return False
    return bool(_THING_AFTER.match(facts.segments[h.seg].text, h.end))


# Where the reader finds help: "our FAQ", "our community forum", "our help center".
_HELP_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?i:faqs?|forums?|community\s+forums?|docs|documentation|help\s+cent(?:er|re)|"
                         r"help\s*desk|knowledge\s+base|guides?|tutorials?|support\s+team)\b")


def _points_to_help(facts: Facts, h: Hit) -> bool:
    """"Visit our FAQ, our community forum …" (an association's welcome page): the sender's
    "our" pointing the reader to help, not the sender talking about itself (TL201's count)."""
    return h.text.lower() == "our" and bool(_HELP_AFTER.match(facts.segments[h.seg].text, h.end))


# A paragraph that is one quotation from end to end (a README's wall of users' opinions, each
# signed on the line below): someone else's words, not the sender talking about itself.
_QUOTED_PARAGRAPH = re.compile(r'\A\s*["“][^"”]{40,1500}["”]\s*\Z')


def _quoted_paragraph(facts: Facts, h: Hit) -> bool:
    """A sender word ("We adopted the FastAPI library …", "I'm using FastAPI a ton") inside a
    quoted paragraph: the sentence keeps its acts, but the word is a user's, so it is not
    counted as the sender talking (TL201's count, the scorecard's)."""
    return bool(_QUOTED_PARAGRAPH.match(facts.segments[h.seg].text))


_EVENT_NAME = re.compile(r"(?-i:[a-z]Con\b|[A-Z]con\b|CON\b)|(?i:\b(?:conf|conference|summit|fest|festival|camp|days)\b)")


def _brand_hits(facts: Facts, brand: tuple) -> list[Hit]:
    """The brand's names, whole words, case as written (a found brand is a
    capitalised name: "Relay", not "relay the message")."""
    names = sorted({b for b in brand if b}, key=len, reverse=True)
    if not names:
        return []
    rx = re.compile(r"(?<![\w@.])(?:" + "|".join(re.escape(b) for b in names) + r")(?![\w@])")
    starts: dict[int, list[int]] = {}
    for k, s in enumerate(facts.sentences):
        starts.setdefault(s.seg, []).append(k)
    out = []
    for seg_i, seg in enumerate(facts.segments):
        sents = starts.get(seg_i)
        if not sents:
            continue
        firsts = [facts.sentences[k].start for k in sents]
        for m in rx.finditer(seg.text):
            k = sents[max(bisect_right(firsts, m.start()) - 1, 0)]
            out.append(Hit("act:sender:brand", seg_i, m.start(), m.end(), k, m.group(0)))
    return out
