"""The reciprocity scorecard: how a draft is balanced between sender and reader,
giving and asking, talking and listening.

Nothing here matches text.  The card reads the same model of the message the
document checks read (engine/acts.py): each sentence's acts (ask, value,
question, invitation, acknowledgement, sender, reader, claim), so an ask put
as a question is an ask here too and a numbered how-to step is value.  The
audience count still comes from the hits of blocks tagged `measure: audience`;
the built-in pack's measure blocks are always compiled by the engine (see
`measure_blocks`), so `--select TL1` changes which findings are reported,
never what the scorecard measures.

The formula (weights in docs/scorecard.md, keep the two in step):

    reader focus   30 x min(1, reader share / 0.6), the share counted in sentences:
                      sentences to the reader / (those + sentences about the sender
                      or making claims); neither: half marks
    give first     10 if there is no ask, or the first value sentence comes no
                      later than the first ask sentence; else 0
    give vs ask    10 x min(1, value sentences / asks); no asks: 10
    listening      20 x min(1, listening sentences / 2)
    clean language 30 x max(0, 1 - (audience phrases + claim sentences) / 4)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from ..plural import counted
from ..rules.loader import builtin_dir, load_pack
from ..rules.spec import MEASURES, sub_blocks

WEIGHTS = {"reader_focus": 30, "give_first": 10, "give_vs_ask": 10, "listening": 20, "clean_language": 30}
READER_SHARE_TARGET = 0.6
LISTENING_TARGET = 2
CLEAN_LANGUAGE_ALLOWANCE = 4

VERDICTS = (  # (lowest score, verdict), highest first
    (80, "talks with the reader"),
    (60, "mostly a conversation, with some broadcast"),
    (40, "mostly broadcast"),
    (0, "talks at the reader"),
)


@dataclass
class SentenceMarks:
    """What one sentence does, for the report's timeline strip."""

    index: int
    text: str
    value: bool = False
    ask: bool = False
    reader: bool = False
    listening: bool = False


@dataclass
class Scorecard:
    path: str
    words: int
    sentences: int
    counts: dict  # measure -> number of hits
    reader_share: float | None  # reader / (reader + sender); None without person words
    value_sentences: int
    ask_sentences: int
    first_value: int | None  # 0-based sentence index
    first_ask: int | None
    first_value_share: float | None  # how far into the prose (0..1) the sentence starts
    first_ask_share: float | None
    questions: int  # sentences that are questions to the reader
    invitations: int
    acknowledgements: int
    audience: int
    hype: int  # claim sentences (hype, brags, announcements about the sender)
    parts: dict  # component -> points earned
    score: int
    verdict: str
    # The per-sentence timeline only the HTML report draws: a callable until
    # first read, so text, JSON and SARIF output never build it (and a cached
    # draft never unpickles its Facts for it).
    _marks: object = field(default=None, repr=False, compare=False)
    # The model of the message the card was counted from (engine/acts.py).
    genre: str | None = None
    genre_from: str | None = None
    brand: tuple = ()
    acts: dict = field(default_factory=dict)  # act -> sentences with it
    reader_sentences: int = 0
    sender_sentences: int = 0

    @property
    def timeline(self) -> list:
        if callable(self._marks):
            self._marks = self._marks()
        return self._marks or []

    @property
    def asks_first(self) -> bool:
        return self.first_ask is not None and (self.first_value is None or self.first_ask < self.first_value)

    def as_dict(self) -> dict:
        """The stable data shape carried by JSON and SARIF (docs/scorecard.md)."""
        return {
            "path": self.path,
            "score": self.score,
            "verdict": self.verdict,
            "parts": dict(self.parts),
            "words": self.words,
            "sentences": self.sentences,
            "reader_focus": {
                "reader": self.counts.get("reader", 0),
                "sender": self.counts.get("sender", 0),
                "reader_share": _round(self.reader_share),
                "reader_sentences": self.reader_sentences,
                "sender_sentences": self.sender_sentences,
            },
            "give_vs_ask": {
                "value_sentences": self.value_sentences,
                "ask_sentences": self.ask_sentences,
                "asks": self.counts.get("ask", 0),
                "first_value": _position(self.first_value, self.first_value_share),
                "first_ask": _position(self.first_ask, self.first_ask_share),
                "asks_first": self.asks_first,
            },
            "listening": {
                "questions": self.questions,
                "invitations": self.invitations,
                "acknowledgements": self.acknowledgements,
            },
            "audience_language": self.audience,
            "hype": self.hype,
            "genre": self.genre,
            "genre_from": self.genre_from,
            "brand": list(self.brand),
            "acts": dict(self.acts),
        }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


def _position(index: int | None, share: float | None) -> dict | None:
    """1-based sentence number, as a writer counts, and share of the prose."""
    return None if index is None else {"sentence": index + 1, "share": _round(share)}


def measure_blocks(store=None) -> tuple:
    """The built-in pack's measure-tagged blocks, with the blocks they depend
    on.  Whoever builds an Engine hands it these (engine.core.Engine's
    `measure_blocks`), so the scorecard measures with them whatever rules are
    selected; `store` is the run's RuleStore, if it has one."""
    out = []
    for rule in load_pack(builtin_dir(), store):
        for block in rule.blocks():
            if block.measure:
                out.append(block)
                out.extend(sub_blocks(block))
    return tuple(out)


def score_result(result) -> Scorecard | None:
    """The scorecard of one checked draft (None when the engine left no facts),
    from the tally the run stored on the result (counted here for a result
    that never went through a run, e.g. api.check_text's)."""
    facts = result.facts
    if facts is None:
        return None
    counted = result.tally if result.tally is not None else tally(facts, result.measures)
    return _card(result.path, counted, partial(_timeline, facts, counted["sent_of"]))


def tally(facts, measures: dict) -> dict:
    """Everything the card needs from a draft's Facts, small and plain: the
    run stores it on the result (FileResult.tally), so a cached draft is
    scored without unpickling its Facts."""
    sent_of: dict[str, set] = {m: set() for m in MEASURES}
    counts = dict.fromkeys(MEASURES, 0)
    message = getattr(facts, "message", None)
    from_acts = {"sender", "reader", "ask", "value", "question", "invitation", "acknowledgement"} if message else set()
    for key, found in facts.hits.items():
        measure = measures.get(key)
        if measure and measure not in from_acts:
            counts[measure] += len(found)
            sent_of[measure].update(h.sent for h in found)
    acts: dict = {}
    model = {}
    if message is not None:
        # The message model's acts (engine/acts.py): the same facts the document checks read.
        for act in from_acts:
            counts[act] = len(message.hits.get(act, ()))
            sent_of[act] = set(message.sentences(act))
        # An offer ("If it helps, sign up") is an ask on the reader's terms:
        # not premature, but still something asked of them in give-vs-ask.
        counts["ask"] += len(message.hits.get("offer", ()))
        sent_of["ask"] |= set(message.sentences("offer"))
        # Claims: the claim act, and any sentence a `measure: hype` block found (TL203, TL208–TL211).
        sent_of["hype"] = set(message.sentences("claim")) | sent_of["hype"]
        counts["hype"] = len(sent_of["hype"])
        acts = message.counts()
        model = {"genre": message.genre, "genre_from": message.genre_from, "brand": list(message.brand),
                 "reader_sentences": len(set(message.sentences("reader"))),
                 "sender_sentences": len(set(message.sentences("sender")) | set(message.sentences("claim")))}
    sents = {m: sorted(v) for m, v in sent_of.items()}
    total = sum(s.end - s.start for s in facts.sentences) or 1
    wanted = {v[0] for m, v in sents.items() if m in ("value", "ask") and v}
    shares, before = {}, 0
    for i, s in enumerate(facts.sentences):
        if i in wanted:
            shares[i] = before / total
        before += s.end - s.start
    return {"words": facts.words, "sentences": len(facts.sentences), "counts": counts,
            "sent_of": sents, "shares": shares, "acts": acts, "model": model}


def _card(path: str, counted: dict, marks=None) -> Scorecard:
    counts, sent_of, shares = counted["counts"], counted["sent_of"], counted["shares"]

    def share(i: int | None) -> float | None:
        return None if i is None else shares[i]

    model = counted.get("model") or {}
    if model:  # sentences to the reader against sentences about the sender or making claims
        reader, sender = model["reader_sentences"], model["sender_sentences"]
    else:
        reader, sender = counts["reader"], counts["sender"]
    reader_share = reader / (reader + sender) if reader + sender else None
    value_s, ask_s = sent_of["value"], sent_of["ask"]
    first_value = value_s[0] if value_s else None
    first_ask = ask_s[0] if ask_s else None
    questions = len(sent_of["question"])
    listening = questions + counts["invitation"] + counts["acknowledgement"]
    audience, hype = counts["audience"], counts["hype"]

    focus = 0.5 if reader_share is None else min(1.0, reader_share / READER_SHARE_TARGET)
    gives_first = first_ask is None or (first_value is not None and first_value <= first_ask)
    asks = max(counts["ask"], len(ask_s))  # "Like, comment, and share" is three asks in one sentence
    balance = 1.0 if not ask_s else min(1.0, len(value_s) / asks)
    fractions = {
        "reader_focus": focus,
        "give_first": 1.0 if gives_first else 0.0,
        "give_vs_ask": balance,
        "listening": min(1.0, listening / LISTENING_TARGET),
        "clean_language": max(0.0, 1 - (audience + hype) / CLEAN_LANGUAGE_ALLOWANCE),
    }
    parts = {k: round(WEIGHTS[k] * f, 1) for k, f in fractions.items()}
    score = int(round(sum(WEIGHTS[k] * f for k, f in fractions.items())))
    return Scorecard(
        path=path, words=counted["words"], sentences=counted["sentences"], counts=counts, reader_share=reader_share,
        value_sentences=len(value_s), ask_sentences=len(ask_s), first_value=first_value, first_ask=first_ask,
        first_value_share=share(first_value), first_ask_share=share(first_ask), questions=questions,
        invitations=counts["invitation"], acknowledgements=counts["acknowledgement"], audience=audience, hype=hype,
        parts=parts, score=score, verdict=verdict_for(score), _marks=marks,
        genre=model.get("genre"), genre_from=model.get("genre_from"), brand=tuple(model.get("brand", ())),
        acts=dict(counted.get("acts") or {}), reader_sentences=model.get("reader_sentences", 0),
        sender_sentences=model.get("sender_sentences", 0),
    )


def verdict_for(score: int) -> str:
    for low, text in VERDICTS:
        if score >= low:
            return text
    return VERDICTS[-1][1]


def _timeline(facts, sent_of: dict) -> list[SentenceMarks]:
    flags = {m: set(v) for m, v in sent_of.items()}
    listening = flags["question"] | flags["invitation"] | flags["acknowledgement"]
    out = []
    for i, s in enumerate(facts.sentences):
        seg = facts.segments[s.seg]
        out.append(SentenceMarks(
            index=i, text=seg.text[s.start : s.end].strip(),
            value=i in flags["value"], ask=i in flags["ask"], reader=i in flags["reader"], listening=i in listening,
        ))
    return out


def below(card: Scorecard | None, min_score: int | None) -> bool:
    return card is not None and min_score is not None and card.score < min_score


def failing(results, min_score: int | None) -> list[Scorecard]:
    """Scorecards under `--min-score`; the run's exit code uses this."""
    if min_score is None:
        return []
    cards = (score_result(r) for r in results)
    return [c for c in cards if below(c, min_score)]


# Reporters --------------------------------------------------------------------

def counted_noun(count: int, word: str, plural: str | None = None) -> str:
    return counted(count, word, plural)  # the one pluralising helper (plural.py)


def text_lines(card: Scorecard, min_score: int | None = None) -> list[str]:
    """The block the text reporter prints under a file's findings."""
    share = "n/a" if card.reader_share is None else f"{card.reader_share:.0%}"
    lines = [f"{card.path}: conversation score {card.score}/100 — {card.verdict}"]
    if below(card, min_score):
        lines[0] += f" (below --min-score {min_score})"
    if card.genre:
        brand = f"; sender {', '.join(card.brand)}" if card.brand else ""
        lines.append(f"    genre           {card.genre} (from the {card.genre_from}){brand}")
    if card.genre:
        lines.append(f"    reader focus    {counted_noun(card.reader_sentences, 'sentence')} to the reader, "
                     f"{card.sender_sentences} about the sender or making claims (reader share {share})")
    else:
        lines.append(f"    reader focus    {counted_noun(card.counts['reader'], 'reader word')}, "
                     f"{counted_noun(card.counts['sender'], 'sender word')} (reader share {share})")
    lines.append(f"    give vs ask     {counted_noun(card.value_sentences, 'value sentence')}, "
                 f"{counted_noun(card.ask_sentences, 'ask sentence')}; {order_text(card)}")
    lines.append(f"    listening       {counted_noun(card.questions, 'question')} to the reader, "
                 f"{counted_noun(card.invitations, 'invitation')}, {counted_noun(card.acknowledgements, 'acknowledgement')}")
    hype = counted_noun(card.hype, "claim sentence") if card.genre else counted_noun(card.hype, "hype word")
    lines.append(f"    language        {counted_noun(card.audience, 'audience phrase')}, {hype}")
    return lines


def order_text(card: Scorecard) -> str:
    if card.first_ask is None:
        return "no asks"
    ask = f"first ask in sentence {card.first_ask + 1} of {card.sentences} ({card.first_ask_share:.0%} in)"
    if card.first_value is None:
        return ask + ", with no value given"
    value = f"first value in sentence {card.first_value + 1}"
    return f"{value}, {ask}" if not card.asks_first else f"{ask}, before the {value}"
