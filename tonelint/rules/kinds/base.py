"""What every check kind shares: turning a span and a few numbers into a
Diagnostic with the rule's message and rewrite filled in, and the default
for tuning a kind's numbers per channel.

A kind is one module in this folder with: NAME; DOC (one paragraph for
`tonelint explain` and docs/rules.md); KEYS (its own YAML keys and their
types) and REQUIRED; TWEAKS (what a `channels:` block may tune, and how to
read it); a frozen Spec with `blocks()`; `parse(ctx, data, rule_id) -> Spec`;
`run(rule, ctx)` yielding Diagnostics.  Optional: `tune(spec, tweak)`,
`check_tweak(ctx, tweak, where)` and `explain(spec)`.  kinds/__init__.py
registers it in one line."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ...diagnostics import Diagnostic, Fix
from ...engine.facts import Facts, Hit
from ...plural import counted


class _Fields(dict):
    def __missing__(self, key):  # a template field the rule did not provide stays visible
        return "{" + key + "}"


class _Count(int):
    """A number in a template; `{denominator:time/times}` writes it with the
    noun that agrees with it ("1 time", "3 times"), never "1 times";
    `{count:ask}` takes the regular plural (plural.counted)."""

    def __format__(self, spec: str) -> str:
        if "/" in spec:
            one, many = spec.split("/", 1)
            return f"{int(self)} {one if self == 1 else many}"
        if spec and spec.replace(" ", "").isalpha():
            return counted(int(self), spec)
        return int.__format__(self, spec)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"“])")


def first_sentence(text: str) -> str:
    """A finding carries the one-sentence reason; `tonelint explain` shows the rest."""
    text = " ".join(text.split())
    return _SENTENCE_END.split(text, maxsplit=1)[0]


def render(template: str, fields: dict) -> str:
    try:
        return template.format_map(_Fields({k: _Count(v) if type(v) is int else v for k, v in fields.items()}))
    except (ValueError, IndexError, KeyError, AttributeError):
        return template


@dataclass
class Context:
    text: str
    path: str
    facts: Facts

    def diagnostic(self, rule, start: int, end: int, fields: dict, fix: Fix | None = None,
                   hit: Hit | None = None) -> Diagnostic:
        matched = self.text[start:end]
        fields = dict(fields)
        # The message names the words as the reader sees them: in decoded text
        # the source span holds escapes ("mas=\nses", "target&nbsp;audience")
        # or, in a base64 body, nothing at all.
        shown = " ".join((hit.text if hit is not None and hit.text else matched).split())
        fields.setdefault("match", shown or matched)
        return Diagnostic(
            rule=rule.id,
            family=rule.family,
            level=rule.level,
            start=start,
            end=end,
            matched=matched,
            message=render(rule.message, fields),
            rationale=first_sentence(rule.rationale),
            rewrite=render(rule.rewrite, fields),
            fix=fix,
            path=self.path,
            sentence=hit.sent if hit is not None else None,
        )

    def in_scope(self, rule, hit: Hit, scope: frozenset | None = None) -> bool:
        scope = rule.scope if scope is None else scope
        seg = self.facts.segments[hit.seg]
        if seg.scope in scope:
            return True
        return "link" in scope and seg.in_link(hit.start, hit.end) is not None

    def scoped(self, rule, hits: list[Hit], scope: frozenset | None = None) -> list[Hit]:
        when = getattr(rule, "genre_when", None)
        message = getattr(self.facts, "message", None)
        if when is not None and message is not None and message.genre in when[0]:
            need = {h.sent for h in self.facts.of(when[1].key)}
            hits = [h for h in hits if h.sent in need]
        if "document" in (rule.scope if scope is None else scope):
            return hits
        return [h for h in hits if self.in_scope(rule, h, scope)]


def tune_numbers(spec, tweak: dict, tweaks: dict):
    """The default `tune`: a channel's number replaces the spec's, read as
    the type the spec already holds (a threshold stays a float)."""
    changes = {key: type(getattr(spec, key))(tweak[key]) for key in tweaks if key in tweak and tweaks[key] is not dict}
    return replace(spec, **changes) if changes else spec
