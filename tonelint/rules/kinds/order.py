"""Order: an ask must not come first.  A target hit is premature when it stands
in the title/subject or the first body sentence (`opening`), or before the
first sentence with a `before` signal (value given to the reader).  `stack`
flags more than `max` targets within `window` consecutive sentences."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..spec import Block, block_with_tests, check_keys, parse_block
from .base import Context

NAME = "order"
DOC = ("Flags a `target:` hit that comes too early: in the subject line or opening sentence (`opening: true`) "
       "or before the first `before:` hit (with `given_later: true`, only when a `before:` hit follows it, "
       "when a sales claim comes before it outside a web page or README, or when the draft is a sales pitch "
       "throughout; with `given_after: N`, not on a web page after N words that neither sell nor only talk about "
       "the sender); `stack:` flags more than `max` targets within `window` sentences.")
KEYS = {"target": dict, "before": dict, "opening": bool, "report": str, "stack": dict, "unless": dict,
        "when": dict, "given_later": bool, "given_after": int}
REQUIRED = ("target",)
TWEAKS = {"stack": dict}
STACK_KEYS = {"max": int, "window": int}


@dataclass(frozen=True)
class Spec:
    target: Block
    before: Block | None = None
    opening: bool = False
    report: str = "first"
    stack: tuple[int, int] | None = None
    given_later: bool = False
    given_after: int = 0

    def blocks(self) -> list[Block]:
        return [b for b in (self.target, self.before) if b]


def parse(ctx, data, rid: str) -> Spec:
    target = block_with_tests(ctx, data, "target", rid)
    before = parse_block(ctx, data["before"], f"{rid}:before", "before") if "before" in data else None
    opening = bool(data.get("opening", False))
    report = data.get("report", "first")
    if report not in ("first", "all"):
        ctx.fail(data, "report", "must be first or all")
    stack = None
    if "stack" in data:
        check_keys(ctx, data["stack"], STACK_KEYS, "stack")
        stack = (int(data["stack"].get("max", 2)), int(data["stack"].get("window", 3)))
    if not (before or opening or stack):
        ctx.fail(data, None, "an order rule needs before, opening: true, or stack")
    given_later = bool(data.get("given_later", False))
    if given_later and before is None:
        ctx.fail(data, "given_later", "needs a before: block (the value that should come first)")
    given_after = data.get("given_after", 0)
    if not isinstance(given_after, int) or isinstance(given_after, bool) or given_after < 0:
        ctx.fail(data, "given_after", "must be a whole number of words, 0 or more")
    if given_after and before is None:
        ctx.fail(data, "given_after", "needs a before: block (the value that should come first)")
    return Spec(target=target, before=before, opening=opening, report=report, stack=stack, given_later=given_later,
                given_after=given_after)


def check_tweak(ctx, tweak: dict, where: str) -> None:
    if "stack" in tweak:
        check_keys(ctx, tweak["stack"], STACK_KEYS, f"{where}.stack")


def tune(spec: Spec, tweak: dict) -> Spec:
    """A channel's `stack: {max, window}` overrides either number, keeping the other."""
    if "stack" not in tweak or spec.stack is None:
        return spec
    return replace(spec, stack=(int(tweak["stack"].get("max", spec.stack[0])),
                                int(tweak["stack"].get("window", spec.stack[1]))))


def _opening_sentence(facts) -> int | None:
    for i, s in enumerate(facts.sentences):
        if facts.segments[s.seg].scope not in ("title", "heading"):
            return i
    return None


def run(rule, ctx: Context):
    spec = rule.spec
    facts = ctx.facts
    targets = ctx.scoped(rule, facts.of(spec.target.key))
    if not targets:
        return
    if spec.before is not None or spec.opening:
        first_value = None
        if spec.before is not None:
            values = ctx.scoped(rule, facts.of(spec.before.key))  # value counts where the rule looks
            # A subject line or title only promises ("Tips that help you
            # save"); the value has to be given in the body before an ask.
            first_value = min((h.sent for h in values if facts.segments[h.seg].scope != "title"), default=None)
        opening = _opening_sentence(facts)
        last_value = None
        if spec.before is not None:
            last_value = max((h.sent for h in values if facts.segments[h.seg].scope != "title"), default=None)
        for hit in targets:
            in_title = facts.segments[hit.seg].scope == "title"
            value_first = first_value is not None and first_value <= hit.sent
            if spec.opening and in_title:
                early = True
            elif spec.opening and hit.sent == opening:
                early = not value_first
            else:
                early = spec.before is not None and not value_first
                if spec.given_later and (last_value is None or last_value <= hit.sent) \
                        and not _sold_first(facts.message, hit.sent):
                    early = False  # nothing is given after it either: not an order problem
                if early and spec.given_after and getattr(facts.message, "page", False) \
                        and _body_words(facts, hit.sent) >= spec.given_after:
                    # a page this long before its button has given the reader something; not mail,
                    # where a long pitch before "order now" is how bulk mail reads (2002 spam)
                    early = False
            if not early:
                continue
            start, end = facts.source_span(hit)
            where = ("in the subject line" if in_title else "in the opening" if hit.sent == opening
                     else "nothing of value comes before it")
            later = None
            if spec.before is not None:
                later = min((h.sent for h in ctx.scoped(rule, facts.of(spec.before.key)) if h.sent > hit.sent),
                            default=None)
            value_at = ("no sentence gives the reader anything" if later is None
                        else f"the first value comes in sentence {later + 1}")
            at = "the subject line" if in_title else f"sentence {hit.sent + 1}"
            yield ctx.diagnostic(rule, start, end, {"count": len(targets), "where": where, "sentence": hit.sent + 1,
                                                    "at": at, "value_at": value_at}, hit=hit)
            if spec.report == "first":
                break
    if spec.stack is not None:
        limit, window = spec.stack
        last_reported = -10**9
        # one ask where the words run on: "please consider making a donation"
        # asks once, whichever of its words the lists know (a blind editor);
        # "Like, comment, and share" still asks three times
        targets = [h for k, h in enumerate(targets) if k == 0 or not _runs_on(facts, targets[k - 1], h)]
        for i in range(limit, len(targets)):
            first = targets[i - limit]
            hit = targets[i]
            if hit.sent - first.sent < window and hit.sent - last_reported >= window:
                start, end = facts.source_span(hit)
                yield ctx.diagnostic(rule, start, end, {"count": limit + 1, "max": limit, "window": window,
                                                        "sentence": hit.sent + 1,
                                                        "sentences": _sentences(first.sent, hit.sent)}, hit=hit)
                last_reported = hit.sent


_SELLING = frozenset({"sender", "claim", "ask", "pitch", "promotion"})


def _selling(acts) -> frozenset:
    """The acts that keep a sentence from counting as given: a sentence about the sender counts when
    it speaks to the reader too ("Use our hosted API, deploy to your own private cloud, or run
    on-premise" over an enterprise page's "Start now", set AY); "we have been working hard" does not."""
    return _SELLING - {"sender"} if "reader" in acts else _SELLING


def _body_words(facts, before: int) -> int:
    """Words of the body before sentence `before` that neither sell nor only talk about the sender
    (_selling): not the title, not headings (a pricing table's rows and a feature list's items count; "we have been working
    hard in private beta" does not)."""
    acts = getattr(facts.message, "acts", None) or [()] * len(facts.sentences)
    return sum(len(facts.segments[s.seg].text[s.start:s.end].split())
               for i, s in enumerate(facts.sentences[:before])
               if facts.segments[s.seg].scope not in ("title", "heading") and not (set(acts[i]) & _selling(acts[i])))


def _runs_on(facts, a, b) -> bool:
    """Two hits in one sentence with only spaces between them: one phrase."""
    return a.sent == b.sent and a.seg == b.seg and 0 <= b.start - a.end <= 2 \
        and not facts.segments[a.seg].text[a.end:b.start].strip()


def _sold_first(message, sent: int) -> bool:
    """The draft is a pitch throughout, or a sales claim or hype comes before
    this sentence: an ask made on the strength of a claim is premature even
    when the draft never gives anything."""
    if message is None:
        return True
    if message.pitched:
        return True
    # A sales claim is the pitch an ask rides on ("You can earn $5,000 a week. Click here"); on a
    # web page, claims and prices describe what is on offer before its button ("automating 200
    # million tasks a month … sign up to try it", a pricing table's "$19/mo … Start free trial"):
    # held-out labels and blind editors called those asks fine.  A page that is a pitch
    # throughout is still one.
    return not message.page and any(acts & {"pitch", "claim"} for acts in message.acts[:sent])


def _sentences(first: int, last: int) -> str:
    return f"sentence {first + 1}" if first == last else f"sentences {first + 1}–{last + 1}"
