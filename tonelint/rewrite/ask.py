"""Ask findings (TL4xx): give before you ask, one ask at a time, links that
say where they go, and real dates instead of pressure.

Two structural fixes live here, both unsafe (they move or drop the writer's
sentences): a premature ask moves to just after the draft's first value
sentence, and a stack of asks keeps only its first.  Each is offered only
when every sentence it touches is written verbatim in the source and shares
a paragraph with a neighbour, so the edits never leave an empty line or a
broken paragraph; `--fix` re-lints the result and refuses it unless the
finding is gone and nothing new appears."""

from __future__ import annotations

import re

from ..diagnostics import Applicability, Edit, Fix
from . import form, grammar, listening
from .draft import local_span
from .oneway import strip_hype
from .result import Rewrite, sentence_rewrite

_ASK_LEAD = re.compile(
    r"^\s*(?:buy|shop|order|sign up|subscribe|join|register|reserve|claim|download|install|book|request|schedule|"
    r"call|click|tap|follow|like|share|start|try|get|upgrade|act|apply|donate|add|check out|visit|fill out|"
    r"complete|enter|reply|respond)\b[^:!—–-]*?(?:now|today|here)?\s*(?:[:!—–-]+|\band\b)\s*", re.I)
_SAVE_ON = re.compile(r"^save (\d{1,3}\s?%) (?:on|off) (.+?)[.!]*$", re.I)


def _movable(draft, sent) -> bool:
    """A sentence a structural fix may move or drop: one line of prose, not a
    list or a block of lines the sentence splitter ran together."""
    return (sent.writable and "\n" not in draft.text[sent.start:sent.end] and len(sent.text.split()) <= 30
            and not re.search(r"\s[-–•*]\s|:\s*$", sent.text))


def _neighbour_gap(draft, sent):
    """The span to delete with `sent` so its paragraph stays whole: up to the
    next sentence in the same paragraph, else back to the previous one."""
    if not _movable(draft, sent):
        return None
    i = sent.index
    sents = draft.sentences
    if i + 1 < len(sents) and sents[i + 1].seg == sent.seg and sents[i + 1].writable:
        gap = draft.text[sent.end:sents[i + 1].start]
        if gap.strip() == "":
            return sent.start, sents[i + 1].start
    if i > 0 and sents[i - 1].seg == sent.seg and sents[i - 1].writable:
        gap = draft.text[sents[i - 1].end:sent.start]
        if gap.strip() == "":
            return sents[i - 1].end, sent.end
    return None


def move_fix(draft, ask, value) -> Fix | None:
    """Move sentence `ask` to just after sentence `value` (later in the draft)."""
    if not (_movable(draft, ask) and value.writable) or value.start <= ask.end:
        return None
    gap = _neighbour_gap(draft, ask)
    if gap is None or gap[1] > value.start:
        return None
    if ask.seg != value.seg and "\n" in ask.text:
        return None
    edits = (Edit(gap[0], gap[1], ""), Edit(value.end, value.end, " " + ask.text))
    return Fix(edits, Applicability.UNSAFE)


def _subject_rewrite(d, s, draft):
    """An ask in the subject line: the product and what it does for the
    reader, then the offer — built from the draft's own sentences."""
    text = s.text
    rest = _ASK_LEAD.sub("", text, count=1)
    if rest == text:
        return None
    rest = strip_hype(grammar.unshout(rest, draft.names))
    rest = re.sub(r"!+", "", rest).strip(" .:-—–")
    save = _SAVE_ON.match(rest)
    offer = draft.offer
    if save:
        rest, offer = save.group(2).strip(), f"{save.group(1)} off"
        rest = re.sub(r"^the\s+", "", rest, flags=re.I)
    product = draft.product
    if product and product.lower() not in rest.lower():
        rest = re.sub(r"^(?:our|the|this)\s+(?:new\s+)?[a-z]+(?=\s+(?:is|are)\b)", product, rest, flags=re.I)
    lead = None
    if product:
        for sent in draft.body:
            low = sent.text.lower()
            if product.lower() in low and re.search(r"\byou(?:r)?\b", low) and sent.index not in draft.ask_sentences:
                clause = re.split(r"\s*[:;,—–]\s*|\s+-\s+", sent.text)[0] if product in sent.text.split(":")[0] else sent.text
                m = re.search(re.escape(product) + r"\s+((?:now\s+)?[a-z]+s\b.*?)[.!]?$", clause)
                if m and len(m.group(1).split()) <= 12:
                    lead = f"{product} {m.group(1)}"
                    break
    head = lead or grammar.capitalise(rest)
    if not head or len(grammar.WORD.findall(head)) < 1:
        return None
    tail = ""
    if offer and offer.lower() not in head.lower():
        tail = f" — {offer}" + (f" {draft.deadline}" if draft.deadline else "")
    return sentence_rewrite(s, grammar.capitalise(head + tail), fix=None)


def _invitation(ask_text: str, draft) -> str | None:
    """"Sign up today!" -> "If you'd like to try Planwise, sign up today." """
    # "Join our community here:" (a link follows): the colon and the "here" go
    core = grammar.unshout(re.sub(r"(?:\s+here)?\s*:\s*$", "", re.sub(r"[\s(\[{.!]+$", "", " ".join(ask_text.split()))),
                           draft.names, start=False)
    if not _ASK_VERB.match(core) or _URGENT_ONLY.match(core) or _CUT_SHORT.search(core):
        return None
    # "Click Here" -> "click here": a capital inside the new sentence is the
    # button's styling, not a name
    core = re.sub(r"\b(click|tap) Here\b", r"\1 here", core, flags=re.I)
    core = core[0].lower() + core[1:] if core[:1].isupper() and not grammar.is_acronym(core.split()[0]) else core
    core = grammar.untitle(core, draft.names)  # "sign Up now" -> "sign up now"
    # "click here now for your free quote" -> "For your free quote, click here."
    errand = re.match(r"(click|tap)( here)?(?: now| today)? (for (?:your|a|an|the) .+)$", core, re.I)
    if errand:
        return f"{grammar.capitalise(errand.group(3))}, {errand.group(1).lower()}{errand.group(2) or ''}."
    # An upgrade asks someone who already uses it: "when you need X", not "if you'd like to try it"
    keep_using = re.match(r"upgrade (?:now |today )?to (?:continue|keep) (?:using|to use) (.+)$", core, re.I)
    if keep_using:
        return f"To keep using {keep_using.group(1)}, you can upgrade."
    need = re.match(r"upgrade (?:now |today )?to (?:use|get|unlock|add) (.+)$", core, re.I)
    if need:
        return f"When you need {need.group(1)}, you can upgrade."
    thing = draft.product or "it"
    if re.match(r"join (?:our|the) (?:\w+ )?(?:community|discord|slack|forum|discussions?)\b", core, re.I):
        # a community to join is no trial ("If you'd like to try Dagster, join
        # our community" mixed the two up: a blind editor)
        who = f"people who use {draft.product}" if draft.product else "other people who use it"
        return f"To meet {who}, {core}."
    if draft.product and draft.product.lower() in core.lower():
        return f"When you're ready, {core}."
    if re.match(r"(?:please\s+)?(?:donate|give|support|sponsor|pledge)\b", core, re.I):
        return f"If you'd like to support {draft.product or 'this work'}, {core}."  # a gift is not a trial
    if re.match(r"(?:buy|purchase|order|shop|join|subscribe|sign up for (?:my|our|the) (?:newsletter|mailing list))\b",
                core, re.I) and not draft.product:
        # a thing bought or a list joined is not tried ("If you'd like to try it, purchase my
        # work": an artist's page in the WordPress theme patterns)
        return f"When you're ready, {core}."
    return f"If you'd like to try {thing}, {core}."


# "Subscribe to future updates.", "Sign up for our newsletter", "Follow us for more posts like this"
_KEEP_POSTED = re.compile(r"(?i)^\W*(?:subscribe|sign up|follow us|get)\b[^.!?\n]{0,40}?\b(?:updates|newsletters?|posts|news|"
                          r"issues|more like this)\b")


def premature(d, s, draft):
    """TL401."""
    if s.scope == "title":
        out = _subject_rewrite(d, s, draft)
        if out is not None:
            return out
        # (not "what what the draft offers does": a blind editor)
        thing = f"what {draft.product} does" if draft.product else "what the message offers"
        return Rewrite(f'Lead the subject with {thing} for the reader and leave "{grammar.shown(d)}" for the '
                       f'end of the message.', "instruction", fix=None)
    if form.HOUSEKEEPING.search(s.text):
        return Rewrite(f'Move the removal line ("{grammar.excerpt(s.text, 70)}") to the end, after the message itself.',
                       "instruction", fix=None)
    if draft.occasion == "outage":
        return Rewrite(f'An apology is no place for "{grammar.shown(d)}": drop it. ' + listening.outage_note(draft),
                       "instruction", fix=None)
    if _KEEP_POSTED.match(s.text) and len(draft.body) > 4:
        # a request to subscribe to more of the same, before this issue has given anything: its
        # place is the end, once the reader has seen what the updates hold (two blind editors: not
        # after whichever line happens to give first, a system requirement)
        return Rewrite(f'Move "{grammar.excerpt(s.text, 60)}" to the end, after the update itself: a reader signs '
                       f'up for more once this one has shown what they get.', "instruction", fix=None)
    # (a removal line is housekeeping, never the value an ask should follow)
    value = next((v for v in draft.value_sentences if v.index > s.index and v.index not in draft.ask_sentences
                  and not form.HOUSEKEEPING.search(v.text)), None)
    if value is None:
        value = next((v for v in draft.given_by(d.rule) if v.index > s.index and v.index not in draft.ask_sentences
                      and len(grammar.WORD.findall(v.text)) >= 5 and not form.HOUSEKEEPING.search(v.text)), None)
    if value is not None and re.match(r"\s*p\.?\s?s\b\.?", value.text, re.I):
        # the only value waits in the P.S.: it is the value that moves up
        gift = re.sub(r"^\s*p\.?\s?s\b\.?\s*", "", value.text, flags=re.I)
        return Rewrite(f'Bring the P.S. up: open with "{grammar.excerpt(grammar.capitalise(gift), 80)}", and ask '
                       f'"{grammar.excerpt(s.text, 60)}" after it.', "instruction", fix=None)
    weak = value is not None and len(grammar.WORD.findall(value.text)) <= 6 and not re.search(r"[.!?]\W*$", value.text)
    if value is not None and weak and _buttons(s):
        # a row of the page's buttons ("Purchase Ubuntu Pro See our services")
        # and, as the first value found, a feature's label: naming that label
        # misread the page (three blind editors); say where, not which line
        thing = draft.product or "the page"
        return Rewrite(f'Lead with what {thing} gives the reader, and keep "{grammar.excerpt(s.text, 50)}" as the '
                       f'buttons after it.', "instruction", fix=None)
    if value is not None and (listening.LIST_ITEM.match(value.text) or _button_on_top(s, draft)):
        # a hero's button ("Reach out to hear more") or a value that is a
        # list's first item: moving the ask would drop it into the list or
        # under the fold; the page opens with what it gives and the button
        # follows (blind editors: "a contact button on top is normal, not in
        # the middle of a list")
        return Rewrite(f'Open with what the reader gets — "{grammar.excerpt(value.text, 70)}" — and put '
                       f'"{grammar.excerpt(s.text, 50)}" right after it, as the one button.', "instruction", fix=None)
    if value is not None:
        fix = move_fix(draft, s, value)
        return Rewrite(f'Give first: move "{grammar.excerpt(s.text, 60)}" after "{grammar.excerpt(value.text, 70)}" '
                       f'— the first thing this draft gives the reader.', "instruction", fix=fix)
    offer = draft.offer_sentence
    if offer is not None and offer.index > s.index:
        if _URGENT_ONLY.match(s.text):
            return _offer_first(s, draft)
        fix = move_fix(draft, s, offer)
        question = f' Then ask something to answer below: "{listening.question(draft)}"' if draft.channel == "social" else ""
        return Rewrite(f'Lead with the offer itself: move "{grammar.excerpt(s.text, 60)}" after '
                       f'"{grammar.excerpt(offer.text, 70)}".{question}', "instruction", fix=fix)
    # (not for a button's label: "Sign Up" as "If you'd like to try it, sign up." no longer fits
    # the button, four blind editors on template copy)
    # (nor for a link's Title Case label in a list of offers: "Buy a Used Car Online")
    n = len(grammar.WORD.findall(s.text))
    button = not re.search(r"[.!?]\s*$", s.text.strip()) and (n <= 4 or n <= 8 and grammar.headline_cased(s.text))
    invite = _invitation(s.text, draft) if len(grammar.WORD.findall(s.text)) <= 8 and not button else None
    # After a page of claims the reader still has nothing to check: name what would count.
    checkable = "(the price, what is included, a customer's own words, what changes for them)"
    gives = f"one thing about {draft.product} the reader can check or use {checkable}" \
        if draft.product else f"one thing the reader can check or use {checkable}"
    tail = f' Then end with the ask as an invitation: "{invite}"' if invite else ""
    return Rewrite(f'Give before you ask: lead up to "{grammar.excerpt(s.text, 70)}" with {gives}.{tail}',
                   "instruction", fix=None)


# The verbs a call to action opens with (a button, "Please sign up …"): one
# list, read at a sentence's start (_ASK_VERB) and anywhere in a row of
# buttons run together (_ASK_VERB_ANY, "Purchase Ubuntu Pro See our services").
_ASK_VERBS = (r"(?:buy|purchase|shop|order|sign up|subscribe|join|register|reserve|claim|download|install|book|"
              r"request|schedule|contact|talk to|call|click|tap|follow|like|share|start|try|get|upgrade|apply|"
              r"donate|add|check out|visit|fill out|complete|enter|reply|respond|comment|tag|retweet|repost|"
              r"watch|listen|read|see|learn|explore|find out|discover)")
_ASK_VERB = re.compile(r"\s*(?:please\s+)?" + _ASK_VERBS + r"\b", re.I)
_ASK_VERB_ANY = re.compile(r"\b" + _ASK_VERBS + r"\b", re.I)
# A button or line cut off mid-phrase ("Click Here for a Free"): no sentence can be built on it.
_CUT_SHORT = re.compile(r"\b(?:a|an|the|for|of|to|your|our|and|or|with|free|new)\s*$", re.I)


def _buttons(sent) -> bool:
    """Two or more button labels run together with no stop between them."""
    return not re.search(r"[.!?]\W*$", sent.text) and len(_ASK_VERB_ANY.findall(sent.text)) >= 2 \
        and len(grammar.WORD.findall(sent.text)) <= 10


def _button_on_top(sent, draft) -> bool:
    """A short ask among the first two lines of a page, on a line of its own
    with no full stop: its hero's button."""
    top = [x.index for x in draft.content[:2]]
    alone = sum(x.seg == sent.seg for x in draft.sentences) == 1
    return (draft.channel == "web" and sent.index in top and alone and len(grammar.WORD.findall(sent.text)) <= 6
            and not sent.text.rstrip().endswith((".", "!", "?")))


def _keep_score(w, draft) -> int:
    """Which ask of a stack to keep: the one that lists what the reader gets,
    then the first full sentence, never a shouted line or an ask put as a
    jibe ("CLICK HERE Your credit stinks?").  (Not "never a favour": two
    blind editors and the expert kept a launch post's Product Hunt vote, the
    one ask the post was written for.)"""
    words = grammar.WORD.findall(w.text)
    score = 100 if _lists_benefits(w, draft) else 0
    if not _URGENT_ONLY.match(w.text) and w.scope not in ("heading", "title") and len(w.text.split()) >= 4:
        score += 10
    if sum(1 for x in words if len(x) > 1 and x.isupper() and not grammar.is_acronym(x)) * 3 > len(words):
        score -= 15
    if w.text.rstrip().endswith("?"):
        score -= 5
    return score


_URGENT_ONLY = re.compile(r"\s*(?:don['’]t|do not) (?:miss|wait|delay)|\s*(?:act (?:now|fast|today)|hurry|last chance)\b", re.I)
_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+(?=[a-z]+\b)", re.I)


def _lists_benefits(sent, draft) -> bool:
    """An ask followed by its list of what the reader gets, or one that
    gives something itself."""
    lines = grammar.hard_lines(sent.text)
    if len(lines) >= 3 and lines[0].endswith(":"):
        return True  # "Upgrade now to:" with its list, run into one sentence
    if sent.text.rstrip().endswith(":"):
        # … or with its list as the short lines that follow it
        items = draft.sentences[sent.index + 1: sent.index + 3]
        if len(items) == 2 and all(x.scope == "list" or 0 < len(x.text.split()) <= 8
                                   and not x.text.rstrip().endswith((".", "!", "?")) for x in items):
            return True
    return sent.index in {v.index for v in draft.value_sentences}


def _first_real_ask(parts, draft) -> str:
    """The first ask of a list of asks that says what it does: "CLICK HERE
    Just click here and get started" keeps "get started", not a bare "click
    here" (a blind editor)."""
    first = next((p for p in parts if not _BARE_CLICK.fullmatch(p.strip())), parts[0]).strip()
    return grammar.unshout(first, draft.names) if first.isupper() else first


def _dropped(draft, sent) -> str:
    """How an instruction names an ask to drop: the sentence, or, when the ask
    is only the link at the end of a longer line ("purchase order number phone
    number … Order"), that link (not the form's field labels: a blind editor)."""
    asks = draft.asks_in(sent.index)
    text = " ".join(sent.text.split()).rstrip(" .!")
    at = text.lower().rfind(asks[0].lower()) if len(asks) == 1 else -1
    if at > 0 and len(text[:at].split()) > 8 and len(text[at:].split()) <= len(asks[0].split()) + 1:
        return f'the "{text[at:]}" link after "{grammar.excerpt(text[:at].rstrip(), 40)}"'
    offer = len(asks) == 1 and re.match(rf"{re.escape(asks[0])}\s+(?:and|to)\s+((?:receive|get|enjoy|save)\b"
                                        rf"[^.!?,;]*?)(?=\s+and\b|[.!?,;]|$)", text, re.I)
    if offer:
        # "Sign up today and receive FREE Installation": the offer is worth keeping (a blind editor)
        return f'"{asks[0]}" (but move its offer, "{offer.group(1)}", to the ask you keep)'
    return f'"{grammar.excerpt(sent.text, 40)}"'


# the sales-led way in beside a self-serve one
_SALES_PATH = re.compile(r"\b(?:request|book|schedule|get)\s+a\s+(?:personal(?:ised|ized)?\s+|live\s+)?demo\b|"
                         r"\b(?:talk|speak)\s+(?:to|with)\s+(?:sales|our sales team)\b|\bcontact sales\b", re.I)
# what an ask's part gives: "get started with up to 6 users for free", "save 20%"
_OFFER_IN = re.compile(r"\bfree\b|\bup to \d|\b\d+\s?%|[$€£]\s?\d|\btrial\b", re.I)


def stacked(d, s, draft):
    """TL402: keep the first ask of the stack."""
    window = [draft.sentences[i] for i in sorted(draft.ask_sentences) if s.index - 3 < i <= s.index]
    if len(window) <= 1:
        parts = [p for p in _SPLIT.split(s.text.rstrip(" .!")) if p.strip()]
        if len(parts) >= 2 and all(_ASK_VERB.match(p) for p in parts):
            first = _first_real_ask(parts, draft)
            if len(first.split()) == 1:
                # "Like, comment, and share with anyone …": the verbs share the
                # last one's words, so that one stands alone
                first = parts[-1].strip()
            new = grammar.capitalise(first) + "."
            fix = None
            if _movable(draft, s):
                fix = Fix((Edit(s.start, s.end, new),), Applicability.UNSAFE)
            return Rewrite(new, "sentence", s.start, s.end, fix)
    if len(window) >= 2:
        # The ask that lists what the reader gets ("Upgrade now to: …") is
        # the one to keep: dropping it would drop the benefits with it.
        listed = next((w for w in window if _lists_benefits(w, draft)), None)
        keep = max(window, key=lambda w: _keep_score(w, draft))  # the first of equals
        drop = [w for w in window if w is not keep]
        parts = [p for p in _SPLIT.split(keep.text.rstrip(" .!")) if p.strip()]
        dropped = ", ".join(_dropped(draft, x) for x in drop)
        sales = [x for x in drop if _SALES_PATH.search(x.text)]
        if sales and len(sales) == len(drop) and not _SALES_PATH.search(keep.text):
            # a sign-up and a demo serve two kinds of reader (two blind editors: dropping the demo,
            # or the sign-up's "up to 6 users for free", was wrong): one sentence offers both
            return Rewrite(f'Ask once: keep "{grammar.excerpt(keep.text, 60)}" and fold {_dropped(draft, sales[0])} into '
                           f'it as the other way in ("…, or {_SALES_PATH.search(sales[0].text).group(0).lower()} if you '
                           f'would rather see it first"), instead of a separate ask.', "instruction")
        if len(parts) >= 2 and all(_ASK_VERB.match(p) for p in parts) and len(grammar.WORD.findall(parts[0])) <= 8 \
                and not any(_OFFER_IN.search(p) for p in parts[1:]):
            # (not when a later part carries the offer: "… and get started with up to 6 users for free")
            # The kept sentence is itself a list of asks: keep its first real one.
            first = grammar.capitalise(_first_real_ask(parts, draft))
            return Rewrite(f'Ask once: "{first}." is enough; drop the other asks '
                           f'in "{grammar.excerpt(keep.text, 60)}" and {dropped}.', "instruction")
        inner = list(dict.fromkeys(a.lower() for a in draft.asks_in(keep.index)))
        if len(inner) >= 2 and keep is not listed:
            listed = ", ".join(f'"{a}"' for a in inner)
            return Rewrite(f'Ask once: "{grammar.excerpt(keep.text, 60)}" asks {listed}; keep the one that matters '
                           f'most to the reader and drop {dropped}.', "instruction")
        edits = []
        for sent in drop:
            gap = _neighbour_gap(draft, sent) if sent.seg == keep.seg else None
            if gap is None or not sent.writable:
                edits = None
                break
            edits.append(Edit(*gap, ""))
        fix = None
        if edits:
            edits.sort(key=lambda e: e.start)
            if all(a.end <= b.start for a, b in zip(edits, edits[1:])):
                fix = Fix(tuple(edits), Applicability.UNSAFE)
        dropped = ", ".join(dict.fromkeys(_dropped(draft, x) for x in drop))
        if s.text != keep.text and len(s.text.split()) <= 4 and f'"{s.text}"' not in dropped:
            dropped += f' and the "{s.text}" button'  # the flagged ask itself, run into a longer line
        what = " with its list of what the reader gets" if keep is listed else ""
        if all(" ".join(x.text.split()).lower() == " ".join(keep.text.split()).lower() for x in drop):
            # the same line again and again ("click here to see >>" three times)
            return Rewrite(f'Ask once: "{grammar.excerpt(keep.text, 60)}" appears {len(drop) + 1} times; keep one, '
                           f'after what the reader gets there.', "instruction", fix=fix)
        return Rewrite(f'Ask once: keep "{grammar.excerpt(keep.text, 60)}"{what} and drop {dropped}.', "instruction",
                       fix=fix)
    asks = list(dict.fromkeys(a.lower() for a in draft.asks_in(s.index)))
    if len(asks) == 1:
        return Rewrite(f'"{grammar.excerpt(s.text, 60)}" repeats one ask; keep it once, after what this part of the '
                       f'draft gives the reader.', "instruction", fix=None)
    if len(asks) >= 2:
        listed = ", ".join(f'"{a}"' for a in asks)
        return Rewrite(f'Ask once in "{grammar.excerpt(s.text, 70)}": it asks {listed}; keep the one that matters most '
                       f'to the reader and drop the rest.', "instruction", fix=None)
    return None


_CLICK = r"(?:click|tap)\s+(?:on\s+)?(?:here|this link|the link|below)"
_BARE_CLICK = re.compile(r"(?:\W*(?:just\s+)?" + _CLICK + r"\W*)+", re.I)


def link_text(d, s, draft):
    """TL403: the link named by what it leads to, from its own sentence."""
    text = s.text
    if form.HOUSEKEEPING.search(text) or re.search(r"\b(?:remove|removed|eliminated)\b", text, re.I):
        return Rewrite(f'Name the link for what it does — "Unsubscribe" — in "{grammar.excerpt(text, 80)}".', "instruction")
    rules = (
        (r"^(.*?\b(?:does not|doesn't|do not|don't|won't|will not)\s+work)\s*,?\s*" + _CLICK + r"\b.*$",
         lambda m: f"{m.group(1)}, copy this link into your browser:"),
        (r"^(?:please\s+)?" + _CLICK + r"\s+to\s+(.+)$", lambda m: grammar.capitalise(m.group(1))),
        (r"^(?:please\s+)?" + _CLICK + r"\s+for\s+(.+)$",
         lambda m: "Get " + re.sub(r"\s+and\s+to\s+(?=\w)", " and ", m.group(1), flags=re.I)),
        (r"^to\s+(.+?),\s*(?:please\s+)?" + _CLICK + r"\s*([.!]?)$", lambda m: grammar.capitalise(m.group(1)) + (m.group(2) or ".")),
        # (not "For more info, CLICK HERE!" -> "See more info!": still says nothing, a blind editor)
        (r"^for\s+(?!(?:more\s+|further\s+|additional\s+)?(?:info|information|details)\b)(.+?),\s*(?:please\s+)?"
         + _CLICK + r"\s*([.!]?)$", lambda m: "See " + m.group(1) + (m.group(2) or ".")),
        (r"^(.+?)\s*[-—–:]\s*" + _CLICK + r"\s+to\s+(.+)$", lambda m: f"{m.group(1)}: {grammar.capitalise(m.group(2))}"),
    )
    for pattern, build in rules:
        m = re.match(pattern, text, re.I | re.S)
        if m:
            new = build(m)
            if sum(1 for w in grammar.WORD.findall(new) if len(w) > 2 and w.isupper() and not grammar.is_acronym(w)) >= 2:
                new = grammar.unshout(new, draft.names)  # half a line in capitals is no fix
            if grammar.reads(text, new) and len(grammar.WORD.findall(new)) >= 2:
                return sentence_rewrite(s, new)
    # (not "Read more it leads to" when the draft names nothing)
    example = f' — e.g. "Read more about {draft.product}" —' if draft.product else " (what the page shows, in a few words)"
    if form.HOUSEKEEPING.search(text) or re.search(r"\b(?:remove|removed)\b", text, re.I):
        return Rewrite(f'Name the link for what it does — "Unsubscribe" — in "{grammar.excerpt(text, 80)}".', "instruction")
    if len(grammar.WORD.findall(text)) <= 3 and s.index > 0:
        prev = next((p for p in reversed(draft.body) if p.index < s.index and len(grammar.WORD.findall(p.text)) > 3), None)
        if prev is not None:
            return Rewrite(f'Put the link on the words that say what it opens — in "{grammar.excerpt(prev.text, 80)}" — '
                           f'and drop "{grammar.shown(d) or text.strip()}".', "instruction")
    words = grammar.shown(d)
    if words.lower() in ("learn more", "read more", "find out more", "more info", "more information"):
        return Rewrite(f'Make the link say what it opens{example} instead of "{words}".', "instruction")
    if re.match(r"\W*for\s+(?:more\s+|further\s+|additional\s+)?(?:info|information|details)\b", text, re.I):
        return Rewrite(f'Make the link say what it opens{example} instead of "{grammar.excerpt(text, 70)}".',
                       "instruction")
    return Rewrite(f'Make the link name what the reader gets in "{grammar.excerpt(text, 70)}", instead of "{words}".',
                   "instruction")


_URGENT = re.compile(
    r"\s*[,;:—–-]?\s*(?:so\s+|and\s+|but\s+)?(?:please\s+)?(?:act (?:now|fast|today)|hurry(?: up)?|don['’]t (?:wait|delay)|"
    r"do not (?:wait|delay)|now or never|don['’]t miss (?:out|this|it)|do not miss out|before it['’]s too late|"
    r"while (?:supplies|stocks) last|(?:it )?won['’]t last long|will not last long|time is running out|"
    r"(?:selling|going) fast|only a few left|(?:\d+|one|two|three|four|five|seven)\s+(?:days?|weeks?|hours?)\s+only|"
    r"this (?:week|month|weekend) only)(?: on)?\s*[!.,:;]*"
    # ("don't miss it and join us here": the "and" goes with the pressure, the ask it joined stays)
    r"(?P<joined>\s*\band\b(?=\s+[a-z]))?"
    r"|,\s*(?:ending|ends|expiring|expires) soon\b", re.I)
# A real end date is information: ", ending tomorrow" is said calmly, not cut.
_ENDING = re.compile(r",\s*(?:ending|ends|expiring|expires)\s+(tomorrow|tonight|today|this week(?:end)?|on \w+day)\b", re.I)
# "the sale on certifications is over tomorrow": the same real date, said as a verb
_OVER = re.compile(r"\s+(?:is over|closes|ends)\s+(tomorrow|tonight|today|this week(?:end)?|on \w+day)\b", re.I)
_LIMITED = re.compile(r"\b(?:(?:is|are)\s+)?(?:available\s+)?(?:only\s+)?for a limited time(?: only)?|\blimited[- ]time\s+(?=\w)|\b(?:only today|today only)\b", re.I)


def _offer_first(s, draft) -> Rewrite | None:
    """A line that is only pressure ("Don't miss out!!!") ahead of the offer
    itself: the offer leads and the line goes (the editor's own rewrite of a
    sale post), with a question to answer below on a social post."""
    offer = draft.offer_sentence
    if offer is None or offer.index <= s.index:
        return None
    question = f' Then ask something to answer below: "{listening.question(draft)}"' if draft.channel == "social" else ""
    return Rewrite(f'Lead with the offer itself, "{grammar.excerpt(offer.text, 70)}", and drop '
                   f'"{grammar.excerpt(s.text, 50)}".{question}', "instruction", fix=None)


def urgency(d, s, draft):
    """TL404."""
    text = s.text
    if _URGENT_ONLY.match(text) and len(grammar.WORD.findall(text)) <= 4:
        first = _offer_first(s, draft)
        if first is not None:
            return first
    deadline = draft.deadline
    copula = re.match(r"^(.+?)\s+(?:is|are)\s+(?:available\s+)?(?:only\s+)?for a limited time\b", text, re.I)
    if copula and not deadline:
        subject = copula.group(1).strip()
        return Rewrite(f'Drop "{grammar.shown(d)}" and give the date the offer really ends: '
                       f'"{grammar.capitalise(subject)} ends on …"', "instruction")
    def cut(m):
        # between two clauses the cut leaves a semicolon, else a space
        before, after = text[: m.start()].strip(), text[m.end():]
        if m.group(0).strip().startswith(",") and m.group(0).strip().endswith(",") and after.strip():
            return ", "  # an aside between commas: ", 1 week only, through April 19"
        if m.group("joined") and before:
            return ". "  # "… Tracing" - don't miss it and join us here" -> "… Tracing". Join us here"
        return "; " if before and re.match(r"\s*[a-z]", after) and not before.endswith((",", ";", ":")) else " "

    ending = _ENDING.search(text) or _OVER.search(text)
    if ending and not _URGENT.search(text) and not _LIMITED.search(text):
        # A real end date is information (two blind editors: cutting it
        # "guts the post", and "until tomorrow" is the same clock): keep it,
        # as a date the reader can plan around, with a reason besides the clock.
        # On a post, "tomorrow" is also wrong a day later (editors: the date
        # is real, so the finding is about when it is read, not pressure).
        why = ("The deadline is real, but a post is read for days: give it" if draft.channel == "social"
               else "Keep the deadline, but")
        return Rewrite(f'{why} as a date the reader can plan around ("until [weekday, date]") '
                       f'rather than "{ending.group(0).strip(", ")}", and say what the reader gets from '
                       f'"{grammar.excerpt(text[: ending.start()], 60)}".', "instruction")
    new = _URGENT.sub(cut, _ENDING.sub(lambda m: " until " + re.sub(r"^on\s+", "", m.group(1)), text))
    new = re.sub(r"\bonly (?=available\b)", "", new, flags=re.I)

    def limited(m):
        word = m.group(0).lower()
        if "today" in word:
            return "today"
        if word.startswith(("is", "are")):
            verb = word.split()[0]
            return f"{verb} available {deadline}" if deadline else verb
        if "limited" in word and "for" not in word:
            return ""
        return deadline or ""

    new = _LIMITED.sub(limited, new)
    new = re.sub(r"([.!?][\"”’)]?\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), new)
    new = grammar.tidy(new)
    # "Don't miss this opportunity to be part of …" cut to "Opportunity to be part of …" has no verb
    # (two blind editors): the offer, said plainly
    new = re.sub(r"^(?:the\s+)?(opportunity|chance)\b", lambda m: "Here's your " + m.group(1).lower(), new,
                 flags=re.I)
    new = re.sub(r"\b(?:is|are)\s*([,.;!?]|$)", "", new) if re.search(r"\b(?:is|are)\s*[,.;!?]?$", new) else new
    if sum(1 for w in grammar.WORD.findall(new) if len(w) > 2 and w.isupper()) >= 2:
        new = grammar.unshout(new, draft.names)
    if new != text and len(grammar.WORD.findall(new)) >= 2 and grammar.reads(text, new) \
            and grammar.shown(d).lower() not in new.lower() \
            and not re.search(r"\b(?:is|are|was|the|a|an|to|of|for)\s*[.!?]?$", new) \
            and not re.match(r"(?i)\W*(?:until|till|to|for|and|but|or|so|because|than|before)\b", new):
        # (not "Until the last day to submit your application!": the cut turned advice around)
        new = grammar.capitalise(new)
        if new[-1:] not in ".!?" and not re.search(r"https?://\S+$", new):  # (no stop glued to a link)
            new += "."
        return sentence_rewrite(s, new)
    dated = re.search(r"\b(?:is over|closes|closing|expires|expiring|ending)\s+(tomorrow|tonight|today|on \w+day|"
                      r"this week(?:end)?)\b", text, re.I)
    if dated:
        calm = grammar.tidy(re.sub(r"!+", ".", text[: dated.start()] + "ends " + dated.group(1) + text[dated.end():]))
        out = sentence_rewrite(s, calm)
        if out is not None:
            return out
        return Rewrite(f'The date in "{grammar.excerpt(text, 70)}" is real: keep it, and give the reader a reason '
                       f'to act besides the clock.', "instruction")
    when = f' — "{deadline}" is already in the draft' if deadline else ""
    return Rewrite(f'Drop "{grammar.shown(d)}" from "{grammar.excerpt(text, 70)}"; if the offer really ends, give the '
                   f'date plainly{when}.', "instruction")


REWRITERS = {"TL401": premature, "TL402": stacked, "TL403": link_text, "TL404": urgency}
