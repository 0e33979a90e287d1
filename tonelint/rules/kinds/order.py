"""Order: an ask must not come first.  A target hit is premature when it stands
in the title/subject or the first body sentence (`opening`), or before the
first sentence with a `before` signal (value given to the reader); with
`after`, only once a sentence with that signal stands before it (the draft
has talked about its sender before asking).  `stack`
flags more than `max` targets within `window` consecutive sentences."""

from __future__ import annotations

from .base import Context


def _opening_sentence(facts) -> int | None:
    for i, s in enumerate(facts.sentences):
        if facts.segments[s.seg].scope not in ("title", "heading"):
            return i
    return None


def run(rule, ctx: Context):
    facts = ctx.facts
    targets = ctx.scoped(rule, facts.of(rule.target.key))
    if not targets:
        return
    if rule.before is not None or rule.opening:
        first_value = None
        if rule.before is not None:
            values = ctx.scoped(rule, facts.of(rule.before.key))  # value counts where the rule looks
            # A subject line or title only promises ("Tips that help you
            # save"); the value has to be given in the body before an ask.
            first_value = min((h.sent for h in values if facts.segments[h.seg].scope != "title"), default=None)
        opening = _opening_sentence(facts)
        after = []
        if rule.after is not None:
            after = sorted({h.sent for h in ctx.scoped(rule, facts.of(rule.after.key))
                            if facts.segments[h.seg].scope != "title"})
        for hit in targets:
            if rule.after is not None and sum(1 for s in after if s < hit.sent) < rule.after_min:
                continue
            in_title = facts.segments[hit.seg].scope == "title"
            value_first = first_value is not None and first_value <= hit.sent
            if rule.opening and in_title:
                early = True
            elif rule.opening and hit.sent == opening:
                early = not value_first
            else:
                early = rule.before is not None and not value_first
            if not early:
                continue
            start, end = facts.source_span(hit)
            where = "the subject line" if in_title else "the opening" if hit.sent == opening else "any value"
            later = None
            if rule.before is not None:
                later = min((h.sent for h in ctx.scoped(rule, facts.of(rule.before.key)) if h.sent > hit.sent),
                            default=None)
            value_at = ("no sentence gives the reader anything" if later is None
                        else f"the first value comes in sentence {later + 1}")
            yield ctx.diagnostic(rule, start, end, {"count": len(targets), "where": where, "sentence": hit.sent + 1,
                                                    "value_at": value_at}, hit=hit)
            if rule.report == "first":
                break
    if rule.stack is not None:
        limit, window = rule.stack
        last_reported = -10**9
        for i in range(limit, len(targets)):
            first = targets[i - limit]
            hit = targets[i]
            if hit.sent - first.sent < window and hit.sent - last_reported >= window:
                start, end = facts.source_span(hit)
                yield ctx.diagnostic(rule, start, end, {"count": limit + 1, "max": limit, "window": window,
                                                        "sentence": hit.sent + 1,
                                                        "sentences": _sentences(first.sent, hit.sent)}, hit=hit)
                last_reported = hit.sent


def _sentences(first: int, last: int) -> str:
    return f"sentence {first + 1}" if first == last else f"sentences {first + 1}–{last + 1}"
