"""Audience findings (TL1xx): the people-as-a-mass phrase swapped for words
about people, only where the sentence still reads.

The substitutions' fixes are rebuilt here with the sentence in view:
"Our target audience of growth-stage companies will love" loses the whole
frame ("Growth-stage companies will love"), "our target audience is" agrees
("our readers are"), and a swap that would double a phrase ("Our customers
are our customers"), leave "readers of …", or need an article it cannot get
("a readers") is no fix at all — the finding keeps a rewrite to apply by hand."""

from __future__ import annotations

import re

from ..diagnostics import Edit, Fix
from . import grammar
from .draft import local_span
from .result import Rewrite, sentence_rewrite

_DET = re.compile(r"(?:(?<=\s)|^)(our|the|your|my|this|that)\s+$", re.I)
_COPULA = re.compile(r"^\s+(is|are|was|were)\b", re.I)
_PEOPLE_OF = re.compile(r"\b(?:readers|customers|buyers|customer|buyer|people you serve|you)\s+of\b", re.I)
# Words that may follow a noun phrase we swapped without it being a compound
# ("target audience research" is one).
_FOLLOWERS = {"is", "are", "was", "were", "who", "that", "will", "would", "can", "could", "should", "may",
              "might", "must", "want", "wants", "need", "needs", "and", "or", "in", "on", "at", "with", "for",
              "to", "from", "by", "has", "have", "had", "do", "does", "did", "love", "loves", "like", "likes",
              "get", "gets", "use", "uses", "see", "sees", "know", "knows", "expect", "expects", "now", "today",
              "already", "really", "often", "usually", "also", "than", "like", "about", "across"}
_MODALS = {"will", "can", "could", "would", "should", "may", "might", "'ll", "get", "love", "want", "need", "now",
           "are", "have", "deserve", "expect", "asked", "told", "tell"}
_GROW = re.compile(r"\b(?:grow|grew|grown|growing|double[sd]?|triple[sd]?|expand(?:ed)?|scale[sd]?|quadrupled)\s+$", re.I)
_PLURAL_SWAPS = {"readers", "customers", "buyers", "the people you serve", "our customers", "you"}


def _next_word(text: str) -> tuple[str, int, int] | None:
    m = re.match(r"\s+([A-Za-z][A-Za-z'’]*)", text)
    return (m.group(1), m.start(1), m.end(1)) if m else None


def _people_swap(text: str, a: int, b: int, replacement: str, line_end: bool = False) -> tuple[int, int, str] | None:
    """(start, end, new text) inside `text` for swapping text[a:b], or None
    when no swap reads as English there.  `line_end`: the source breaks the
    line right after the phrase, so the next word is not part of it."""
    before, after = text[:a], text[b:]
    det = _DET.search(before)
    of = re.match(r"\s+of\s+(?=\S)", after)
    at_start = not (before[: det.start()] if det else before).strip(" \"“'‘*_(")
    if det and of and det.group(1).lower() in ("our", "the", "your", "my"):
        # "our target audience of busy managers" -> "busy managers"
        start, end = det.start(), b + of.end()
        rest = after[of.end():]
        new = ""
        verb = re.match(r"((?:[\w'’-]+\s+){0,5}?[\w'’-]*s)\s+(is|was|has|does|isn't|wasn't|hasn't|doesn't)\b", rest)
        if verb:
            new = verb.group(1) + " " + grammar.plural_verb(verb.group(2))
            end += verb.end()
        if at_start:
            if not new:
                word = re.match(r"\S", rest)
                if not word:
                    return None
                new, end = rest[0].upper(), end + 1
            else:
                new = grammar.capitalise(new)
        return start, end, new
    if of:
        return None  # "readers of …"
    if re.match(r"['’]s?\b", after):
        return None  # a possessive would need "readers'"
    if det is None and re.search(r"\b(?:and|or|nor)\s+$", before) and re.match(r"(?i)target\b", text[a:b]):
        return None  # "for every use case and target audience": a kind of thing, not people (two blind editors)
    nxt = None if line_end else _next_word(after)
    if re.search(r"\b(?:are|is|were|was|be|become|became)\s+$", before) and det is not None:
        return None  # "X are our target market": the swap names X twice
    if nxt is not None and nxt[0].lower() not in _FOLLOWERS and not grammar.is_common(nxt[0]) \
            and not re.match(r"\s*[,.;:!?)\]—–-]|\s*$", after) and not line_end:
        return None  # a compound ("target audience research")
    plural = replacement.lower() in _PLURAL_SWAPS or replacement.lower().endswith("s")
    if re.search(r"\b(?:a|an|every|each|this|that)\s+$", before, re.I) and plural:
        return None
    new, end = replacement, b
    if plural and nxt is not None and grammar.plural_verb(nxt[0]):
        new = replacement + after[: nxt[1]] + grammar.plural_verb(nxt[0])
        end = b + nxt[2]
    return a, end, new  # the rule already matched the case of the words it replaces


def _apply(text: str, span: tuple[int, int, str]) -> str:
    start, end, new = span
    return text[:start] + new + text[end:]


def _swap_fix(d, s, draft, replacement: str):
    """(fix, new sentence) for a grammar-checked people-word swap; the fix is
    None where the source cannot take it (or the rule offers none), the
    sentence None where no swap reads."""
    span = local_span(d, s, draft)
    if span is None:
        return None, None
    a, b = span
    line_end = d.end > d.start and re.match(r"[ \t]*[\r\n]", draft.text[d.end:d.end + 40]) is not None
    swap = _people_swap(s.text, a, b, replacement, line_end)
    if swap is None:
        return None, None
    new = _apply(s.text, swap)
    low = replacement.lower()
    if (low and re.search(r"\b" + re.escape(low) + r"\b", s.text.lower())
            or _PEOPLE_OF.search(new) and not _PEOPLE_OF.search(s.text)
            or not grammar.reads(s.text, new)):
        return None, None
    where = draft.source_span(s, swap[0], swap[1]) if swap[1] > swap[0] else None
    if d.fix is None or where is None:
        return None, new
    return Fix((Edit(where[0], where[1], swap[2]),), d.fix.applicability), new


def _swapped(s, fix, new):
    if new is None:
        return None
    if fix is None:
        return sentence_rewrite(s, new, fix=None)
    return Rewrite(new, "fix", s.start, s.end, fix)


def _replacement(d) -> str:
    m = re.search(r'try "([^"]+)"|say "([^"]+)"', d.message)
    return (m.group(1) or m.group(2)) if m else ""


def target_audience(d, s, draft):
    """TL101."""
    span = local_span(d, s, draft)
    if span is None:
        return None
    a, b = span
    before, after = s.text[:a], s.text[b:]
    det = _DET.search(before)
    market = re.search(r"market|customer|consumer|buyer", grammar.shown(d), re.I)
    # "Target audience: developers" -> "Who we want to reach: developers"
    lead_in = before[: det.start()] if det else before
    if re.match(r"\s*:", after) and (not lead_in.strip(" *_#-") or re.search(r"(?:^|\s)[-–—•*|]\s*$", lead_in)):
        phrase = "Who we sell to" if market else "Who we want to reach"
        start = det.start() if det else a
        new = s.text[:start] + phrase + s.text[b:]
        where = draft.source_span(s, start, b)
        if d.fix is not None and where is not None:
            fix = Fix((Edit(where[0], where[1], phrase),), d.fix.applicability)
            return Rewrite(new, "fix", s.start, s.end, fix)
        return sentence_rewrite(s, new, fix=None)
    # "Our target audience is busy parents who …" -> "We write for busy parents who …"
    cop = _COPULA.match(after)
    if cop and det and not before[: det.start()].strip():
        rest = after[cop.end():].strip()
        if rest and not re.match(r"(?:our|the)\b", rest, re.I):
            verb = "We sell to" if market else "We write for"
            return sentence_rewrite(s, f"{verb} {grammar.decapitalise(rest)}", fix=None)
    # "reach your targeted audience": the people are the sender's audience
    # there, and "readers" would claim a readership an advertiser lacks
    reach = re.search(r"\b(?:reach|reaching|find|finding|grow|growing|build|building|engage|attract)\s+(?:your|the|an?)\s+$",
                      before, re.I)
    if reach and not market and re.fullmatch(r"target(?:ed)?\s+(audiences?)", s.text[a:b], re.I):
        out = sentence_rewrite(s, s.text[:a] + re.split(r"\s+", s.text[a:b])[-1] + s.text[b:], fix=None)
        if out is not None:
            return out
    out = _swapped(s, *_swap_fix(d, s, draft, _replacement(d)))
    if out is not None:
        return out
    subject = re.match(r"\s*(.+?)\s+(?:are|is|were|was)\s+$", before[: det.start()] if det else before)
    if subject:
        who = subject.group(1)
        return Rewrite(f'Say what {who} need from you rather than calling them "{grammar.shown(d)}": '
                       f'"{who} {"are" if who.lower().endswith("s") else "is"} people who …"', "instruction", fix=None)
    people = "customers" if market else "readers"
    return Rewrite(f'Name the people behind "{grammar.shown(d)}" in this sentence — "{grammar.excerpt(s.text)}" — '
                   f'by what they do or need ("{people} who …"), not as a target.', "instruction", fix=None)


def our_users(d, s, draft):
    """TL103: "our users" -> "you" where the sentence is about what they will do,
    else "our customers" where that still reads."""
    span = local_span(d, s, draft)
    if span is None:
        return None
    a, b = span
    nxt = _next_word(s.text[b:])
    if _GROW.search(s.text[:a]):
        product = draft.product or "it"
        return Rewrite(f'Count people, not a base: "{grammar.excerpt(s.text)}" → say how many more people use {product} '
                       f'now, or what changed for them.', "instruction", fix=None)
    if nxt and nxt[0].lower() in _MODALS and "you" not in s.text.lower().split():
        out = _swapped(s, *_swap_fix(d, s, draft, "you"))
        if out is not None:
            return out
    # "our customers" is no swap for "our users": users of a free or
    # open-source product are not paying customers, and an editor would undo
    # it.  With the product's name, "the people who use X" says the same
    # thing about people; without it, the finding gets an instruction.
    product = draft.product
    if product and re.fullmatch(r"our users", grammar.shown(d), re.I) and not re.search(r"['’]s?\b", s.text[b:b + 2]):
        people = "the people who use " + product
        new = s.text[:a] + (grammar.capitalise(people) if not s.text[:a].strip() else people) + s.text[b:]
        if grammar.reads(s.text, new):
            out = sentence_rewrite(s, new, fix=None)
            if out is not None:
                return out
    # (a handbook never gets here: TL103 skips internal drafts)  Where the
    # sentence already says "you" to someone else (a colleague, a partner),
    # "speak to them as you" would mix two readers up; there the people are
    # "the people we build for", as in a handbook ("why do you think our
    # users would?" -> "why do you think the people we build for would?").
    you = "" if re.search(r"\byou(?:r|rs|['’]\w+)?\b", s.text, re.I) else ', or speak to them as "you"'
    if not you and re.fullmatch(r"our users", grammar.shown(d), re.I) and not re.search(r"['’]s?\b", s.text[b:b + 2]):
        # where the sentence is about reading what we send ("If you wouldn't
        # click on the link, why would our users?"), they are the people who
        # see it (blind editors: "the people we build for" is wordy there,
        # and "our readers" changes who is meant)
        people = "the people who see it" if _READING.search(s.text) else "the people we build for"
        out = sentence_rewrite(s, s.text[:a] + (grammar.capitalise(people) if not s.text[:a].strip() else
                                                people) + s.text[b:], fix=None)
        if out is not None and grammar.reads(s.text, out.text):
            return out
    return Rewrite(f'Say who "{grammar.shown(d)}" are, by what they do, in "{grammar.excerpt(s.text)}" '
                   f'("the people who use …", "developers who …"){you}.',
                   "instruction", fix=None)


_READING = re.compile(r"\b(?:click(?:s|ed|ing)?|read(?:s|ing)?|open(?:s|ed)?|watch(?:es|ed)?|subscribe[sd]?)\b", re.I)


def eyeballs(d, s, draft):
    """TL105: a safe swap, except next to funnel words, where "readers into
    conversions" would read no better."""
    if re.search(r"\b(?:conversions?|traffic|clicks|impressions|monetiz\w+|monetis\w+)\b", s.text, re.I):
        return Rewrite(f'Say what the reader gets here, not what you get from them: rewrite "{grammar.excerpt(s.text)}" '
                       f'around the person reading ("more people who want …").', "instruction", fix=None)
    return _swapped(s, *_swap_fix(d, s, draft, _replacement(d) or "readers"))


def _inflect(plain: str):
    """A replacement whose first verb takes the matched verb's ending
    ("drives traffic to" -> "helps more people find")."""
    verb, _, rest = plain.partition(" ")

    def build(m) -> str:
        said = m.group(0).split()[0].lower()
        form = verb + "s" if said.endswith("s") else verb + "ing" if said.endswith("ing") else verb
        return f"{form} {rest}"
    return build


# Pipeline and funnel words -> people words, whole phrases first.  Each is a
# (pattern, replacement) over the matched words plus what follows them.
# An adjective for goods left in front of people: "cheap people who …"
_SALE_ADJECTIVE = re.compile(r"\b(?:cheap|cheapest|fresh|bulk|guaranteed|unlimited|premium|exclusive|verified|valid|"
                             r"responsive|opt-in|genuine|high|top|low|good|great|best|real)\s+$", re.I)
_PEOPLE_PHRASES = (
    (r"(?<![\w-])generat(?:e|es|ing) (\d+x |\d+ times )?more (?:qualified |sales |quality )?leads\b", r"find \1more buyers who are ready to talk"),
    # (the verb keeps its ending: "systems that continue generating leads" -> "continue finding …",
    # not "continue find …", two blind editors on a services page, set W)
    (r"(?<![\w-])generat(?:e|es|ing) (?:qualified |sales |quality )?leads\b", _inflect("find buyers who are ready to talk")),
    (r"(?<![\w-])(?:capture|capturing|collect|collecting) (?:more |new )?leads\b", _inflect("hear from more interested people")),
    (r"(?<![\w-])(?:nurture|nurturing) (?:leads|prospects)\b", _inflect("keep in touch with people who asked to hear from you")),
    (r"(?<![\w-])(?:convert|converting) leads\b", _inflect("help interested people decide")),
    (r"(?<![\w-])qualified (?:leads|prospects)\b", "buyers who are ready to talk"),
    (r"(?<![\w-])(?:warm|hot) (?:leads|prospects)\b", "people who have already shown interest"),
    (r"(?<![\w-])(?:cold) (?:leads|prospects)\b", "people who have not heard from you yet"),
    (r"(?<![\w-])sales leads\b", "people interested in buying"),
    (r"(?<![\w-])more leads\b", "more interested buyers"),
    (r"(?<![\w-])(?:new|fresh) leads\b", "new enquiries"),
    (r"(?<![\w-])lead (?:generation|gen) (tool|software|service|platform|campaign|strategy|system|program|programme|engine)\b", r"\1 for finding new customers"),
    (r"(?<![\w-])(user|customer|audience|subscriber|buyer) segmentation\b", r"\1 groups"),
    # "get your message out to the masses": a reach claim kept a reach claim (not "to everyone",
    # a bigger promise, nor "to the people you want to reach", a targeting one: two blind editors)
    (r"(?<![\w-])((?:your|our) (?:message|word|name|brand|offer|ads?|product)) out to the masses\b", r"\1 out to many more people"),
    (r"(?<![\w-])(?:out )?to the masses\b", "to everyone"),
    (r"(?<![\w-])capture your audience['’]s attention\b", "hold your readers' attention"),
    (r"(?<![\w-])target(?:ing|s)? (individuals|people|those|anyone|consumers|customers) who\b", r"write to \1 who"),
    (r"(?<![\w-])quality leads\b", "people who really want what you offer"),
    (r"(?<![\w-])lead (?:generation|gen)\b", "finding new customers"),
    (r"(?<![\w-])lead magnets\b", "free guides"),
    (r"(?<![\w-])lead magnet\b", "free guide"),
    (r"(?<![\w-])prospects and customers\b", "people who buy from you or might"),
    (r"(?<![\w-])(?:reach|reaching|reaches) (?:to )?the masses\b", "reach more people"),
    (r"(?<![\w-])(?:market|marketing|sell|selling|advertise|advertising) to the masses\b", "offer it to anyone who needs it"),
    (r"(?<![\w-])mass audiences?\b", "many readers"),
    (r"(?<![\w-])(?:drive|drives|driving) (?:more |targeted |qualified )?traffic to\b", _inflect("help more people find")),
    (r"(?<![\w-])(?:drive|drives|driving|generate|generating|boost|boosting) (?:more |targeted |qualified |massive |huge )?traffic\b", "bring more visitors"),
    (r"(?<![\w-])(?:boost|boosts|boosting|increase|increases|increasing|maximi[sz]e|maximi[sz]ing|drive|driving|skyrocket) conversions\b", "help more visitors decide to buy"),
    (r"(?<![\w-])more conversions\b", "more people deciding to buy"),
    (r"(?<![\w-])(?:sales|marketing|conversion) funnel\b", "buying journey"),
    (r"(?<![\w-])(?:convert|converting|converts) (?:our |your |the |more |these |those |new |every )?(users|visitors|readers|subscribers|followers|shoppers|fans)\b", r"win over \1"),
    (r"(?<![\w-])(?:every|each) (?:customer|audience|user|buyer|shopper|subscriber) segment\b", "every kind of customer"),
    (r"(?<![\w-])(?:customer|audience|user|buyer|shopper|subscriber|consumer|visitor) segments\b", "kinds of customers"),
    (r"(?<![\w-])(?:customer|audience|user|buyer|shopper|subscriber|consumer|visitor) segment\b", "kind of customer"),
    (r"(?<![\w-])(?:segment|segmenting) (?:your |our |the )?(audience|audiences|customers|users|subscribers|readers|contacts)\b", r"group \1 by what they need"),
    (r"(?<![\w-])target(?:ing|s|ed)? ((?:busy |young |new |working |first-time |local |potential |existing )*(?:customers|consumers|shoppers|buyers|millennials|moms|mums|dads|parents|women|men|seniors|teens|students|families|professionals|businesses|companies|developers))\b", r"for \1"),
)


_ICP_MODEL = re.compile(r"(?:\bICP|Ideal Customer Profile)\s+(?:fit|scor\w*|model|criteria|framework|tier)\b|"
                        r"(?-i:\bIdeal Customer Profile\b)", re.I)

# A handbook's pipeline words -> the people the team works with.  The swaps
# keep the process ("tracking", "routing", "scoring") and change only who it
# is about; the outbound table's "buyers who are ready to talk" would tell a
# team what to do, not whom it is doing it for.
_HANDBOOK_PHRASES = (
    (r"(?<![\w-])(?:strong |good |high )?(?:ICP|ideal customer profile) fit signals\b", "signs they are the people we build for"),
    # (not "score ICP fit": a measure the tool computes, not people)
    (r"(?<![\w-])(?<!score )(?<!scores )(?<!scoring )(?:strong |good |high |close )?(?:ICP|ideal customer profile) fit\b",
     "a close fit with the people we build for"),
    (r"(?<![\w-])(?:our|the) ICP(?= *[,.;:!?)]| *$| (?:is|are|was|were|and|or|who|that|in|on|at|with|via|through|because|by|so|than)\b)",
     "the people we build for"),
    (r"(?<![\w-])generat(?:e|es|ing) (more |new )?(?:qualified |sales |quality |outbound |inbound )?leads\b", r"find \1people who might buy from us"),
    (r"(?<![\w-])(?:get|find|source)(s|ing)? (more |new )?leads(?: for (?:sales|the sales team|our sales team|the team))?\b",
     lambda m: f"find{m.group(1) or ''} {m.group(2) or ''}people who might buy from us"),
    (r"(?<![\w-])(?:track and )?maintain (?:prospective|potential|possible) leads\b", "keep track of people who might want to work with us"),
    (r"(?<![\w-])(?:prospective|potential|possible) leads\b", "people who might want to work with us"),
    (r"(?<![\w-])(?:manage|manages|managing) (?:the |these |all |new )?leads from ((?:warm |cold )?outbound)\b", r"working with the people we reach through \1"),
    (r"(?<![\w-])(?:manage|manages|managing) (?:inbound |new |the |these |all )?leads\b", "working with the people who come to us"),
    (r"(?<![\w-])inbound leads\b", "people who come to us"),
    (r"(?<![\w-])(?:warm|hot) leads\b", "people who already know us"),
    (r"(?<![\w-])qualify (?:the|a|each|every|this) lead\b", "judge whether the person is a good fit"),
    # (not "people who need us": presumptuous, four blind editors)
    (r"(?<![\w-])(?:qualified|sales|new|more) leads\b", "people who might buy from us"),
    (r"(?<![\w-])an? (\d+) ?% conversion rate from (?:these |those |the )?(?:(?:types?|kinds?) of )?leads\b",
     r"\1% of these people to become customers"),
    (r"(?<![\w-])the lead\b", "the person"),
    (r"(?<![\w-])lead generation\b", "finding people who might buy from us"),
    (r"(?<![\w-])(?:convert|converting) (?:these |those |more |our |the )?leads\b", "help these people decide"),
)


def _phrase_rewrite(d, s, draft, phrases=_PEOPLE_PHRASES):
    """TL102, TL104, TL106, TL107, TL108: the phrase rewritten in its sentence."""
    span = local_span(d, s, draft)
    if span is None:
        return None
    a, b = span
    if _quoted(s.text, a, b):
        return None  # a name in quotes ("Send new leads to Slack"), not the sender's words
    if s.text[a:b][:1].isupper() and re.search(r"[A-Z][\w-]*\s+$", s.text[:a]) and re.match(r"\s+[A-Z]", s.text[b:]):
        return None  # inside a Title Case name ("Phone Qualified Lead Generation System"): no swap reads
    # Every people phrase in the sentence, so two findings in one sentence
    # get the same rewrite; one of them must be this finding's.
    taken: list = []
    for pattern, repl in phrases:
        for m in re.finditer(pattern, s.text, re.I):
            if any(m.start() < e and t < m.end() for t, e, _ in taken):
                continue
            new_words = repl(m) if callable(repl) else m.expand(repl)
            if m.group(0)[:1].isupper():
                new_words = grammar.capitalise(new_words)
            taken.append((m.start(), m.end(), new_words))
    if not any(t < b and a < e for t, e, _ in taken):
        return None
    if any(re.search(r"\w-\w+\s+$", s.text[:t]) or _SALE_ADJECTIVE.search(s.text[:t]) for t, e, _ in taken):
        return None  # "Product-led lead generation": the modifier would dangle on the new words
    if any(re.match(r"\s+in\s+(?:the|our|their|your|a)\s+(?:sales\s+)?pipeline\b", s.text[e:], re.I) for t, e, _ in taken):
        return None  # "more leads in the pipeline": people do not sit in a pipeline (a blind editor)
    new, pos = [], 0
    for t, e, words in sorted(taken):
        new.append(s.text[pos:t])
        new.append(words)
        pos = e
    new.append(s.text[pos:])
    out = grammar.fix_articles("".join(new))
    if any(len(w) > 2 and w.isupper() and not grammar.is_acronym(w) for w in grammar.WORD.findall(out)):
        # a people fix that keeps "EXTRACT" still shouts; a long shouted
        # line is past mending word by word (an instruction quotes it)
        if len(grammar.WORD.findall(out)) > 20:
            return None
        out = grammar.unshout(out, draft.names)
    if grammar.reads(s.text, out):
        return sentence_rewrite(s, out)
    return None


def _quoted(text: str, a: int, b: int) -> bool:
    """True when text[a:b] sits inside quotation marks (a name, a title) —
    the sentence splitter may have left the opening mark in the sentence
    before, so an unpaired closing mark after the words counts too."""
    before, after = text[:a], text[b:]
    if before.count('"') % 2 == 1 or after.count('"') % 2 == 1:
        return True
    return before.count("“") > before.count("”") or after.count("”") > after.count("“")


def people_phrase(d, s, draft):
    if getattr(draft.message, "genre", None) == "internal":
        # A handbook teaches the team how to see the people it writes to:
        # the sentence with the people named, or where no swap reads, what
        # to name them by.
        span = local_span(d, s, draft)
        after_as = span is not None and re.search(r"\bas\s+$", s.text[: span[0]])
        # ("capturing who we build for as inbound leads": the role noun after
        # "as" takes no people phrase)
        model = span is not None and _ICP_MODEL.search(s.text[span[0]:span[1] + 12])
        if model:
            # the ICP as the team's scoring model ("ICP scoring", "strong ICP
            # fit signals", "our Strategic Ideal Customer Profile"): a defined
            # term a sales-ops reader needs (blind editors rejected every swap
            # of it); what it owes the reader is who it describes, in people's
            # words
            # (not an example profile of our own making: three blind editors said
            # an invented definition could mislead staff, and the handbook
            # likely has its own; placeholders, as for a deadline's date)
            return Rewrite(f'Keep "{grammar.shown(d)}" as the name of your scoring model. Near '
                           f'"{grammar.excerpt(s.text, 60)}", link the page that defines it, or say once, in '
                           f'people\'s words, who it describes: "[the kind of team], [what they need from us]".',
                           "instruction")
        out = None if after_as else _phrase_rewrite(d, s, draft, _HANDBOOK_PHRASES)
        if out is not None:
            # the people now named: "(which comprise 90% of leads today)" ->
            # "(who make up 90% of new enquiries today)" (not "of them": a blind editor could not
            # tell whom it meant; nor "of everyone we talk to", which counts customers too)
            text = re.sub(r"\((?:which|that) (?:comprise|make up|are)\b", "(who make up", out.text)
            text = re.sub(r"\bof (?:all |our |the )?leads\b", "of new enquiries", text)
            return sentence_rewrite(s, text) or out
        examples = ('"teams that signed up and invited a colleague", "developers who hit a usage limit"'
                    if re.search(r"\bproduct[- ]led\b|\bPLG\b|\busage\b", s.text, re.I)
                    # a partnerships or public-sector team's "leads" are organizations, not trial users
                    # (a blind editor on 18F's handbook)
                    else '"organizations that asked to work with us", "offices a partner referred to us"'
                    if re.search(r"\bagenc(?:y|ies)\b|\bgovernment\b|\bfederal\b|\bpublic sector\b|\bpartnerships\b",
                                 draft.prose, re.I)
                    else '"developers who started a trial", "teams that asked for a demo"')
        return Rewrite(f'A playbook\'s words become the team\'s habits: in "{grammar.excerpt(s.text, 60)}", say which '
                       f'people "{grammar.shown(d)}" means, by what they did or need ({examples}).', "instruction")
    out = _phrase_rewrite(d, s, draft)
    if out is not None:
        return out
    span = local_span(d, s, draft)
    if span is not None and _quoted(s.text, *span):
        return Rewrite(f'"{grammar.shown(d)}" is in quotation marks here (a name, a title, someone else\'s words); '
                       f'if it is your own wording, say who the people are instead.', "instruction")
    words = grammar.shown(d)
    a, b = span if span is not None else (0, 0)
    name = re.search(r"(?:[A-Z][\w-]*\s+)*" + re.escape(s.text[a:b]) + r"(?:\s+[A-Z][\w-]*)+", s.text) if span else None
    if name:
        words_in = name.group(0).split()
        while words_in and grammar.is_common(words_in[-1]):
            words_in.pop()  # "High Quality Leads From": the name stops before "From"
        name_text = " ".join(words_in)
    if name and s.text[a:b][:1].isupper() and len(name_text.split()) >= 3:
        # inside a Title Case name ("Phone Qualified Lead Generation System")
        return Rewrite(f'"{name_text}" names what you sell by a sales-pipeline stage; say what it does for the '
                       f'person buying it, in "{grammar.excerpt(s.text)}".', "instruction")
    if words.lower() == "icp":
        return Rewrite(f'Spell out "ICP" and say which people it means, by what they need from you, in '
                       f'"{grammar.excerpt(s.text)}".', "instruction", s.start, s.end)
    if re.search(r"funnel", words, re.I):
        return Rewrite(f'Say what the people at this stage are doing instead of "{words}" (e.g. "people who have just '
                       f'found us"), in "{grammar.excerpt(s.text)}".', "instruction", s.start, s.end)
    noun = re.search(r"\b(?:leads?|prospects?)\b", words, re.I)
    if noun and noun.group(0).lower() != words.lower():
        # "managing leads": the people are the leads, not the managing
        return Rewrite(f'Say who the people called "{noun.group(0)}" are in "{grammar.excerpt(s.text)}", by what '
                       f'they need from you, not by where they sit in a pipeline.', "instruction", s.start, s.end)
    return Rewrite(f'Say who the people behind "{words}" are in "{grammar.excerpt(s.text)}", by what they need from '
                   f'you, not by where they sit in a pipeline.', "instruction")


def dear_user(d, s, draft):
    """TL109: the greeting with the reader's name when the draft has it."""
    span = local_span(d, s, draft)
    if span is None:
        return None
    a, b = span
    hello = f"Hi {draft.reader_name}" if draft.reader_name else "Hi"
    new = s.text[:a] + hello + s.text[b:]
    new = re.sub(r"^Hi\s*[,:]?\s*$", "Hi,", new) if not draft.reader_name else new
    # "Dear Subscriber, Please take a moment …" on one line: "Hi, please take …" (not "Hi, Please": a blind editor)
    new = re.sub(r"^(Hi(?: \w+)?, )([A-Z][a-z]+)\b",
                 lambda m: m.group(1) + (m.group(2).lower() if grammar.is_common(m.group(2).lower()) else m.group(2)), new)
    return sentence_rewrite(s, new)


# Swaps whose rule-made fix is dropped unless rebuilt here with the sentence.
GUARDED = frozenset({"TL101", "TL103", "TL105"})

REWRITERS = {
    "TL101": target_audience,
    "TL102": people_phrase,
    "TL103": our_users,
    "TL104": people_phrase,
    "TL105": eyeballs,
    "TL106": people_phrase,
    "TL107": people_phrase,
    "TL108": people_phrase,
    "TL109": dear_user,
}
