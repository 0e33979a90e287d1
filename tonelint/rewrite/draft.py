"""One draft as the rewriters read it: its sentences with their source spans,
what the matchers found in each (asks, value, questions, sender talk), and the
draft's own words a rewrite can quote — the product it names, the reader's
and the sender's names, the offer and its deadline, a contact address.

Built once per checked file from the Facts the rules already produced, so a
rewrite costs no second pass over the text with spaCy."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from ..engine.genre import email_headers
from . import form, grammar

_DATE_IN_NAME = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d", re.I)
# Technical terms written in capitals that name a kind of thing, not a product.
# the local part of a press desk's address (press@, media@, pr@)
PRESS_DESK = "press|media|pr"
# what follows a street's or a town's name in a postal address: " Rd.", ", FL 33460"
_POSTAL = re.compile(r"\s+(?:Rd|Road|St|Street|Ave|Avenue|Blvd|Boulevard|Dr|Drive|Ln|Lane|Hwy|Highway)\b\.?"
                     r"|,?\s*[A-Z]{2}\.?\s+\d{5}\b")
# Where a draft points its readers, not what it is about (unless the draft is that platform's own).
_PLATFORMS = frozenset({"linkedin", "twitter", "x", "github", "gitlab", "discord", "slack", "youtube", "facebook",
                        "instagram", "mastodon", "bluesky", "reddit", "tiktok", "whatsapp", "telegram", "medium",
                        "substack", "meetup", "eventbrite", "zoom", "google", "apple", "microsoft"})
# A person's role, written before their name ("Community Manager, Priya Raman").
_ROLE = r"(?:Manager|Director|Engineer|Developer|Advocate|Lead|Head|CEO|CTO|COO|CFO|Founder|Co-founder|Chair|" \
        r"President|Officer|Coordinator|Fellow|Intern|Designer|Maintainer|Editor|Leader)"
_GENERIC_TERMS = frozenset({"api", "apis", "sdk", "sdks", "cli", "ui", "ux", "url", "urls", "dns", "ai", "ml", "llm",
                            "llms", "seo", "crm", "saas", "faq", "pdf", "csv", "json", "html", "css", "http", "https",
                            "ssl", "tls", "vpn", "cdn", "sso", "rss", "sms", "os", "pos", "pow", "nft", "nfts", "dao",
                            "defi", "ide", "orm", "b2b", "b2c",
                            # goods, not brands ("What would you use DVD for first?": a blind editor)
                            "dvd", "dvds", "cd", "cds", "pc", "pcs", "tv", "usb", "mp3", "gps", "isp", "ppc"})
_NOT_NAMES = {
    "i", "we", "our", "us", "you", "your", "the", "a", "an", "this", "that", "these", "those", "it", "its", "hi",
    "hello", "hey", "dear", "thanks", "thank", "cheers", "best", "regards", "today", "tomorrow", "yesterday",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "if", "when",
    "what", "why", "how", "who", "where", "which", "and", "or", "but", "so", "for", "in", "on", "at", "to",
    "with", "from", "by", "of", "as", "all", "new", "free", "now", "get", "buy", "sign", "click", "here", "there",
    "my", "me", "he", "she", "they", "them", "his", "her", "their", "p.s", "ps", "re", "fwd", "subject", "no",
    "yes", "not", "do", "don't", "is", "are", "be", "just", "please", "one", "more", "big", "news", "welcome",
    "congrats", "congratulations", "big", "introducing", "announcing", "update", "email", "mr", "mrs", "ms",
    "dr", "inc", "ltd", "llc", "http", "https", "www", "com", "save", "shop", "order", "join", "start", "try",
    "learn", "read", "see", "follow", "like", "share", "book", "call", "visit", "act", "hurry", "limited",
    "offer", "sale", "off", "every", "each", "any", "some", "most", "best", "first", "last", "next", "week",
}
_ROLES = {"user", "users", "customer", "customers", "member", "members", "subscriber", "subscribers", "friend",
          "friends", "sir", "madam", "homeowner", "client", "valued", "account", "holder", "shopper", "reader",
          "readers", "recipient", "undisclosed", "webmaster", "admin", "team", "all", "everyone", "business",
          "owner", "colleague", "partner", "investor", "list", "internet", "email", "e-mail"}
_NAME = re.compile(r"\b([A-Z][A-Za-z0-9]*(?:[A-Z][a-z0-9]+)*(?:['’]s(?=[ ][A-Z]))?(?:\.(?:com|net|org|io|co|ai|app)\b)?"
                   r"(?:[ ][A-Z][A-Za-z0-9]+){0,2}(?:[ ]\d+(?:\.\d+)*)?)(?!\w|\.\w)")
_WORD_RUN = re.compile(r"\w+")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# A currency's code is no product ("EUR", "USD" on a price list)
_CURRENCY = re.compile(r"USD|EUR|GBP|CHF|JPY|CAD|AUD|BTC|XMR|ETH|Euros?|Dollars?")
_URL = re.compile(r"(?:https?://|www\.)[^\s)\]>\"']+")
_OFFER = re.compile(r"\b\d{1,3}\s?%\s?off\b|\bsave \d{1,3}\s?%|\bfree shipping\b|\bhalf price\b", re.I)
_DEADLINE = re.compile(
    r"\b(?:until|till|through|before|by|ends?(?: on)?|expires?(?: on)?)\s+"
    r"(?:(?:this|next)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|midnight|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|"
    r"the end of (?:the )?(?:month|week|year|day)|\d{1,2}/\d{1,2}(?:/\d{2,4})?)\b", re.I)
_CLAUSE_BREAK = re.compile(r"\s[-–—•*]\s|;\s|\n\s*(?:[-–—•*]\s)?")
# Button and menu verbs a draft writes with a capital at a line's start.
_VERBS = {"upgrade", "download", "install", "register", "subscribe", "donate", "create", "upload", "share",
          "invite", "protect", "access", "connect", "manage", "explore", "discover", "contact", "support",
          "pricing", "features", "login", "signup", "checkout", "continue", "submit", "apply", "renew", "manual"}
_RULE_LINE = re.compile(r"^[ \t]*(?:--|[-_=~*]{5,}|--\S.*\S--)[ \t]*$", re.M)
_LIST_FOOTER = re.compile(r"mailing list|listinfo|unsubscribe|sponsored by|list-?(?:admin|request)|to remove|"
                          r"opt[- ]?out|@lists\.|this (?:e-?mail|message) was sent", re.I)
_ERRAND = re.compile(r"(?:sponsors?|sponsorship|press|media|pr|sales|legal|privacy|abuse|security|billing|"
                    r"accounts?|jobs|careers|hr|unsubscribe|remove|optout|dmca|copyright|partners?|invest\w*|ir)\b",
                    re.I)
_PLACEHOLDER = re.compile(r"\{\{|\[\w|%\w|\$\{")
# a line that is one name and nothing else (a logo in a wall of them)
_ONE_NAME = re.compile(r"[A-Z][\w.-]*")
# a sign-off's closing line ("All the best,"): what follows is who signs (unless a P.S. follows)
_SIGNED = re.compile(r"^[ \t]*(?:all the best|best(?: wishes| regards)?|cheers|thanks|many thanks|(?:kind |warm )?regards|"
                     r"sincerely|yours(?: sincerely| truly)?|warmly|talk soon)[ \t]*,?[ \t]*$", re.I | re.M)


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str  # as the reader sees it, trimmed
    start: int  # source span of the trimmed sentence
    end: int
    scope: str
    writable: bool  # the source holds exactly `text` there, so a fix may replace it
    seg: int
    seg_start: int  # segment offsets (trimmed)
    seg_end: int


class Draft:
    def __init__(self, text: str, facts, *, meta: dict | None = None, fmt: str = "markdown",
                 channel: str | None = None, measures: dict | None = None, brand: tuple = (),
                 about: bool = False) -> None:
        self.text = text
        self.facts = facts
        self.meta = meta or {}
        self.fmt = fmt
        self.measures = measures or {}
        self.brand = tuple(brand)
        self.channel = form.channel_of(channel, fmt, self.meta, self.prose, text)
        # a landing page has no comment section: its reader writes to an address
        self.page = (channel or self.meta.get("channel") or "").lower() in ("landing-page", "landing")
        # The message model (engine/acts.py, engine/genre.py): the genre, the
        # brand and each sentence's acts.  A Facts without one (a caller that
        # scanned by hand) falls back to the matchers' measure tags.
        self.message = getattr(facts, "message", None)
        genre = getattr(self.message, "genre", None)
        self.occasion = form.occasion_of(self.prose, genre)
        # (an About page by its heading, or by its file's name: who-we-are.md, set AC)
        if (about or self.message is not None and self.message.sentences("profile")) \
                and self.occasion not in ("transactional", "appeal", "outage"):
            self.occasion = "profile"  # an About page: the sender presenting itself, not news

    # -- sentences ---------------------------------------------------------
    @cached_property
    def sentences(self) -> list[Sentence]:
        out = []
        facts = self.facts
        for i, s in enumerate(facts.sentences):
            seg = facts.segments[s.seg]
            raw = seg.text[s.start:s.end]
            lead = len(raw) - len(raw.lstrip())
            body = raw.strip()
            a, b = s.start + lead, s.start + lead + len(body)
            start, end = seg.to_source(a), seg.to_source(b, end=True) if body else seg.to_source(a)
            writable = bool(body) and seg.is_verbatim(a, b) and self.text[start:end] == body
            out.append(Sentence(i, body, start, end, seg.scope, writable, s.seg, a, b))
        return out

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_of(self, finding) -> Sentence | None:
        """The sentence a finding sits in: the one its hit was found in, else
        the one its source offset falls in."""
        i = getattr(finding, "sentence", None)
        if i is not None and 0 <= i < len(self.sentences):
            return self.sentences[i]
        return self.sentence_at(finding.start)

    def clause(self, sentence: Sentence, a: int, b: int, limit: int = 45) -> Sentence:
        """A "sentence" the splitter ran together from lines with no full stop
        between them (a button, a nav label, the next line) narrowed to the
        line that holds text[a:b]; a long one (a list run together, a table
        row) to the piece between list separators."""
        breaks = [m for m in grammar.HARD_BREAK.finditer(sentence.text)]
        if breaks:
            starts = [0] + [m.end() for m in breaks]
            ends = [m.start() for m in breaks] + [len(sentence.text)]
            i = max(k for k, st in enumerate(starts) if st <= a)
            if sentence.text[starts[i]:ends[i]].rstrip().endswith(":"):
                return sentence  # a list's "…to:" line keeps its list
            if b <= ends[i] and grammar.WORD.search(sentence.text[starts[i]:ends[i]]):
                return self._piece(sentence, starts[i], ends[i])
            return sentence
        if len(sentence.text.split()) <= limit:
            return sentence
        cuts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(sentence.text)] + [len(sentence.text) + 1]
        lo = max(c for c in cuts if c <= a)
        hi = min(c for c in cuts if c > a)
        hi = min(hi, len(sentence.text))
        if b > hi or not sentence.text[lo:hi].strip():
            return sentence
        return self._piece(sentence, lo, hi)

    def _piece(self, sentence: Sentence, lo: int, hi: int) -> Sentence:
        """sentence.text[lo:hi], trimmed, as a Sentence with its own spans."""
        piece = sentence.text[lo:hi]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        lo += lead
        hi = lo + len(piece)
        piece = re.sub(r"\s*[-–—•;*]+$", "", piece)
        hi = lo + len(piece)
        seg = self.facts.segments[sentence.seg]
        sa, sb = sentence.seg_start + lo, sentence.seg_start + hi
        start, end = seg.to_source(sa), seg.to_source(sb, end=True)
        writable = seg.is_verbatim(sa, sb) and self.text[start:end] == piece
        return Sentence(sentence.index, piece, start, end, sentence.scope, writable, sentence.seg, sa, sb)

    def sentence_at(self, offset: int) -> Sentence | None:
        if not self.sentences:
            return None
        i = max(bisect_right(self._starts, offset) - 1, 0)
        # A finding can start inside markup just before the sentence's first word.
        for j in (i, i + 1):
            if j < len(self.sentences) and self.sentences[j].start - 4 <= offset < self.sentences[j].end:
                return self.sentences[j]
        return None

    def source_span(self, sentence: Sentence, a: int, b: int) -> tuple[int, int] | None:
        """The source span of sentence.text[a:b] when a fix may be written
        there (a verbatim run), else None."""
        seg = self.facts.segments[sentence.seg]
        sa, sb = sentence.seg_start + a, sentence.seg_start + b
        if b <= a or not seg.is_verbatim(sa, sb):
            return None
        start, end = seg.to_source(sa), seg.to_source(sb, end=True)
        if self.text[start:end] != sentence.text[a:b]:
            return None
        return start, end

    @cached_property
    def prose(self) -> str:
        return "\n".join(seg.text for seg in self.facts.segments)

    @cached_property
    def body(self) -> list[Sentence]:
        """The message's sentences: not the subject line, and not the
        boilerplate under a "--" signature line or a rule (a mailing list's
        footer, a sponsor's banner)."""
        body = [s for s in self.sentences if s.scope != "title" and s.text]
        message = [s for s in body if s.start < self.footer_start]
        return message or body

    @cached_property
    def footer_start(self) -> int:
        """Where the boilerplate under the message starts (the end of the
        text when there is none): from the last rule line up, each short
        block under a rule that is a list footer, a sponsor line, a
        signature or empty."""
        cut = len(self.text)
        for m in reversed(list(_RULE_LINE.finditer(self.text))):
            tail = self.text[m.end():cut]
            lines = [line for line in tail.splitlines() if line.strip()]
            if len(lines) <= 8 and (m.group(0).strip() == "--" or not lines or _LIST_FOOTER.search(tail)):
                cut = m.start()
            else:
                break
        return cut

    @cached_property
    def content(self) -> list[Sentence]:
        """Body sentences that say something: not a bare link, hashtags or a
        one-word label."""
        return [s for s in self.body
                if len(re.sub(r"(?:https?://|www\.)\S+|(?<!\w)[#@]\w+", " ", s.text).split()) >= 3]

    @cached_property
    def subject(self) -> Sentence | None:
        return next((s for s in self.sentences if s.scope == "title" and s.text), None)

    # -- what the matchers found -------------------------------------------
    def sentences_with(self, measure: str) -> list[int]:
        """Indexes of sentences doing this act (value, ask, question, …)."""
        if self.message is not None and getattr(self.message, "acts", None):
            return self.message.sentences(measure)
        found = set()
        for key, hits in self.facts.hits.items():
            if self.measures.get(key) == measure:
                found.update(h.sent for h in hits)
        return sorted(found)

    @cached_property
    def value_sentences(self) -> list[Sentence]:
        return [self.sentences[i] for i in self.sentences_with("value") if self.sentences[i].scope != "title"]

    def given_by(self, rule: str) -> list[Sentence]:
        """The sentences a rule's own `before:` block counts as given (TL401's
        "the first value comes in sentence 6" names one of these)."""
        found = {h.sent for h in self.facts.hits.get(f"{rule}:before", ())}
        return [self.sentences[i] for i in sorted(found) if self.sentences[i].scope != "title"]

    def asks_in(self, index: int) -> list[str]:
        """The ask phrases the matchers found in one sentence, in order."""
        found = {}
        for key, hits in self.facts.hits.items():
            if self.measures.get(key) == "ask":
                for h in hits:
                    if h.sent == index:
                        found.setdefault(h.start, " ".join(h.text.split()))
        return [found[k] for k in sorted(found)]

    @cached_property
    def ask_sentences(self) -> set:
        return set(self.sentences_with("ask"))

    # -- the draft's own words ---------------------------------------------
    @cached_property
    def names(self) -> dict:
        """lower-case word -> the draft's own spelling, for words it writes with a
        capital inside a sentence (names), used to undo shouting."""
        out: dict = {}
        for s in self.sentences:
            caps = [w for w in s.text.split() if w[:1].isalpha()]
            if len(caps) >= 3 and sum(w[:1].isupper() for w in caps) > 0.5 * len(caps):
                continue  # a Title Case line ("Work at Home Reps Needed") names nothing
            for m in re.finditer(r"(?<=[a-z,;] )([A-Z][a-z]+[A-Za-z0-9]*)", s.text):
                low = m.group(1).lower()
                if low not in _NOT_NAMES and not grammar.is_common(low):
                    out.setdefault(low, m.group(1))
        # A word the draft also writes in lower case is no name ("Computer
        # Virus" in a title-case heading, "a computer" in the text).
        lower = set(re.findall(r"\b[a-z][a-z]+\b", self.prose))
        return {k: v for k, v in out.items() if k not in lower}

    @cached_property
    def product(self) -> str | None:
        """The name the draft talks about most: a brand given on the command
        line, else a capitalised name used twice or in the subject line."""
        for b in self.brand:
            if b and b.lower() in self.prose.lower():
                return b
        named = self._named()
        if named and not self.plausible(named[0]):
            named = None  # "Expires July 27" in a subject line: a label, not the thing
        if named and named[1]:
            return named[0]  # the subject line names it
        return self._brand or (named[0] if named else None)

    @cached_property
    def _brand(self) -> str | None:
        """The sender's own name as the message model found it."""
        # (named in the words, not only in an address: "www.Insurancemail.net" in an opt-out footer
        # is where the list is run from, not what the draft sells: a blind editor)
        words = _URL.sub(" ", _EMAIL.sub(" ", self.prose)).lower()
        for b in getattr(self.message, "brand", ()) or ():
            if b and len(b) > 2 and b.lower() in words and self.plausible(b) and not self.person(b):
                return b
        return None

    def plausible(self, name: str) -> bool:
        """A name a rewrite may put in the reader's mouth: not a plain word the
        draft also writes in lower case ("Community", "Manual"), not a run
        of repeated text, and not only ever named as someone the sender works
        "with" (a partner, not what the draft is about)."""
        if re.search(r"X{2,}", name):
            return False  # a template's placeholder ("XXK", "$XX"), not a name
        if _CURRENCY.fullmatch(name):
            return False  # "EUR" on a sponsor page's price list ("cover at EUR", two blind editors)
        if re.search(r"(?:\$?\{\{?\s*)" + re.escape(name) + r"\b|\b" + re.escape(name) + r"\.[A-Z]\w*\.", self.prose) \
                and not re.search(r"(?<![\w{.$])" + re.escape(name) + r"\b(?!\.[A-Z])", self.prose):
            return False  # only ever code in a template's placeholder ("{PlausibleWeb.AuthView…}")
        low = name.lower()
        if " " not in name and (low in self.lower_words or low in _VERBS
                                or low + "s" in self.lower_words or low.endswith("s") and low[:-1] in self.lower_words):
            return False  # "Freedom" on a page about "your freedoms": a plain word, capitalised
        if len(name) > 24 and " " not in name or re.search(r"(\w{3,})\1", name):
            return False
        uses = [m.start() for m in re.finditer(re.escape(name), self.prose)]
        first = name.split()[0].lower()
        if first in _VERBS or first in ("expires", "expire", "ends", "ending", "deadline") or _DATE_IN_NAME.search(name):
            return False  # "Expires July 27", "Order Now": a label or a date, not the thing
        if name.lower() in ("document title", "untitled", "untitled document", "page title"):
            return False  # an HTML editor's placeholder <title>, not a name
        if name in ("ADV", "AD", "ADVERTISEMENT"):
            return False  # the advertisement tag a subject line must carry ("ADV: …"), not a product
        if re.search(r"(?:^|\s)[A-Z][A-Z0-9]*[0-9A-Z]s$", name):
            return False  # "Traditional L1s", "LLMs": a plural of a kind of thing, not a name (a blind editor)
        if name.lower() in _GENERIC_TERMS:
            return False  # "What would you most like to know about API?": a kind of thing, not a name
        postal = sum(1 for u in uses if _POSTAL.match(self.prose, u + len(name)))
        if postal and 2 * postal >= len(uses):
            return False  # "Lake Worth Rd. #227, Lake Worth, FL 33467": a street and a town in an address
        if uses and all(u and self.prose[u - 1] in "#@" for u in uses):
            return False  # only ever a hashtag or a handle ("#RaceToZero"): a campaign, not the thing
        if uses and self._signed is not None and min(uses) >= self._signed:
            return False  # only ever under "All the best,": who signs and their phone box, not the thing
        # a tool the reader plugs the product into ("into your Slack workspace", "the Slack RSS app"),
        # or one logo in a wall of them ("Fortnox / Xero / QuickBooks", a line each): not what the
        # draft is about (two blind editors: "What would you most like to know about Slack?")
        tool = [u for u in uses if re.search(r"\b(?:(?:into|to|with|from|via)\s+(?:your\s+|the\s+)?|in\s+your\s+)$",
                                              self.prose[max(u - 12, 0):u], re.I)
                or re.match(r"\s+(?:workspaces?|channels?|integrations?|apps?|RSS|accounts?)\b",
                            self.prose[u + len(name):])]
        if uses and 2 * len(tool) > len(uses):
            return False
        if uses and all(self._logo(u, name) for u in uses):
            return False
        if low in _PLATFORMS and not any(low == b.lower() for b in self.brand):
            return False  # "What would you most like to know about LinkedIn?" on a contact page (set AR)
        if self.person(name):
            return False  # a new hire or a contributor ("about Brentley Jones", "people who use Marcel", set AS)
        if uses and " " in name and all(self._whole_line(u, name) for u in uses) and name.istitle():
            return False  # only ever a heading or a link's label ("Photo Gallery", set AR)
        # an investor in a funding post ("led by Unusual Ventures", "with participation from …"): not
        # what the draft sells (two blind editors: "about Unusual Ventures", "the people who use
        # Unusual Ventures")
        investor = [u for u in uses if re.search(r"\b(?:led by|co-led by|participation (?:from|of)|backed by|investors?"
                                                 r"(?: including| like| such as)?|from|and|support (?:of|from))\s+(?:the\s+)?$",
                                                 self.prose[max(u - 30, 0):u], re.I)
                    and re.search(r"\b(?:ventures|capital|partners|vc|fund|investors?|seed|series [a-f]|round)\b",
                                  self.prose[max(u - 200, 0):u + len(name) + 40], re.I)]
        if uses and len(investor) == len(uses):
            return False
        # a funder of the work ("the support offered by OSTIF and STA", "funded by the Sovereign Tech
        # Agency"): thanked, not what the draft is about (two blind editors, a security audit, set AW)
        funder = [u for u in uses if re.search(r"\b(?:offered by|funded by|supported by|sponsored by|paid for by|"
                                               r"grant from|funding from|thanks to)\s+(?:the\s+)?(?:[\w-]+\s+(?:and|&)\s+)?$",
                                               self.prose[max(u - 40, 0):u], re.I)]
        if uses and 2 * len(funder) >= len(uses):
            return False
        if " " not in name and not re.search(r"[A-Z].*[A-Z]|\d", name) and grammar.is_common(low):
            return False  # "What would you use Cost for first?": a heading's plain word (set AV)
        # the donor in a gift's headline ("Microsoft donates $10,000 to ESLint"): the giver, not what the
        # draft is about, however often it is thanked (two blind editors, set V)
        if re.search(rf"\b{re.escape(name)}\s+(?:has\s+)?(?:donat\w+|gives|gave|grants?|granted|sponsors?|sponsored|"
                     rf"pledges?|pledged)\b[^\n]*?\bto\s+(?:the\s+)?[A-Z]", grammar.first_line(self.prose)):
            return False
        partner = [u for u in uses if re.search(r"\bwith\s+(?:the\s+)?$", self.prose[max(u - 10, 0):u], re.I)]
        return not uses or len(partner) < len(uses)

    @cached_property
    def _signed(self) -> int | None:
        """Where the sign-off's closing line ("All the best,") ends, when no P.S. follows it."""
        closing = [m.end() for m in _SIGNED.finditer(self.prose)]
        if not closing or re.search(r"(?m)^\s*P\.?\s?S\b", self.prose[closing[-1]:]):
            return None
        return closing[-1]

    @cached_property
    def _lines(self) -> tuple[list[str], list[int]]:
        """The prose's lines and where each starts (split once: plausible() asks per name)."""
        lines = self.prose.split("\n")
        starts, at = [], 0
        for line in lines:
            starts.append(at)
            at += len(line) + 1
        return lines, starts

    def _logo(self, at: int, name: str) -> bool:
        """The name at `at` is a line on its own, next to another line that is one name."""
        lines, starts = self._lines
        row = bisect_right(starts, at) - 1
        if lines[row].strip() != name:
            return False
        near = [lines[i].strip() for i in (row - 1, row + 1) if 0 <= i < len(lines)]
        return any(_ONE_NAME.fullmatch(x) for x in near)

    def _named(self) -> tuple[str, bool] | None:
        """(the name the draft uses most, whether its subject line names it)."""
        counts: Counter = Counter()
        in_subject: set = set()
        for s in self.sentences:
            caps = [w for w in s.text.split() if w[:1].isalpha()]
            if len(caps) >= 3 and sum(w[:1].isupper() for w in caps) > 0.6 * len(caps):
                continue  # Title Case Or Shouting: every word looks like a name
            # an address's local part ("RickBellrist@…") is no name
            text = re.sub(r"(?<!\w)[#@]\w+", " ", _URL.sub(" ", _EMAIL.sub(" ", s.text)))
            for m in _NAME.finditer(text):
                name = m.group(1).strip()
                if text[max(m.start() - 1, 0):m.start()] == "[":
                    continue  # a mailing list's tag ("[ILUG]")
                start = m.start()
                words = name.split()
                if re.search(r"['’]s?\s*$", text[:m.start()]) or re.search(r"['’]$", text[:m.start()]):
                    continue  # the tail of "Let's Encrypt"
                while words and (words[0].lower() in _NOT_NAMES or grammar.is_common(words[0])):  # "Introducing Planwise 3.0"
                    start += len(words[0]) + 1
                    words = words[1:]
                if not words or words[0][:1].isdigit():
                    continue
                name = " ".join(words)
                if len(name) < 3 or name.isupper() and (len(name) > 5 or not grammar.is_acronym(name)):
                    continue
                if " " not in name and name.lower() in self.lower_words:
                    continue  # "Community", "Manual": the draft also writes it as a plain word
                if " " not in name and not re.search(r"[A-Z].*[A-Z]|\d", name):
                    # One plain capitalised word ("Register", "Toners") is a
                    # name only when the draft writes it that way mid-sentence
                    # at least twice and it is no everyday word.
                    if self._inside_count(name) < 2 or grammar.is_common(name) or self._embedded(name):
                        continue
                counts[name] += 1
                if s.scope == "title":
                    in_subject.add(name)
        if not counts:
            return None
        ranked = sorted(counts, key=lambda n: (n in in_subject, counts[n], len(n)), reverse=True)
        best = ranked[0]
        # A name with a version or an inner capital (Planwise 3.0, PostHog)
        # is a product even when named once.
        marked = re.search(r"\d|[a-z][A-Z]", best) is not None and not re.search(r"\b(?:Fortune|Top|Inc)\b", best)
        if not self.plausible(best) and best not in in_subject:
            return None
        if counts[best] >= 2 or best in in_subject or marked:
            return best, best in in_subject
        return None

    def person(self, name: str) -> bool:
        """The name is a person's: welcomed, hired, given a role, or called she/he."""
        if len(name.split()) > 3 or re.search(r"[a-z][A-Z]|\d", name):
            return False  # "BuildBuddy", "Planwise 3.0": a product's shape, not a person's
        n = re.escape(name)
        # (an investor too: "our $5.5m seed round led by Dan Levine at Accel", set BF)
        return bool(re.search(rf"\b(?:welcom(?:e|es|ed|ing)|hired|appointed|meet|joined by|thanks? to|congrat\w*|led by|backed by)\s+"
                              rf"(?:(?:our|the|a|an|new)\s+)?(?:[\w-]+\s+){{0,5}}?{n}\b", self.prose)
                    or re.search(rf"\b{n}(?:\s+[A-Z][a-z]+)?\s+(?:joins|joined|is joining|will join|wrote|writes|said|says)\b",
                                 self.prose)
                    or re.search(rf"\b{_ROLE}s?,?\s+{n}\b", self.prose)
                    or re.search(rf"\b{n}\b[^.!?]{{0,80}}\b(?:she|he|her|his|him)\b", self.prose))

    def _embedded(self, name: str) -> bool:
        """Every use of the one word sits inside a longer capitalised name ("Rule of Law", "Data
        Science Without Borders", three questions about "Law" and "Science", two blind editors, sets
        BD and BF): the longer name is the thing, the word alone is not."""
        for m in re.finditer(rf"\b{re.escape(name)}\b", self.prose):
            before, after = self.prose[:m.start()], self.prose[m.end():]
            prev = re.search(r"([A-Z][\w'’&-]*)\s+(?:(?:of|the|and|for|de)\s+)?$", before)
            mid = prev is not None and not re.search(r"(?:^|[.!?:]\s+|\n\s*)$", before[:prev.start()])
            if not mid and not re.match(r"\s+(?:(?:of|and|for)\s+)?[A-Z][a-z]", after):
                return False
        return True

    def _whole_line(self, at: int, name: str) -> bool:
        """The name at `at` is a line of its own (a heading, a menu item, a link's label)."""
        start = self.prose.rfind("\n", 0, at) + 1
        stop = self.prose.find("\n", at)
        return not self.prose[start:stop if stop >= 0 else len(self.prose)].replace(name, "").strip(" \t#*-|:>")

    def _inside_count(self, name: str) -> int:
        """How often the prose writes `name` mid-sentence: after a lower-case
        letter or a comma and a space, followed by a word boundary.  Asked for
        every capitalised word of every sentence, so the whole prose is not
        searched each time: a name that is one run of word characters is
        counted from one pass over the prose (such a name is found exactly
        where the run of word characters there is the name); others are
        searched for once each."""
        if _WORD_RUN.fullmatch(name):
            return self._inside_runs[name]
        found = self._inside_other.get(name)
        if found is None:
            found = self._inside_other[name] = len(re.findall(r"(?<=[a-z,] )" + re.escape(name) + r"\b", self.prose))
        return found

    @cached_property
    def _inside_runs(self) -> Counter:
        return Counter(re.findall(r"(?<=[a-z,] )\w+", self.prose))

    @cached_property
    def _inside_other(self) -> dict:
        return {}

    @cached_property
    def lower_words(self) -> frozenset:
        return frozenset(re.findall(r"(?<![\w@.#])[a-z][a-z-]+\b", _EMAIL.sub(" ", _URL.sub(" ", self.prose))))

    @cached_property
    def headers(self) -> dict:
        """The message's headers, read as the message model reads them."""
        return email_headers(self.text, self.fmt)

    @cached_property
    def reader_name(self) -> str | None:
        """The reader's first name, from the To header or a "Hi Sam," greeting."""
        to = self.headers.get("to", "")
        m = re.match(r"\"?([A-Z][a-z]+)[\s\"]", to)
        if m and m.group(1).lower() not in _ROLES:
            return m.group(1)
        first = self.body[0].text if self.body else ""
        m = re.match(r"(?:Hi|Hello|Hey|Dear)\s+([A-Z][a-z]+)\b", first)
        if m and m.group(1).lower() not in _NOT_NAMES | _ROLES:
            return m.group(1)
        return None

    @cached_property
    def sender_name(self) -> str | None:
        """From the From header, else the name under a sign-off ("Best, Jon")."""
        frm = self.headers.get("from", "")
        # a person's display name: "Jon", "Jon Reyes", "Jon from Acme" (not "Acme Life Cover": a company)
        m = re.match(r"\"?([A-Z][a-z]+)(?:\s+[A-Z][a-z'-]+)?(?:\s+(?:from|at|@)\s+[^<\"]+)?\"?\s*<", frm)
        if m and not re.match(r"\"?[A-Z][a-z]+\s+(?:desk|team|support|sales|news|newsletter|store|shop|deals|"
                              r"group|inc|ltd|club|digital|media|online)\b", frm, re.I):
            if not (self.product and self.product.startswith(m.group(1))) and not grammar.is_common(m.group(1)):
                return m.group(1)  # a person's first name, not "Deal" of "Deal Desk"
        for s in self.body[-3:]:
            m = re.search(r"\b(?:best|cheers|thanks|regards|sincerely|warmly|talk soon)\s*,\s*([A-Z][a-z]+)\b", s.text, re.I)
            if m and m.group(1).lower() not in _NOT_NAMES | _ROLES:
                return m.group(1)
        return None

    @cached_property
    def contact(self) -> str | None:
        """An address the reader can write to, as the draft gives it."""
        usable = [m.group(0) for m in _EMAIL.finditer(self.prose)
                  if not _PLACEHOLDER.search(m.group(0)) and "noreply" not in m.group(0).replace("-", "").lower()]
        # An address for one errand (sponsor@, press@, sales@, …) is where the
        # draft sends that errand, not where a reader writes back: a donor's
        # answer does not go to the sponsorship desk (a blind editor).
        # (nor "team@" given "For press inquiries, please contact …": the press desk by its errand,
        # whatever its name — two blind editors)
        errand = {m.group(0) for m in _EMAIL.finditer(self.prose)
                  if re.search(r"\b(?:press|media|sponsorship|partnership|sales|security|legal)\s+(?:inquir|enquir|contact)\w*"
                               r"[^.\n]{0,40}$", self.prose[max(m.start() - 70, 0):m.start()], re.I)}
        general = [a for a in usable if not _ERRAND.match(a) and a not in errand]
        if general:
            return general[0]
        desk = {"security": "security", "press": PRESS_DESK}.get(
            self.occasion if self.occasion == "security" else self.channel)
        if desk:  # a security page's or a press release's own desk is the right one
            return next((a for a in usable if re.match(rf"(?:{desk})\b", a, re.I)), None)
        return None

    @cached_property
    def offer(self) -> str | None:
        m = _OFFER.search(self.prose)
        if not m:
            return None
        found = m.group(0)
        save = re.match(r"save (\d{1,3}\s?%)", found, re.I)
        return f"{save.group(1)} off" if save else found.lower()

    @cached_property
    def offer_sentence(self) -> Sentence | None:
        """The first body sentence that states the offer and asks nothing."""
        if not self.offer:
            return None
        for s in self.body:
            if self.offer.lower() in s.text.lower() and s.index not in self.ask_sentences:
                return s
        return None

    @cached_property
    def deadline(self) -> str | None:
        m = _DEADLINE.search(self.prose)
        return m.group(0) if m else None

    @cached_property
    def question_count(self) -> int:
        return len(self.sentences_with("question"))


def _seg_offset(seg, src: int, *, end: bool = False) -> int | None:
    """The segment offset of a source offset inside one of the segment's
    verbatim runs (the inverse of Segment.to_source), else None."""
    for seg_start, src_start, length, verbatim in zip(seg.seg_starts, seg.src_starts, seg.lengths, seg.verbatim):
        if verbatim and (src_start <= src < src_start + length or end and src == src_start + length and length):
            return seg_start + (src - src_start)
    return None


def local_span(finding, sentence: Sentence, draft: "Draft | None" = None) -> tuple[int, int] | None:
    """Where the finding's words stand inside `sentence.text`."""
    if sentence.writable and sentence.start <= finding.start and finding.end <= sentence.end:
        return finding.start - sentence.start, finding.end - sentence.start
    if draft is not None and finding.end > finding.start:
        seg = draft.facts.segments[sentence.seg]
        a, b = _seg_offset(seg, finding.start), _seg_offset(seg, finding.end, end=True)
        if a is not None and b is not None and sentence.seg_start <= a < b <= sentence.seg_end:
            return a - sentence.seg_start, b - sentence.seg_start
    # Decoded text (base64, quoted-printable) has no source span to read the
    # words from; the message quotes them as the reader sees them.
    quoted = re.search(r'"([^"]+)"', finding.message)
    for words in (" ".join(finding.matched.split()), quoted.group(1) if quoted else ""):
        if not words:
            continue
        pattern = r"\s+".join(re.escape(w) for w in words.split())
        if not re.search(r"\w", words):
            # a run of marks ("!!"): not part of a longer run of the same mark
            pattern = r"(?<!" + re.escape(words[0]) + ")" + pattern + r"(?!" + re.escape(words[-1]) + ")"
        m = re.search(pattern, sentence.text, re.I)
        if m:
            return m.start(), m.end()
    return None
